package com.tabletalk.session;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scheduled job marks due sessions expired and deletes closed ones after the retention time. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SessionJanitorIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(
            DB,
            ConfigOverride.config("sessions.cleanupInterval", "1s"),
            ConfigOverride.config("sessions.retention", "3s"));

    @Test
    void dueSessionsExpireAndClosedOnesAreDeletedAfterRetentionWhileEventsStay() throws Exception {
        ApiClient api = ApiClient.forPort(APP.getLocalPort());
        Phone due = aSession().create(api);
        Phone ended = aSession().create(api);
        Phone alive = aSession().create(api);
        ended.does("end");
        DB.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = CAST(? AS uuid)",
                        due.sessionId()));

        awaitStatus(due, "expired");
        assertThat(version(due)).as("expiry is a change like any other").isEqualTo(2);

        awaitGone(due);
        awaitGone(ended);
        assertThat(api.get("/sessions/" + due.sessionId()).status()).isEqualTo(404);
        assertThat(api.get("/sessions/" + alive.sessionId()).status()).isEqualTo(200);
        long events = DB.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM visit_events WHERE session_id = CAST(:id AS uuid)")
                        .bind("id", due.sessionId())
                        .mapTo(Long.class)
                        .one());
        assertThat(events).isPositive();
    }

    private static void awaitStatus(Phone phone, String status) throws InterruptedException {
        for (int i = 0; i < 100 && !status.equals(column(phone, "status")); i++) {
            Thread.sleep(100);
        }
        assertThat(column(phone, "status")).isEqualTo(status);
    }

    private static void awaitGone(Phone phone) throws InterruptedException {
        for (int i = 0; i < 150 && column(phone, "status") != null; i++) {
            Thread.sleep(100);
        }
        assertThat(column(phone, "status"))
                .as("deleted after the retention time")
                .isNull();
    }

    private static long version(Phone phone) {
        return Long.parseLong(column(phone, "version"));
    }

    private static String column(Phone phone, String name) {
        return DB.jdbi()
                .withHandle(h -> h.createQuery("SELECT " + name + "::text FROM sessions WHERE id = CAST(:id AS uuid)")
                        .bind("id", phone.sessionId())
                        .mapTo(String.class)
                        .findOne()
                        .orElse(null));
    }
}
