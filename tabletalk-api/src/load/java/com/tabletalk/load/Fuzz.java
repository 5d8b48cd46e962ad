package com.tabletalk.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Malformed input for every door: REST bodies, paths, headers and raw request bytes, and WebSocket messages and
 * frames. None of it may get a 5xx, crash the service, or change a session (commands only ever carry versions
 * other than the current one).
 */
final class Fuzz {

    /** A target session, with a participant's token and the version it stood at when fuzzing began. */
    record Target(String sessionId, String token, long version) {
    }

    final Map<String, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
    final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger restRequests = new AtomicInteger();
    final AtomicInteger rawRequests = new AtomicInteger();
    final AtomicInteger wsMessages = new AtomicInteger();
    final AtomicInteger wsInternalErrors = new AtomicInteger();
    final AtomicInteger wsServerErrorCloses = new AtomicInteger();
    final AtomicInteger abusiveLeftOpen = new AtomicInteger();
    final AtomicInteger abusiveClosed = new AtomicInteger();

    private final String host;
    private final int port;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final long seed;

    Fuzz(String target, long seed) {
        URI uri = URI.create(target);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.base = target.replaceAll("/+$", "") + "/api";
        this.seed = seed;
    }

    // ---- values ----------------------------------------------------------------------------------------------

    static String deepJson(int depth, boolean object) {
        StringBuilder s = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            s.append(object ? "{\"a\":" : "[");
        }
        s.append("1");
        for (int i = 0; i < depth; i++) {
            s.append(object ? "}" : "]");
        }
        return s.toString();
    }

    static String randomText(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) (random.nextInt(3) == 0 ? 0x20 + random.nextInt(0x5f) : 1 + random.nextInt(0xd7fe)));
        }
        return s.toString();
    }

    /** A version that is never the current one: stale replays, out of range, wrong types. */
    static String badVersion(Random random, long current) {
        String[] odd = {"0", "-1", "1e400", "99999999999999999999999999", "9223372036854775808", "-9223372036854775809",
            "1.5", "\"1\"", "\"" + current + "\"", "true", "null", "[]", "{}", "NaN", "0x10", Long.toString(current + 1000)};
        if (random.nextBoolean() && current > 1) {
            return Long.toString(1 + (long) random.nextInt((int) Math.min(Integer.MAX_VALUE, current - 1)));
        }
        return odd[random.nextInt(odd.length)];
    }

    /** A command or message that must change nothing. */
    static String badMessage(Random random, long current) {
        String[] types = {"next", "reveal", "ready", "answer", "end", "hello", "ping", "NEXT", "nope", "", "__proto__", "state"};
        String type = types[random.nextInt(types.length)];
        return switch (random.nextInt(16)) {
            case 0 -> randomText(random, 1 + random.nextInt(200));
            case 1 -> deepJson(200 + random.nextInt(3000), random.nextBoolean());
            case 2 -> "{\"type\":\"" + type + "\",\"version\":" + badVersion(random, current) + "}";
            case 3 -> "{\"type\":\"next\",\"version\":" + badVersion(random, current) + "}";
            case 4 -> "{\"type\":\"end\",\"version\":" + badVersion(random, current) + "}";
            case 5 -> "{\"type\":\"answer\",\"optionId\":" + pick(random, "\"z\"", "5", "null", "\"a\"", "[\"a\"]", "\"" + "a".repeat(300) + "\"")
                    + ",\"version\":" + badVersion(random, current) + "}";
            case 6 -> "{\"type\":\"ready\",\"ready\":" + pick(random, "\"yes\"", "1", "null", "{}", "true") + ",\"version\":" + badVersion(random, current) + "}";
            case 7 -> "{\"type\":" + pick(random, "1", "null", "true", "[]", "{}", "\"" + type + "\"") + "}";
            case 8 -> pick(random, "[]", "null", "42", "\"next\"", "true", "{}", "", " ", "{\"type\":\"next\"}", "{\"version\":1}");
            case 9 -> "{\"type\":\"next\",\"version\":" + badVersion(random, current) + ",\"type\":\"end\"}";
            case 10 -> "{\"type\":\"next\",\"version\":" + badVersion(random, current) + ",\"extra\":" + deepJson(50, true) + "}";
            case 11 -> "{\"type\":\"hello\",\"token\":" + pick(random, "null", "1", "\"\"", "\"" + "x".repeat(5000) + "\"", "\"../../etc\"") + "}";
            case 12 -> "{\"type\":\"next\",\"version\":" + badVersion(random, current) + "";
            case 13 -> "{\"type\":\"reveal\",\"version\":" + badVersion(random, current) + ",\"session\":{\"version\":1}}";
            case 14 -> "\uFEFF{\"type\":\"next\",\"version\":" + badVersion(random, current) + "}";
            default -> "{\"type\":\"" + type + "\",\"version\":" + badVersion(random, current) + ",\"optionId\":\"b\",\"ready\":false}";
        };
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    // ---- REST ------------------------------------------------------------------------------------------------

    private HttpRequest restCase(Random random, Target target) {
        String session = target.sessionId();
        String body = badMessage(random, target.version());
        String[] paths = {"/sessions", "/sessions/" + session + "/commands", "/sessions/" + session + "/participants",
            "/sessions/" + session, "/sessions/not-a-uuid/commands", "/sessions/" + session.toUpperCase() + "x/commands",
            "/sessions/%00", "/sessions/..%2f..%2fetc%2fpasswd", "/sessions/" + "9".repeat(2000), "/tables/%20/qr.svg",
            "/tables/t1/qr.png?size=" + pick(random, "-1", "0", "99999999", "abc", "1e9", "9223372036854775808"),
            "/sessions/" + session + "/qr.svg?x=" + "%ff".repeat(50), "/contexts?context=" + "[".repeat(100),
            "/sessions/" + session + "/live", "/sessions/00000000-0000-0000-0000-000000000000/commands"};
        String path = paths[random.nextInt(paths.length)];
        if (random.nextInt(4) == 0 && path.startsWith("/sessions")) {
            body = switch (random.nextInt(4)) {
                case 0 -> "{\"tableToken\":" + pick(random, "\"" + "t".repeat(65) + "\"", "1", "null", "\"a b\"", "\"t1\"")
                        + ",\"context\":" + pick(random, "\"exploring\"", "\"EXPLORING\"", "\"x\"", "1", "[]")
                        + ",\"mode\":" + pick(random, "\"triple\"", "\"dual\"", "null", "{}") + "}";
                case 1 -> "x".repeat(17 * 1024);
                case 2 -> "{\"tableToken\":\"t1\",\"context\":\"exploring\",\"mode\":\"dual\",\"n\":" + "9".repeat(5000) + "}";
                default -> deepJson(5000, false);
            };
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.replace(" ", "%20"))).timeout(Duration.ofSeconds(20));
        String contentType = pick(random, "application/json", "application/json", "text/plain", "application/x-www-form-urlencoded",
                "application/json; charset=utf-16", "multipart/form-data; boundary=x", "*/*", "application/json;;;");
        request.header("Content-Type", contentType);
        request.header("X-Forwarded-For", random.nextInt(5) == 0
                ? pick(random, "not-an-ip", "1.1.1.1, 2.2.2.2, " + "3".repeat(500), "::1", "999.1.1.1", ",,,")
                : Api.randomAddress());
        switch (random.nextInt(6)) {
            case 0 -> request.header("Authorization", "Bearer " + target.token());
            case 1 -> request.header("Authorization", pick(random, "Bearer ", "Bearer x", "Basic YTpi", "Bearer " + "A".repeat(4000),
                    "bearer " + target.token(), "Bearer " + target.token() + "x"));
            default -> { }
        }
        if (random.nextInt(8) == 0) {
            request.header("Accept", pick(random, "text/html", "application/xml", "*/*;q=abc", "image/png"));
        }
        String method = random.nextInt(6) == 0 ? pick(random, "PUT", "DELETE", "PATCH", "GET", "OPTIONS") : "POST";
        request.method(method, HttpRequest.BodyPublishers.ofString(body));
        return request.build();
    }

    /** {@code count} REST requests from {@code parallel} threads. */
    void rest(List<Target> targets, int count, int parallel) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel, Rig.daemon("fuzz-rest"));
        for (int i = 0; i < count; i++) {
            int n = i;
            pool.execute(() -> {
                Random random = new Random(seed + n);
                HttpRequest request;
                try {
                    request = restCase(random, targets.get(random.nextInt(targets.size())));
                } catch (IllegalArgumentException unsendable) {
                    return;
                }
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    restRequests.incrementAndGet();
                    statuses.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
                    if (response.statusCode() >= 500) {
                        serverErrors.add(request.method() + " " + request.uri() + " -> " + response.statusCode() + " "
                                + response.body().substring(0, Math.min(200, response.body().length())));
                    }
                } catch (Exception e) {
                    statuses.merge("io:" + e.getClass().getSimpleName(), 1, Integer::sum);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
    }

    /** Bytes no HTTP client library would send: broken request lines, headers, lengths and encodings. */
    void rawHttp(List<Target> targets, int rounds) {
        String session = targets.get(0).sessionId();
        String[] requests = {
            "GET /api/sessions/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /api/sessions/" + session + " HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n",
            "POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n{}",
            "POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\nContent-Length: 2\r\n\r\n{}",
            "POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
            "POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
            "POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{",
            "GET /" + "a".repeat(20000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20000) + "\r\n\r\n",
            "BREW /api/health HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /api/health HTTP/9.9\r\nHost: x\r\n\r\n",
            "GET /api/sessions/" + session + "/live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 99\r\n\r\n",
            "GET /api/sessions/" + session + "/live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n\r\n",
            "GET /api/sessions/not-a-uuid/live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
            "GET /api/sessions/" + session + "/live HTTP/1.1\r\nHost: x\r\nOrigin: http://evil.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
            "\u0000\u0001\u0002\r\n\r\n",
            "GET /api/sessions/" + session + "\u0000 HTTP/1.1\r\nHost: x\r\n\r\n",
        };
        for (int round = 0; round < rounds; round++) {
            for (String request : requests) {
                int status = RawSocket.rawHttp(host, port, request.getBytes(StandardCharsets.ISO_8859_1));
                rawRequests.incrementAndGet();
                statuses.merge("raw:" + status, 1, Integer::sum);
                // 501 and 505 are Jetty's correct answers to an unknown method or HTTP version, not failures.
                if (status >= 500 && status != 501 && status != 505) {
                    serverErrors.add("raw " + request.substring(0, Math.min(60, request.length())).replace("\r\n", " | ") + " -> " + status);
                }
            }
        }
    }

    // ---- WebSocket -------------------------------------------------------------------------------------------

    /**
     * Each fuzzing socket says hello with a token whose participant is already connected (so its presence changes
     * nothing) and sends up to 35 bad messages (inside the burst the server allows); others misbehave on purpose
     * and must be closed: a flood, an oversized message, a broken frame, silence instead of hello.
     */
    void webSocket(List<Target> targets, int sockets, int messagesPerSocket) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(16, Rig.daemon("fuzz-ws"));
        for (int i = 0; i < sockets; i++) {
            int n = i;
            pool.execute(() -> oneFuzzSocket(new Random(seed * 31 + n), targets.get(n % targets.size()), messagesPerSocket));
        }
        for (int i = 0; i < Math.max(4, sockets / 10); i++) {
            int n = i;
            pool.execute(() -> oneAbusiveSocket(n % 5, targets.get(n % targets.size())));
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
    }

    private String livePath(Target target) {
        return "/api/sessions/" + target.sessionId() + "/live";
    }

    private void oneFuzzSocket(Random random, Target target, int messages) {
        try (RawSocket socket = RawSocket.open(host, port, livePath(target), 0, null)) {
            if (socket.handshakeStatus != 101) {
                serverErrors.add("fuzz socket upgrade answered " + socket.handshakeStatus);
                return;
            }
            socket.sendText("{\"type\":\"hello\",\"token\":\"" + target.token() + "\"}");
            for (int i = 0; i < Math.min(messages, 35); i++) {
                if (random.nextInt(12) == 0) {
                    socket.frame(0x2, randomText(random, 50).getBytes(StandardCharsets.UTF_8), true, true);
                } else {
                    socket.sendText(badMessage(random, target.version()));
                }
                wsMessages.incrementAndGet();
            }
            socket.sendText("{\"type\":\"ping\"}");
            for (String reply : socket.drainTexts(1_500, "\"pong\"")) {
                if (reply.contains("\"internal\"")) {
                    wsInternalErrors.incrementAndGet();
                    serverErrors.add("ws internal error: " + reply);
                }
            }
            if (socket.closeCode != null && socket.closeCode == 1011) {
                wsServerErrorCloses.incrementAndGet();
            }
        } catch (Exception e) {
            statuses.merge("ws-io:" + e.getClass().getSimpleName(), 1, Integer::sum);
        }
    }

    private void oneAbusiveSocket(int kind, Target target) {
        try (RawSocket socket = RawSocket.open(host, port, livePath(target), 0, null)) {
            if (socket.handshakeStatus != 101) {
                serverErrors.add("abusive socket upgrade answered " + socket.handshakeStatus);
                return;
            }
            long waitMillis = 5_000;
            switch (kind) {
                case 0 -> {
                    socket.sendText("{\"type\":\"hello\",\"token\":\"" + target.token() + "\"}");
                    for (int i = 0; i < 200; i++) {
                        socket.sendText("{\"type\":\"ping\"}");
                    }
                }
                case 1 -> socket.sendText("{\"type\":\"hello\",\"token\":\"" + "x".repeat(17 * 1024) + "\"}");
                case 2 -> socket.frame(0x1, new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff}, true, true);
                case 3 -> socket.frame(0x1, "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8), true, false);
                default -> waitMillis = 15_000; // says nothing: the hello timeout must close it
            }
            wsMessages.incrementAndGet();
            if (socket.awaitClosedByServer(waitMillis)) {
                abusiveClosed.incrementAndGet();
                if (socket.closeCode != null && socket.closeCode == 1011) {
                    wsServerErrorCloses.incrementAndGet();
                }
            } else {
                abusiveLeftOpen.incrementAndGet();
                serverErrors.add("abusive socket of kind " + kind + " left open");
            }
        } catch (Exception e) {
            statuses.merge("ws-io:" + e.getClass().getSimpleName(), 1, Integer::sum);
        }
    }
}
