package com.tabletalk.load;

import com.tabletalk.testing.LiveMessages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
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
    record Target(String sessionId, String token, long version) {}

    final Map<String, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
    final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger restRequests = new AtomicInteger();
    final AtomicInteger rawRequests = new AtomicInteger();
    final AtomicInteger wsMessages = new AtomicInteger();
    final AtomicInteger wsInternalErrors = new AtomicInteger();
    final AtomicInteger wsServerErrorCloses = new AtomicInteger();
    final AtomicInteger abusiveLeftOpen = new AtomicInteger();
    final AtomicInteger abusiveClosed = new AtomicInteger();
    final AtomicInteger abusiveSockets = new AtomicInteger();

    private final String host;
    private final int port;
    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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
        String[] odd = {
            "0",
            "-1",
            "1e400",
            "99999999999999999999999999",
            "9223372036854775808",
            "-9223372036854775809",
            "1.5",
            "\"1\"",
            "\"" + current + "\"",
            "true",
            "null",
            "[]",
            "{}",
            "NaN",
            "0x10",
            Long.toString(current + 1000)
        };
        if (random.nextBoolean() && current > 1) {
            return Long.toString(1 + (long) random.nextInt((int) Math.min(Integer.MAX_VALUE, current - 1)));
        }
        return odd[random.nextInt(odd.length)];
    }

    /** A command or message that must change nothing. */
    static String badMessage(Random random, long current) {
        String[] types = {
            "next", "reveal", "ready", "answer", "end", "hello", "ping", "NEXT", "nope", "", "__proto__", "state"
        };
        String type = types[random.nextInt(types.length)];
        return switch (random.nextInt(16)) {
            case 0 -> randomText(random, 1 + random.nextInt(200));
            case 1 -> deepJson(200 + random.nextInt(3000), random.nextBoolean());
            case 2 -> "{\"type\":\"" + type + "\",\"version\":" + badVersion(random, current) + "}";
            case 3 -> "{\"type\":\"next\",\"version\":" + badVersion(random, current) + "}";
            case 4 -> "{\"type\":\"end\",\"version\":" + badVersion(random, current) + "}";
            case 5 ->
                "{\"type\":\"answer\",\"optionId\":"
                        + pick(random, "\"z\"", "5", "null", "\"a\"", "[\"a\"]", "\"" + "a".repeat(300) + "\"")
                        + ",\"version\":" + badVersion(random, current) + "}";
            case 6 ->
                "{\"type\":\"ready\",\"ready\":" + pick(random, "\"yes\"", "1", "null", "{}", "true") + ",\"version\":"
                        + badVersion(random, current) + "}";
            case 7 -> "{\"type\":" + pick(random, "1", "null", "true", "[]", "{}", "\"" + type + "\"") + "}";
            case 8 ->
                pick(
                        random,
                        "[]",
                        "null",
                        "42",
                        "\"next\"",
                        "true",
                        "{}",
                        "",
                        " ",
                        "{\"type\":\"next\"}",
                        "{\"version\":1}");
            case 9 -> "{\"type\":\"next\",\"version\":" + badVersion(random, current) + ",\"type\":\"end\"}";
            case 10 ->
                "{\"type\":\"next\",\"version\":" + badVersion(random, current) + ",\"extra\":" + deepJson(50, true)
                        + "}";
            case 11 ->
                "{\"type\":\"hello\",\"token\":"
                        + pick(random, "null", "1", "\"\"", "\"" + "x".repeat(5000) + "\"", "\"../../etc\"") + "}";
            case 12 -> "{\"type\":\"next\",\"version\":" + badVersion(random, current) + "";
            case 13 ->
                "{\"type\":\"reveal\",\"version\":" + badVersion(random, current) + ",\"session\":{\"version\":1}}";
            case 14 -> "\uFEFF{\"type\":\"next\",\"version\":" + badVersion(random, current) + "}";
            default ->
                "{\"type\":\"" + type + "\",\"version\":" + badVersion(random, current)
                        + ",\"optionId\":\"b\",\"ready\":false}";
        };
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    // ---- REST ------------------------------------------------------------------------------------------------

    private HttpRequest restCase(Random random, Target target) {
        String session = target.sessionId();
        String body = badMessage(random, target.version());
        String[] paths = {
            "/sessions",
            "/sessions/" + session + "/commands",
            "/sessions/" + session + "/participants",
            "/sessions/" + session,
            "/sessions/not-a-uuid/commands",
            "/sessions/" + session.toUpperCase() + "x/commands",
            "/sessions/%00",
            "/sessions/..%2f..%2fetc%2fpasswd",
            "/sessions/" + "9".repeat(2000),
            "/tables/%20/qr.svg",
            "/tables/t1/qr.png?size=" + pick(random, "-1", "0", "99999999", "abc", "1e9", "9223372036854775808"),
            "/sessions/" + session + "/qr.svg?x=" + "%ff".repeat(50),
            "/contexts?context=" + "[".repeat(100),
            "/sessions/" + session + "/live",
            "/sessions/00000000-0000-0000-0000-000000000000/commands"
        };
        String path = paths[random.nextInt(paths.length)];
        if (random.nextInt(4) == 0 && path.startsWith("/sessions")) {
            body = switch (random.nextInt(4)) {
                case 0 ->
                    "{\"tableToken\":"
                            + pick(
                                    random,
                                    "\"" + "t".repeat(65) + "\"",
                                    "1",
                                    "null",
                                    "\"a b\"",
                                    "\"t1\"",
                                    "true",
                                    "1.5e3")
                            + ",\"context\":"
                            + pick(random, "\"exploring\"", "\"EXPLORING\"", "\"x\"", "1", "[]", "false")
                            + ",\"mode\":" + pick(random, "\"triple\"", "\"dual\"", "null", "{}", "2", "true") + "}";
                case 1 -> "x".repeat(17 * 1024);
                case 2 ->
                    "{\"tableToken\":\"t1\",\"context\":\"exploring\",\"mode\":\"dual\",\"n\":" + "9".repeat(5000)
                            + "}";
                default -> deepJson(5000, false);
            };
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.replace(" ", "%20")))
                .timeout(Duration.ofSeconds(20));
        String contentType = pick(
                random,
                "application/json",
                "application/json",
                "text/plain",
                "application/x-www-form-urlencoded",
                "application/json; charset=utf-16",
                "multipart/form-data; boundary=x",
                "*/*",
                "application/json;;;");
        request.header("Content-Type", contentType);
        request.header(
                "X-Forwarded-For",
                random.nextInt(5) == 0
                        ? pick(random, "not-an-ip", "1.1.1.1, 2.2.2.2, " + "3".repeat(500), "::1", "999.1.1.1", ",,,")
                        : Api.randomAddress());
        switch (random.nextInt(6)) {
            case 0 -> request.header("Authorization", "Bearer " + target.token());
            case 1 ->
                request.header(
                        "Authorization",
                        pick(
                                random,
                                "Bearer ",
                                "Bearer x",
                                "Basic YTpi",
                                "Bearer " + "A".repeat(4000),
                                "bearer " + target.token(),
                                "Bearer " + target.token() + "x"));
            default -> {}
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
                                + response.body()
                                        .substring(
                                                0, Math.min(200, response.body().length())));
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
            "GET /api/sessions/" + session
                    + "/live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 99\r\n\r\n",
            "GET /api/sessions/" + session
                    + "/live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n\r\n",
            "GET /api/sessions/not-a-uuid/live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
            "GET /api/sessions/" + session
                    + "/live HTTP/1.1\r\nHost: x\r\nOrigin: http://evil.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
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
                    serverErrors.add("raw "
                            + request.substring(0, Math.min(60, request.length()))
                                    .replace("\r\n", " | ") + " -> " + status);
                }
            }
        }
    }

    /**
     * Named inputs at the edges of the HTTP layer, each sent as exact bytes: bodies in confusing encodings, repeated
     * and huge header lines, odd methods, ambiguous paths and JSON values of the wrong type. Commands carry a
     * version other than the current one, so none of them may change a session.
     */
    void edgeCases(List<Target> targets, int rounds) {
        Map<String, byte[]> cases = edgeRequests(targets.get(0));
        for (int round = 0; round < rounds; round++) {
            cases.forEach((name, request) -> {
                int status = RawSocket.rawHttp(host, port, request);
                rawRequests.incrementAndGet();
                statuses.merge("edge:" + status, 1, Integer::sum);
                if (status >= 500 && status != 501 && status != 505) {
                    String problem = "edge " + name + " -> " + status;
                    synchronized (serverErrors) {
                        if (!serverErrors.contains(problem)) {
                            serverErrors.add(problem);
                        }
                    }
                }
            });
        }
    }

    private static Map<String, byte[]> edgeRequests(Target target) {
        String session = "/api/sessions/" + target.sessionId();
        String commands = session + "/commands";
        String bearer = "Authorization: Bearer " + target.token() + "\r\n";
        String json = "Content-Type: application/json\r\n";
        String create = "{\"tableToken\":\"edge\",\"context\":\"exploring\",\"mode\":\"dual\"}";
        String stale = "{\"type\":\"next\",\"version\":" + Math.max(0, target.version() - 1) + "}";
        Map<String, byte[]> cases = new LinkedHashMap<>();

        // Body encodings.
        cases.put(
                "create with a NUL inside a string",
                raw(
                        "POST",
                        "/api/sessions",
                        json,
                        bytes(
                                "{\"tableToken\":\"ed\u0000ge\",\"context\":\"exploring\",\"mode\":\"dual\"}",
                                StandardCharsets.UTF_8)));
        cases.put(
                "create with a NUL before the body",
                raw("POST", "/api/sessions", json, bytes("\u0000" + create, StandardCharsets.UTF_8)));
        cases.put(
                "command with a NUL between tokens",
                raw("POST", commands, json + bearer, bytes(stale.replace(",", ",\u0000"), StandardCharsets.UTF_8)));
        for (Charset charset : List.of(
                StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16BE,
                Charset.forName("UTF-32LE"),
                Charset.forName("UTF-32BE"))) {
            cases.put(
                    "create in " + charset.name() + " without a BOM",
                    raw("POST", "/api/sessions", json, bytes(create, charset)));
            cases.put(
                    "command in " + charset.name() + " without a BOM",
                    raw("POST", commands, json + bearer, bytes(stale, charset)));
        }
        cases.put(
                "create in UTF-16LE labelled utf-16",
                raw(
                        "POST",
                        "/api/sessions",
                        "Content-Type: application/json; charset=utf-16\r\n",
                        bytes(create, StandardCharsets.UTF_16LE)));
        byte[] utf8 = bytes(create, StandardCharsets.UTF_8);
        cases.put(
                "invalid UTF-8 first",
                raw("POST", "/api/sessions", json, concat(new byte[] {(byte) 0xff, (byte) 0xfe}, utf8)));
        cases.put("invalid UTF-8 inside a string", raw("POST", "/api/sessions", json, splice(utf8, "edge", new byte[] {
            (byte) 0xc3, 0x28
        })));
        cases.put("invalid UTF-8 in a key", raw("POST", "/api/sessions", json, splice(utf8, "mode", new byte[] {
            (byte) 0xc0, (byte) 0xaf
        })));
        cases.put("UTF-8 surrogate in a string", raw("POST", "/api/sessions", json, splice(utf8, "edge", new byte[] {
            (byte) 0xed, (byte) 0xa0, (byte) 0x80
        })));
        cases.put("UTF-8 cut at the end", raw("POST", "/api/sessions", json, concat(utf8, new byte[] {
            (byte) 0xe2, (byte) 0x82
        })));
        cases.put(
                "invalid UTF-8 in a command",
                raw("POST", commands, json + bearer, splice(bytes(stale, StandardCharsets.UTF_8), "next", new byte[] {
                    (byte) 0xf8, (byte) 0x88, (byte) 0x80
                })));
        cases.put(
                "gzip declared, plain JSON sent",
                raw("POST", "/api/sessions", json + "Content-Encoding: gzip\r\n", utf8));
        cases.put(
                "gzip declared on a command, plain JSON sent",
                raw(
                        "POST",
                        commands,
                        json + bearer + "Content-Encoding: gzip\r\n",
                        bytes(stale, StandardCharsets.UTF_8)));
        cases.put(
                "gzip declared, gzip cut short",
                raw("POST", "/api/sessions", json + "Content-Encoding: gzip\r\n", new byte[] {
                    0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0x4b
                }));
        cases.put(
                "deflate declared, plain JSON sent",
                raw("POST", "/api/sessions", json + "Content-Encoding: deflate\r\n", utf8));
        cases.put(
                "unknown content encoding", raw("POST", "/api/sessions", json + "Content-Encoding: x-nope\r\n", utf8));

        // Header lines.
        cases.put(
                "two X-Forwarded-For lines",
                raw(
                        "POST",
                        "/api/sessions",
                        json + "X-Forwarded-For: 10.1.1.1\r\nX-Forwarded-For: 10.2.2.2\r\n",
                        utf8));
        cases.put(
                "two X-Forwarded-For lines, one garbage",
                raw("GET", session, "X-Forwarded-For: 10.1.1.1\r\nX-Forwarded-For: ,,x,\r\n", null));
        cases.put(
                "two X-Forwarded-Proto lines",
                raw("GET", session, "X-Forwarded-Proto: http\r\nX-Forwarded-Proto: https\r\n", null));
        cases.put(
                "two X-Forwarded-Proto lines on a create",
                raw("POST", "/api/sessions", json + "X-Forwarded-Proto: https\r\nX-Forwarded-Proto: gopher\r\n", utf8));
        cases.put(
                "huge X-Forwarded-For",
                raw("GET", "/api/health", "X-Forwarded-For: " + "10.0.0.1, ".repeat(2_000) + "10.0.0.2\r\n", null));
        cases.put("huge header", raw("GET", session, "X-Huge: " + "h".repeat(70_000) + "\r\n", null));
        cases.put("many headers", raw("GET", session, "X-Many: m\r\n".repeat(2_000), null));
        cases.put(
                "huge Authorization",
                raw(
                        "POST",
                        commands,
                        json + "Authorization: Bearer " + "A".repeat(30_000) + "\r\n",
                        bytes(stale, StandardCharsets.UTF_8)));
        cases.put(
                "two Authorization lines",
                raw(
                        "POST",
                        commands,
                        json + bearer + "Authorization: Bearer nope\r\n",
                        bytes(stale, StandardCharsets.UTF_8)));
        cases.put("two Content-Type lines", raw("POST", "/api/sessions", json + "Content-Type: text/plain\r\n", utf8));

        // Methods.
        for (String method : List.of("TRACE", "OPTIONS", "BREW", "get", "PROPFIND", "X-UNKNOWN", "M-SEARCH")) {
            cases.put(method + " " + "a session", raw(method, session, "", null));
            cases.put(method + " " + "the sessions", raw(method, "/api/sessions", json, utf8));
        }
        cases.put(
                "OPTIONS preflight from a foreign origin",
                raw(
                        "OPTIONS",
                        commands,
                        "Origin: http://evil.example\r\nAccess-Control-Request-Method: POST\r\n",
                        null));

        // Paths.
        for (String path : List.of(
                "/api/sessions/%2e%2e/%2e%2e/health",
                "/api/%2e%2e/api/health",
                "/api/sessions/%2E%2E",
                "/api//health",
                "//api/health",
                "/api/sessions//" + target.sessionId(),
                session + "//commands",
                session + "%00",
                "/api/health%00",
                "/api/sessions/%00/commands",
                "/api\\health",
                "/api/sessions\\" + target.sessionId(),
                "/api/sessions/..\\..\\health",
                session + "%2fcommands",
                session + "/commands;x=1",
                "/api/sessions/%ff%fe",
                "/api/sessions/" + "a".repeat(9_000),
                "/api/health?q=" + "q".repeat(70_000),
                "/api/" + "x/".repeat(5_000))) {
            cases.put("GET " + abbreviate(path), raw("GET", path, "", null));
            cases.put(
                    "POST " + abbreviate(path), raw("POST", path, json + bearer, bytes(stale, StandardCharsets.UTF_8)));
        }

        // JSON values of the wrong type.
        for (String body : List.of(
                "{\"tableToken\":true,\"context\":\"exploring\",\"mode\":\"dual\"}",
                "{\"tableToken\":1234,\"context\":\"exploring\",\"mode\":\"dual\"}",
                "{\"tableToken\":\"edge\",\"context\":false,\"mode\":\"dual\"}",
                "{\"tableToken\":\"edge\",\"context\":\"exploring\",\"mode\":2}",
                "{\"tableToken\":[\"edge\"],\"context\":{},\"mode\":\"dual\"}")) {
            cases.put("create " + body, raw("POST", "/api/sessions", json, bytes(body, StandardCharsets.UTF_8)));
        }
        long old = Math.max(0, target.version() - 1);
        for (String body : List.of(
                "{\"type\":true,\"version\":" + old + "}",
                "{\"type\":7,\"version\":" + old + "}",
                "{\"type\":\"next\",\"version\":\"" + old + "\"}",
                "{\"type\":\"next\",\"version\":false}",
                "{\"type\":\"answer\",\"optionId\":1,\"version\":" + old + "}",
                "{\"type\":\"answer\",\"optionId\":false,\"version\":" + old + "}",
                "{\"type\":\"ready\",\"ready\":\"true\",\"version\":" + old + "}",
                "{\"type\":\"ready\",\"ready\":1,\"version\":" + old + "}")) {
            cases.put("command " + body, raw("POST", commands, json + bearer, bytes(body, StandardCharsets.UTF_8)));
        }
        return cases;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 40) + "… (" + text.length() + " chars)";
    }

    /** One request, exactly as given, asking the server to close the connection after answering. */
    private static byte[] raw(String method, String path, String headers, byte[] body) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers
                + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
        return concat(head.getBytes(StandardCharsets.ISO_8859_1), body == null ? new byte[0] : body);
    }

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** The UTF-8 bytes with {@code inserted} put in the middle of the first occurrence of {@code word}. */
    private static byte[] splice(byte[] utf8, String word, byte[] inserted) {
        String text = new String(utf8, StandardCharsets.UTF_8);
        int at = text.getBytes(StandardCharsets.UTF_8).length
                - text.substring(text.indexOf(word) + word.length() / 2).getBytes(StandardCharsets.UTF_8).length;
        return concat(concat(Arrays.copyOf(utf8, at), inserted), Arrays.copyOfRange(utf8, at, utf8.length));
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
            pool.execute(
                    () -> oneFuzzSocket(new Random(seed * 31 + n), targets.get(n % targets.size()), messagesPerSocket));
        }
        for (int i = 0; i < Math.max(4, sockets / 10); i++) {
            int n = i;
            abusiveSockets.incrementAndGet();
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
            socket.sendText(LiveMessages.hello(target.token()));
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
                    socket.sendText(LiveMessages.hello(target.token()));
                    for (int i = 0; i < 200; i++) {
                        socket.sendText("{\"type\":\"ping\"}");
                    }
                }
                case 1 -> socket.sendText(LiveMessages.hello("x".repeat(17 * 1024)));
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
