package com.tabletalk.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client written by hand on a plain socket, for what well-behaved clients cannot do: never read
 * (with a tiny receive buffer), send frames that break the protocol, or send bytes that are not UTF-8.
 */
final class RawSocket implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    final int handshakeStatus;
    Integer closeCode;

    private RawSocket(Socket socket, int handshakeStatus) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.handshakeStatus = handshakeStatus;
    }

    /** Connects and upgrades; {@code receiveBuffer} > 0 shrinks the kernel's buffer before connecting. */
    static RawSocket open(String host, int port, String path, int receiveBuffer, String extraHeaders)
            throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(10_000);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n" + (extraHeaders == null ? "" : extraHeaders) + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        String head = readHead(socket.getInputStream());
        int status = head.length() > 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
        return new RawSocket(socket, status);
    }

    /** Sends raw bytes as an HTTP request and returns the status of the answer (-1 when the server just closes). */
    static int rawHttp(String host, int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            String head = readHead(socket.getInputStream());
            return head.startsWith("HTTP/1.1 ") && head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    void sendText(String text) throws IOException {
        frame(0x1, text.getBytes(StandardCharsets.UTF_8), true, true);
    }

    /** One frame; clients must mask, so {@code masked=false} is a protocol error on purpose. */
    void frame(int opcode, byte[] payload, boolean fin, boolean masked) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | (opcode & 0x0f));
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(maskBit | payload.length);
        } else if (payload.length < 65536) {
            frame.write(maskBit | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (((long) payload.length >>> shift) & 0xff));
            }
        }
        byte[] mask = new byte[4];
        if (masked) {
            ThreadLocalRandom.current().nextBytes(mask);
            frame.write(mask, 0, 4);
        }
        for (int i = 0; i < payload.length; i++) {
            frame.write(masked ? payload[i] ^ mask[i % 4] : payload[i]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /**
     * Reads (and drops) whatever the server sent until it closes the connection; true when it did so within the
     * time. Notes the close code if a close frame came.
     */
    boolean awaitClosedByServer(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        try {
            socket.setSoTimeout(250);
            byte[] buffer = new byte[65536];
            ByteArrayOutputStream tail = new ByteArrayOutputStream();
            while (System.currentTimeMillis() < deadline) {
                try {
                    int n = in.read(buffer);
                    if (n < 0) {
                        findCloseCode(tail.toByteArray());
                        return true;
                    }
                    tail.write(buffer, 0, n);
                    if (tail.size() > 1 << 20) {
                        byte[] keep = tail.toByteArray();
                        tail.reset();
                        tail.write(keep, keep.length - 4096, 4096);
                    }
                } catch (SocketTimeoutException quiet) {
                    // keep waiting
                }
            }
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /**
     * Reads the server's (unmasked) frames for up to {@code millis}, returning the text ones; stops early after a
     * text containing {@code until}, or when the server closes (noting the close code).
     */
    java.util.List<String> drainTexts(long millis, String until) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        try {
            socket.setSoTimeout((int) Math.max(1, millis));
            while (System.currentTimeMillis() < deadline) {
                int b0 = in.read();
                if (b0 < 0) {
                    return texts;
                }
                int b1 = in.read();
                long length = b1 & 0x7f;
                if (length == 126) {
                    length = (in.read() << 8) | in.read();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | in.read();
                    }
                }
                byte[] payload = in.readNBytes((int) length);
                int opcode = b0 & 0x0f;
                if (opcode == 0x8) {
                    closeCode = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                    return texts;
                }
                if (opcode == 0x1) {
                    String text = new String(payload, StandardCharsets.UTF_8);
                    texts.add(text);
                    if (until != null && text.contains(until)) {
                        return texts;
                    }
                }
            }
        } catch (IOException timedOutOrReset) {
            // what arrived so far is the answer
        }
        return texts;
    }

    private void findCloseCode(byte[] bytes) {
        for (int i = bytes.length - 4; i >= 0; i--) {
            if ((bytes[i] & 0xff) == 0x88
                    && (bytes[i + 1] & 0x80) == 0
                    && (bytes[i + 1] & 0x7f) >= 2
                    && i + 4 <= bytes.length) {
                closeCode = ((bytes[i + 2] & 0xff) << 8) | (bytes[i + 3] & 0xff);
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
