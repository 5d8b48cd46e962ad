package com.tabletalk.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.ConsoleClient;
import com.tabletalk.testing.ConsoleFixtures;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dashboard's figures from a known set of raw events: a restaurant in New York (UTC-5 in February), a second
 * restaurant in UTC whose events must stay out of the first one's figures, and a walk-in table, over 10 and 11
 * February 2026 (a Tuesday and a Wednesday).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class InsightIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);
    private static final String RANGE = "?from=2026-02-10&to=2026-02-11";

    private static long osteria;
    private static long other;
    private ConsoleFixtures fixtures;

    @BeforeAll
    static void events() {
        VisitEvents events = new VisitEvents(DB);
        osteria = events.restaurant("osteria", "Osteria", "America/New_York");
        long one = events.table(osteria, "1");
        long two = events.table(osteria, "2");
        events.table(osteria, "Patio");
        other = events.restaurant("elsewhere", "Elsewhere", "UTC");
        long elsewhereTable = events.table(other, "1");

        VisitEvents.Place atOne = events.at(osteria, one);
        VisitEvents.Place atTwo = events.at(osteria, two);
        // A minute before and at local midnight of the range's ends: only the scans inside it count.
        atOne.phone("2026-02-10T04:59:00Z", "scan", "V0", null);
        atOne.phone("2026-02-12T05:00:00Z", "scan", "V10", null);
        atTwo.phone("2026-02-12T04:59:59Z", "scan", "V9", null);

        // S1: two phones, partner joined, five cards, ended by the guests after ten minutes; started at local 00:00.
        atOne.phone("2026-02-10T05:00:00Z", "scan", "V1", null)
                .phone("2026-02-10T05:00:10Z", "welcome_viewed", "V1", null)
                .phone("2026-02-10T05:00:20Z", "relationship_length_chosen", "V1", "{\"length\": \"2_to_10_years\"}")
                .phone("2026-02-10T05:00:30Z", "mode_chosen", "V1", "{\"mode\": \"dual\"}")
                .insert(
                        "2026-02-10T05:00:40Z",
                        "session_created",
                        "S1",
                        "V1",
                        "A",
                        null,
                        "{\"context\": \"established\", \"mode\": \"dual\", \"relationshipLength\": \"2_to_10_years\"}")
                .session("2026-02-10T05:00:40Z", "card_shown", "S1", null, 1001, "{\"position\": 0, \"revision\": 1}")
                .session(
                        "2026-02-10T05:00:43Z",
                        "card_advanced",
                        "S1",
                        "A",
                        1001,
                        "{\"position\": 0, \"revision\": 1, \"shownMs\": 3000}")
                .session("2026-02-10T05:00:43Z", "card_shown", "S1", null, 1002, "{\"position\": 1, \"revision\": 1}")
                .session("2026-02-10T05:01:00Z", "partner_joined", "S1", "B", null, null)
                .session(
                        "2026-02-10T05:01:03Z",
                        "card_advanced",
                        "S1",
                        "B",
                        1002,
                        "{\"position\": 1, \"revision\": 1, \"shownMs\": 20000}")
                .session("2026-02-10T05:01:03Z", "card_shown", "S1", null, 1003, "{\"position\": 2, \"revision\": 1}")
                .session(
                        "2026-02-10T05:01:09Z",
                        "card_advanced",
                        "S1",
                        "A",
                        1003,
                        "{\"position\": 2, \"revision\": 1, \"shownMs\": 6000}")
                .session("2026-02-10T05:01:09Z", "card_shown", "S1", null, 1004, "{\"position\": 3, \"revision\": 1}")
                .session(
                        "2026-02-10T05:01:14Z",
                        "card_advanced",
                        "S1",
                        "A",
                        1004,
                        "{\"position\": 3, \"revision\": 1, \"shownMs\": 5000}")
                .session("2026-02-10T05:01:14Z", "card_shown", "S1", null, 1005, "{\"position\": 4, \"revision\": 1}")
                // A rates the first card up, then down: the latest counts. B rates it up.
                .session("2026-02-10T05:02:00Z", "card_rated", "S1", "A", 1001, "{\"revision\": 1, \"rating\": \"up\"}")
                .session("2026-02-10T05:02:30Z", "card_rated", "S1", "B", 1001, "{\"revision\": 1, \"rating\": \"up\"}")
                .session(
                        "2026-02-10T05:03:00Z",
                        "card_rated",
                        "S1",
                        "A",
                        1001,
                        "{\"revision\": 1, \"rating\": \"down\"}")
                // A skips the recommend question, then answers it after all; B answers 6.
                .session("2026-02-10T05:04:00Z", "recommend_answered", "S1", "A", null, "{\"skipped\": true}")
                .session("2026-02-10T05:05:00Z", "recommend_answered", "S1", "A", null, "{\"score\": 9}")
                .session("2026-02-10T05:05:10Z", "recommend_answered", "S1", "B", null, "{\"score\": 6}")
                .session(
                        "2026-02-10T05:10:40Z",
                        "session_ended",
                        "S1",
                        "A",
                        null,
                        "{\"reason\": \"ended_by_guest\", \"cards\": 5, \"durationMs\": 600000}");

        // S2: one phone, started a minute before local midnight (Tuesday 23:00 hour), ten cards after midnight.
        atTwo.phone("2026-02-11T04:58:00Z", "scan", "V2", null)
                .phone("2026-02-11T04:58:20Z", "context_chosen", "V2", "{\"context\": \"exploring\"}")
                .phone("2026-02-11T04:58:30Z", "mode_chosen", "V2", "{\"mode\": \"single\"}")
                .insert(
                        "2026-02-11T04:59:00Z",
                        "session_created",
                        "S2",
                        "V2",
                        "A",
                        null,
                        "{\"context\": \"exploring\", \"mode\": \"single\", \"relationshipLength\": \"friends_or_family\"}")
                .session("2026-02-11T04:59:00Z", "card_shown", "S2", null, 1001, "{\"position\": 0, \"revision\": 1}")
                .session(
                        "2026-02-11T05:00:04Z",
                        "card_advanced",
                        "S2",
                        "A",
                        1001,
                        "{\"position\": 0, \"revision\": 1, \"shownMs\": 4000}");
        for (int position = 1; position <= 9; position++) {
            atTwo.session(
                    "2026-02-11T05:0" + position + ":00Z",
                    "card_shown",
                    "S2",
                    null,
                    1010 + position,
                    "{\"position\": " + position + ", \"revision\": 1}");
        }
        atTwo.session("2026-02-11T05:12:00Z", "recommend_answered", "S2", "A", null, "{\"score\": 10}")
                .session(
                        "2026-02-11T05:19:00Z",
                        "session_ended",
                        "S2",
                        null,
                        null,
                        "{\"reason\": \"idle_expired\", \"cards\": 10, \"durationMs\": 1200000}");

        // S3: two phones chosen, the partner never joined; Wednesday 13:00 local; only skipped the recommend.
        atOne.phone("2026-02-11T17:59:00Z", "scan", "V3", null)
                .phone("2026-02-11T17:59:10Z", "welcome_viewed", "V3", null)
                .phone("2026-02-11T17:59:20Z", "relationship_length_chosen", "V3", "{\"length\": \"under_6_months\"}")
                .phone("2026-02-11T17:59:30Z", "mode_chosen", "V3", "{\"mode\": \"dual\"}")
                .insert(
                        "2026-02-11T18:00:00Z",
                        "session_created",
                        "S3",
                        "V3",
                        "A",
                        null,
                        "{\"context\": \"exploring\", \"mode\": \"dual\", \"relationshipLength\": \"under_6_months\"}")
                .session("2026-02-11T18:00:00Z", "card_shown", "S3", null, 1001, "{\"position\": 0, \"revision\": 1}")
                .session("2026-02-11T18:03:00Z", "recommend_answered", "S3", "A", null, "{\"skipped\": true}");

        // S5 at the other restaurant (UTC): never in the Osteria's figures, always in the platform's.
        events.at(other, elsewhereTable)
                .phone("2026-02-10T10:00:00Z", "scan", "V5", null)
                .insert(
                        "2026-02-10T10:01:00Z",
                        "session_created",
                        "S5",
                        "V5",
                        "A",
                        null,
                        "{\"context\": \"exploring\", \"mode\": \"single\", \"relationshipLength\": \"under_6_months\"}")
                .session("2026-02-10T10:01:00Z", "card_shown", "S5", null, 1001, "{\"position\": 0, \"revision\": 1}")
                .session("2026-02-10T10:01:30Z", "card_rated", "S5", "A", 1001, "{\"revision\": 1, \"rating\": \"up\"}")
                .session("2026-02-10T10:01:40Z", "recommend_answered", "S5", "A", null, "{\"score\": 0}")
                .session(
                        "2026-02-10T10:02:00Z",
                        "session_ended",
                        "S5",
                        "A",
                        null,
                        "{\"reason\": \"ended_by_guest\", \"cards\": 1, \"durationMs\": 60000}");

        // S4 at a walk-in table (no restaurant): only in the platform's figures, on its UTC day.
        events.at(null, null)
                .phone("2026-02-10T11:59:00Z", "scan", "V4", null)
                .insert(
                        "2026-02-10T12:00:00Z",
                        "session_created",
                        "S4",
                        "V4",
                        "A",
                        null,
                        "{\"context\": \"mature\", \"mode\": \"single\", \"relationshipLength\": \"over_10_years\"}")
                .session("2026-02-10T12:00:00Z", "card_shown", "S4", null, 1001, "{\"position\": 0, \"revision\": 1}")
                .session("2026-02-10T12:01:00Z", "recommend_answered", "S4", "A", null, "{\"score\": 10}")
                .session(
                        "2026-02-10T12:02:00Z",
                        "session_ended",
                        "S4",
                        "A",
                        null,
                        "{\"reason\": \"ended_by_guest\", \"cards\": 1, \"durationMs\": 120000}");
    }

    @BeforeEach
    void signIn() {
        fixtures = new ConsoleFixtures(DB, APP.getLocalPort());
    }

    @Test
    void aRestaurantsFiguresCountItsOwnEventsOnItsLocalDays() {
        ApiClient.Reply reply = fixtures.manager(osteria).get("/console/restaurants/osteria/insights" + RANGE);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.get("scope").toString())
                .isEqualTo(
                        "{\"restaurant\":{\"slug\":\"osteria\",\"name\":\"Osteria\",\"timeZone\":\"America/New_York\"}}");
        assertThat(body.get("from").asText()).isEqualTo("2026-02-10");
        assertThat(body.get("to").asText()).isEqualTo("2026-02-11");
        assertThat(funnel(body))
                .containsExactly(
                        "scan=4",
                        "welcome_viewed=2",
                        "questions_chosen=3",
                        "mode_chosen=3",
                        "first_card=3",
                        "fifth_card=2",
                        "tenth_card=1",
                        "ended_by_guest=1");
        assertThat(body.get("sessionsByDay").toString())
                .isEqualTo("[{\"day\":\"2026-02-10\",\"sessions\":2},{\"day\":\"2026-02-11\",\"sessions\":1}]");
        assertThat(hourCells(body)).containsExactly("1/0=1", "1/23=1", "2/13=1");
        assertThat(body.get("sessions").toString())
                .isEqualTo("{\"count\":3,\"medianMinutes\":15.0,\"medianCards\":5.0,"
                        + "\"twoPhone\":{\"sessions\":2,\"joined\":1}}");
        assertThat(body.get("tables").toString())
                .isEqualTo("[{\"label\":\"1\",\"scans\":2,\"sessions\":2,\"medianCards\":3.0},"
                        + "{\"label\":\"2\",\"scans\":2,\"sessions\":1,\"medianCards\":10.0},"
                        + "{\"label\":\"Patio\",\"scans\":0,\"sessions\":0,\"medianCards\":null}]");
        List<String> questions = questions(body);
        assertThat(questions.get(0)).isEqualTo("1001/1 exploring shown=3 liked=1 disliked=1 median=3.5 quick=1.0");
        assertThat(questions.subList(1, 5))
                .containsExactly(
                        "1002/1 exploring shown=1 liked=0 disliked=0 median=20.0 quick=0.0",
                        "1003/1 exploring shown=1 liked=0 disliked=0 median=6.0 quick=0.0",
                        "1004/1 exploring shown=1 liked=0 disliked=0 median=5.0 quick=0.0",
                        "1005/1 exploring shown=1 liked=0 disliked=0 median=null quick=null");
        assertThat(questions.subList(5, 14))
                .containsExactlyElementsOf(IntStream.rangeClosed(1011, 1019)
                        .mapToObj(id -> id + "/1 exploring shown=1 liked=0 disliked=0 median=null quick=null")
                        .toList());
        assertThat(questions).hasSize(14);
        assertThat(body.at("/questions/0/text").asText())
                .isEqualTo("What is a dish you could happily eat every week without getting bored of it?");
        assertThat(body.get("recommend").toString())
                .isEqualTo("{\"score\":33,\"count\":3,\"distribution\":[0,0,0,0,0,0,1,0,0,1,1]}");
        assertThat(body.get("relationshipLengths").toString())
                .isEqualTo(
                        "[{\"length\":\"under_6_months\",\"count\":1},{\"length\":\"6_months_to_2_years\",\"count\":0},"
                                + "{\"length\":\"2_to_10_years\",\"count\":1},{\"length\":\"over_10_years\",\"count\":0},"
                                + "{\"length\":\"friends_or_family\",\"count\":1}]");
    }

    @Test
    void thePlatformCountsEveryRestaurantOnItsOwnDaysAndWalkInTablesOnUtcDays() {
        ApiClient.Reply reply = fixtures.admin().get("/console/insights" + RANGE);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.get("scope").toString()).isEqualTo("{\"restaurant\":null}");
        assertThat(funnel(body))
                .containsExactly(
                        "scan=6",
                        "welcome_viewed=2",
                        "questions_chosen=3",
                        "mode_chosen=3",
                        "first_card=5",
                        "fifth_card=2",
                        "tenth_card=1",
                        "ended_by_guest=3");
        assertThat(body.get("sessionsByDay").toString())
                .isEqualTo("[{\"day\":\"2026-02-10\",\"sessions\":4},{\"day\":\"2026-02-11\",\"sessions\":1}]");
        assertThat(hourCells(body)).containsExactly("1/0=1", "1/10=1", "1/12=1", "1/23=1", "2/13=1");
        assertThat(body.get("sessions").toString())
                .isEqualTo("{\"count\":5,\"medianMinutes\":6.0,\"medianCards\":1.0,"
                        + "\"twoPhone\":{\"sessions\":2,\"joined\":1}}");
        assertThat(body.get("tables").toString()).isEqualTo("[]");
        assertThat(questions(body).get(0))
                .isEqualTo("1001/1 exploring shown=5 liked=2 disliked=1 median=3.5 quick=1.0");
        assertThat(body.get("recommend").toString())
                .isEqualTo("{\"score\":20,\"count\":5,\"distribution\":[1,0,0,0,0,0,1,0,0,1,2]}");
        assertThat(body.get("relationshipLengths").toString())
                .isEqualTo(
                        "[{\"length\":\"under_6_months\",\"count\":2},{\"length\":\"6_months_to_2_years\",\"count\":0},"
                                + "{\"length\":\"2_to_10_years\",\"count\":1},{\"length\":\"over_10_years\",\"count\":1},"
                                + "{\"length\":\"friends_or_family\",\"count\":1}]");
    }

    @Test
    void anAdminSeesARestaurantsFiguresAsItsManagerDoes() {
        ApiClient.Reply asAdmin = fixtures.admin().get("/console/restaurants/osteria/insights" + RANGE);
        ApiClient.Reply asManager = fixtures.manager(osteria).get("/console/restaurants/osteria/insights" + RANGE);

        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.body()).isEqualTo(asManager.body());
    }

    @Test
    void everyDayOfTheRangeIsListedWithZerosAndOtherRestaurantsStayOut() {
        ApiClient.Reply reply =
                fixtures.manager(other).get("/console/restaurants/elsewhere/insights?from=2026-02-09&to=2026-02-12");

        assertThat(reply.body().get("sessionsByDay").toString())
                .isEqualTo("[{\"day\":\"2026-02-09\",\"sessions\":0},{\"day\":\"2026-02-10\",\"sessions\":1},"
                        + "{\"day\":\"2026-02-11\",\"sessions\":0},{\"day\":\"2026-02-12\",\"sessions\":0}]");
        assertThat(funnel(reply.body())).startsWith("scan=1", "welcome_viewed=0");
        assertThat(questions(reply.body()))
                .containsExactly("1001/1 exploring shown=1 liked=1 disliked=0 median=null quick=null");
    }

    @Test
    void aRestaurantOutsideTheUsersScopeIsNotFoundAndTellsNothing() {
        long mine = fixtures.restaurant("mine-" + System.nanoTime(), "Mine");
        ConsoleClient otherManager = fixtures.manager(mine);

        ApiClient.Reply existing = otherManager.get("/console/restaurants/osteria/insights" + RANGE);
        ApiClient.Reply missing = otherManager.get("/console/restaurants/no-such-place/insights" + RANGE);

        assertThat(existing.status()).isEqualTo(404);
        assertThat(existing.body()).isEqualTo(missing.body());
        assertThat(otherManager
                        .get("/console/restaurants/osteria/events.csv" + RANGE)
                        .status())
                .isEqualTo(404);
        assertThat(otherManager
                        .get("/console/restaurants/osteria/events.jsonl" + RANGE)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void signedOutIsUnauthorizedAndAManagerMayNotSeeThePlatform() {
        ApiClient.Reply signedOut = fixtures.signedOut().get("/console/restaurants/osteria/insights" + RANGE);
        ApiClient.Reply platformSignedOut = fixtures.signedOut().get("/console/insights" + RANGE);
        ApiClient.Reply manager = fixtures.manager(osteria).get("/console/insights" + RANGE);

        assertThat(signedOut.status()).isEqualTo(401);
        assertThat(signedOut.error()).isEqualTo("unauthorized");
        assertThat(platformSignedOut.status()).isEqualTo(401);
        assertThat(manager.status()).isEqualTo(403);
        assertThat(manager.error()).isEqualTo("forbidden");
    }

    @ParameterizedTest
    @CsvSource({
        "'', from is required",
        "?from=2026-02-10, to is required",
        "?to=2026-02-10, from is required",
        "?from=2026-02-11&to=2026-02-10, from must not be after to",
        "?from=2025-02-09&to=2026-02-10, at most 366 days",
        "?from=10.02.2026&to=2026-02-10, from must be a date",
        "?from=2026-02-30&to=2026-03-01, from must be a date",
        "?from=2026-02-10&to=2026-02-10T00:00, to must be a date",
    })
    void aBadRangeIsAClearBadRequest(String query, String message) {
        ConsoleClient manager = fixtures.manager(osteria);
        for (String path : List.of(
                "/console/restaurants/osteria/insights",
                "/console/restaurants/osteria/events.csv",
                "/console/restaurants/osteria/events.jsonl")) {
            ApiClient.Reply reply = manager.get(path + query);
            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.error()).isEqualTo("invalid_request");
            assertThat(reply.body().get("message").asText()).contains(message);
        }
        assertThat(fixtures.admin().get("/console/insights" + query).status()).isEqualTo(400);
    }

    @Test
    void aFullYearIsAllowed() {
        ApiClient.Reply reply =
                fixtures.manager(osteria).get("/console/restaurants/osteria/insights?from=2025-02-11&to=2026-02-11");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("sessionsByDay").size()).isEqualTo(366);
        assertThat(reply.body().at("/sessions/count").asLong()).isEqualTo(3);
    }

    private static List<String> funnel(JsonNode body) {
        List<String> steps = new ArrayList<>();
        body.get("funnel")
                .forEach(step -> steps.add(
                        step.get("step").asText() + "=" + step.get("count").asLong()));
        return steps;
    }

    private static List<String> hourCells(JsonNode body) {
        JsonNode week = body.get("hourOfWeek");
        assertThat(week.size()).isEqualTo(7);
        List<String> cells = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            assertThat(week.get(day).size()).isEqualTo(24);
            for (int hour = 0; hour < 24; hour++) {
                long count = week.get(day).get(hour).asLong();
                if (count != 0) {
                    cells.add(day + "/" + hour + "=" + count);
                }
            }
        }
        return cells;
    }

    private static List<String> questions(JsonNode body) {
        List<String> rows = new ArrayList<>();
        body.get("questions")
                .forEach(q -> rows.add(q.get("questionId").asInt() + "/"
                        + q.get("revision").asInt() + " "
                        + q.get("context").asText() + " shown=" + q.get("shown").asLong() + " liked="
                        + q.get("liked").asLong() + " disliked="
                        + q.get("disliked").asLong() + " median="
                        + q.get("medianSeconds") + " quick=" + q.get("quickShare")));
        return rows;
    }
}
