package com.tabletalk.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.ConsoleClient;
import com.tabletalk.testing.ConsoleFixtures;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class SignInIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);

    private ConsoleFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ConsoleFixtures(DB, APP.getLocalPort());
    }

    private ApiClient.Reply signIn(String email, String password) {
        return fixtures.signedOut()
                .post("/console/sign-in", ApiClient.json(Map.of("email", email, "password", password)));
    }

    @Test
    void signInSetsAStrictHttpOnlyCookieScopedToTheConsole() {
        ConsoleClient manager = fixtures.user(Role.MANAGER, fixtures.restaurant("luigis", "Luigi's"));

        ApiClient.Reply reply = signIn(manager.email(), manager.password());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/user/email").asText()).isEqualTo(manager.email());
        assertThat(reply.body().at("/user/role").asText()).isEqualTo("MANAGER");
        assertThat(reply.body().at("/user/restaurants/0/slug").asText()).isEqualTo("luigis");
        String cookie = reply.header("Set-Cookie");
        assertThat(cookie)
                .startsWith("tt_console=")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/api/console")
                .doesNotContain("Secure");
        assertThat(ConsoleFixtures.sessionCookie(reply)).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void theCookieIsSecureWhenTheRequestCameOverTls() {
        ConsoleClient admin = fixtures.user(Role.ADMIN);
        ApiClient api = fixtures.signedOut().api();

        ApiClient.Reply reply = api.send(
                HttpRequest.newBuilder(api.uri("/console/sign-in"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                ApiClient.json(Map.of("email", admin.email(), "password", admin.password())))),
                Map.of("Origin", TestApp.FRONTEND, "X-Forwarded-Proto", "https"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Set-Cookie")).contains("Secure");
    }

    @Test
    void onlyTheProxysOwnProtoLineDecidesWhetherTheCookieIsSecure() {
        ConsoleClient admin = fixtures.user(Role.ADMIN);
        ApiClient api = fixtures.signedOut().api();

        // The client wrote "https"; the proxy appended its own line saying the request came over plain HTTP.
        ApiClient.Reply reply = api.send(
                HttpRequest.newBuilder(api.uri("/console/sign-in"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Proto", "http")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                ApiClient.json(Map.of("email", admin.email(), "password", admin.password())))),
                Map.of("Origin", TestApp.FRONTEND));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Set-Cookie")).doesNotContain("Secure");
    }

    @Test
    void meAnswersWhoIsSignedIn() {
        ConsoleClient admin = fixtures.admin();

        ApiClient.Reply me = admin.get("/console/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().at("/user/email").asText()).isEqualTo(admin.email());
        assertThat(me.body().at("/user/role").asText()).isEqualTo("ADMIN");
    }

    @Test
    void meWithoutSignInIsUnauthorized() {
        ApiClient.Reply me = fixtures.signedOut().get("/console/me");

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.error()).isEqualTo("unauthorized");
        assertThat(fixtures.signedOut()
                        .withCookie("A".repeat(43))
                        .get("/console/me")
                        .status())
                .isEqualTo(401);
        assertThat(fixtures.signedOut()
                        .withCookie("not a token")
                        .get("/console/me")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        ConsoleClient manager = fixtures.user(Role.MANAGER);

        ApiClient.Reply wrongPassword = signIn(manager.email(), "not the password at all");
        ApiClient.Reply unknownEmail = signIn("nobody@example.com", "not the password at all");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.error()).isEqualTo("invalid_credentials");
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
        assertThat(unknownEmail.header("Set-Cookie")).isNull();
    }

    @Test
    void theEmailIsMatchedWithoutRegardToCase() {
        ConsoleClient manager = fixtures.user(Role.MANAGER);

        assertThat(signIn(manager.email().toUpperCase(), manager.password()).status())
                .isEqualTo(200);
    }

    @Test
    void signOutEndsTheSessionOnTheServer() {
        ConsoleClient admin = fixtures.admin();

        ApiClient.Reply out = admin.post("/console/sign-out", null);

        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie")).startsWith("tt_console=;").contains("Max-Age=0");
        assertThat(admin.get("/console/me").status())
                .as("the old cookie no longer works")
                .isEqualTo(401);
    }
}
