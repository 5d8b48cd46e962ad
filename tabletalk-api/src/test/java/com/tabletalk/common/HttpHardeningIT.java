package com.tabletalk.common;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.RawHttp;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CORS for the web app's origin only, and the security headers on every answer under /api. */
@ExtendWith(DropwizardExtensionsSupport.class)
class HttpHardeningIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);

    private ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.forPort(APP.getLocalPort());
    }

    private ApiClient.Reply preflight(String origin) {
        return api.send(
                HttpRequest.newBuilder(api.uri("/sessions")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                Map.of(
                        "Origin",
                        origin,
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "content-type,authorization"));
    }

    @Test
    void theWebAppsOriginMayCallTheApi() {
        ApiClient.Reply preflight = preflight(TestApp.FRONTEND);
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(TestApp.FRONTEND);
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("Content-Type, Authorization");

        ApiClient.Reply get =
                api.send(HttpRequest.newBuilder(api.uri("/contexts")).GET(), Map.of("Origin", TestApp.FRONTEND));
        assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo(TestApp.FRONTEND);
    }

    @Test
    void anotherOriginIsRefused() {
        ApiClient.Reply preflight = preflight("https://evil.example");
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();

        ApiClient.Reply get =
                api.send(HttpRequest.newBuilder(api.uri("/contexts")).GET(), Map.of("Origin", "https://evil.example"));
        assertThat(get.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void apiResponsesCarryTheSecurityHeaders() {
        Phone phone = aSession().create(api);

        for (ApiClient.Reply reply : new ApiClient.Reply[] {
            api.get("/sessions/" + phone.sessionId()), api.get("/contexts"), api.get("/sessions/not-a-uuid")
        }) {
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
            assertThat(reply.header("Strict-Transport-Security")).isNull();
        }
    }

    @Test
    void behindTlsResponsesAskForHsts() {
        ApiClient.Reply reply =
                api.send(HttpRequest.newBuilder(api.uri("/contexts")).GET(), Map.of("X-Forwarded-Proto", "https"));

        assertThat(reply.header("Strict-Transport-Security")).startsWith("max-age=");
    }

    @Test
    void theProxysOwnProtoLineDecidesHsts() {
        ApiClient.Reply behindTls = api.send(
                HttpRequest.newBuilder(api.uri("/contexts"))
                        .header("X-Forwarded-Proto", "http")
                        .header("X-Forwarded-Proto", "https")
                        .GET(),
                Map.of());
        ApiClient.Reply plain = api.send(
                HttpRequest.newBuilder(api.uri("/contexts"))
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Proto", "http")
                        .GET(),
                Map.of());

        assertThat(behindTls.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(plain.header("Strict-Transport-Security"))
                .as("the client's own line is not believed")
                .isNull();
    }

    @Test
    void answersWrittenOutsideJerseyCarryTheSecurityHeadersToo() {
        int port = APP.getLocalPort();
        String preflight = "Access-Control-Request-Method: POST\r\nOrigin: ";

        List<RawHttp.Answer> answers = List.of(
                RawHttp.send(port, "GET /api/metrics HTTP/1.1"),
                RawHttp.send(
                        port, "OPTIONS /api/sessions HTTP/1.1", preflight + TestApp.FRONTEND + "\r\n", new byte[0]),
                RawHttp.send(
                        port, "OPTIONS /api/sessions HTTP/1.1", preflight + "https://evil.example\r\n", new byte[0]));

        for (RawHttp.Answer answer : answers) {
            assertThat(answer.header("X-Content-Type-Options"))
                    .as(answer.toString())
                    .isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).as(answer.toString()).isEqualTo("no-referrer");
            assertThat(answer.header("Strict-Transport-Security"))
                    .as(answer.toString())
                    .isNull();
        }
        assertThat(RawHttp.send(port, "GET /api/metrics HTTP/1.1", "X-Forwarded-Proto: https\r\n", new byte[0])
                        .header("Strict-Transport-Security"))
                .startsWith("max-age=");
    }

    static Stream<Arguments> refusedByTheContainer() {
        String upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n";
        return Stream.of(
                Arguments.of("GET /api/sessions/not-a-uuid/live HTTP/1.1", upgrade, 400, "invalid_request"),
                Arguments.of(
                        "GET /api/sessions/" + java.util.UUID.randomUUID() + "/live HTTP/1.1",
                        upgrade + "Origin: https://evil.example\r\n",
                        403,
                        "forbidden"),
                Arguments.of("GET /api/sessions/%2e%2e/contexts HTTP/1.1", "", 400, "invalid_request"),
                Arguments.of("GET /api/sessions/%2E%2E/%2E%2E/contexts HTTP/1.1", "", 400, "invalid_request"),
                Arguments.of("GET /api/sessions/%2fcontexts HTTP/1.1", "", 400, "invalid_request"),
                Arguments.of("GET /api//contexts HTTP/1.1", "", 400, "invalid_request"),
                Arguments.of("GET /api/sessions/%00 HTTP/1.1", "", 400, "invalid_request"),
                Arguments.of("GET /api/sessions\\..\\contexts HTTP/1.1", "", 400, "invalid_request"),
                Arguments.of("GET /api/sessions/" + "a".repeat(20_000) + " HTTP/1.1", "", 414, "uri_too_long"),
                Arguments.of(
                        "GET /api/contexts HTTP/1.1",
                        "X-Padding: " + "a".repeat(20_000) + "\r\n",
                        431,
                        "headers_too_large"),
                Arguments.of("GET /api/health HTTP/9.9", "", 400, "invalid_request"),
                Arguments.of("TRACE /api/contexts HTTP/1.1", "", 405, "method_not_allowed"),
                Arguments.of("BREW /api/contexts HTTP/1.1", "", 405, "method_not_allowed"));
    }

    @ParameterizedTest(name = "{0} → {2} {3}")
    @MethodSource("refusedByTheContainer")
    void theContainersOwnRefusalsAreInTheEnvelope(String requestLine, String headers, int status, String code) {
        RawHttp.Answer answer = RawHttp.send(APP.getLocalPort(), requestLine, headers, new byte[0]);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/json");
        assertThat(answer.json().get("error").asText()).isEqualTo(code);
        assertThat(answer.json().get("message").asText()).isNotBlank();
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
