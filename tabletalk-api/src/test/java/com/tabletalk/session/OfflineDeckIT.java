package com.tabletalk.session;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.EventRows;
import com.tabletalk.testing.EventRows.Row;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A one-phone session's deck kept on the phone, and the one command that catches up after playing offline. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OfflineDeckIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);

    private final EventRows events = new EventRows(DB);
    private ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.forPort(APP.getLocalPort());
    }

    private ApiClient.Reply deck(String sessionId, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/sessions/" + sessionId + "/deck"))
                .GET();
        return api.send(request, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    @Test
    void theDeckIsTheRestOfTheCardsInOrderEachAsDealtWithItsHint() {
        Phone phone = aSession().create(api);
        phone.does("next");
        JsonNode state = phone.does("next");

        ApiClient.Reply reply = deck(phone.sessionId(), phone.token());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode deck = reply.body();
        assertThat(deck.get("sessionId").asText()).isEqualTo(phone.sessionId());
        assertThat(deck.get("version").asLong()).isEqualTo(state.get("version").asLong());
        assertThat(deck.get("from").asInt()).isEqualTo(2);
        assertThat(deck.get("deckSize").asInt()).isEqualTo(state.get("deckSize").asInt());
        JsonNode cards = deck.get("cards");
        assertThat(cards).hasSize(state.get("deckSize").asInt() - 2);
        assertThat(cards.get(0).get("questionId").asInt())
                .isEqualTo(state.at("/card/questionId").asInt());
        assertThat(cards.get(0).get("text").asText())
                .isEqualTo(state.at("/card/text").asText());
        Set<Integer> ids = new HashSet<>();
        cards.forEach(card -> ids.add(card.get("questionId").asInt()));
        assertThat(ids).as("no card twice").hasSize(cards.size());
        assertThat(cards.get(0).get("hint").asText()).isNotBlank();
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");

        JsonNode revealed = phone.does("reveal");
        assertThat(revealed.at("/card/hint").asText())
                .isEqualTo(cards.get(0).get("hint").asText());
    }

    @Test
    void seekCatchesUpInOneStepToTheCardTheDeckHadThere() {
        Phone phone = aSession().create(api);
        JsonNode cards = deck(phone.sessionId(), phone.token()).body().get("cards");
        long version = phone.version();

        JsonNode caughtUp = phone.does("seek", Map.of("position", 5));

        assertThat(caughtUp.get("position").asInt()).isEqualTo(5);
        assertThat(caughtUp.get("version").asLong()).isEqualTo(version + 1);
        assertThat(caughtUp.get("revealed").asBoolean()).isFalse();
        assertThat(caughtUp.at("/card/questionId").asInt())
                .isEqualTo(cards.get(5).get("questionId").asInt());
        assertThat(deck(phone.sessionId(), phone.token()).body().at("/cards/0/questionId"))
                .isEqualTo(cards.get(5).get("questionId"));
    }

    @Test
    void theCardsPassedOfflineAreLoggedAsShownAndLeftAndMarkedSo() {
        Phone phone = aSession().create(api);
        JsonNode cards = deck(phone.sessionId(), phone.token()).body().get("cards");
        int expectedBefore = events.await(phone.sessionId(), 2).size();

        phone.does("seek", Map.of("position", 3));

        List<Row> rows = events.await(phone.sessionId(), expectedBefore + 6);
        List<Row> catchUp = rows.subList(expectedBefore, rows.size()).stream()
                .map(row -> Row.of(row.type(), row.participant(), row.questionId(), row.payload()))
                .toList();
        int q0 = cards.get(0).get("questionId").asInt();
        int q1 = cards.get(1).get("questionId").asInt();
        int q2 = cards.get(2).get("questionId").asInt();
        int q3 = cards.get(3).get("questionId").asInt();
        assertThat(catchUp)
                .containsExactly(
                        Row.of("card_advanced", "A", q0, offline(0)),
                        Row.of("card_shown", null, q1, offline(1)),
                        Row.of("card_advanced", "A", q1, offline(1)),
                        Row.of("card_shown", null, q2, offline(2)),
                        Row.of("card_advanced", "A", q2, offline(2)),
                        Row.of("card_shown", null, q3, Map.of("position", 3, "revision", 1)));
    }

    private static Map<String, Object> offline(int position) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("position", position);
        payload.put("revision", 1);
        payload.put("offline", true);
        return payload;
    }

    @Test
    void theDeckIsOnlyForAParticipantOfAnOpenOnePhoneSession() {
        Phone phone = aSession().create(api);
        Phone other = aSession().create(api);

        assertError(deck(phone.sessionId(), null), 401, "unauthorized");
        assertError(deck(phone.sessionId(), other.token()), 401, "unauthorized");
        assertError(deck("00000000-0000-4000-8000-000000000000", phone.token()), 404, "not_found");
        assertError(deck("not-a-session", phone.token()), 400, "invalid_request");

        Phone dual = aSession().withMode("dual").create(api);
        ApiClient.Reply twoPhones = deck(dual.sessionId(), dual.token());
        assertError(twoPhones, 409, "conflict");
        assertThat(twoPhones.body().get("message").asText()).contains("Only a one-phone session");

        phone.does("end");
        assertError(deck(phone.sessionId(), phone.token()), 410, "session_ended");
    }

    @Test
    void seekGoesOnlyForwardWithinTheDeckOfAOnePhoneSessionAtTheCurrentVersion() {
        Phone phone = aSession().create(api);
        Phone other = aSession().create(api);
        int deckSize = phone.state().get("deckSize").asInt();
        phone.does("next");
        phone.does("next");
        long version = phone.version();

        assertError(phone.send("seek", version, Map.of("position", 2)), 400, "invalid_request");
        assertError(phone.send("seek", version, Map.of("position", 1)), 400, "invalid_request");
        assertError(phone.send("seek", version, Map.of("position", deckSize)), 400, "invalid_request");
        assertError(phone.send("seek", version, Map.of("position", -1)), 400, "invalid_request");
        assertError(phone.send("seek", version, Map.of()), 400, "invalid_request");
        assertError(phone.send("seek", version, Map.of("position", "four")), 400, "invalid_request");
        ApiClient.Reply stale = phone.send("seek", version - 1, Map.of("position", 4));
        assertError(stale, 409, "version_conflict");
        assertThat(stale.body().at("/session/position").asInt()).isEqualTo(2);
        String seek = ApiClient.json(Map.of("type", "seek", "position", 4, "version", version));
        assertError(api.post("/sessions/" + phone.sessionId() + "/commands", seek), 401, "unauthorized");
        assertError(api.post("/sessions/" + phone.sessionId() + "/commands", seek, other.token()), 401, "unauthorized");
        assertThat(phone.state().get("position").asInt())
                .as("nothing refused moved the card")
                .isEqualTo(2);
        assertThat(phone.version()).isEqualTo(version);

        Phone[] pair = aSession().createPair(api);
        ApiClient.Reply twoPhones = pair[0].send("seek", pair[0].version(), Map.of("position", 3));
        assertError(twoPhones, 400, "invalid_request");
        assertThat(twoPhones.body().get("message").asText()).contains("Only a one-phone session");
    }

    private static void assertError(ApiClient.Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.error()).as(reply.toString()).isEqualTo(error);
    }
}
