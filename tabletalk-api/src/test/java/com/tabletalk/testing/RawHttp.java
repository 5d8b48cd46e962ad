package com.tabletalk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One HTTP/1.1 exchange on a plain socket, for requests that well-behaved clients refuse to send. */
public final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp() {}

    /** The status, the headers (names in lower case) and the body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + this, e);
            }
        }
    }

    public static Answer send(int port, String requestLine) {
        return send(port, requestLine, "", new byte[0]);
    }

    /** Sends {@code requestLine}, {@code headers} (each ending in CRLF) and {@code body}; reads one answer. */
    public static Answer send(int port, String requestLine, String headers, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            String connection = headers.toLowerCase(Locale.ROOT).contains("connection:") ? "" : "Connection: close\r\n";
            String head = requestLine + "\r\nHost: 127.0.0.1:" + port + "\r\n" + connection + headers
                    + (body.length > 0 ? "Content-Length: " + body.length + "\r\n" : "") + "\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String[] lines = line(in, "\r\n\r\n").split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(
                    lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        int status = Integer.parseInt(lines[0].substring(9, 12));
        byte[] body;
        if (status == 204 || status == 304) {
            body = new byte[0];
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size;
                    (size = Integer.parseInt(line(in, "\r\n").strip().split(";")[0], 16)) > 0;
                    line(in, "\r\n")) {
                chunks.write(in.readNBytes(size));
            }
            body = chunks.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** The bytes up to {@code end}, which is consumed but not returned. */
    private static String line(InputStream in, String end) throws IOException {
        StringBuilder text = new StringBuilder();
        while (!text.toString().endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("The answer ended early: " + text);
            }
            text.append((char) b);
        }
        return text.substring(0, text.length() - end.length());
    }
}
