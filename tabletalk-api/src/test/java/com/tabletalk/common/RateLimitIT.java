package com.tabletalk.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.app.TableTalkApplication;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.ProjectFiles;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rate limits live in the database, so two instances share one budget. */
class RateLimitIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static DropwizardTestSupport<TableTalkConfiguration> first;
    private static DropwizardTestSupport<TableTalkConfiguration> second;

    @BeforeAll
    static void twoInstancesWithSmallLimits() throws Exception {
        first = withSmallLimits();
        second = withSmallLimits();
        first.before();
        second.before();
    }

    /**
     * Each instance gets overrides of its own: an override remembers the system property it replaced, and one
     * shared by two instances would remember the other's.
     */
    private static DropwizardTestSupport<TableTalkConfiguration> withSmallLimits() {
        return new DropwizardTestSupport<>(
                TableTalkApplication.class,
                ProjectFiles.config().toString(),
                TestApp.withRateLimits(
                        DB,
                        ConfigOverride.config("rateLimits.sessionCreatesPerMinute", "3"),
                        ConfigOverride.config("rateLimits.joinsPerSessionPerMinute", "2")));
    }

    /**
     * Last started, first stopped: each instance puts back the system properties it found when it started, so
     * stopping them in the other order would leave the first one's small limits to every later test.
     */
    @AfterAll
    static void stop() {
        second.after();
        first.after();
    }

    private static ApiClient.Reply create(ApiClient api, String forwardedFor) {
        return api.send(
                HttpRequest.newBuilder(api.uri("/sessions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"tableToken\":\"t1\",\"context\":\"exploring\",\"mode\":\"dual\"}")),
                Map.of("X-Forwarded-For", forwardedFor));
    }

    @Test
    void twoInstancesShareTheSessionCreationLimitPerClientAddress() {
        ApiClient a = ApiClient.forPort(first.getLocalPort());
        ApiClient b = ApiClient.forPort(second.getLocalPort());

        assertThat(create(a, "203.0.113.7").status()).isEqualTo(201);
        assertThat(create(b, "203.0.113.7").status()).isEqualTo(201);
        assertThat(create(a, "203.0.113.7").status()).isEqualTo(201);
        ApiClient.Reply refused = create(b, "203.0.113.7");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error()).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(create(a, "198.51.100.9").status())
                .as("another address has its own budget")
                .isEqualTo(201);
    }

    @Test
    void onlyTheTrustedHopOfForwardedForCounts() {
        ApiClient a = ApiClient.forPort(first.getLocalPort());
        for (int i = 0; i < 3; i++) {
            assertThat(create(a, "192.0.2.1, 192.0.2.50").status()).isEqualTo(201);
        }

        ApiClient.Reply spoofed = create(a, "10.0.0." + 99 + ", 192.0.2.50");

        assertThat(spoofed.status())
                .as("a made-up left entry does not buy a new budget")
                .isEqualTo(429);
    }

    @Test
    void aSecondForwardedForLineFromTheProxyIsTheOneThatCounts() {
        ApiClient a = ApiClient.forPort(first.getLocalPort());
        for (int i = 0; i < 3; i++) {
            assertThat(createWithLines(a, "10.1.0." + i, "192.0.2.60").status()).isEqualTo(201);
        }

        ApiClient.Reply spoofed = createWithLines(a, "10.1.0.99", "192.0.2.60");

        assertThat(spoofed.status())
                .as("a made-up first line does not buy a new budget")
                .isEqualTo(429);
    }

    /** The client's own header line, then the one a proxy appended as a separate line. */
    private static ApiClient.Reply createWithLines(ApiClient api, String clientLine, String proxyLine) {
        return api.send(
                HttpRequest.newBuilder(api.uri("/sessions"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", clientLine)
                        .header("X-Forwarded-For", proxyLine)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"tableToken\":\"t1\",\"context\":\"exploring\",\"mode\":\"dual\"}")),
                Map.of());
    }

    @Test
    void limitingLeavesNoTransactionOpenOnPooledConnections() throws Exception {
        ApiClient a = ApiClient.forPort(first.getLocalPort());
        for (int i = 0; i < 5; i++) {
            create(a, "192.0.2.77");
        }
        Thread.sleep(200);

        int idleInTransaction = DB.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM pg_stat_activity "
                                + "WHERE datname = current_database() AND state LIKE 'idle in transaction%'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(idleInTransaction).isZero();
    }

    @Test
    void bogusRejoinsDoNotLockOutThePhonesOfTheSession() {
        ApiClient a = ApiClient.forPort(first.getLocalPort());
        ApiClient.Reply created = create(a, "192.0.2.201");
        String path = "/sessions/" + created.body().at("/session/id").asText() + "/participants";
        String ownToken = created.body().at("/participant/token").asText();
        String foreignToken = "A".repeat(43);

        assertThat(a.post(path, null, foreignToken).status()).isEqualTo(401);
        assertThat(a.post(path, null, foreignToken).status()).isEqualTo(401);
        assertThat(a.post(path, null, foreignToken).status())
                .as("unknown callers are limited")
                .isEqualTo(429);

        ApiClient.Reply rejoin = a.post(path, null, ownToken);
        assertThat(rejoin.status()).as("the session's own phone re-joins").isEqualTo(200);
        assertThat(rejoin.body().at("/participant/token").asText()).isEqualTo(ownToken);
        assertThat(a.post(path, null).status())
                .as("a new phone is still an unknown caller")
                .isEqualTo(429);
    }

    @Test
    void joinsPerSessionAreLimited() {
        ApiClient a = ApiClient.forPort(first.getLocalPort());
        String id = create(a, "192.0.2.200").body().at("/session/id").asText();
        String path = "/sessions/" + id + "/participants";

        assertThat(a.post(path, null).status()).isEqualTo(201);
        assertThat(ApiClient.forPort(second.getLocalPort()).post(path, null).status())
                .isEqualTo(409);
        ApiClient.Reply third = a.post(path, null);

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).isNotNull();
    }
}
