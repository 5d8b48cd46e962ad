package com.tabletalk.session;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.app.TableTalkApplication;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.EventRows;
import com.tabletalk.testing.EventRows.Row;
import com.tabletalk.testing.ProjectFiles;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Diners rate the cards they were dealt and say whether they would recommend Table-Talk, even after the end. */
@ExtendWith(DropwizardExtensionsSupport.class)
class FeedbackIT {

    private static final int LIMIT = 6;
    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = new DropwizardAppExtension<>(
            TableTalkApplication.class,
            ProjectFiles.config().toString(),
            TestApp.withRateLimits(
                    DB, ConfigOverride.config("rateLimits.feedbackPerParticipantPerMinute", Integer.toString(LIMIT))));

    private final EventRows events = new EventRows(DB);

    private static ApiClient api() {
        return ApiClient.forPort(APP.getLocalPort());
    }

    private static ApiClient.Reply put(Phone phone, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(phone.api().uri("/sessions/" + phone.sessionId() + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        return phone.api().send(request, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    private static ApiClient.Reply rate(Phone phone, int questionId, String body) {
        return put(phone, "/ratings/" + questionId, body, phone.token());
    }

    private static ApiClient.Reply recommend(Phone phone, String body) {
        return put(phone, "/recommend", body, phone.token());
    }

    private static int card(Phone phone) {
        return phone.state().at("/card/questionId").asInt();
    }

    @Test
    void aDinerRatesDealtCardsAndAnswersTheRecommendQuestion() {
        Phone[] pair = aSession().createPair(api());
        int first = card(pair[0]);
        pair[0].does("next");
        pair[1].does("next");
        int second = card(pair[0]);

        assertThat(rate(pair[0], first, "{\"rating\":\"up\"}").status()).isEqualTo(204);
        assertThat(rate(pair[1], second, "{\"rating\":\"down\"}").status()).isEqualTo(204);
        assertThat(rate(pair[0], first, "{\"rating\":\"none\"}").status()).isEqualTo(204);
        assertThat(recommend(pair[0], "{\"score\":9}").status()).isEqualTo(204);
        assertThat(recommend(pair[1], "{\"skipped\":true}").status()).isEqualTo(204);
        assertThat(recommend(pair[1], "{\"score\":0}").status()).isEqualTo(204);

        List<Row> feedback = events.await(pair[0].sessionId(), 13).stream()
                .filter(row -> row.type().equals("card_rated") || row.type().equals("recommend_answered"))
                .toList();
        assertThat(feedback)
                .containsExactly(
                        Row.of("card_rated", "A", first, Map.of("revision", 1, "rating", "up")),
                        Row.of("card_rated", "B", second, Map.of("revision", 1, "rating", "down")),
                        Row.of("card_rated", "A", first, Map.of("revision", 1, "rating", "none")),
                        Row.of("recommend_answered", "A", null, Map.of("score", 9)),
                        Row.of("recommend_answered", "B", null, Map.of("skipped", true)),
                        Row.of("recommend_answered", "B", null, Map.of("score", 0)));
    }

    @Test
    void feedbackIsWelcomeAfterTheSessionHasEnded() {
        Phone phone = aSession().create(api());
        int first = card(phone);
        phone.does("end");

        assertThat(rate(phone, first, "{\"rating\":\"up\"}").status()).isEqualTo(204);
        assertThat(recommend(phone, "{\"score\":10}").status()).isEqualTo(204);
        assertThat(events.await(phone.sessionId(), 5).stream().map(Row::type))
                .endsWith("session_ended", "card_rated", "recommend_answered");
    }

    @Test
    void onlyTheSessionsOwnParticipantsMayGiveFeedback() {
        Phone phone = aSession().create(api());
        Phone other = aSession().create(api());
        int first = card(phone);
        String body = "{\"rating\":\"up\"}";

        ApiClient.Reply foreign = put(phone, "/ratings/" + first, body, other.token());
        ApiClient.Reply missing = put(phone, "/ratings/" + first, body, null);
        ApiClient.Reply malformed = put(phone, "/recommend", "{\"score\":5}", "not a token");
        ApiClient.Reply unknownSession = put(
                new Phone(phone.api(), UUID.randomUUID().toString(), "A", phone.token()),
                "/recommend",
                "{\"score\":5}",
                phone.token());

        assertThat(foreign.status()).isEqualTo(401);
        assertThat(foreign.error()).isEqualTo("unauthorized");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(unknownSession.status()).isEqualTo(404);
        assertThat(events.await(phone.sessionId(), 2)).hasSize(2);
    }

    @Test
    void onlyCardsAlreadyDealtCanBeRated() {
        Phone phone = aSession().create(api());
        int first = card(phone);
        phone.does("next");
        phone.does("next");
        int third = card(phone);
        List<Integer> deck = DB.jdbi()
                .withHandle(h -> h.createQuery("SELECT unnest(deck) FROM sessions WHERE id = CAST(:id AS uuid)")
                        .bind("id", phone.sessionId())
                        .mapTo(Integer.class)
                        .list());
        int notYet = deck.get(3);

        assertThat(rate(phone, first, "{\"rating\":\"up\"}").status()).isEqualTo(204);
        assertThat(rate(phone, third, "{\"rating\":\"up\"}").status()).isEqualTo(204);
        ApiClient.Reply undealt = rate(phone, notYet, "{\"rating\":\"up\"}");
        assertThat(undealt.status()).isEqualTo(404);
        assertThat(undealt.body().get("message").asText()).contains("not been dealt");
        assertThat(rate(phone, 999_999, "{\"rating\":\"up\"}").status()).isEqualTo(404);
        assertThat(put(phone, "/ratings/abc", "{\"rating\":\"up\"}", phone.token())
                        .status())
                .isEqualTo(404);
        assertThat(put(phone, "/ratings/99999999999999", "{\"rating\":\"up\"}", phone.token())
                        .status())
                .isEqualTo(404);
        assertThat(events.await(phone.sessionId(), 7).stream()
                        .filter(row -> row.type().equals("card_rated"))
                        .map(Row::questionId))
                .containsExactly(first, third);
    }

    @Test
    void badBodiesAreRefusedAndRecordNothing() {
        Phone phone = aSession().create(api());
        int first = card(phone);

        for (String body : List.of(
                "",
                "null",
                "[]",
                "{}",
                "{\"rating\":\"great\"}",
                "{\"rating\":\"UP\"}",
                "{\"rating\":1}",
                "{\"rating\":\"" + "u".repeat(20_000) + "\"}")) {
            ApiClient.Reply reply = rate(phone, first, body);
            assertThat(reply.status())
                    .as("rating " + body.length() + ": " + reply)
                    .isBetween(400, 413);
            assertThat(reply.error()).as(body).isNotNull();
        }
        for (String body : List.of(
                "{}",
                "{\"score\":11}",
                "{\"score\":-1}",
                "{\"score\":7.5}",
                "{\"score\":\"7\"}",
                "{\"score\":7,\"skipped\":true}",
                "{\"skipped\":false}",
                "{\"skipped\":\"yes\"}",
                "{\"score\":99999999999}")) {
            ApiClient.Reply reply = recommend(phone, body);
            assertThat(reply.status()).as(body + ": " + reply).isEqualTo(400);
            assertThat(reply.error()).as(body).isEqualTo("invalid_request");
        }
        assertThat(events.read(phone.sessionId()).stream().map(Row::type))
                .containsExactly("session_created", "card_shown");
    }

    @Test
    void eachParticipantHasAFeedbackBudgetOfTheirOwn() {
        Phone[] pair = aSession().createPair(api());
        int first = card(pair[0]);

        for (int i = 0; i < LIMIT; i++) {
            assertThat(rate(pair[0], first, "{\"rating\":\"up\"}").status()).isEqualTo(204);
        }
        ApiClient.Reply refused = recommend(pair[0], "{\"score\":8}");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(recommend(pair[1], "{\"score\":8}").status()).isEqualTo(204);
    }
}
