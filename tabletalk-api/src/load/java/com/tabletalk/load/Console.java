package com.tabletalk.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.account.Passwords;
import com.tabletalk.account.Role;
import com.tabletalk.app.DatabaseUrl;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.ConsoleFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The console as an admin uses it: signs in through the API (with the web app's Origin, as a browser would) and
 * sends GETs with the session cookie. The admin is the one named by {@code --email} and {@code --password}, or,
 * given only {@code --database-url}, a new admin made there with a random password of its own.
 */
final class Console {

    /** How long a dashboard or export may take before the run counts it as failed. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http;
    private final ApiClient api;
    private final String cookie;

    private Console(HttpClient http, ApiClient api, String cookie) {
        this.http = http;
        this.api = api;
        this.cookie = cookie;
    }

    static Console signIn(HttpClient http, Options options) throws SQLException {
        ApiClient api = new ApiClient(http, options.target().replaceAll("/+$", "") + "/api");
        String email = options.text("email", "");
        String password = options.text("password", "");
        if (email.isEmpty() || password.isEmpty()) {
            email = "bench-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            password = "bench " + UUID.randomUUID();
            makeAdmin(DatabaseUrl.parse(options.databaseUrl()), email, password);
            System.out.println("  signed in as a new admin, " + email);
        }
        ApiClient.Reply reply = api.send(
                HttpRequest.newBuilder(api.uri("/console/sign-in"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                ApiClient.json(Map.of("email", email, "password", password)))),
                Map.of("Origin", options.text("origin", "http://localhost:8080")));
        String cookie = ConsoleFixtures.sessionCookie(reply);
        if (reply.status() != 200 || cookie == null) {
            throw new IllegalStateException("console sign-in answered " + reply
                    + " (is --origin the service's frontendUrl, and are --email/--password an admin's?)");
        }
        return new Console(http, api, cookie);
    }

    private static void makeAdmin(DatabaseUrl url, String email, String password) throws SQLException {
        try (Connection connection = SeedEventsScenario.connect(url);
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO staff_users (email, role, password_hash) VALUES (?, ?, ?)")) {
            insert.setString(1, email);
            insert.setString(2, Role.ADMIN.name());
            insert.setString(3, new Passwords().hash(password));
            insert.executeUpdate();
        }
    }

    /** A GET with the session cookie: its status and parsed JSON body (missing when it was not JSON). */
    record Answer(int status, JsonNode body) {}

    Answer get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(api.uri(path))
                        .timeout(TIMEOUT)
                        .header("Cookie", cookieHeader())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                && response.body().length > 0;
        return new Answer(response.statusCode(), json ? Api.JSON.readTree(response.body()) : Api.JSON.missingNode());
    }

    /** A streamed download: its status, bytes, lines and the time to its first byte and to its end. */
    record Download(int status, long bytes, long lines, long firstByteNanos, long totalNanos) {}

    Download download(String path) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(api.uri(path))
                        .timeout(TIMEOUT)
                        .header("Cookie", cookieHeader())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long lines = 0;
        long firstByte = -1;
        byte[] buffer = new byte[1 << 16];
        try (InputStream body = response.body()) {
            for (int n; (n = body.read(buffer)) >= 0; ) {
                if (firstByte < 0 && n > 0) {
                    firstByte = System.nanoTime() - begin;
                }
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new Download(response.statusCode(), bytes, lines, firstByte, System.nanoTime() - begin);
    }

    private String cookieHeader() {
        return "tt_console=" + cookie;
    }
}
