package com.tabletalk.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ConsoleClient;
import com.tabletalk.testing.ConsoleFixtures;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-ins end after idling and, however busy, at their absolute limit (here seconds instead of hours and days). */
@ExtendWith(DropwizardExtensionsSupport.class)
class SessionExpiryIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(
            DB,
            ConfigOverride.config("account.sessionIdleTimeout", "3s"),
            ConfigOverride.config("account.sessionAbsoluteTimeout", "7s"));

    private ConsoleFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ConsoleFixtures(DB, APP.getLocalPort());
    }

    @Test
    void aSignInLeftIdleEnds() throws InterruptedException {
        ConsoleClient admin = fixtures.admin();
        assertThat(admin.get("/console/me").status()).isEqualTo(200);

        Thread.sleep(3_500);

        assertThat(admin.get("/console/me").status()).isEqualTo(401);
    }

    @Test
    void aBusySignInEndsAtTheAbsoluteLimit() throws InterruptedException {
        ConsoleClient admin = fixtures.admin();
        long started = System.nanoTime();
        int lastStatus = 200;
        long endedAfterMillis = -1;
        while (System.nanoTime() - started < 10_000_000_000L) {
            lastStatus = admin.get("/console/me").status();
            if (lastStatus != 200) {
                endedAfterMillis = (System.nanoTime() - started) / 1_000_000;
                break;
            }
            Thread.sleep(1_000);
        }

        assertThat(lastStatus).isEqualTo(401);
        assertThat(endedAfterMillis)
                .as("kept alive past the idle timeout, ended at the absolute one")
                .isBetween(5_000L, 8_000L);
    }

    @Test
    void theCookieLivesAsLongAsTheAbsoluteLimit() {
        ConsoleClient admin = fixtures.user(Role.ADMIN);

        var reply = fixtures.signedOut()
                .post(
                        "/console/sign-in",
                        com.tabletalk.testing.ApiClient.json(
                                java.util.Map.of("email", admin.email(), "password", admin.password())));

        assertThat(reply.header("Set-Cookie")).contains("Max-Age=7");
    }
}
