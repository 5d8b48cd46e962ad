package com.tabletalk.session;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every endpoint and every command in both modes, through the real application and a real PostgreSQL. */
@ExtendWith(DropwizardExtensionsSupport.class)
// Several tests hold phones' live sockets open only so that the phones count as present.
@SuppressWarnings("try")
class SessionApiIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);

    private ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.forPort(APP.getLocalPort());
    }

    @Test
    void contextsListTheThreeWithTheirQuestionCounts() {
        ApiClient.Reply reply = api.get("/contexts");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).hasSize(3);
        assertThat(reply.body().findValuesAsText("id")).containsExactly("exploring", "established", "mature");
        for (JsonNode context : reply.body()) {
            assertThat(context.get("name").asText()).isNotBlank();
            assertThat(context.get("description").asText()).isNotBlank();
            assertThat(context.get("questionCount").asInt()).isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void creatingASessionReturnsItsStateTheFirstParticipantAndItsLocation() {
        ApiClient.Reply reply =
                api.post("/sessions", "{\"tableToken\":\"t7\",\"context\":\"mature\",\"mode\":\"single\"}");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode session = reply.body().get("session");
        assertThat(reply.header("Location"))
                .endsWith("/api/sessions/" + session.get("id").asText());
        assertThat(session.get("tableToken").asText()).isEqualTo("t7");
        assertThat(session.get("context").asText()).isEqualTo("mature");
        assertThat(session.get("mode").asText()).isEqualTo("single");
        assertThat(session.get("status").asText()).isEqualTo("active");
        assertThat(session.get("version").asLong()).isEqualTo(1);
        assertThat(session.get("position").asInt()).isZero();
        assertThat(session.get("deckSize").asInt()).isGreaterThanOrEqualTo(100);
        assertThat(session.at("/card/text").asText()).isNotBlank();
        assertThat(session.at("/card/hint").isMissingNode())
                .as("the hint waits to be revealed")
                .isTrue();
        assertThat(session.get("revealed").asBoolean()).isFalse();
        assertThat(session.get("participants")).hasSize(1);
        assertThat(session.at("/participants/0/id").asText()).isEqualTo("A");
        assertThat(reply.body().at("/participant/id").asText()).isEqualTo("A");
        assertThat(reply.body().at("/participant/token").asText()).matches("[A-Za-z0-9_-]{43}");
        Instant created = Instant.parse(session.get("createdAt").asText());
        Instant expires = Instant.parse(session.get("expiresAt").asText());
        assertThat(Duration.between(created, expires)).isEqualTo(Duration.ofMinutes(60));
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        Phone phone = aSession().create(api);

        String stored = DB.jdbi()
                .withHandle(h -> h.createQuery("SELECT participants::text FROM sessions WHERE id = CAST(:id AS uuid)")
                        .bind("id", phone.sessionId())
                        .mapTo(String.class)
                        .one());
        assertThat(stored).doesNotContain(phone.token()).contains(ParticipantTokens.hash(phone.token()));
    }

    @Test
    void getReturnsTheStateAndUnknownIdsAre404() {
        Phone phone = aSession().create(api);

        assertThat(api.get("/sessions/" + phone.sessionId()).body().get("id").asText())
                .isEqualTo(phone.sessionId());
        ApiClient.Reply unknown = api.get("/sessions/00000000-0000-4000-8000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("not_found");
    }

    @Test
    void dualSessionWaitsForTheSecondPhoneThenIsFull() {
        Phone a = aSession().withMode("dual").create(api);
        assertThat(a.state().get("status").asText()).isEqualTo("waiting");

        Phone b = a.secondPhoneJoins();
        assertThat(b.participantId()).isEqualTo("B");
        JsonNode state = a.state();
        assertThat(state.get("status").asText()).isEqualTo("active");
        assertThat(state.get("version").asLong()).isEqualTo(2);
        assertThat(state.get("participants")).hasSize(2);

        ApiClient.Reply third = api.post("/sessions/" + a.sessionId() + "/participants", null);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.error()).isEqualTo("session_full");
    }

    @Test
    void singleSessionTakesNoSecondPhone() {
        Phone a = aSession().create(api);

        ApiClient.Reply second = api.post("/sessions/" + a.sessionId() + "/participants", null);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.error()).isEqualTo("session_full");
    }

    @Test
    void aReloadedPhoneRejoinsAsTheSameParticipantWithItsToken() {
        Phone a = aSession().withMode("dual").create(api);
        Phone b = a.secondPhoneJoins();

        ApiClient.Reply again = api.post("/sessions/" + a.sessionId() + "/participants", null, b.token());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().at("/participant/id").asText()).isEqualTo("B");
        assertThat(again.body().at("/participant/token").asText()).isEqualTo(b.token());
        assertThat(a.state().get("version").asLong())
                .as("rejoining changes nothing")
                .isEqualTo(2);

        ApiClient.Reply stranger = api.post("/sessions/" + a.sessionId() + "/participants", null, "x".repeat(43));
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.error()).isEqualTo("unauthorized");
    }

    @Test
    void singleModeNextMovesAtOnceAndClearsTheCard() {
        Phone a = aSession().create(api);
        JsonNode first = a.state();

        a.does("reveal");
        JsonNode moved = a.does("next");

        assertThat(moved.get("position").asInt()).isEqualTo(1);
        assertThat(moved.get("version").asLong()).isEqualTo(3);
        assertThat(moved.get("revealed").asBoolean()).isFalse();
        assertThat(moved.at("/card/questionId").asInt())
                .isNotEqualTo(first.at("/card/questionId").asInt());
    }

    @Test
    void dualModeMovesOnlyWhenBothWantNext() {
        Phone[] pair = aSession().createPair(api);
        try (LivePhone a = pair[0].goLive(port());
                LivePhone b = pair[1].goLive(port())) {

            JsonNode afterA = pair[0].does("next");
            assertThat(afterA.get("position").asInt()).isZero();
            assertThat(afterA.at("/participants/0/wantsNext").asBoolean()).isTrue();
            assertThat(afterA.at("/participants/1/wantsNext").asBoolean()).isFalse();

            JsonNode afterB = pair[1].does("next");
            assertThat(afterB.get("position").asInt()).isEqualTo(1);
            assertThat(afterB.at("/participants/0/wantsNext").asBoolean()).isFalse();
            assertThat(afterB.at("/participants/1/wantsNext").asBoolean()).isFalse();
        }
    }

    @Test
    void repeatingNextWhileWaitingChangesNothing() {
        Phone[] pair = aSession().createPair(api);
        try (LivePhone a = pair[0].goLive(port());
                LivePhone b = pair[1].goLive(port())) {
            JsonNode waiting = pair[0].does("next");

            JsonNode again = pair[0].does("next");
            assertThat(again.get("version").asLong())
                    .isEqualTo(waiting.get("version").asLong());
        }
    }

    @Test
    void revealShowsTheHint() {
        Phone a = aSession().create(api);

        JsonNode revealed = a.does("reveal");

        assertThat(revealed.get("revealed").asBoolean()).isTrue();
        assertThat(revealed.at("/card/hint").asText()).isNotBlank();
    }

    @Test
    void inDualModeTheHintShowsOnceBothAreReady() {
        Phone[] pair = aSession().createPair(api);
        try (LivePhone a = pair[0].goLive(port());
                LivePhone b = pair[1].goLive(port())) {

            JsonNode oneReady = pair[0].does("ready", Map.of("ready", true));
            assertThat(oneReady.get("revealed").asBoolean()).isFalse();
            assertThat(oneReady.at("/participants/0/ready").asBoolean()).isTrue();

            JsonNode bothReady = pair[1].does("ready", Map.of("ready", true));
            assertThat(bothReady.get("revealed").asBoolean()).isTrue();
            assertThat(bothReady.at("/card/hint").asText()).isNotBlank();
        }
    }

    @Test
    void readyCanBeTakenBack() {
        Phone[] pair = aSession().createPair(api);
        pair[0].does("ready", Map.of("ready", true));

        JsonNode notReady = pair[0].does("ready", Map.of("ready", false));

        assertThat(notReady.at("/participants/0/ready").asBoolean()).isFalse();
    }

    @Test
    void answersAppearOnceBothHaveAnsweredAChoiceCard() {
        Phone[] pair = aSession().createPair(api);
        try (LivePhone a = pair[0].goLive(port());
                LivePhone b = pair[1].goLive(port())) {
            moveToChoiceCard(pair);
            JsonNode card = pair[0].state().get("card");
            String first = card.at("/options/0/id").asText();
            String second = card.at("/options/1/id").asText();

            JsonNode oneAnswer = pair[0].does("answer", Map.of("optionId", first));
            assertThat(oneAnswer.at("/participants/0/answered").asBoolean()).isTrue();
            assertThat(oneAnswer.get("answers"))
                    .as("hidden until both have answered")
                    .isEmpty();

            ApiClient.Reply twice =
                    pair[0].send("answer", oneAnswer.get("version").asLong(), Map.of("optionId", second));
            assertThat(twice.status()).isEqualTo(400);

            JsonNode both = pair[1].does("answer", Map.of("optionId", second));
            assertThat(both.get("answers").get("A").asText()).isEqualTo(first);
            assertThat(both.get("answers").get("B").asText()).isEqualTo(second);
        }
    }

    @Test
    void answeringAnOpenCardOrAnUnknownOptionIsInvalid() {
        Phone a = aSession().create(api);
        while (!a.state().at("/card/type").asText().equals("open")) {
            a.does("next");
        }
        ApiClient.Reply open = a.send("answer", a.version(), Map.of("optionId", "a"));
        assertThat(open.status()).isEqualTo(400);
        assertThat(open.error()).isEqualTo("invalid_request");

        while (!a.state().at("/card/type").asText().equals("choice")) {
            a.does("next");
        }
        ApiClient.Reply unknown = a.send("answer", a.version(), Map.of("optionId", "d"));
        boolean hasD = a.state().at("/card/options").findValuesAsText("id").contains("d");
        assertThat(unknown.status()).isEqualTo(hasD ? 200 : 400);
        ApiClient.Reply malformed = a.send("answer", a.version(), Map.of("optionId", "zz"));
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    void theDeckStartsOverAfterTheLastCard() {
        Phone a = aSession().create(api);
        int deckSize = a.state().get("deckSize").asInt();
        int firstQuestion = a.state().at("/card/questionId").asInt();

        JsonNode state = null;
        for (int i = 0; i < deckSize; i++) {
            state = a.does("next");
        }

        assertThat(state.get("position").asInt()).isZero();
        assertThat(state.at("/card/questionId").asInt()).isEqualTo(firstQuestion);
    }

    @Test
    void endEndsTheSessionForEveryone() {
        Phone[] pair = aSession().createPair(api);

        JsonNode ended = pair[0].does("end");
        assertThat(ended.get("status").asText()).isEqualTo("ended");

        ApiClient.Reply get = api.get("/sessions/" + pair[0].sessionId());
        assertThat(get.status()).isEqualTo(410);
        assertThat(get.error()).isEqualTo("session_ended");
        ApiClient.Reply command = pair[1].send("next", ended.get("version").asLong());
        assertThat(command.status()).isEqualTo(410);
        assertThat(api.post("/sessions/" + pair[0].sessionId() + "/participants", null)
                        .status())
                .isEqualTo(410);
    }

    @Test
    void aStaleVersionChangesNothingAndReturnsTheCurrentState() {
        Phone a = aSession().create(api);
        a.does("next");

        ApiClient.Reply stale = a.send("next", 1);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.error()).isEqualTo("version_conflict");
        assertThat(stale.body().at("/session/version").asLong()).isEqualTo(2);
        assertThat(stale.body().at("/session/position").asInt()).isEqualTo(1);
        assertThat(a.state().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void commandsNeedTheParticipantsToken() {
        Phone a = aSession().create(api);
        Phone other = aSession().create(api);

        ApiClient.Reply none =
                api.post("/sessions/" + a.sessionId() + "/commands", "{\"type\":\"next\",\"version\":1}");
        ApiClient.Reply wrong = api.post(
                "/sessions/" + a.sessionId() + "/commands", "{\"type\":\"next\",\"version\":1}", other.token());
        ApiClient.Reply malformed = api.post(
                "/sessions/" + a.sessionId() + "/commands", "{\"type\":\"next\",\"version\":1}", "not a token!");

        assertThat(none.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(none.error()).isEqualTo("unauthorized");
        assertThat(a.version()).isEqualTo(1);
    }

    @Test
    void anExpiredSessionAnswers410() {
        Phone a = aSession().withMode("dual").create(api);
        DB.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = CAST(? AS uuid)",
                        a.sessionId()));

        ApiClient.Reply get = api.get("/sessions/" + a.sessionId());
        assertThat(get.status()).isEqualTo(410);
        assertThat(get.error()).isEqualTo("session_expired");
        assertThat(a.send("next", 1).status()).isEqualTo(410);
        assertThat(api.post("/sessions/" + a.sessionId() + "/participants", null)
                        .status())
                .isEqualTo(410);
    }

    @Test
    void eachCommandPushesTheIdleExpiryBack() {
        Phone a = aSession().create(api);
        DB.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE sessions SET expires_at = now() + interval '1 minute' WHERE id = CAST(? AS uuid)",
                        a.sessionId()));

        JsonNode after = a.does("next");

        Instant expires = Instant.parse(after.get("expiresAt").asText());
        assertThat(expires).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
    }

    @Test
    void unrelatedGroupsAtOneTableGetSeparateSessionsWithTheSameDailyDeck() {
        Phone first = aSession().at("table-12").withContext("established").create(api);
        Phone second = aSession().at("table-12").withContext("established").create(api);

        assertThat(first.sessionId()).isNotEqualTo(second.sessionId());
        assertThat(api.post(
                                "/sessions/" + first.sessionId() + "/commands",
                                "{\"type\":\"next\",\"version\":1}",
                                second.token())
                        .status())
                .isEqualTo(401);
        assertThat(deckOf(first)).isEqualTo(deckOf(second));
        assertThat(deckOf(aSession().at("table-13").withContext("established").create(api)))
                .isNotEqualTo(deckOf(first));
        assertThat(deckOf(aSession().at("table-12").withContext("mature").create(api)))
                .isNotEqualTo(deckOf(first));
    }

    private static int port() {
        return APP.getLocalPort();
    }

    @Test
    void aPartnerWithoutALiveConnectionDoesNotHoldTheCardBack() {
        Phone[] pair = aSession().createPair(api);
        try (LivePhone a = pair[0].goLive(port())) {
            JsonNode moved = pair[0].does("next");

            assertThat(moved.get("position").asInt()).isEqualTo(1);
        }
    }

    private String deckOf(Phone phone) {
        return DB.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT deck::text || ' ' || deck_seed FROM sessions WHERE id = CAST(:id AS uuid)")
                        .bind("id", phone.sessionId())
                        .mapTo(String.class)
                        .one());
    }

    private static void moveToChoiceCard(Phone[] pair) {
        for (int i = 0; i < 200 && !pair[0].state().at("/card/type").asText().equals("choice"); i++) {
            pair[0].does("next");
            pair[1].does("next");
        }
        assertThat(pair[0].state().at("/card/type").asText()).isEqualTo("choice");
    }
}
