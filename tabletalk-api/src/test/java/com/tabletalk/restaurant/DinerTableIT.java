package com.tabletalk.restaurant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.LivePhone;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A diner scans a registered table's code: the welcome screen's lookup, and a session recorded at that table. */
@ExtendWith(DropwizardExtensionsSupport.class)
class DinerTableIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Restaurants restaurants = new Restaurants(DB);
    private ApiClient api;
    private String luigis;

    @BeforeEach
    void arrange() {
        api = ApiClient.forPort(APP.getLocalPort());
        luigis = restaurants.create("Luigi's");
        restaurants.addTables(luigis, "7", "Patio 3", "Ørsted 寿司", "a;b?c#d&e+f");
    }

    @Test
    void aTableSaysWhoseTableItIs() {
        ApiClient.Reply reply = api.get(tablePath(luigis, "Patio 3"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body())
                .isEqualTo(JSON.valueToTree(Map.of(
                        "restaurant",
                        Map.of("slug", luigis, "name", "Luigi's"),
                        "table",
                        Map.of("label", "Patio 3"),
                        "contexts",
                        List.of("exploring", "established", "mature"))));
        assertThat(api.get(tablePath(luigis, "Ørsted 寿司"))
                        .body()
                        .at("/table/label")
                        .asText())
                .isEqualTo("Ørsted 寿司");
        assertThat(api.get(tablePath(luigis, "a;b?c#d&e+f"))
                        .body()
                        .at("/table/label")
                        .asText())
                .isEqualTo("a;b?c#d&e+f");
    }

    @Test
    void unknownRestaurantsAndTablesAreNotFound() {
        assertThat(api.get(tablePath(luigis, "8")).error()).isEqualTo("not_found");
        assertThat(api.get(tablePath("nobody-here", "7")).error()).isEqualTo("not_found");
        assertThat(api.get(tablePath("NOT A SLUG", "7")).status()).isEqualTo(404);
        assertThat(api.get(tablePath(luigis, "x".repeat(5000))).status()).isEqualTo(404);
        assertThat(api.get(tablePath(luigis, "7\u0000")).status())
                .as("the server refuses a NUL in a path")
                .isEqualTo(400);
        assertThat(api.get(tablePath(luigis, "7' OR '1'='1")).status()).isEqualTo(404);
    }

    @Test
    void inactiveTablesAndRestaurantsAreGone() {
        restaurants.deactivateTable(luigis, "7");
        assertThat(api.get(tablePath(luigis, "7")).status()).isEqualTo(410);
        assertThat(api.get(tablePath(luigis, "7")).error()).isEqualTo("inactive");
        assertThat(createAt(luigis, "7").status()).isEqualTo(410);

        restaurants.deactivate(luigis);
        assertThat(api.get(tablePath(luigis, "Patio 3")).status()).isEqualTo(410);
        assertThat(createAt(luigis, "Patio 3").status()).isEqualTo(410);
    }

    @Test
    void aSessionStartedAtATableIsRecordedThereAndShowsItsRestaurantAndTable() {
        ApiClient.Reply created = createAt(luigis, "7");

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().at("/session/id").asText();
        assertThat(restaurants.placeOf(id)).isEqualTo(luigis + "/7");
        JsonNode session = api.get("/sessions/" + id).body();
        assertThat(session.get("restaurant")).isEqualTo(JSON.valueToTree(Map.of("slug", luigis, "name", "Luigi's")));
        assertThat(session.at("/table/label").asText()).isEqualTo("7");
        assertThat(session.get("tableToken").asText()).isEqualTo(luigis + "-7");
        assertThat(session.toString()).doesNotContain("restaurantId", "tableId", "\"id\":" + "1,");

        Phone phone = new Phone(
                api,
                id,
                created.body().at("/participant/id").asText(),
                created.body().at("/participant/token").asText());
        try (LivePhone live = LivePhone.join(APP.getLocalPort(), phone)) {
            JsonNode state = live.awaitState(s -> true);
            assertThat(state.at("/restaurant/name").asText()).isEqualTo("Luigi's");
            assertThat(state.at("/table/label").asText()).isEqualTo("7");
        }
    }

    @Test
    void twoRestaurantsTableSevenPlayDifferentDecks() {
        String other = restaurants.create("Sushi Bar");
        restaurants.addTables(other, "7");

        String here = created(createAt(luigis, "7"));
        String there = created(createAt(other, "7"));
        String againHere = created(createAt(luigis, "7"));

        assertThat(restaurants.deckSeedOf(here))
                .isNotEqualTo(restaurants.deckSeedOf(there))
                .isEqualTo(restaurants.deckSeedOf(againHere));
        assertThat(api.get("/sessions/" + here).body().at("/card/questionId"))
                .isEqualTo(api.get("/sessions/" + againHere).body().at("/card/questionId"));
    }

    @Test
    void walkInSessionsStayAsTheyWere() {
        ApiClient.Reply created =
                api.post("/sessions", "{\"tableToken\":\"t7\",\"context\":\"exploring\",\"mode\":\"single\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode session = created.body().get("session");
        assertThat(session.has("restaurant")).isFalse();
        assertThat(session.has("table")).isFalse();
        assertThat(restaurants.placeOf(session.get("id").asText())).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"tableToken\":\"t7\",\"restaurant\":\"%s\",\"table\":\"7\",\"context\":\"exploring\",\"mode\":\"single\"}",
                "{\"restaurant\":\"%s\",\"context\":\"exploring\",\"mode\":\"single\"}",
                "{\"table\":\"7\",\"context\":\"exploring\",\"mode\":\"single\"}",
                "{\"restaurant\":\"%s\",\"table\":[\"7\"],\"context\":\"exploring\",\"mode\":\"single\"}",
                "{\"restaurant\":\"%s\",\"table\":\"7\",\"context\":\"romantic\",\"mode\":\"single\"}",
            })
    void mixedOrIncompleteFormsAreRefused(String body) {
        ApiClient.Reply reply = api.post("/sessions", body.replace("%s", luigis));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("invalid_request");
    }

    private ApiClient.Reply createAt(String slug, String label) {
        return api.post(
                "/sessions",
                ApiClient.json(Map.of("restaurant", slug, "table", label, "context", "exploring", "mode", "single")));
    }

    private static String created(ApiClient.Reply reply) {
        assertThat(reply.status()).isEqualTo(201);
        return reply.body().at("/session/id").asText();
    }

    private static String tablePath(String slug, String label) {
        return "/restaurants/" + URLEncoder.encode(slug, StandardCharsets.UTF_8).replace("+", "%20") + "/tables/"
                + URLEncoder.encode(label, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
