package com.tabletalk.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.app.TableTalkApplication;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.ProjectFiles;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import com.tabletalk.testing.WrittenEvents;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Phones report their steps before a session: stored with the server's time and the table's ids, or refused whole. */
@ExtendWith(DropwizardExtensionsSupport.class)
class EventResourceIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = new DropwizardAppExtension<>(
            TableTalkApplication.class,
            ProjectFiles.config().toString(),
            TestApp.withRateLimits(
                    DB,
                    ConfigOverride.config("rateLimits.eventBatchesPerVisitPerHour", "3"),
                    ConfigOverride.config("rateLimits.eventBatchesPerAddressPerMinute", "10")));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private ApiClient api;
    private String slug;
    private long restaurantId;
    private long tableId;

    @BeforeEach
    void aRestaurantWithTableSeven() {
        api = ApiClient.forPort(APP.getLocalPort());
        slug = "r-" + UUID.randomUUID().toString().substring(0, 8);
        restaurantId = DB.jdbi()
                .withHandle(h -> h.createQuery("INSERT INTO restaurants (slug, name, time_zone) "
                                + "VALUES (:slug, 'Luigi''s', 'Europe/Rome') RETURNING id")
                        .bind("slug", slug)
                        .mapTo(Long.class)
                        .one());
        tableId = table("7", true);
        table("Retired", false);
    }

    private long table(String label, boolean active) {
        return DB.jdbi()
                .withHandle(h -> h.createQuery("INSERT INTO restaurant_tables (restaurant_id, label, active) "
                                + "VALUES (:restaurant, :label, :active) RETURNING id")
                        .bind("restaurant", restaurantId)
                        .bind("label", label)
                        .bind("active", active)
                        .mapTo(Long.class)
                        .one());
    }

    /** Each request from its own address, unless a test floods from one. */
    private static String anAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private ApiClient.Reply send(String contentType, String body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(Map.of("X-Forwarded-For", anAddress()));
        all.putAll(headers);
        return api.send(
                HttpRequest.newBuilder(api.uri("/events"))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                all);
    }

    private ApiClient.Reply send(String body) {
        return send("application/json", body, Map.of());
    }

    private static String batch(UUID visit, String... events) {
        return "{\"visit\":\"" + visit + "\",\"events\":[" + String.join(",", events) + "]}";
    }

    private String scanAt(String table) {
        return "{\"type\":\"scan\",\"restaurant\":\"" + slug + "\",\"table\":\"" + table + "\"}";
    }

    private static List<Map<String, Object>> rowsOf(UUID visit) {
        WrittenEvents.writerOf(APP).flush();
        return DB.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT type, occurred_at, restaurant_id, table_id, session_id, visit_id, "
                                        + "participant, question_id, payload::text AS payload FROM visit_events "
                                        + "WHERE visit_id = :visit ORDER BY id")
                                .bind("visit", visit)
                                .mapToMap()
                                .list());
    }

    private static long allRows() {
        WrittenEvents.writerOf(APP).flush();
        return DB.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM visit_events")
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void aGoodBatchIsStoredWithItsPlaceVisitAndTheServersTime() throws Exception {
        UUID visit = UUID.randomUUID();
        Instant before = Instant.now();

        ApiClient.Reply reply = send(batch(
                visit,
                scanAt("7"),
                "{\"type\":\"welcome_viewed\",\"restaurant\":\"" + slug + "\",\"table\":\"7\"}",
                "{\"type\":\"relationship_length_chosen\",\"length\":\"2_to_10_years\"}",
                "{\"type\":\"context_chosen\",\"context\":\"established\"}",
                "{\"type\":\"mode_chosen\",\"mode\":\"dual\",\"restaurant\":\"" + slug + "\",\"table\":\"7\"}"));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body()).isEqualTo(JSON.readTree("{\"accepted\":5}"));
        List<Map<String, Object>> rows = rowsOf(visit);
        assertThat(rows)
                .extracting(row -> row.get("type"))
                .containsExactly(
                        "scan", "welcome_viewed", "relationship_length_chosen", "context_chosen", "mode_chosen");
        Instant after = Instant.now();
        for (Map<String, Object> row : rows) {
            Instant at = ((Timestamp) row.get("occurred_at")).toInstant();
            assertThat(at).isBetween(before.minusMillis(1), after);
            assertThat(row.get("visit_id")).isEqualTo(visit);
            assertThat(row.get("session_id")).isNull();
            assertThat(row.get("participant")).isNull();
            assertThat(row.get("question_id")).isNull();
        }
        assertThat(rows.get(0)).containsEntry("restaurant_id", restaurantId).containsEntry("table_id", tableId);
        assertThat(rows.get(1)).containsEntry("restaurant_id", restaurantId).containsEntry("table_id", tableId);
        assertThat(rows.get(2).get("restaurant_id")).isNull();
        assertThat(rows.get(4)).containsEntry("restaurant_id", restaurantId).containsEntry("table_id", tableId);
        assertThat(rows)
                .extracting(row -> JSON.readTree((String) row.get("payload")))
                .containsExactly(
                        JSON.readTree("{}"),
                        JSON.readTree("{}"),
                        JSON.readTree("{\"length\":\"2_to_10_years\"}"),
                        JSON.readTree("{\"context\":\"established\"}"),
                        JSON.readTree("{\"mode\":\"dual\"}"));
        assertThat(APP.getEnvironment()
                        .metrics()
                        .counter("events.batches.accepted")
                        .getCount())
                .isPositive();
    }

    @Test
    void unknownAndRetiredTablesAreStoredWithoutAPlace() {
        UUID visit = UUID.randomUUID();

        ApiClient.Reply reply = send(batch(
                visit,
                scanAt("8"),
                scanAt("Retired"),
                "{\"type\":\"scan\",\"restaurant\":\"nobody-here\",\"table\":\"7\"}",
                scanAt("7")));

        assertThat(reply.status()).isEqualTo(202);
        List<Map<String, Object>> rows = rowsOf(visit);
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(0, 3)).allSatisfy(row -> {
            assertThat(row.get("restaurant_id")).isNull();
            assertThat(row.get("table_id")).isNull();
        });
        assertThat(rows.get(3)).containsEntry("table_id", tableId);
    }

    @Test
    void aBeaconsTextPlainBodyIsAcceptedFromTheWebAppsOrigin() {
        UUID visit = UUID.randomUUID();

        ApiClient.Reply reply = send(
                "text/plain;charset=UTF-8",
                batch(visit, "{\"type\":\"welcome_viewed\"}"),
                Map.of("Origin", TestApp.FRONTEND));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(TestApp.FRONTEND);
        assertThat(rowsOf(visit)).hasSize(1);
    }

    static Stream<Arguments> refusals() {
        UUID visit = UUID.randomUUID();
        String scan = "{\"type\":\"scan\"}";
        return Stream.of(
                Arguments.of("unknown type", "application/json", batch(visit, scan, "{\"type\":\"dance\"}"), 400),
                Arguments.of(
                        "server-only type", "application/json", batch(visit, scan, "{\"type\":\"card_shown\"}"), 400),
                Arguments.of(
                        "unknown field",
                        "application/json",
                        batch(visit, scan, "{\"type\":\"scan\",\"userAgent\":\"x\"}"),
                        400),
                Arguments.of(
                        "wrong payload value",
                        "application/json",
                        batch(visit, scan, "{\"type\":\"mode_chosen\",\"mode\":\"triple\"}"),
                        400),
                Arguments.of(
                        "51 events",
                        "application/json",
                        batch(visit, IntStream.range(0, 51).mapToObj(i -> scan).toArray(String[]::new)),
                        400),
                Arguments.of("empty batch", "application/json", batch(visit), 400),
                Arguments.of("empty body", "application/json", "", 400),
                Arguments.of("not JSON", "text/plain", "visit=" + visit + "&type=scan", 400),
                Arguments.of("wrong content type", "application/x-www-form-urlencoded", batch(visit, scan), 415),
                Arguments.of(
                        "huge body",
                        "application/json",
                        batch(visit, scan, "{\"type\":\"scan\",\"restaurant\":\"" + "a".repeat(20_000) + "\"}"),
                        413),
                Arguments.of(
                        "bad visit id",
                        "application/json",
                        batch(UUID.randomUUID(), scan).replaceFirst("\"visit\":\"[^\"]+\"", "\"visit\":\"1-2-3-4-5\""),
                        400),
                Arguments.of(
                        "restaurant without table",
                        "application/json",
                        batch(visit, scan, "{\"type\":\"scan\",\"restaurant\":\"luigis\"}"),
                        400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aBadBatchIsRefusedWholeWithTheErrorEnvelope(String what, String contentType, String body, int status) {
        long before = allRows();

        ApiClient.Reply reply = send(contentType, body, Map.of());

        assertThat(reply.status()).as(what).isEqualTo(status);
        assertThat(reply.error()).isNotBlank();
        assertThat(reply.body().path("message").asText()).isNotBlank();
        assertThat(allRows()).as("nothing of the batch is stored").isEqualTo(before);
    }

    @Test
    void aServerOnlyTypeIsNamedInTheRefusal() {
        ApiClient.Reply reply = send(batch(UUID.randomUUID(), "{\"type\":\"session_ended\"}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("invalid_request");
        assertThat(reply.body().path("message").asText()).contains("session_ended");
        assertThat(APP.getEnvironment()
                        .metrics()
                        .counter("events.batches.rejected")
                        .getCount())
                .isPositive();
    }

    @Test
    void oneVisitSendingTooManyBatchesIsToldToWait() {
        UUID visit = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(send(batch(visit, "{\"type\":\"scan\"}")).status()).isEqualTo(202);
        }

        ApiClient.Reply refused = send(batch(visit, "{\"type\":\"scan\"}"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error()).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        assertThat(rowsOf(visit)).hasSize(3);
        assertThat(send(batch(UUID.randomUUID(), "{\"type\":\"scan\"}")).status())
                .as("another visit has its own budget")
                .isEqualTo(202);
    }

    @Test
    void oneAddressSendingTooManyBatchesIsToldToWait() {
        String address = "203.0.113.99";
        for (int i = 0; i < 10; i++) {
            assertThat(send(
                                    "application/json",
                                    batch(UUID.randomUUID(), "{\"type\":\"scan\"}"),
                                    Map.of("X-Forwarded-For", address))
                            .status())
                    .isEqualTo(202);
        }
        UUID visit = UUID.randomUUID();

        ApiClient.Reply refused =
                send("application/json", batch(visit, "{\"type\":\"scan\"}"), Map.of("X-Forwarded-For", address));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(rowsOf(visit)).isEmpty();
    }

    @Test
    void noAddressUserAgentOrTokenIsStoredAnywhere() {
        UUID visit = UUID.randomUUID();
        String address = "192.0.2.183";
        String userAgent = "Mozilla/5.0 (Phone; TableTalkProbe/7.3.1)";
        String token = "probe-token-" + UUID.randomUUID();

        ApiClient.Reply reply = send(
                "application/json",
                batch(
                        visit,
                        scanAt("7"),
                        "{\"type\":\"welcome_viewed\"}",
                        "{\"type\":\"relationship_length_chosen\",\"length\":\"over_10_years\"}",
                        "{\"type\":\"context_chosen\",\"context\":\"mature\"}",
                        "{\"type\":\"mode_chosen\",\"mode\":\"single\"}"),
                Map.of("X-Forwarded-For", address, "User-Agent", userAgent, "Authorization", "Bearer " + token));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(rowsOf(visit)).hasSize(5);
        List<String> everything = DB.jdbi()
                .withHandle(h -> h.createQuery("SELECT row_to_json(v)::text FROM visit_events v")
                        .mapTo(String.class)
                        .list());
        assertThat(String.join("\n", everything))
                .contains(visit.toString())
                .doesNotContain(address)
                .doesNotContain("127.0.0.1")
                .doesNotContain("TableTalkProbe")
                .doesNotContain("Mozilla")
                .doesNotContain(token)
                .doesNotContain("Bearer");
    }
}
