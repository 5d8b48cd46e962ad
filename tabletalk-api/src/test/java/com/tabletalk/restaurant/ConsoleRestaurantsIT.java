package com.tabletalk.restaurant;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.ConsoleClient;
import com.tabletalk.testing.ConsoleFixtures;
import com.tabletalk.testing.LivePhone;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Restaurants, their managers and invites in the console: roles, tenancy, CSRF and bad input. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleRestaurantsIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ConsoleFixtures fixtures;
    private String slugA;
    private String slugB;
    private long restaurantA;
    private long restaurantB;

    @BeforeEach
    void twoRestaurants() {
        fixtures = new ConsoleFixtures(DB, APP.getLocalPort());
        int n = SEQUENCE.incrementAndGet();
        slugA = "alpha-" + n;
        slugB = "bravo-" + n;
        restaurantA = fixtures.restaurant(slugA, "Alpha " + n);
        restaurantB = fixtures.restaurant(slugB, "Bravo " + n);
    }

    private static String json(Object value) {
        return ApiClient.json(value);
    }

    private ApiClient.Reply call(ConsoleClient client, String method, String path) {
        return switch (method) {
            case "GET" -> client.get(path);
            case "POST" -> client.post(path, "{}");
            case "PATCH" -> client.patch(path, "{}");
            case "DELETE" -> client.delete(path);
            default -> throw new IllegalArgumentException(method);
        };
    }

    private List<String[]> consoleEndpoints(String slug) {
        return List.of(
                new String[] {"GET", "/console/me"},
                new String[] {"POST", "/console/password"},
                new String[] {"GET", "/console/restaurants"},
                new String[] {"POST", "/console/restaurants"},
                new String[] {"GET", "/console/restaurants/" + slug},
                new String[] {"PATCH", "/console/restaurants/" + slug},
                new String[] {"POST", "/console/restaurants/" + slug + "/invites"},
                new String[] {"GET", "/console/restaurants/" + slug + "/managers"},
                new String[] {"DELETE", "/console/restaurants/" + slug + "/managers/someone@example.com"},
                new String[] {"POST", "/console/reset-links"},
                new String[] {"GET", "/console/audit"});
    }

    @Test
    void everySignedInEndpointRefusesASignedOutBrowser() {
        for (String[] endpoint : consoleEndpoints(slugA)) {
            ApiClient.Reply reply = call(fixtures.signedOut(), endpoint[0], endpoint[1]);
            assertThat(reply.status()).as(endpoint[0] + " " + endpoint[1]).isEqualTo(401);
            assertThat(reply.error()).as(endpoint[0] + " " + endpoint[1]).isEqualTo("unauthorized");
        }
    }

    @Test
    void stateChangingRequestsWithAForeignOrMissingOriginAreForbidden() {
        ConsoleClient admin = fixtures.admin();
        for (String origin : new String[] {"https://evil.example", null, "null", TestApp.FRONTEND + ".evil.example"}) {
            ConsoleClient browser = admin.withOrigin(origin);
            for (String[] endpoint : consoleEndpoints(slugA)) {
                if (endpoint[0].equals("GET")) {
                    continue;
                }
                ApiClient.Reply reply = call(browser, endpoint[0], endpoint[1]);
                assertThat(reply.status())
                        .as(origin + " " + endpoint[0] + " " + endpoint[1])
                        .isEqualTo(403);
                assertThat(reply.error()).isEqualTo("forbidden");
            }
            assertThat(browser.post(
                                    "/console/sign-in",
                                    json(Map.of("email", admin.email(), "password", admin.password())))
                            .status())
                    .as("sign-in from " + origin)
                    .isEqualTo(403);
            assertThat(browser.post("/console/sign-out", null).status()).isEqualTo(403);
        }
        assertThat(admin.withOrigin("https://evil.example")
                        .post("//console/restaurants", json(Map.of("name", "Sneaky", "timeZone", "UTC")))
                        .status())
                .as("an extra slash")
                .isNotIn(200, 201);
        assertThat(admin.withOrigin(null).get("/console/me").status())
                .as("reading needs no Origin")
                .isEqualTo(200);
        assertThat(admin.get("/console/me").status())
                .as("the session survived the refused sign-out")
                .isEqualTo(200);
    }

    @Test
    void anAdminCreatesARestaurantWithASlugMadeFromItsName() {
        ConsoleClient admin = fixtures.admin();
        String name = "Trattoria Dà Lùigi " + SEQUENCE.incrementAndGet();

        ApiClient.Reply created =
                admin.post("/console/restaurants", json(Map.of("name", name, "timeZone", "Europe/Rome")));

        assertThat(created.status()).isEqualTo(201);
        String slug = created.body().at("/restaurant/slug").asText();
        assertThat(slug).startsWith("trattoria-da-luigi-");
        assertThat(created.body().at("/restaurant/name").asText()).isEqualTo(name);
        assertThat(created.body().at("/restaurant/timeZone").asText()).isEqualTo("Europe/Rome");
        assertThat(created.body().at("/restaurant/active").asBoolean()).isTrue();
        assertThat(created.body().at("/restaurant").has("id")).isFalse();
        assertThat(admin.get("/console/restaurants/" + slug)
                        .body()
                        .at("/restaurant/name")
                        .asText())
                .isEqualTo(name);
        assertThat(admin.get("/console/restaurants").body().findValuesAsText("slug"))
                .contains(slug, slugA, slugB);
    }

    @Test
    void aTakenSlugIsAConflict() {
        ApiClient.Reply reply = fixtures.admin()
                .post("/console/restaurants", json(Map.of("name", "Another", "slug", slugA, "timeZone", "UTC")));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.error()).isEqualTo("conflict");
    }

    @Test
    void aManagerMayNotCreateRestaurants() {
        ApiClient.Reply reply = fixtures.manager(restaurantA)
                .post("/console/restaurants", json(Map.of("name", "Mine now", "timeZone", "UTC")));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error()).isEqualTo("forbidden");
    }

    @Test
    void badRestaurantInputIsRefusedAndChangesNothing() {
        ConsoleClient admin = fixtures.admin();
        long before = count("restaurants");
        List<Map<String, Object>> bodies = List.of(
                Map.of("name", "x".repeat(101), "timeZone", "UTC"),
                Map.of("name", "", "timeZone", "UTC"),
                Map.of("name", "Line\nbreak", "timeZone", "UTC"),
                Map.of("name", "Fine", "timeZone", "Mars/Olympus"),
                Map.of("name", "Fine"),
                Map.of("name", "Fine", "slug", "Bad Slug", "timeZone", "UTC"),
                Map.of("name", "Fine", "slug", "x'; DROP TABLE restaurants; --", "timeZone", "UTC"),
                Map.of("name", "Fine", "slug", "-edge-", "timeZone", "UTC"),
                Map.of("name", "Fine", "slug", "a".repeat(49), "timeZone", "UTC"),
                Map.of("name", "🍕🍕🍕", "timeZone", "UTC"));
        for (Map<String, Object> body : bodies) {
            ApiClient.Reply reply = admin.post("/console/restaurants", json(body));
            assertThat(reply.status()).as(body.toString()).isEqualTo(400);
            assertThat(reply.error()).isEqualTo("invalid_request");
        }
        assertThat(admin.post("/console/restaurants", "[1,2]").status()).isEqualTo(400);
        assertThat(admin.patch("/console/restaurants/" + slugA, json(Map.of("name", "y".repeat(500))))
                        .status())
                .isEqualTo(400);
        assertThat(admin.patch("/console/restaurants/" + slugA, "{}").status())
                .as("nothing to change")
                .isEqualTo(400);
        assertThat(admin.patch("/console/restaurants/" + slugA, json(Map.of("timeZone", "Nowhere/Else")))
                        .status())
                .isEqualTo(400);
        assertThat(count("audit_log WHERE restaurant_id = " + restaurantA)).isZero();
        assertThat(count("restaurants")).isEqualTo(before);
        assertThat(admin.get("/console/restaurants/" + slugA)
                        .body()
                        .at("/restaurant/name")
                        .asText())
                .startsWith("Alpha");
    }

    @Test
    void aManagerSeesOnlyTheirOwnRestaurants() {
        ConsoleClient manager = fixtures.manager(restaurantA);

        ApiClient.Reply list = manager.get("/console/restaurants");
        ApiClient.Reply me = manager.get("/console/me");

        assertThat(list.body().findValuesAsText("slug")).containsExactly(slugA);
        assertThat(me.body().at("/user/restaurants").findValuesAsText("slug")).containsExactly(slugA);
    }

    @Test
    void anotherRestaurantIsNotFoundResourceByResource() {
        ConsoleClient managerOfA = fixtures.manager(restaurantA);
        ConsoleClient managerOfB = fixtures.manager(restaurantB);
        String b = "/console/restaurants/" + slugB;

        List<ApiClient.Reply> replies = List.of(
                managerOfA.get(b),
                managerOfA.patch(b, json(Map.of("name", "Taken over"))),
                managerOfA.patch(b, json(Map.of("active", false))),
                managerOfA.post(b + "/invites", json(Map.of("email", "friend@example.com"))),
                managerOfA.get(b + "/managers"),
                managerOfA.delete(b + "/managers/" + managerOfB.email()));

        for (ApiClient.Reply reply : replies) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(reply.error()).isEqualTo("not_found");
        }
        ApiClient.Reply unknown = managerOfA.get("/console/restaurants/no-such-place");
        assertThat(unknown.body())
                .as("another's restaurant looks exactly like none")
                .isEqualTo(replies.get(0).body());
        assertThat(managerOfB.get(b).body().at("/restaurant/name").asText()).startsWith("Bravo");
        assertThat(managerOfB.get(b + "/managers").body().findValuesAsText("email"))
                .containsExactly(managerOfB.email());
        assertThat(count("one_time_tokens WHERE restaurant_id = " + restaurantB))
                .isZero();
    }

    @Test
    void aManagerChangesNameAndTimeZoneButOnlyAnAdminDeactivates() {
        ConsoleClient manager = fixtures.manager(restaurantA);
        String a = "/console/restaurants/" + slugA;

        ApiClient.Reply renamed =
                manager.patch(a, json(Map.of("name", "Alpha Renamed", "timeZone", "America/New_York")));
        ApiClient.Reply deactivate = manager.patch(a, json(Map.of("active", false)));

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().at("/restaurant/name").asText()).isEqualTo("Alpha Renamed");
        assertThat(renamed.body().at("/restaurant/timeZone").asText()).isEqualTo("America/New_York");
        assertThat(deactivate.status()).isEqualTo(403);
        assertThat(deactivate.error()).isEqualTo("forbidden");

        ApiClient.Reply byAdmin = fixtures.admin().patch(a, json(Map.of("active", false)));
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.body().at("/restaurant/active").asBoolean()).isFalse();
        assertThat(byAdmin.body().at("/restaurant/name").asText()).isEqualTo("Alpha Renamed");
    }

    @Test
    void aManagerInvitesAnotherAndTheConsoleSaysMailIsNotSetUp() {
        ConsoleClient manager = fixtures.manager(restaurantA);

        ApiClient.Reply invite = manager.post(
                "/console/restaurants/" + slugA + "/invites", json(Map.of("email", "New.Manager@Example.com")));

        assertThat(invite.status()).isEqualTo(201);
        assertThat(invite.body().get("link").asText()).matches(TestApp.FRONTEND + "/console/invite/[A-Za-z0-9_-]{43}");
        assertThat(invite.body().get("emailed").asBoolean()).isFalse();
        ApiClient.Reply again =
                manager.post("/console/restaurants/" + slugA + "/invites", json(Map.of("email", manager.email())));
        assertThat(again.status()).as("inviting someone who manages it already").isEqualTo(409);
        assertThat(manager.post("/console/restaurants/" + slugA + "/invites", json(Map.of("email", "not an email")))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void managersAreListedAndRemoved() {
        ConsoleClient first = fixtures.manager(restaurantA);
        ConsoleClient second = fixtures.manager(restaurantA, restaurantB);
        String managers = "/console/restaurants/" + slugA + "/managers";

        assertThat(first.get(managers).body().findValuesAsText("email"))
                .containsExactlyInAnyOrder(first.email(), second.email());
        assertThat(first.delete(managers + "/" + second.email().toUpperCase()).status())
                .isEqualTo(204);

        assertThat(first.get(managers).body().findValuesAsText("email")).containsExactly(first.email());
        assertThat(second.get("/console/restaurants/" + slugA).status())
                .as("removal counts at once")
                .isEqualTo(404);
        assertThat(second.get("/console/restaurants/" + slugB).status())
                .as("other memberships stay")
                .isEqualTo(200);
        assertThat(first.delete(managers + "/" + second.email()).status()).isEqualTo(404);
    }

    @Test
    void adminsReadTheAuditLogAndNobodyCanRewriteIt() {
        ConsoleClient admin = fixtures.admin();
        String name = "Audited " + SEQUENCE.incrementAndGet();
        admin.post("/console/restaurants", json(Map.of("name", name, "timeZone", "UTC")));
        fixtures.manager(restaurantA).patch("/console/restaurants/" + slugA, json(Map.of("name", "Alpha Audited")));

        ApiClient.Reply page = admin.get("/console/audit?limit=5");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("entries").findValuesAsText("action"))
                .contains("restaurant.created", "restaurant.updated");
        assertThat(page.body().toString()).doesNotContain("password\"").doesNotContain("tt_console");
        assertThat(page.body().at("/entries/0/restaurant/slug").asText()).isEqualTo(slugA);
        long next = page.body().get("next").asLong();
        assertThat(admin.get("/console/audit?before=" + next + "&limit=5")
                        .body()
                        .at("/entries/0/id")
                        .asLong())
                .isLessThan(next);
        assertThat(admin.get("/console/audit?limit=0").status()).isEqualTo(400);
        assertThat(admin.get("/console/audit?before=abc").status()).isEqualTo(400);
        assertThat(fixtures.manager(restaurantA).get("/console/audit").status()).isEqualTo(403);

        assertThat(rewrite("UPDATE audit_log SET action = 'nothing'")).contains("append-only");
        assertThat(rewrite("DELETE FROM audit_log")).contains("append-only");
        assertThat(rewrite("TRUNCATE audit_log")).contains("append-only");
    }

    @Test
    void aManagerSetsWhenDinersAreAskedToRecommendAndTheSessionsAtTheTablesFollow() {
        ConsoleClient manager = fixtures.manager(restaurantA);
        String a = "/console/restaurants/" + slugA;
        assertThat(manager.get(a).body().at("/restaurant/recommendAfterCards").isNull())
                .isTrue();
        assertThat(manager.get(a)
                        .body()
                        .at("/restaurant/defaultRecommendAfterCards")
                        .asInt())
                .isEqualTo(5);

        ApiClient.Reply set = manager.patch(a, "{\"recommendAfterCards\":3}");

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.body().at("/restaurant/recommendAfterCards").asInt()).isEqualTo(3);
        assertThat(set.body().at("/restaurant/defaultRecommendAfterCards").asInt())
                .isEqualTo(5);
        assertThat(manager.get("/console/restaurants")
                        .body()
                        .at("/restaurants/0/recommendAfterCards")
                        .asInt())
                .isEqualTo(3);
        DB.jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO restaurant_tables (restaurant_id, label) VALUES (?, '7')", restaurantA));
        ApiClient diner = ApiClient.forPort(APP.getLocalPort());
        ApiClient.Reply session = diner.post(
                "/sessions", json(Map.of("restaurant", slugA, "table", "7", "context", "exploring", "mode", "single")));
        assertThat(session.session().get("recommendAfterCards").asInt()).isEqualTo(3);
        Phone phone = Phone.joined(diner, session);
        try (LivePhone live = phone.goLive(APP.getLocalPort())) {
            assertThat(live.awaitState(state -> true).get("recommendAfterCards").asInt())
                    .isEqualTo(3);
        }

        assertThat(manager.patch(a, "{\"recommendAfterCards\":0}")
                        .body()
                        .at("/restaurant/recommendAfterCards")
                        .asInt())
                .isZero();
        assertThat(phone.state().get("recommendAfterCards").asInt())
                .as("0: never ask")
                .isZero();
        ApiClient.Reply reset = manager.patch(a, "{\"recommendAfterCards\":null}");
        assertThat(reset.body().at("/restaurant/recommendAfterCards").isNull()).isTrue();
        assertThat(phone.state().get("recommendAfterCards").asInt())
                .as("the platform's default")
                .isEqualTo(5);
        assertThat(manager.patch(a, "{\"recommendAfterCards\":50,\"name\":\"Alpha Fifty\"}")
                        .body()
                        .at("/restaurant/recommendAfterCards")
                        .asInt())
                .isEqualTo(50);
        ApiClient.Reply walkIn = diner.post(
                "/sessions", json(Map.of("tableToken", "walk-in-1", "context", "exploring", "mode", "single")));
        assertThat(walkIn.session().get("recommendAfterCards").asInt()).isEqualTo(5);

        ApiClient.Reply audit = fixtures.admin().get("/console/audit?limit=20");
        assertThat(audit.body().get("entries").findValues("details").toString())
                .contains("\"recommendAfterCards\":3")
                .contains("\"recommendAfterCards\":null");
    }

    @Test
    void theRecommendSettingTakesOnlyWholeNumbersFrom0To50AndOnlyForOnesOwnRestaurant() {
        ConsoleClient manager = fixtures.manager(restaurantA);
        String a = "/console/restaurants/" + slugA;
        manager.patch(a, "{\"recommendAfterCards\":7}");

        for (String value : List.of("51", "-1", "2.5", "\"3\"", "true", "[3]", "{}", "99999999999", "1e1")) {
            ApiClient.Reply reply = manager.patch(a, "{\"recommendAfterCards\":" + value + "}");
            assertThat(reply.status()).as(value + ": " + reply).isEqualTo(400);
            assertThat(reply.error()).isEqualTo("invalid_request");
            assertThat(reply.body().get("message").asText()).as(value).contains("0");
        }
        ApiClient.Reply foreign = fixtures.manager(restaurantB).patch(a, "{\"recommendAfterCards\":1}");

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(manager.get(a).body().at("/restaurant/recommendAfterCards").asInt())
                .isEqualTo(7);
        assertThat(count("restaurants WHERE id = " + restaurantA + " AND recommend_after_cards = 7"))
                .isEqualTo(1);
    }

    @Test
    void aManagerChoosesTheContextsAndTheTablesOfferOnlyThose() {
        ConsoleClient manager = fixtures.manager(restaurantA);
        String a = "/console/restaurants/" + slugA;
        assertThat(manager.get(a).body().at("/restaurant/contexts").toString())
                .isEqualTo("[\"exploring\",\"established\",\"mature\"]");

        ApiClient.Reply set = manager.patch(a, "{\"contexts\":[\"mature\",\"exploring\"]}");

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.body().at("/restaurant/contexts").toString()).isEqualTo("[\"exploring\",\"mature\"]");
        assertThat(manager.get("/console/restaurants")
                        .body()
                        .at("/restaurants/0/contexts")
                        .toString())
                .isEqualTo("[\"exploring\",\"mature\"]");
        DB.jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO restaurant_tables (restaurant_id, label) VALUES (?, '7')", restaurantA));
        ApiClient diner = ApiClient.forPort(APP.getLocalPort());
        assertThat(diner.get("/restaurants/" + slugA + "/tables/7")
                        .body()
                        .get("contexts")
                        .toString())
                .isEqualTo("[\"exploring\",\"mature\"]");

        ApiClient.Reply refused = diner.post(
                "/sessions",
                json(Map.of("restaurant", slugA, "table", "7", "context", "established", "mode", "single")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.error()).isEqualTo("invalid_request");
        assertThat(refused.body().get("message").asText())
                .contains("established")
                .contains("exploring, mature");
        assertThat(count("sessions WHERE restaurant_id = " + restaurantA)).isZero();
        assertThat(diner.post(
                                "/sessions",
                                json(Map.of("restaurant", slugA, "table", "7", "context", "mature", "mode", "single")))
                        .session()
                        .get("context")
                        .asText())
                .isEqualTo("mature");
        assertThat(diner.post(
                                "/sessions",
                                json(Map.of(
                                        "restaurant",
                                        slugA,
                                        "table",
                                        "7",
                                        "relationshipLength",
                                        "2_to_10_years",
                                        "mode",
                                        "single")))
                        .session()
                        .get("context")
                        .asText())
                .as("established is not offered: the first offered context")
                .isEqualTo("exploring");

        manager.patch(a, "{\"contexts\":[\"mature\"]}");
        assertThat(diner.post(
                                "/sessions",
                                json(Map.of(
                                        "restaurant",
                                        slugA,
                                        "table",
                                        "7",
                                        "relationshipLength",
                                        "under_6_months",
                                        "mode",
                                        "single")))
                        .session()
                        .get("context")
                        .asText())
                .isEqualTo("mature");
        assertThat(diner.post(
                                "/sessions",
                                json(Map.of("tableToken", "walk-in-ctx", "context", "established", "mode", "single")))
                        .status())
                .as("walk-in tables offer every context")
                .isEqualTo(201);

        ApiClient.Reply audit = fixtures.admin().get("/console/audit?limit=20");
        assertThat(audit.body().get("entries").findValues("details").toString())
                .contains("\"contexts\":[\"exploring\",\"mature\"]")
                .contains("\"contexts\":[\"mature\"]");
    }

    @Test
    void contextsAreOneToThreeKnownOnesEachOnceAndOnlyForOnesOwnRestaurant() {
        ConsoleClient manager = fixtures.manager(restaurantA);
        String a = "/console/restaurants/" + slugA;
        manager.patch(a, "{\"contexts\":[\"established\"]}");

        for (String value : List.of(
                "[]",
                "[\"exploring\",\"exploring\"]",
                "[\"casual\"]",
                "[\"Exploring\"]",
                "[null]",
                "[\"exploring\",\"established\",\"mature\",\"exploring\"]",
                "[\"" + "x".repeat(10_000) + "\"]",
                "\"exploring\"",
                "[1]",
                "[[\"exploring\"]]",
                "{}",
                "true")) {
            ApiClient.Reply reply = manager.patch(a, "{\"contexts\":" + value + "}");
            assertThat(reply.status()).as(value + ": " + reply).isEqualTo(400);
            assertThat(reply.error()).isEqualTo("invalid_request");
        }
        ApiClient.Reply foreign = fixtures.manager(restaurantB).patch(a, "{\"contexts\":[\"mature\"]}");

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(manager.get(a).body().at("/restaurant/contexts").toString()).isEqualTo("[\"established\"]");
        assertThat(count("restaurants WHERE id = " + restaurantA + " AND contexts = ARRAY['established']"))
                .isEqualTo(1);
        assertThat(count("restaurants WHERE id = " + restaurantB
                        + " AND contexts = ARRAY['exploring', 'established', 'mature']"))
                .isEqualTo(1);
        assertThat(fixtures.admin()
                        .patch("/console/restaurants/" + slugB, "{\"contexts\":[\"exploring\",\"established\"]}")
                        .status())
                .as("admins set any restaurant's")
                .isEqualTo(200);
    }

    private String rewrite(String sql) {
        try {
            DB.jdbi().useHandle(handle -> handle.execute(sql));
            return "allowed";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private long count(String tableAndCondition) {
        return DB.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT count(*) FROM " + tableAndCondition)
                        .mapTo(Long.class)
                        .one());
    }
}
