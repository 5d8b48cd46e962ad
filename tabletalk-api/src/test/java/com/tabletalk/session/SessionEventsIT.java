package com.tabletalk.session;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.EventRows;
import com.tabletalk.testing.EventRows.Place;
import com.tabletalk.testing.EventRows.Row;
import com.tabletalk.testing.LiveMessages;
import com.tabletalk.testing.LivePhone;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A session played through the REST API and the live channel leaves exactly its steps in visit_events, in order,
 * with the place, session and visit on every row and no token or address anywhere.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SessionEventsIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP =
            TestApp.extension(DB, ConfigOverride.config("sessions.cleanupInterval", "1s"));

    private final EventRows events = new EventRows(DB);

    @Test
    void aSessionAtARegisteredTableLeavesEveryStepInOrder() throws InterruptedException {
        ApiClient api = ApiClient.forPort(APP.getLocalPort());
        String slug = "events-" + UUID.randomUUID().toString().substring(0, 8);
        long restaurantId = DB.jdbi()
                .withHandle(h -> h.createQuery("INSERT INTO restaurants (slug, name, time_zone) "
                                + "VALUES (:slug, 'Events', 'UTC') RETURNING id")
                        .bind("slug", slug)
                        .mapTo(Long.class)
                        .one());
        long tableId = DB.jdbi()
                .withHandle(h -> h.createQuery(
                                "INSERT INTO restaurant_tables (restaurant_id, label) VALUES (:r, '7') RETURNING id")
                        .bind("r", restaurantId)
                        .mapTo(Long.class)
                        .one());
        UUID visit = UUID.randomUUID();
        List<Row> expected = new ArrayList<>();

        ApiClient.Reply created = api.post(
                "/sessions",
                ApiClient.json(Map.of(
                        "restaurant", slug,
                        "table", "7",
                        "relationshipLength", "2_to_10_years",
                        "mode", "dual",
                        "visit", visit.toString())));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.session().get("context").asText()).isEqualTo("established");
        Phone a = Phone.joined(api, created);
        int first = created.session().at("/card/questionId").asInt();
        expected.add(Row.of(
                "session_created",
                "A",
                null,
                Map.of("context", "established", "mode", "dual", "relationshipLength", "2_to_10_years")));
        expected.add(Row.of("card_shown", null, first, Map.of("position", 0, "revision", 1)));
        Phone b = a.secondPhoneJoins();
        expected.add(Row.of("partner_joined", "B", null, Map.of()));
        assertThat(events.await(a.sessionId(), expected.size())).isEqualTo(expected);

        LivePhone liveA = a.goLive(APP.getLocalPort());
        LivePhone liveB = b.goLive(APP.getLocalPort());
        a.does("reveal");
        expected.add(Row.of("hint_revealed", "A", first, Map.of("position", 0)));
        assertThat(events.await(a.sessionId(), expected.size())).isEqualTo(expected);

        JsonNode state = a.state();
        while (!state.at("/card/type").asText().equals("choice")) {
            int position = state.get("position").asInt();
            int left = state.at("/card/questionId").asInt();
            a.does("next");
            liveB.send(LiveMessages.command("next", b.version()));
            state = liveB.awaitState(s -> s.get("position").asInt() == position + 1);
            expected.add(Row.of("card_advanced", "B", left, Map.of("position", position, "revision", 1)));
            expected.add(Row.of(
                    "card_shown",
                    null,
                    state.at("/card/questionId").asInt(),
                    Map.of("position", position + 1, "revision", 1)));
            assertThat(withoutDurations(events.await(a.sessionId(), expected.size())))
                    .isEqualTo(expected);
        }
        int position = state.get("position").asInt();
        int choice = state.at("/card/questionId").asInt();
        String option = state.at("/card/options/1/id").asText();
        a.does("answer", Map.of("optionId", option));
        expected.add(Row.of("answer_given", "A", choice, Map.of("position", position, "optionId", option)));
        assertThat(withoutDurations(events.await(a.sessionId(), expected.size())))
                .isEqualTo(expected);

        liveB.drop();
        awaitAway(a, "B");
        try (LivePhone back = b.goLive(APP.getLocalPort())) {
            expected.add(Row.of("reconnected", "B", null, Map.of()));
            assertThat(withoutDurations(events.await(a.sessionId(), expected.size())))
                    .isEqualTo(expected);

            liveA.send(LiveMessages.command("end", a.version()));
            back.awaitState(s -> s.get("status").asText().equals("ended"));
        }
        liveA.close();
        expected.add(Row.of("session_ended", "A", null, Map.of("reason", "ended_by_guest", "cards", position + 1)));
        List<Row> rows = events.await(a.sessionId(), expected.size());

        assertThat(withoutDurations(rows)).isEqualTo(expected);
        assertThat(rows.stream().filter(row -> row.type().equals("card_advanced")))
                .allSatisfy(row ->
                        assertThat((Integer) row.payload().get("shownMs")).isNotNegative());
        assertThat((Integer) rows.get(rows.size() - 1).payload().get("durationMs"))
                .isPositive();
        assertThat(events.places(a.sessionId()))
                .containsExactly(new Place(restaurantId, tableId, UUID.fromString(a.sessionId()), visit));
        assertThat(rows.toString())
                .doesNotContain(a.token())
                .doesNotContain(b.token())
                .doesNotContain("127.0.0.1");
    }

    @Test
    void aSessionThatIdlesOutAndOneThatReachesItsLifetimeSayWhichEnded() {
        ApiClient api = ApiClient.forPort(APP.getLocalPort());
        Phone idle = aSession().create(api);
        Phone old = aSession().create(api);
        idle.does("next");
        DB.jdbi().useHandle(h -> {
            h.execute(
                    "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = CAST(? AS uuid)",
                    idle.sessionId());
            h.execute(
                    "UPDATE sessions SET created_at = now() - interval '6 hours 1 second', "
                            + "expires_at = now() - interval '1 second' WHERE id = CAST(? AS uuid)",
                    old.sessionId());
        });

        List<Row> idleRows = events.await(idle.sessionId(), 5);
        List<Row> oldRows = events.await(old.sessionId(), 3);

        assertThat(idleRows.get(4).type()).isEqualTo("session_ended");
        assertThat(idleRows.get(4).participant()).isNull();
        assertThat(idleRows.get(4).payload())
                .containsEntry("reason", "idle_expired")
                .containsEntry("cards", 2)
                .containsKey("durationMs");
        assertThat(oldRows.get(2).payload())
                .containsEntry("reason", "max_lifetime")
                .containsEntry("cards", 1);
        assertThat(((Number) oldRows.get(2).payload().get("durationMs")).longValue())
                .isEqualTo(6 * 3_600_000L);
        assertThat(events.places(old.sessionId()))
                .as("a walk-in session has no place and, created without one, no visit")
                .containsExactly(new Place(null, null, UUID.fromString(old.sessionId()), null));
    }

    /** Waits, through REST, until the session shows the participant away (after the presence grace). */
    private static void awaitAway(Phone phone, String participant) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            for (JsonNode p : phone.state().get("participants")) {
                if (p.get("id").asText().equals(participant)
                        && !p.get("connected").asBoolean()) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(participant + " is still shown connected");
    }

    private static List<Row> withoutDurations(List<Row> rows) {
        return rows.stream()
                .map(row -> {
                    Map<String, Object> payload = new LinkedHashMap<>(row.payload());
                    payload.remove("shownMs");
                    payload.remove("durationMs");
                    return Row.of(row.type(), row.participant(), row.questionId(), payload);
                })
                .toList();
    }
}
