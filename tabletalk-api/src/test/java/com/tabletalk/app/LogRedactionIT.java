package com.tabletalk.app;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.LivePhone;
import com.tabletalk.testing.ProjectFiles;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Normal and hostile traffic, REST and live, with every logger at DEBUG: the log, as the production layout writes
 * it to stdout, holds none of the session ids, tokens or client addresses that traffic used.
 */
class LogRedactionIT {

    private static final String CLIENT = "203.0.113.45";
    private static final String SECOND_CLIENT = "198.51.100.23";
    private static final String IPV6_CLIENT = "2001:db8:85a3::8a2e:370:7334";
    private static final String FORGED_TOKEN = "F0rgedT0ken_thatBelongsToNobody-0123456789a";

    @Test
    void noSessionIdTokenOrClientAddressReachesTheLog() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        List<String> secrets = new ArrayList<>(List.of(CLIENT, SECOND_CLIENT, IPV6_CLIENT, FORGED_TOKEN, "127.0.0.1"));
        DropwizardTestSupport<TableTalkConfiguration> app = new DropwizardTestSupport<>(
                TableTalkApplication.class,
                ProjectFiles.config().toString(),
                TestApp.overrides(TestPostgres.freshDatabase(), ConfigOverride.config("logging.level", "DEBUG")));
        try {
            app.before();
            for (String library :
                    new String[] {"org.eclipse.jetty", "org.glassfish", "io.dropwizard", "com.tabletalk"}) {
                ((Logger) LoggerFactory.getLogger(library)).setLevel(Level.DEBUG);
            }
            int port = app.getLocalPort();
            ApiClient api = ApiClient.forPort(port);

            Phone first = aSession().withMode("dual").create(api);
            Phone second = first.secondPhoneJoins();
            secrets.addAll(List.of(first.sessionId(), first.token(), second.token()));
            try (LivePhone live = first.goLive(port)) {
                first.does("next");
                live.awaitVersion(first.version());
                live.send("{\"type\":\"answer\",\"optionId\":7,\"version\":1}");
                live.send("{\"type\":\"hello\",\"token\":\"" + FORGED_TOKEN + "\"}");
            }
            second.does("reveal");
            hostileTraffic(api, port, first);
            Thread.sleep(500);
        } finally {
            app.after();
            System.setOut(original);
        }

        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).as("the log was captured at DEBUG").contains("\"level\":\"DEBUG\"");
        for (String secret : secrets) {
            assertThat(log.lines().filter(line -> line.contains(secret)).limit(3))
                    .as("lines holding %s", secret)
                    .isEmpty();
        }
    }

    private static void hostileTraffic(ApiClient api, int port, Phone phone) throws IOException {
        String session = "/sessions/" + phone.sessionId();
        Map<String, String> forwarded = Map.of("X-Forwarded-For", CLIENT + ", " + IPV6_CLIENT);
        api.send(
                HttpRequest.newBuilder(api.uri(session + "/participants")).POST(HttpRequest.BodyPublishers.noBody()),
                Map.of("Authorization", "Bearer " + FORGED_TOKEN, "X-Forwarded-For", SECOND_CLIENT));
        api.send(
                HttpRequest.newBuilder(api.uri(session + "/commands"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"next\",\"version\":true}")),
                Map.of("Authorization", "Bearer " + phone.token(), "X-Forwarded-For", CLIENT));
        api.send(
                HttpRequest.newBuilder(api.uri("/sessions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"tableToken\":\"" + phone.sessionId() + "\"")),
                forwarded);
        api.send(
                HttpRequest.newBuilder(api.uri(session + "?token=" + phone.token()))
                        .method("TRACE", HttpRequest.BodyPublishers.noBody()),
                forwarded);
        api.send(
                HttpRequest.newBuilder(api.uri(session + "/qr.svg")).GET(),
                Map.of("Authorization", "Bearer " + phone.token()));
        String[] rawRequests = {
            "GET /api" + session + "/%2e%2e/%2e%2e/participants HTTP/1.1",
            "GET /api" + session + "//commands HTTP/1.1",
            "GET /api" + session + "/%00 HTTP/1.1",
            "GET /api" + session + "\\..\\qr.svg HTTP/1.1",
            "GET /api" + session + "/" + "x".repeat(20_000) + " HTTP/1.1",
            "GET /api" + session + "/live HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade"
                    + "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: http://evil.test",
            "GET /api" + session + " HTTP/1.1\r\nX-Forwarded-For: " + CLIENT + "\r\nX-Huge: "
                    + phone.token().repeat(400),
            "GET /api" + session + " HTTP/1.1\r\nX-Forwarded-For: " + CLIENT + "\r\nX-Forwarded-For: " + SECOND_CLIENT,
            "BREW /api" + session + " HTTP/1.1",
        };
        for (String request : rawRequests) {
            raw(port, request);
        }
    }

    /** Sends a request the way a hostile client may, without an HTTP library tidying it up. */
    private static void raw(int port, String requestHead) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            socket.getOutputStream()
                    .write((requestHead + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            in.readAllBytes();
        } catch (IOException refused) {
            // Jetty may reset a request it will not read; the log is what this test is about.
        }
    }
}
