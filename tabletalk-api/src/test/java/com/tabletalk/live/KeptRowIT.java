package com.tabletalk.live;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.LivePhone;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A live session's commands are worked out on the newest row this instance has seen, without reading it first. Here
 * the row changes behind the instance's back, as a write by another instance does before its notice arrives: the
 * command must then be judged on the row as it is, and nothing may be applied twice or on a state that is gone.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class KeptRowIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);

    @Test
    void aCommandOnARowChangedElsewhereIsRefusedWithTheRowAsItIsAndTheNextOneApplies() {
        Phone phone = aSession().create(ApiClient.forPort(APP.getLocalPort()));
        try (LivePhone live = LivePhone.join(APP.getLocalPort(), phone)) {
            long seen = versionOnceConnected(live);
            changeBehindTheInstancesBack(phone, "position = position + 1, card_shown_at = now()");
            long readsAgain = readsAgain();

            live.send("next", seen);
            JsonNode refused = live.awaitVersion(seen + 1);
            assertThat(refused.get("position").asInt()).isEqualTo(1);
            assertThat(row(phone)).containsEntry("version", seen + 1).containsEntry("position", 1);
            assertThat(readsAgain()).as("the kept row was found out of date").isEqualTo(readsAgain + 1);

            live.send("next", seen + 1);
            JsonNode applied = live.awaitVersion(seen + 2);
            assertThat(applied.get("position").asInt()).isEqualTo(2);
            assertThat(row(phone)).containsEntry("version", seen + 2).containsEntry("position", 2);
            assertThat(readsAgain()).as("the row read for the refusal was kept").isEqualTo(readsAgain + 1);
        }
    }

    @Test
    void aTokenTakenAwayElsewhereStopsWorkingAtOnce() {
        Phone phone = aSession().create(ApiClient.forPort(APP.getLocalPort()));
        try (LivePhone live = LivePhone.join(APP.getLocalPort(), phone)) {
            long seen = versionOnceConnected(live);
            // As when a new phone takes the seat back through another instance: the old token's hash is replaced.
            changeBehindTheInstancesBack(
                    phone, "participants = jsonb_set(participants, '{0,tokenHash}', to_jsonb(repeat('0', 64)))");
            long readsAgain = readsAgain();

            live.send("next", seen);

            assertThat(live.next("error").get("error").asText()).isEqualTo("unauthorized");
            assertThat(row(phone)).containsEntry("version", seen + 1).containsEntry("position", 0);
            assertThat(readsAgain()).isEqualTo(readsAgain + 1);
        }
    }

    /** The version at which the phone shows connected: the row the instance keeps for the session. */
    private static long versionOnceConnected(LivePhone live) {
        return live.awaitState(state -> state.at("/participants/0/connected").asBoolean())
                .get("version")
                .asLong();
    }

    /** A write with a new version and no notice, as another instance's is until its notice arrives. */
    private static void changeBehindTheInstancesBack(Phone phone, String change) {
        int changed = DB.jdbi()
                .withHandle(h -> h.execute(
                        "UPDATE sessions SET version = version + 1, " + change + " WHERE id = ?::uuid",
                        phone.sessionId()));
        assertThat(changed).isEqualTo(1);
    }

    private static long readsAgain() {
        return APP.getEnvironment().metrics().counter("commands.read_again").getCount();
    }

    private static Map<String, Object> row(Phone phone) {
        return DB.jdbi()
                .withHandle(h -> h.createQuery("SELECT version, position FROM sessions WHERE id = CAST(:id AS uuid)")
                        .bind("id", phone.sessionId())
                        .mapToMap()
                        .one());
    }
}
