package com.tabletalk.session;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.app.TableTalkApplication;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.EventRows;
import com.tabletalk.testing.EventRows.Row;
import com.tabletalk.testing.LivePhone;
import com.tabletalk.testing.ProjectFiles;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A new phone taking back a seat whose phone is away: let in by the phone at the table or after the grace, never
 * while the seat's phone is connected, keeping the deck's place; the old token stops working.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@SuppressWarnings("try")
class SeatReclaimIT {

    private static final Duration GRACE = Duration.ofSeconds(4);
    private static final int RECLAIM_LIMIT = 4;
    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = new DropwizardAppExtension<>(
            TableTalkApplication.class,
            ProjectFiles.config().toString(),
            TestApp.withRateLimits(
                    DB,
                    ConfigOverride.config("sessions.seatReclaimGrace", GRACE.toSeconds() + "s"),
                    ConfigOverride.config("rateLimits.reclaimsPerSessionPerMinute", Integer.toString(RECLAIM_LIMIT))));

    private final EventRows events = new EventRows(DB);
    private ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.forPort(APP.getLocalPort());
    }

    private ApiClient.Reply askForSeat(Phone any) {
        return api.post("/sessions/" + any.sessionId() + "/reclaims", null);
    }

    private ApiClient.Reply claim(Phone any, String token) {
        return api.post("/sessions/" + any.sessionId() + "/reclaims/claim", null, token);
    }

    private ApiClient.Reply answer(Phone answering, boolean letIn) {
        return api.post(
                "/sessions/" + answering.sessionId() + "/reclaims/answer",
                ApiClient.json(Map.of("letIn", letIn)),
                answering.token());
    }

    private static JsonNode participant(JsonNode session, String id) {
        for (JsonNode participant : session.get("participants")) {
            if (participant.get("id").asText().equals(id)) {
                return participant;
            }
        }
        throw new AssertionError("no participant " + id + " in " + session);
    }

    /** A at the table (connected), B's phone away, the deck moved on by one and B ready on the new card. */
    private Phone[] pairWithBAway(LivePhone[] liveA) {
        Phone[] pair = aSession().createPair(api);
        liveA[0] = pair[0].goLive(APP.getLocalPort());
        try (LivePhone b = pair[1].goLive(APP.getLocalPort())) {
            liveA[0].awaitState(s -> participant(s, "B").get("connected").asBoolean());
        }
        liveA[0].awaitState(s -> !participant(s, "B").get("connected").asBoolean());
        pair[0].does("next");
        pair[1].does("ready", Map.of("ready", true));
        return pair;
    }

    @Test
    void aConnectedSeatIsNeverTaken() {
        Phone[] pair = aSession().createPair(api);
        try (LivePhone a = pair[0].goLive(APP.getLocalPort());
                LivePhone b = pair[1].goLive(APP.getLocalPort())) {
            ApiClient.Reply refused = askForSeat(pair[0]);

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.error()).isEqualTo("session_full");
            assertThat(refused.body().get("message").asText()).contains("both are at the table");
            assertThat(participant(pair[0].state(), "B").has("rejoining")).isFalse();
        }
    }

    @Test
    void aOnePhoneSessionOrAFreeSeatHasNothingToTakeBack() {
        Phone single = aSession().withMode("single").create(api);
        Phone waiting = aSession().withMode("dual").create(api);

        ApiClient.Reply one = askForSeat(single);
        ApiClient.Reply free = askForSeat(waiting);

        assertThat(one.status()).isEqualTo(409);
        assertThat(one.error()).isEqualTo("session_full");
        assertThat(free.status()).isEqualTo(409);
        assertThat(free.error()).isEqualTo("conflict");
    }

    @Test
    void thePhoneAtTheTableLetsTheNewPhoneInAtTheSamePlaceInTheDeck() {
        LivePhone[] liveA = new LivePhone[1];
        Phone[] pair = pairWithBAway(liveA);
        try (LivePhone a = liveA[0]) {
            JsonNode before = pair[0].state();
            ApiClient.Reply joinAgain = api.post("/sessions/" + pair[0].sessionId() + "/participants", null);
            assertThat(joinAgain.status())
                    .as("a plain join still finds two phones")
                    .isEqualTo(409);

            ApiClient.Reply asked = askForSeat(pair[0]);

            assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
            assertThat(asked.body().get("participant").asText()).isEqualTo("B");
            String token = asked.body().get("token").asText();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(Instant.parse(asked.body().get("grantsAt").asText()))
                    .isAfter(Instant.now().plus(GRACE).minusSeconds(2));
            JsonNode prompted =
                    a.awaitState(s -> participant(s, "B").path("rejoining").asBoolean());
            assertThat(participant(prompted, "A").has("rejoining")).isFalse();
            ApiClient.Reply waiting = claim(pair[0], token);
            assertThat(waiting.status()).as(waiting.toString()).isEqualTo(202);
            assertThat(waiting.body().get("participant").asText()).isEqualTo("B");

            ApiClient.Reply letIn = answer(pair[0], true);

            assertThat(letIn.status()).as(letIn.toString()).isEqualTo(200);
            assertThat(participant(letIn.body(), "B").has("rejoining")).isFalse();
            ApiClient.Reply granted = claim(pair[0], token);
            assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
            assertThat(granted.body().at("/participant/id").asText()).isEqualTo("B");
            assertThat(granted.body().at("/participant/token").asText()).isEqualTo(token);
            JsonNode after = granted.body().get("session");
            assertThat(after.get("position").asInt())
                    .isEqualTo(before.get("position").asInt());
            assertThat(after.at("/card/questionId")).isEqualTo(before.at("/card/questionId"));
            assertThat(participant(after, "B").get("ready").asBoolean()).isTrue();

            assertOldTokenRefusedAndNewOneWorks(pair, token);
            assertThat(events.await(pair[0].sessionId(), 6))
                    .contains(Row.of("partner_joined", "B", null, Map.of("reclaimed", true, "grantedBy", "partner")));
        }
    }

    @Test
    void notNowDropsTheRequestAndTheSeatStaysWithItsPhone() {
        LivePhone[] liveA = new LivePhone[1];
        Phone[] pair = pairWithBAway(liveA);
        try (LivePhone a = liveA[0]) {
            String token = askForSeat(pair[0]).body().get("token").asText();
            a.awaitState(s -> participant(s, "B").path("rejoining").asBoolean());

            ApiClient.Reply notNow = answer(pair[0], false);

            assertThat(notNow.status()).isEqualTo(200);
            assertThat(participant(notNow.body(), "B").has("rejoining")).isFalse();
            ApiClient.Reply refused = claim(pair[0], token);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.error()).isEqualTo("conflict");
            assertThat(refused.body().get("message").asText()).contains("not let in");
            assertThat(pair[1].does("ready", Map.of("ready", false))).isNotNull();
            assertThat(answer(pair[0], true).status())
                    .as("nobody is asking any more")
                    .isEqualTo(409);
        }
    }

    @Test
    void withNobodyAnsweringTheSeatIsHandedOverAfterTheGrace() throws InterruptedException {
        LivePhone[] liveA = new LivePhone[1];
        Phone[] pair = pairWithBAway(liveA);
        liveA[0].close();
        int position = pair[0].state().get("position").asInt();
        ApiClient.Reply asked = askForSeat(pair[0]);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        String token = asked.body().get("token").asText();
        Instant grantsAt = Instant.parse(asked.body().get("grantsAt").asText());
        assertThat(claim(pair[0], token).status()).isEqualTo(202);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), grantsAt).toMillis()) + 300);
        ApiClient.Reply granted = claim(pair[0], token);

        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.body().at("/participant/id").asText()).isEqualTo("B");
        assertThat(granted.body().at("/session/position").asInt()).isEqualTo(position);
        assertThat(claim(pair[0], token).status())
                .as("asking again is harmless")
                .isEqualTo(200);
        assertOldTokenRefusedAndNewOneWorks(pair, token);
        assertThat(events.await(pair[0].sessionId(), 6))
                .contains(Row.of("partner_joined", "B", null, Map.of("reclaimed", true, "grantedBy", "grace")));
    }

    @Test
    void aSeatWhosePhoneComesBackIsKept() {
        LivePhone[] liveA = new LivePhone[1];
        Phone[] pair = pairWithBAway(liveA);
        try (LivePhone a = liveA[0]) {
            String token = askForSeat(pair[0]).body().get("token").asText();
            a.awaitState(s -> participant(s, "B").path("rejoining").asBoolean());

            try (LivePhone back = pair[1].goLive(APP.getLocalPort())) {
                JsonNode state =
                        a.awaitState(s -> participant(s, "B").get("connected").asBoolean());

                assertThat(participant(state, "B").has("rejoining")).isFalse();
                assertThat(claim(pair[0], token).status()).isEqualTo(409);
                assertThat(answer(pair[0], true).status()).isEqualTo(409);
                assertThat(askForSeat(pair[0]).error()).isEqualTo("session_full");
            }
        }
    }

    @Test
    void onlyThePhoneAtTheTableAnswers() {
        LivePhone[] liveA = new LivePhone[1];
        Phone[] pair = pairWithBAway(liveA);
        try (LivePhone a = liveA[0]) {
            askForSeat(pair[0]);

            ApiClient.Reply own = answer(pair[1], true);
            ApiClient.Reply stranger = api.post(
                    "/sessions/" + pair[0].sessionId() + "/reclaims/answer",
                    ApiClient.json(Map.of("letIn", true)),
                    "x".repeat(43));
            ApiClient.Reply noAnswer =
                    api.post("/sessions/" + pair[0].sessionId() + "/reclaims/answer", "{}", pair[0].token());

            assertThat(own.status()).isEqualTo(403);
            assertThat(own.error()).isEqualTo("forbidden");
            assertThat(stranger.status()).isEqualTo(401);
            assertThat(noAnswer.status()).isEqualTo(400);
            assertThat(noAnswer.error()).isEqualTo("invalid_request");
        }
    }

    @Test
    void requestsForASeatAreRateLimitedPerSession() {
        LivePhone[] liveA = new LivePhone[1];
        Phone[] pair = pairWithBAway(liveA);
        try (LivePhone a = liveA[0]) {
            for (int i = 0; i < RECLAIM_LIMIT; i++) {
                assertThat(askForSeat(pair[0]).status()).isEqualTo(202);
            }

            ApiClient.Reply refused = askForSeat(pair[0]);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.error()).isEqualTo("rate_limited");
            assertThat(refused.header("Retry-After")).isNotBlank();
        }
    }

    private void assertOldTokenRefusedAndNewOneWorks(Phone[] pair, String token) {
        ApiClient.Reply old = pair[1].send("ready", pair[1].version(), Map.of("ready", false));
        assertThat(old.status()).as("the lost phone's token no longer works").isEqualTo(401);
        assertThat(api.post("/sessions/" + pair[1].sessionId() + "/participants", null, pair[1].token())
                        .status())
                .isEqualTo(401);
        Phone newPhone = new Phone(api, pair[1].sessionId(), "B", token);
        ApiClient.Reply rejoined = api.post("/sessions/" + pair[1].sessionId() + "/participants", null, token);
        assertThat(rejoined.status()).isEqualTo(200);
        assertThat(rejoined.body().at("/participant/id").asText()).isEqualTo("B");
        assertThat(newPhone.does("ready", Map.of("ready", false))).isNotNull();
        try (LivePhone live = newPhone.goLive(APP.getLocalPort())) {
            assertThat(participant(live.awaitState(s -> true), "B")
                            .get("connected")
                            .asBoolean())
                    .isTrue();
        }
    }
}
