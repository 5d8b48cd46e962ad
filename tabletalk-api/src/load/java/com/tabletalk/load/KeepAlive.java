package com.tabletalk.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A fixed set of persistent HTTP/1.1 connections to one address, written by hand on non-blocking sockets and driven
 * by the one thread that calls {@link #poll}: a request goes out on an idle connection, one request per connection
 * at a time, and its answer (status line, headers, a body framed by Content-Length or chunked) is handed to the
 * listener on that same thread. Costs a few system calls per request, where a general client costs threads, futures
 * and copies, so a load generator on a small machine measures the service rather than itself.
 */
final class KeepAlive implements AutoCloseable {

    /** What came back for a request sent with {@code tag}; status -1 when the connection failed first. */
    interface Listener {
        void answered(long tag, int status, byte[] body);
    }

    private static final byte[] NO_BODY = new byte[0];

    private final InetSocketAddress address;
    private final Listener listener;
    private final Selector selector;
    private final List<Connection> all = new ArrayList<>();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> broken = new ArrayList<>();
    private long lastRepair;
    private int inFlight;

    KeepAlive(String host, int port, int connections, Listener listener) throws IOException {
        this.address = new InetSocketAddress(host, port);
        this.listener = listener;
        this.selector = Selector.open();
        try {
            for (int i = 0; i < connections; i++) {
                Connection connection = new Connection();
                connection.open();
                all.add(connection);
                idle.addLast(connection);
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    boolean hasIdle() {
        return !idle.isEmpty();
    }

    int inFlight() {
        return inFlight;
    }

    /** Sends on an idle connection ({@link #hasIdle} must be true); the answer will carry {@code tag}. */
    void send(byte[] request, long tag) {
        Connection connection = idle.pollFirst();
        if (connection == null) {
            throw new IllegalStateException("no idle connection");
        }
        connection.busy = true;
        connection.tag = tag;
        inFlight++;
        connection.sentAt = System.nanoTime();
        connection.out = ByteBuffer.wrap(request);
        connection.write();
    }

    /** Waits up to {@code millis} (at least 1) for answers and handles what arrived. */
    void poll(long millis) throws IOException {
        selector.select(Math.max(1, millis));
        for (SelectionKey key : selector.selectedKeys()) {
            Connection connection = (Connection) key.attachment();
            if (!key.isValid()) {
                continue;
            }
            if (key.isWritable()) {
                connection.write();
            }
            if (key.isValid() && key.isReadable()) {
                connection.read();
            }
        }
        selector.selectedKeys().clear();
        repair();
    }

    /** Gives up on requests sent at least {@code nanos} before {@code now} (tags are System.nanoTime() values). */
    void expire(long now, long nanos) {
        for (Connection connection : all) {
            if (connection.busy && now - connection.sentAt >= nanos) {
                connection.fail();
            }
        }
    }

    /** Answers every request still waiting with -1 and closes the connections. */
    @Override
    public void close() {
        for (Connection connection : all) {
            if (connection.busy) {
                connection.busy = false;
                inFlight--;
                listener.answered(connection.tag, -1, NO_BODY);
            }
            connection.closeChannel();
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Reopens failed connections, at most every 100 ms, so a restarting target is not hammered. */
    private void repair() {
        if (broken.isEmpty() || System.nanoTime() - lastRepair < 100_000_000L) {
            return;
        }
        lastRepair = System.nanoTime();
        for (Connection connection : List.copyOf(broken)) {
            try {
                connection.open();
                broken.remove(connection);
                idle.addLast(connection);
            } catch (IOException stillDown) {
                return;
            }
        }
    }

    private final class Connection {

        private SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer out;
        private byte[] in = new byte[4096];
        private int length;
        private boolean busy;
        private long tag;
        private long sentAt;

        void open() throws IOException {
            SocketChannel opened = SocketChannel.open();
            try {
                opened.socket().connect(address, 5_000);
                opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
                opened.configureBlocking(false);
                key = opened.register(selector, SelectionKey.OP_READ, this);
            } catch (IOException e) {
                opened.close();
                throw e;
            }
            channel = opened;
            length = 0;
        }

        void write() {
            try {
                channel.write(out);
                if (out.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                } else {
                    out = null;
                    key.interestOps(SelectionKey.OP_READ);
                }
            } catch (IOException e) {
                fail();
            }
        }

        void read() {
            try {
                while (true) {
                    if (length == in.length) {
                        in = Arrays.copyOf(in, in.length * 2);
                    }
                    int n = channel.read(ByteBuffer.wrap(in, length, in.length - length));
                    if (n < 0) {
                        closedByServer();
                        return;
                    }
                    if (n == 0) {
                        return;
                    }
                    length += n;
                    if (answer(false)) {
                        return;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                fail();
            }
        }

        /**
         * Hands over the answer if all of it has arrived; true when it did. With {@code atEnd}, a body with neither
         * Content-Length nor chunked framing ends here.
         */
        private boolean answer(boolean atEnd) {
            int headEnd = indexOf(in, length, 0, "\r\n\r\n");
            if (headEnd < 0) {
                return false;
            }
            String head = new String(in, 0, headEnd, StandardCharsets.ISO_8859_1);
            int status = head.startsWith("HTTP/1.") && head.length() >= 12 ? parseStatus(head) : -1;
            int start = headEnd + 4;
            long contentLength = -1;
            boolean chunked = false;
            boolean close = false;
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    contentLength = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            byte[] body;
            int end;
            if (chunked) {
                Chunks chunks = dechunk(start);
                if (chunks == null) {
                    return false;
                }
                body = chunks.body;
                end = chunks.end;
            } else if (contentLength >= 0) {
                if (length - start < contentLength) {
                    return false;
                }
                end = start + (int) contentLength;
                body = Arrays.copyOfRange(in, start, end);
            } else if ((status >= 100 && status < 200) || status == 204 || status == 304) {
                end = start;
                body = NO_BODY;
            } else if (atEnd) {
                end = length;
                body = Arrays.copyOfRange(in, start, end);
                close = true;
            } else {
                return false;
            }
            System.arraycopy(in, end, in, 0, length - end);
            length -= end;
            if (!busy) {
                // An answer nobody asked for: the connection is out of step, start it over.
                fail();
                return true;
            }
            busy = false;
            inFlight--;
            listener.answered(tag, status, body);
            if (close) {
                closeChannel();
                broken.add(this);
            } else {
                idle.addLast(this);
            }
            return true;
        }

        private Chunks dechunk(int start) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = start;
            while (true) {
                int lineEnd = indexOf(in, length, at, "\r\n");
                if (lineEnd < 0) {
                    return null;
                }
                String sizeText = new String(in, at, lineEnd - at, StandardCharsets.ISO_8859_1);
                int semicolon = sizeText.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(), 16);
                at = lineEnd + 2;
                if (size == 0) {
                    int trailersEnd = length - at >= 2 && in[at] == '\r' && in[at + 1] == '\n'
                            ? at + 2
                            : indexOf(in, length, at, "\r\n\r\n") + 4;
                    return trailersEnd < at ? null : new Chunks(body.toByteArray(), trailersEnd);
                }
                if (length - at < size + 2) {
                    return null;
                }
                body.write(in, at, size);
                at += size + 2;
            }
        }

        private void closedByServer() {
            if (!(busy && length > 0 && answer(true))) {
                fail();
            }
        }

        /** The connection broke: its request (if any) has no answer; it is reopened later. */
        void fail() {
            if (busy) {
                busy = false;
                inFlight--;
                listener.answered(tag, -1, NO_BODY);
            }
            closeChannel();
            idle.remove(this);
            if (!broken.contains(this)) {
                broken.add(this);
            }
        }

        void closeChannel() {
            out = null;
            length = 0;
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    private record Chunks(byte[] body, int end) {}

    private static int parseStatus(String head) {
        try {
            return Integer.parseInt(head.substring(9, 12));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int indexOf(byte[] bytes, int length, int from, String what) {
        int last = length - what.length();
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < what.length(); j++) {
                if (bytes[i + j] != what.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
