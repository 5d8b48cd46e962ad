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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
        return api.send(HttpRequest.newBuilder(api.uri("/sessions")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                Map.of("Origin", origin, "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "content-type,authorization"));
    }

    @Test
    void theWebAppsOriginMayCallTheApi() {
        ApiClient.Reply preflight = preflight(TestApp.FRONTEND);
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(TestApp.FRONTEND);
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("Content-Type, Authorization");

        ApiClient.Reply get = api.send(HttpRequest.newBuilder(api.uri("/contexts")).GET(), Map.of("Origin", TestApp.FRONTEND));
        assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo(TestApp.FRONTEND);
    }

    @Test
    void anotherOriginIsRefused() {
        ApiClient.Reply preflight = preflight("https://evil.example");
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();

        ApiClient.Reply get = api.send(HttpRequest.newBuilder(api.uri("/contexts")).GET(), Map.of("Origin", "https://evil.example"));
        assertThat(get.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void apiResponsesCarryTheSecurityHeaders() {
        Phone phone = aSession().create(api);

        for (ApiClient.Reply reply : new ApiClient.Reply[] {api.get("/sessions/" + phone.sessionId()), api.get("/contexts"),
                api.get("/sessions/not-a-uuid")}) {
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
            assertThat(reply.header("Strict-Transport-Security")).isNull();
        }
    }

    @Test
    void behindTlsResponsesAskForHsts() {
        ApiClient.Reply reply = api.send(HttpRequest.newBuilder(api.uri("/contexts")).GET(), Map.of("X-Forwarded-Proto", "https"));

        assertThat(reply.header("Strict-Transport-Security")).startsWith("max-age=");
    }

    @Test
    void answersWrittenOutsideJerseyCarryTheSecurityHeadersToo() {
        int port = APP.getLocalPort();
        String preflight = "Access-Control-Request-Method: POST\r\nOrigin: ";

        List<RawHttp.Answer> answers = List.of(
                RawHttp.send(port, "GET /api/metrics HTTP/1.1"),
                RawHttp.send(port, "OPTIONS /api/sessions HTTP/1.1", preflight + TestApp.FRONTEND + "\r\n", new byte[0]),
                RawHttp.send(port, "OPTIONS /api/sessions HTTP/1.1", preflight + "https://evil.example\r\n", new byte[0]));

        for (RawHttp.Answer answer : answers) {
            assertThat(answer.header("X-Content-Type-Options")).as(answer.toString()).isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).as(answer.toString()).isEqualTo("no-referrer");
            assertThat(answer.header("Strict-Transport-Security")).as(answer.toString()).isNull();
        }
        assertThat(RawHttp.send(port, "GET /api/metrics HTTP/1.1", "X-Forwarded-Proto: https\r\n", new byte[0])
                .header("Strict-Transport-Security")).startsWith("max-age=");
    }
}
