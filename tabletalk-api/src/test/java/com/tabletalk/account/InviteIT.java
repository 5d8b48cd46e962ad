package com.tabletalk.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.AppCommands;
import com.tabletalk.testing.ConsoleClient;
import com.tabletalk.testing.ConsoleFixtures;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Invite links: from the console and from the operator's command, checked, accepted once, expiring. */
@ExtendWith(DropwizardExtensionsSupport.class)
class InviteIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String STRONG = "a long walk to the harbour";

    private ConsoleFixtures fixtures;
    private String slug;
    private long restaurant;

    @BeforeEach
    void aRestaurantWithAManager() {
        fixtures = new ConsoleFixtures(DB, APP.getLocalPort());
        slug = "invite-" + SEQUENCE.incrementAndGet();
        restaurant = fixtures.restaurant(slug, "Invite " + SEQUENCE.get());
    }

    private String inviteFromConsole(String email) {
        ApiClient.Reply reply = fixtures.manager(restaurant)
                .post("/console/restaurants/" + slug + "/invites", ApiClient.json(Map.of("email", email)));
        assertThat(reply.status()).isEqualTo(201);
        return token(reply.body().get("link").asText());
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private ApiClient.Reply accept(String token, String password) {
        return fixtures.signedOut()
                .post("/console/invites/" + token + "/accept", ApiClient.json(Map.of("password", password)));
    }

    @Test
    void anInvitedManagerSetsAPasswordAndIsSignedInToTheirRestaurant() {
        String email = "newcomer-" + SEQUENCE.incrementAndGet() + "@example.com";
        String token = inviteFromConsole(email);

        ApiClient.Reply check = fixtures.signedOut().get("/console/invites/" + token);
        ApiClient.Reply accepted = accept(token, STRONG);

        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body().at("/invite/email").asText()).isEqualTo(email);
        assertThat(check.body().at("/invite/role").asText()).isEqualTo("MANAGER");
        assertThat(check.body().at("/invite/restaurant/slug").asText()).isEqualTo(slug);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().at("/user/email").asText()).isEqualTo(email);
        assertThat(accepted.body().at("/user/role").asText()).isEqualTo("MANAGER");
        ConsoleClient browser = fixtures.signedOut().withCookie(ConsoleFixtures.sessionCookie(accepted));
        assertThat(browser.get("/console/me")
                        .body()
                        .at("/user/restaurants/0/slug")
                        .asText())
                .isEqualTo(slug);
        ApiClient.Reply signIn = fixtures.signedOut()
                .post("/console/sign-in", ApiClient.json(Map.of("email", email, "password", STRONG)));
        assertThat(signIn.status()).isEqualTo(200);
        String stored = DB.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT password_hash FROM staff_users WHERE email = :email")
                        .bind("email", email)
                        .mapTo(String.class)
                        .one());
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(STRONG);
    }

    @Test
    void anInviteWorksOnce() {
        String token = inviteFromConsole("once-" + SEQUENCE.incrementAndGet() + "@example.com");

        assertThat(accept(token, STRONG).status()).isEqualTo(200);
        ApiClient.Reply second = accept(token, "someone else's password");

        assertThat(second.status()).isEqualTo(404);
        assertThat(second.error()).isEqualTo("not_found");
        assertThat(fixtures.signedOut().get("/console/invites/" + token).status())
                .isEqualTo(404);
    }

    @Test
    void anExpiredInviteIsNotValid() {
        String token = inviteFromConsole("late-" + SEQUENCE.incrementAndGet() + "@example.com");
        DB.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE one_time_tokens SET expires_at = now() - INTERVAL '1 second' "
                                + "WHERE restaurant_id = ?",
                        restaurant));

        assertThat(fixtures.signedOut().get("/console/invites/" + token).status())
                .isEqualTo(404);
        assertThat(accept(token, STRONG).status()).isEqualTo(404);
    }

    @Test
    void invitesAreValidForSevenDaysAndStoredOnlyAsHashes() {
        String token = inviteFromConsole("hashed-" + SEQUENCE.incrementAndGet() + "@example.com");

        Map<String, Object> row = DB.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT encode(token_hash, 'base64') AS hash, extract(epoch FROM expires_at - created_at) AS lifetime "
                                        + "FROM one_time_tokens WHERE restaurant_id = :restaurant")
                        .bind("restaurant", restaurant)
                        .mapToMap()
                        .one());

        assertThat(row.get("hash").toString()).doesNotContain(token);
        assertThat(((Number) row.get("lifetime")).doubleValue()).isEqualTo(7 * 24 * 3600.0);
    }

    @Test
    void weakPasswordsAreRefusedAndTheInviteStaysUsable() {
        String email = "careful-" + SEQUENCE.incrementAndGet() + "@example.com";
        String token = inviteFromConsole(email);

        for (String weak : new String[] {
            "short",
            "elevenchars",
            email,
            email.toUpperCase(),
            email.substring(0, email.indexOf('@')),
            "password1234",
            "QwertyUiop123",
            "1234567890123"
        }) {
            ApiClient.Reply refused = accept(token, weak);
            assertThat(refused.status()).as(weak).isEqualTo(400);
            assertThat(refused.error()).isEqualTo("invalid_request");
        }
        assertThat(accept(token, "x".repeat(300)).status()).isEqualTo(400);
        assertThat(accept(token, STRONG).status()).isEqualTo(200);
    }

    @Test
    void malformedTokensAreNotFound() {
        for (String token : new String[] {"abc", "A".repeat(43), "%27%20OR%201%3D1", "x".repeat(500)}) {
            assertThat(fixtures.signedOut().get("/console/invites/" + token).status())
                    .as(token)
                    .isEqualTo(404);
            assertThat(accept(token, STRONG).status()).as(token).isEqualTo(404);
        }
    }

    @Test
    void anExistingManagerAcceptsAnInviteToASecondRestaurant() {
        ConsoleClient manager = fixtures.manager(fixtures.restaurant("second-" + SEQUENCE.incrementAndGet(), "Second"));
        String token = inviteFromConsole(manager.email());

        ApiClient.Reply accepted = accept(token, STRONG);

        assertThat(accepted.body().at("/user/restaurants").findValuesAsText("slug"))
                .hasSize(2)
                .contains(slug);
        assertThat(manager.get("/console/me").status())
                .as("setting a password ends older sign-ins")
                .isEqualTo(401);
    }

    @Test
    void theAdminInviteCommandPrintsAWorkingLink() {
        String email = "ops-" + SEQUENCE.incrementAndGet() + "@example.com";

        String printed = runAdminInvite(email);

        assertThat(printed).matches(TestApp.FRONTEND + "/console/invite/[A-Za-z0-9_-]{43}\\s*");
        String token = token(printed.strip());
        assertThat(fixtures.signedOut()
                        .get("/console/invites/" + token)
                        .body()
                        .at("/invite/role")
                        .asText())
                .isEqualTo("ADMIN");
        ApiClient.Reply accepted = accept(token, STRONG);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().at("/user/role").asText()).isEqualTo("ADMIN");
        ConsoleClient admin = fixtures.signedOut().withCookie(ConsoleFixtures.sessionCookie(accepted));
        assertThat(admin.post(
                                "/console/restaurants",
                                ApiClient.json(Map.of("name", "Made by ops " + email, "timeZone", "UTC")))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void theAdminInviteCommandRefusesAnAddressThatIsNone() {
        AppCommands.Outcome outcome = AppCommands.run(
                DB.url(),
                "admin",
                "invite",
                "--email",
                "not-an-address",
                AppCommands.config().toString());

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.stderr()).contains("not an email address");
    }

    /** The command prints its link on standard output, where an operator's terminal shows it. */
    private static String runAdminInvite(String email) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            AppCommands.Outcome outcome = AppCommands.run(
                    DB.url(),
                    "admin",
                    "invite",
                    "--email",
                    email,
                    AppCommands.config().toString());
            assertThat(outcome.succeeded()).as(outcome.stderr()).isTrue();
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
