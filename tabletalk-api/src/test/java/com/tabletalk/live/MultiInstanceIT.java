package com.tabletalk.live;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.LivePhone;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TwoInstances;
import io.dropwizard.jackson.Jackson;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two instances of the service on one database, as App Platform runs them behind one load balancer. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceIT {

    @RegisterExtension
    static final TwoInstances instances = TwoInstances.onFreshDatabase();

    private static boolean bothConnected(JsonNode state) {
        return state.at("/participants/0/connected").asBoolean()
                && state.at("/participants/1/connected").asBoolean();
    }

    @Test
    @Order(1)
    void changesCrossBetweenInstancesBothWays() {
        Phone[] pair = aSession().createPair(ApiClient.forPort(instances.firstPort()));
        try (LivePhone a = LivePhone.join(instances.firstPort(), pair[0]);
                LivePhone b = LivePhone.join(instances.secondPort(), pair[1])) {
            JsonNode both = a.awaitState(MultiInstanceIT::bothConnected);
            b.awaitState(MultiInstanceIT::bothConnected);

            a.send("next", both.get("version").asLong());
            JsonNode seenOnSecond =
                    b.awaitState(state -> state.at("/participants/0/wantsNext").asBoolean());

            b.send("next", seenOnSecond.get("version").asLong());
            JsonNode seenOnFirst = a.awaitState(state -> state.get("position").asInt() == 1);
            assertThat(seenOnFirst.get("version").asLong())
                    .isEqualTo(seenOnSecond.get("version").asLong() + 1);
        }
    }

    /**
     * A notice carries the changed fields, so the instance that did not write the change shows it to its phone from
     * the row it keeps, without reading the row: both phones see exactly the same state.
     */
    @Test
    @Order(2)
    void aChangeReachesTheOtherInstancesPhoneWithoutReadingTheRow() {
        Phone[] pair = aSession().createPair(ApiClient.forPort(instances.firstPort()));
        try (LivePhone a = LivePhone.join(instances.firstPort(), pair[0]);
                LivePhone b = LivePhone.join(instances.secondPort(), pair[1])) {
            JsonNode both = a.awaitState(MultiInstanceIT::bothConnected);
            long version =
                    b.awaitVersion(both.get("version").asLong()).get("version").asLong();
            long firstReads = reads(instances.firstMetrics());
            long secondReads = reads(instances.secondMetrics());

            a.send("next", version);
            b.send("next", b.awaitVersion(version + 1).get("version").asLong());
            a.send("reveal", a.awaitVersion(version + 2).get("version").asLong());

            JsonNode onFirst = a.awaitVersion(version + 3);
            JsonNode onSecond = b.awaitVersion(version + 3);
            assertThat(onSecond.get("position").asInt()).isEqualTo(1);
            assertThat(onSecond).isEqualTo(onFirst);
            assertThat(reads(instances.firstMetrics())).isEqualTo(firstReads);
            assertThat(reads(instances.secondMetrics())).isEqualTo(secondReads);
        }
    }

    /**
     * A notice without the changed fields (from an instance that could not fit them) still reaches the phones: the
     * row is read for them.
     */
    @Test
    @Order(3)
    void aNoticeWithoutTheChangedFieldsHasTheRowRead() {
        Phone phone = aSession().create(ApiClient.forPort(instances.firstPort()));
        try (LivePhone live = LivePhone.join(instances.secondPort(), phone)) {
            long version = live.awaitState(
                            state -> state.at("/participants/0/connected").asBoolean())
                    .get("version")
                    .asLong();
            long reads = reads(instances.secondMetrics());

            instances.database().jdbi().useHandle(h -> {
                h.execute(
                        "UPDATE sessions SET version = version + 1, position = position + 1 WHERE id = ?::uuid",
                        phone.sessionId());
                h.execute(
                        "SELECT pg_notify('session_changes', ?)",
                        new ChangeNotices(Jackson.newObjectMapper())
                                .payloads(List.of(
                                        new ChangeNotice(UUID.fromString(phone.sessionId()), version + 1, 0, null)))
                                .get(0));
            });

            assertThat(live.awaitVersion(version + 1).get("position").asInt()).isEqualTo(1);
            assertThat(reads(instances.secondMetrics())).isEqualTo(reads + 1);
        }
    }

    @Test
    @Order(4)
    void aKilledListenerConnectionRecoversAndLeavesNoSocketStale() throws Exception {
        Phone phone = aSession().create(ApiClient.forPort(instances.secondPort()));
        try (LivePhone live = LivePhone.join(instances.firstPort(), phone)) {
            JsonNode before = live.awaitState(
                    state -> state.at("/participants/0/connected").asBoolean());

            int killed = instances
                    .database()
                    .jdbi()
                    .withHandle(h -> h.createQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                    + "WHERE datname = current_database() AND application_name = 'tabletalk-listener'")
                            .mapTo(Integer.class)
                            .one());
            assertThat(killed).as("both instances' listeners").isEqualTo(2);
            // A change while nobody listens: its notification is lost, the resync after reconnecting must bring it.
            phone.send("next", before.get("version").asLong());

            JsonNode after = live.awaitState(state -> state.get("position").asInt() == 1);
            assertThat(after.get("version").asLong())
                    .isEqualTo(before.get("version").asLong() + 1);
            assertThat(awaitListeners()).isEqualTo(2);
        }
    }

    /**
     * An instance that dies without a goodbye (kill -9) stops refreshing its one row in live_instances: its sockets
     * count until that row goes stale, then they are swept and their participants shown away, though nothing
     * refreshed or touched their presence rows meanwhile.
     */
    @Test
    @Order(5)
    void aDeadInstancesSocketsCountUntilItsHeartbeatGoesStaleAndAreThenShownAway() {
        Phone[] pair = aSession().createPair(ApiClient.forPort(instances.firstPort()));
        UUID deadInstance = UUID.randomUUID();
        instances.database().jdbi().useHandle(h -> {
            h.execute("INSERT INTO live_instances (instance_id, seen_at) VALUES (?, now())", deadInstance);
            h.execute(
                    "INSERT INTO live_presence (session_id, participant_id, instance_id, sockets, seen_at) "
                            + "VALUES (?, ?, ?, 1, 'infinity')",
                    UUID.fromString(pair[1].sessionId()),
                    pair[1].participantId(),
                    deadInstance);
        });
        try (LivePhone a = LivePhone.join(instances.firstPort(), pair[0])) {
            a.awaitState(MultiInstanceIT::bothConnected);

            instances
                    .database()
                    .jdbi()
                    .useHandle(h -> h.execute(
                            "UPDATE live_instances SET seen_at = now() - interval '1 minute' WHERE instance_id = ?",
                            deadInstance));

            JsonNode away =
                    a.awaitState(state -> !state.at("/participants/1/connected").asBoolean());
            assertThat(away.at("/participants/0/connected").asBoolean()).isTrue();
            long left = instances
                    .database()
                    .jdbi()
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM live_presence WHERE instance_id = :i")
                            .bind("i", deadInstance)
                            .mapTo(Long.class)
                            .one());
            assertThat(left).as("the dead instance's presence rows").isZero();
        }
    }

    @Test
    @Order(6)
    void whenAnInstanceStopsItsPhoneReconnectsToTheOtherAndResumes() {
        Phone[] pair = aSession().createPair(ApiClient.forPort(instances.secondPort()));
        LivePhone a = LivePhone.join(instances.firstPort(), pair[0]);
        try (LivePhone b = LivePhone.join(instances.secondPort(), pair[1])) {
            JsonNode both = b.awaitState(MultiInstanceIT::bothConnected);

            instances.stopFirst();

            assertThat(a.awaitClose(Duration.ofSeconds(30))).isEqualTo(1001);
            JsonNode moved = pair[1].does("next");
            try (LivePhone again = LivePhone.join(instances.secondPort(), pair[0])) {
                JsonNode resumed = again.awaitState(state ->
                        state.get("version").asLong() >= moved.get("version").asLong());
                assertThat(resumed.get("position").asInt())
                        .isEqualTo(moved.get("position").asInt());
                JsonNode seenByB = b.awaitState(state -> bothConnected(state)
                        && state.get("version").asLong() > moved.get("version").asLong());
                assertThat(seenByB.get("position").asInt())
                        .isEqualTo(moved.get("position").asInt());
                assertThat(seenByB.get("version").asLong())
                        .isGreaterThan(both.get("version").asLong());
            }
        }
    }

    private static int awaitListeners() throws InterruptedException {
        int listening = 0;
        for (int i = 0; i < 100 && listening < 2; i++) {
            Thread.sleep(100);
            listening = instances
                    .database()
                    .jdbi()
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM pg_stat_activity "
                                    + "WHERE datname = current_database() AND application_name = 'tabletalk-listener'")
                            .mapTo(Integer.class)
                            .one());
        }
        return listening;
    }

    private static long reads(MetricRegistry metrics) {
        return metrics.counter("live.fanout.reads").getCount();
    }
}
