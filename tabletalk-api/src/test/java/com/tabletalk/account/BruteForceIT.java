package com.tabletalk.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.ConsoleClient;
import com.tabletalk.testing.ConsoleFixtures;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-in attempts are limited per email and per client address, through the shared rate limiter. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BruteForceIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = new DropwizardAppExtension<>(
            com.tabletalk.app.TableTalkApplication.class,
            com.tabletalk.testing.ProjectFiles.config().toString(),
            TestApp.withRateLimits(
                    DB,
                    ConfigOverride.config("account.signInsPerEmail", "3"),
                    ConfigOverride.config("account.signInsPerAddress", "6")));
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    private ConsoleFixtures fixtures;
    private ApiClient api;

    @BeforeEach
    void setUp() {
        fixtures = new ConsoleFixtures(DB, APP.getLocalPort());
        api = ApiClient.forPort(APP.getLocalPort());
    }

    private ApiClient.Reply signIn(String email, String password, String address) {
        return api.send(
                HttpRequest.newBuilder(api.uri("/console/sign-in"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                ApiClient.json(Map.of("email", email, "password", password)))),
                Map.of("Origin", TestApp.FRONTEND, "X-Forwarded-For", address));
    }

    private static String newAddress() {
        return "198.51.100." + ADDRESS.incrementAndGet();
    }

    @Test
    void guessingOneAccountsPasswordIsStoppedEvenFromManyAddresses() {
        ConsoleClient manager = fixtures.user(Role.MANAGER);
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(manager.email(), "guess number " + i + " is wrong", newAddress())
                            .status())
                    .isEqualTo(401);
        }

        ApiClient.Reply limited = signIn(manager.email(), manager.password(), newAddress());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.error()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(limited.header("Set-Cookie")).isNull();
    }

    @Test
    void unknownEmailsAreLimitedTheSameWay() {
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("ghost@example.com", "guess number " + i, newAddress())
                            .status())
                    .isEqualTo(401);
        }

        assertThat(signIn("ghost@example.com", "guess number 4", newAddress()).status())
                .isEqualTo(429);
    }

    @Test
    void oneAddressTryingManyAccountsIsStopped() {
        String address = newAddress();
        for (int i = 0; i < 6; i++) {
            assertThat(signIn("victim-" + i + "@example.com", "a guess that is wrong", address)
                            .status())
                    .isEqualTo(401);
        }
        ConsoleClient manager = fixtures.user(Role.MANAGER);

        assertThat(signIn(manager.email(), manager.password(), address).status())
                .isEqualTo(429);
        assertThat(signIn(manager.email(), manager.password(), newAddress()).status())
                .as("another address")
                .isEqualTo(200);
    }
}
