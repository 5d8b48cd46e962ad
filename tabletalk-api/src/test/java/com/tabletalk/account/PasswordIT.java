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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Changing a password, and resetting one through a link an admin issues; mail is not set up here. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PasswordIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);
    private static final String NEW_PASSWORD = "a brand new and long password";

    private ConsoleFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ConsoleFixtures(DB, APP.getLocalPort());
    }

    private ApiClient.Reply signIn(String email, String password) {
        return fixtures.signedOut()
                .post("/console/sign-in", ApiClient.json(Map.of("email", email, "password", password)));
    }

    private String issueReset(String email) {
        ApiClient.Reply issued = fixtures.admin().post("/console/reset-links", ApiClient.json(Map.of("email", email)));
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.body().get("emailed").asBoolean()).isFalse();
        String link = issued.body().get("link").asText();
        assertThat(link).matches(TestApp.FRONTEND + "/console/reset/[A-Za-z0-9_-]{43}");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private ApiClient.Reply complete(String token, String password) {
        return fixtures.signedOut()
                .post("/console/password-resets/" + token + "/complete", ApiClient.json(Map.of("password", password)));
    }

    @Test
    void changingThePasswordEndsEveryOtherSignInButThisOne() {
        ConsoleClient here = fixtures.manager();
        ConsoleClient elsewhere = fixtures.signIn(here.withCookie(null));

        ApiClient.Reply changed = here.post(
                "/console/password",
                ApiClient.json(Map.of("currentPassword", here.password(), "newPassword", NEW_PASSWORD)));

        assertThat(changed.status()).isEqualTo(204);
        assertThat(here.get("/console/me").status()).isEqualTo(200);
        assertThat(elsewhere.get("/console/me").status()).isEqualTo(401);
        assertThat(signIn(here.email(), here.password()).status()).isEqualTo(401);
        assertThat(signIn(here.email(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndAGoodNewOne() {
        ConsoleClient manager = fixtures.manager();

        ApiClient.Reply wrongCurrent = manager.post(
                "/console/password",
                ApiClient.json(Map.of("currentPassword", "not my password at all", "newPassword", NEW_PASSWORD)));
        ApiClient.Reply weak = manager.post(
                "/console/password",
                ApiClient.json(Map.of("currentPassword", manager.password(), "newPassword", "password123!")));

        assertThat(wrongCurrent.status()).isEqualTo(401);
        assertThat(wrongCurrent.error()).isEqualTo("invalid_credentials");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(signIn(manager.email(), manager.password()).status()).isEqualTo(200);
    }

    @Test
    void anAdminIssuedResetSetsANewPasswordAndEndsOldSignIns() {
        ConsoleClient manager = fixtures.manager();
        String token = issueReset(manager.email());

        ApiClient.Reply check = fixtures.signedOut().get("/console/password-resets/" + token);
        ApiClient.Reply completed = complete(token, NEW_PASSWORD);

        assertThat(check.body().at("/reset/email").asText()).isEqualTo(manager.email());
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.body().at("/user/email").asText()).isEqualTo(manager.email());
        assertThat(ConsoleFixtures.sessionCookie(completed)).isNotNull();
        assertThat(manager.get("/console/me").status()).isEqualTo(401);
        assertThat(signIn(manager.email(), manager.password()).status()).isEqualTo(401);
        assertThat(signIn(manager.email(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aResetLinkWorksOnceAndAnyNewPasswordEndsTheOthers() {
        ConsoleClient manager = fixtures.manager();
        String first = issueReset(manager.email());
        String second = issueReset(manager.email());

        assertThat(complete(first, NEW_PASSWORD).status()).isEqualTo(200);

        assertThat(complete(first, "yet another long password").status()).isEqualTo(404);
        assertThat(complete(second, "yet another long password").status())
                .as("older links die with the change")
                .isEqualTo(404);
    }

    @Test
    void aResetLinkExpiresAfterAnHour() {
        ConsoleClient manager = fixtures.manager();
        String token = issueReset(manager.email());
        double lifetime = DB.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT extract(epoch FROM expires_at - created_at) FROM one_time_tokens WHERE purpose = 'RESET' "
                                        + "AND email = :email")
                        .bind("email", manager.email())
                        .mapTo(Double.class)
                        .one());
        DB.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE one_time_tokens SET expires_at = now() - INTERVAL '1 second' WHERE email = ?",
                        manager.email()));

        assertThat(lifetime).isEqualTo(3600.0);
        assertThat(fixtures.signedOut().get("/console/password-resets/" + token).status())
                .isEqualTo(404);
        assertThat(complete(token, NEW_PASSWORD).status()).isEqualTo(404);
    }

    @Test
    void onlyAnAdminIssuesResetLinks() {
        ConsoleClient manager = fixtures.manager();

        assertThat(manager.post("/console/reset-links", ApiClient.json(Map.of("email", manager.email())))
                        .status())
                .isEqualTo(403);
        assertThat(fixtures.admin()
                        .post("/console/reset-links", ApiClient.json(Map.of("email", "nobody@example.com")))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void forgotPasswordWithoutMailSaysSoForEveryAddress() {
        ConsoleClient manager = fixtures.manager();

        ApiClient.Reply known =
                fixtures.signedOut().post("/console/password-resets", ApiClient.json(Map.of("email", manager.email())));
        ApiClient.Reply unknown = fixtures.signedOut()
                .post("/console/password-resets", ApiClient.json(Map.of("email", "nobody@example.com")));

        assertThat(known.status()).isEqualTo(202);
        assertThat(known.body().get("emailConfigured").asBoolean()).isFalse();
        assertThat(unknown.body()).isEqualTo(known.body());
    }
}
