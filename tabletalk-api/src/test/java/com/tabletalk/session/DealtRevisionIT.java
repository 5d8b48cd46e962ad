package com.tabletalk.session;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.EventRows;
import com.tabletalk.testing.EventRows.Row;
import com.tabletalk.testing.LivePhone;
import com.tabletalk.testing.SessionFixtures;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A session keeps the wording its cards were dealt with: an edit of a question (a new revision in the library)
 * reaches only the sessions dealt after it, and every event about a card names the revision that was shown.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DealtRevisionIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);

    private final EventRows events = new EventRows(DB);

    private static ApiClient api() {
        return ApiClient.forPort(APP.getLocalPort());
    }

    @Test
    void aSessionDealtBeforeAnEditKeepsTheOldWordingAndANewOneGetsTheNew() {
        String table = "rev-" + UUID.randomUUID().toString().substring(0, 8);
        SessionFixtures atTable = aSession().at(table).withMode("single");
        Phone before = atTable.create(api());
        JsonNode dealt = before.state();
        int first = dealt.at("/card/questionId").asInt();
        String firstText = dealt.at("/card/text").asText();
        before.does("next");
        int second = before.state().at("/card/questionId").asInt();
        String secondText = before.state().at("/card/text").asText();

        // The console's edit of both cards.
        String firstEdited = edit(first);
        String secondEdited = edit(second);
        assertThat(firstEdited).isNotEqualTo(firstText);

        JsonNode still = before.state();
        assertThat(still.at("/card/questionId").asInt()).isEqualTo(second);
        assertThat(still.at("/card/text").asText()).isEqualTo(secondText);
        try (LivePhone live = before.goLive(APP.getLocalPort())) {
            assertThat(live.awaitState(state -> true).at("/card/text").asText()).isEqualTo(secondText);
        }
        assertThat(rate(before, first).status()).isEqualTo(204);

        Phone after = atTable.create(api());
        JsonNode fresh = after.state();
        assertThat(fresh.at("/card/questionId").asInt())
                .as("the same table, context and day deal the same order")
                .isEqualTo(first);
        assertThat(fresh.at("/card/text").asText()).isEqualTo(firstEdited);
        assertThat(rate(after, first).status()).isEqualTo(204);

        // Retired after both sessions were dealt: both still show it, each in its own wording.
        DB.jdbi().useHandle(h -> h.execute("UPDATE questions SET active = FALSE WHERE id = ?", second));
        assertThat(before.state().at("/card/text").asText()).isEqualTo(secondText);
        after.does("next");
        assertThat(after.state().at("/card/questionId").asInt()).isEqualTo(second);
        assertThat(after.state().at("/card/text").asText()).isEqualTo(secondEdited);

        assertThat(withoutDurations(events.await(before.sessionId(), 5)))
                .containsExactly(
                        Row.of("session_created", "A", null, Map.of("context", "exploring", "mode", "single")),
                        Row.of("card_shown", null, first, Map.of("position", 0, "revision", 1)),
                        Row.of("card_advanced", "A", first, Map.of("position", 0, "revision", 1)),
                        Row.of("card_shown", null, second, Map.of("position", 1, "revision", 1)),
                        Row.of("card_rated", "A", first, Map.of("revision", 1, "rating", "up")));
        assertThat(withoutDurations(events.await(after.sessionId(), 5)))
                .containsExactly(
                        Row.of("session_created", "A", null, Map.of("context", "exploring", "mode", "single")),
                        Row.of("card_shown", null, first, Map.of("position", 0, "revision", 2)),
                        Row.of("card_rated", "A", first, Map.of("revision", 2, "rating", "up")),
                        Row.of("card_advanced", "A", first, Map.of("position", 0, "revision", 2)),
                        Row.of("card_shown", null, second, Map.of("position", 1, "revision", 2)));
        Integer dealtRevision = DB.jdbi()
                .withHandle(h -> h.createQuery("SELECT deck_revisions[1] FROM sessions WHERE id = CAST(:id AS uuid)")
                        .bind("id", after.sessionId())
                        .mapTo(Integer.class)
                        .one());
        assertThat(dealtRevision).isEqualTo(2);
    }

    @Test
    void aSessionFromBeforeRevisionsWereDealtShowsRevisionOne() {
        Phone phone = aSession().withMode("single").create(api());
        int card = phone.state().at("/card/questionId").asInt();
        String text = phone.state().at("/card/text").asText();
        DB.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE sessions SET deck_revisions = NULL WHERE id = CAST(? AS uuid)", phone.sessionId()));
        edit(card);

        assertThat(phone.state().at("/card/text").asText()).isEqualTo(text);
        assertThat(rate(phone, card).status()).isEqualTo(204);
        assertThat(events.await(phone.sessionId(), 3).get(2))
                .isEqualTo(Row.of("card_rated", "A", card, Map.of("revision", 1, "rating", "up")));
    }

    /** What the console does to change a question's wording: revision n+1 kept, and the library moved to it. */
    private static String edit(int questionId) {
        String text = "Edited wording of question " + questionId + ", asked differently now?";
        DB.jdbi().useTransaction(h -> {
            h.execute(
                    "INSERT INTO question_revisions (question_id, revision, difficulty, category, type, text, hint, "
                            + "option_a, option_b, option_c, option_d) "
                            + "SELECT id, revision + 1, difficulty, category, type, ?, hint, option_a, option_b, "
                            + "option_c, option_d FROM questions WHERE id = ?",
                    text,
                    questionId);
            h.execute("UPDATE questions SET text = ?, revision = revision + 1 WHERE id = ?", text, questionId);
        });
        return text;
    }

    private static ApiClient.Reply rate(Phone phone, int questionId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        phone.api().uri("/sessions/" + phone.sessionId() + "/ratings/" + questionId))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"rating\":\"up\"}"));
        return phone.api().send(request, Map.of("Authorization", "Bearer " + phone.token()));
    }

    private static List<Row> withoutDurations(List<Row> rows) {
        return rows.stream()
                .map(row -> {
                    Map<String, Object> payload = new LinkedHashMap<>(row.payload());
                    payload.remove("shownMs");
                    return Row.of(row.type(), row.participant(), row.questionId(), payload);
                })
                .toList();
    }
}
