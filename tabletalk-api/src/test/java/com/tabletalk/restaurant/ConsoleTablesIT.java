package com.tabletalk.restaurant;

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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A restaurant's tables in the console: each endpoint signed out, as its manager, as another's manager, as admin. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleTablesIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);

    private ConsoleFixtures fixtures;
    private String slug;
    private String base;
    private long restaurantId;
    private ConsoleClient manager;

    @BeforeEach
    void arrange() {
        fixtures = new ConsoleFixtures(DB, APP.getLocalPort());
        slug = "luigis-" + UUID.randomUUID().toString().substring(0, 8);
        restaurantId = fixtures.restaurant(slug, "Luigi's");
        base = "/console/restaurants/" + slug;
        manager = fixtures.manager(restaurantId);
    }

    @Test
    void aManagerAddsTwelveTablesNumberedFromOne() {
        ApiClient.Reply added = manager.post(base + "/tables", "{\"count\": 12}");

        assertThat(added.status()).isEqualTo(201);
        assertThat(labels(added.body())).containsExactlyElementsOf(numbers(1, 12));
        assertThat(added.body().at("/tables/6").toString())
                .isEqualTo("{\"label\":\"7\",\"url\":\"" + TestApp.FRONTEND + "/r/" + slug + "/t/7\",\"active\":true}");
        assertThat(labels(manager.get(base + "/tables").body())).containsExactlyElementsOf(numbers(1, 12));
        assertThat(audited("tables.created")).isEqualTo(1);
    }

    @Test
    void countedTablesFollowTheHighestNumberAndLabelsAddAsGiven() {
        manager.post(base + "/tables", "{\"labels\": [\"Patio 3\", \"9\", \"Bar\"]}");

        ApiClient.Reply counted = manager.post(base + "/tables", "{\"count\": 2}");

        assertThat(labels(counted.body())).containsExactly("10", "11");
        assertThat(labels(manager.get(base + "/tables").body())).containsExactly("9", "10", "11", "Bar", "Patio 3");
        assertThat(manager.get(base + "/tables").body().at("/tables/4/url").asText())
                .isEqualTo(TestApp.FRONTEND + "/r/" + slug + "/t/Patio%203");
    }

    @Test
    void aTakenLabelIsAConflictAndAddsNothing() {
        manager.post(base + "/tables", "{\"labels\": [\"7\"]}");

        ApiClient.Reply reply = manager.post(base + "/tables", "{\"labels\": [\"8\", \"7\"]}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.error()).isEqualTo("conflict");
        assertThat(labels(manager.get(base + "/tables").body())).containsExactly("7");
    }

    @Test
    void renamingAndDeactivatingATable() {
        manager.post(base + "/tables", "{\"count\": 3}");

        ApiClient.Reply renamed = manager.patch(base + "/tables/2", "{\"label\": \"Window 2\"}");
        ApiClient.Reply deactivated = manager.patch(base + "/tables/Window%202", "{\"active\": false}");
        ApiClient.Reply taken = manager.patch(base + "/tables/3", "{\"label\": \"1\"}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().at("/table/label").asText()).isEqualTo("Window 2");
        assertThat(deactivated.body().at("/table/active").asBoolean()).isFalse();
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.error()).isEqualTo("conflict");
        assertThat(manager.patch(base + "/tables/99", "{\"active\": false}").status())
                .isEqualTo(404);
        assertThat(labels(manager.get(base + "/tables").body())).containsExactly("1", "3", "Window 2");
        assertThat(audited("tables.changed")).isEqualTo(2);
    }

    @Test
    void theCsvListsEachActiveTableWithItsUrl() {
        manager.post(base + "/tables", "{\"count\": 12}");

        ApiClient.Reply csv = manager.get(base + "/tables.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + slug + "-tables.csv\"");
        List<String> lines =
                new String(csv.raw().body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).isEqualTo("table,url");
        assertThat(lines.get(7)).isEqualTo("7," + TestApp.FRONTEND + "/r/" + slug + "/t/7");

        manager.patch(base + "/tables/12", "{\"active\": false}");
        assertThat(new String(manager.get(base + "/tables.csv?tables=2,7").raw().body(), StandardCharsets.UTF_8)
                        .lines())
                .containsExactly(
                        "table,url",
                        "2," + TestApp.FRONTEND + "/r/" + slug + "/t/2",
                        "7," + TestApp.FRONTEND + "/r/" + slug + "/t/7");
        assertThat(new String(manager.get(base + "/tables.csv").raw().body(), StandardCharsets.UTF_8).lines())
                .hasSize(12);
    }

    @Test
    void theZipHoldsOneSvgPerTable() throws Exception {
        manager.post(base + "/tables", "{\"labels\": [\"1\", \"Patio 3\"]}");

        ApiClient.Reply zip = manager.get(base + "/qr-codes.zip");

        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.header("Content-Type")).isEqualTo("application/zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream entries =
                new ZipInputStream(new ByteArrayInputStream(zip.raw().body()), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names).containsExactly("table-1.svg", "table-Patio 3.svg");
    }

    @Test
    void theA4SheetFourToAPageHasThreePagesWhoseCodesOpenEachTable() throws Exception {
        manager.post(base + "/tables", "{\"count\": 12}");

        ApiClient.Reply pdf = manager.get(base + "/qr-sheet.pdf?paper=a4&perPage=4");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.raw().body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            assertThat(QrSheetTest.decodeAll(document, QrSheet.Layout.FOUR))
                    .containsExactlyElementsOf(numbers(1, 12).stream()
                            .map(n -> TestApp.FRONTEND + "/r/" + slug + "/t/" + n)
                            .toList());
        }
        try (PDDocument selected =
                Loader.loadPDF(manager.get(base + "/qr-sheet.pdf?paper=letter&perPage=1&tables=1,2,7")
                        .raw()
                        .body())) {
            assertThat(selected.getNumberOfPages()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "paper=a5",
                "perPage=3",
                "perPage=44",
                "perPage=four",
                "tables=1,99",
                "tables=1,,2",
                "tables=%00",
                "paper=A4%27%3B--"
            })
    void badDownloadOptionsAreRefused(String query) {
        manager.post(base + "/tables", "{\"count\": 2}");

        ApiClient.Reply reply = manager.get(base + "/qr-sheet.pdf?" + query);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("invalid_request");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"count\": 0}",
                "{\"count\": 501}",
                "{\"count\": 10000}",
                "{\"count\": \"12\"}",
                "{\"count\": 1.5}",
                "{\"count\": 2, \"labels\": [\"x\"]}",
                "{}",
                "[]",
                "{\"labels\": []}",
                "{\"labels\": [\"7\", \"7\"]}",
                "{\"labels\": [\"\"]}",
                "{\"labels\": [\"   \"]}",
                "{\"labels\": [\"a\\u0000b\"]}",
                "{\"labels\": [\"a\\nb\"]}",
                "{\"labels\": [\"a\\u202eb\"]}",
                "{\"labels\": [\"1,2\"]}",
                "{\"labels\": [\"two  spaces\"]}",
                "{\"labels\": [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]}",
                "{\"labels\": [null]}",
                "{\"labels\": [{\"x\": 1}]}",
                "{\"labels\": \"7\"}"
            })
    void badNewTablesAreRefusedAndAddNothing(String body) {
        ApiClient.Reply reply = manager.post(base + "/tables", body);

        assertThat(reply.status()).as(body).isEqualTo(400);
        assertThat(manager.get(base + "/tables").body().get("tables")).isEmpty();
        assertThat(audited("tables.created")).isZero();
    }

    @Test
    void tenThousandLabelsAtOnceAreRefused() {
        String labels = ApiClient.json(Map.of(
                "labels",
                IntStream.rangeClosed(1, 10_000).mapToObj(Integer::toString).toList()));

        assertThat(manager.post(base + "/tables", labels).status()).isBetween(400, 413);
        assertThat(manager.get(base + "/tables").body().get("tables")).isEmpty();
    }

    @Test
    void unicodeAndInjectionLookingLabelsAreJustLabels() {
        ApiClient.Reply added = manager.post(
                base + "/tables",
                ApiClient.json(Map.of(
                        "labels",
                        List.of("Ørsted 寿司", "'; DROP TABLE restaurant_tables; --", "=HYPERLINK(\"x\")", "<script>"))));

        assertThat(added.status()).isEqualTo(201);
        assertThat(manager.get(base + "/tables").body().get("tables")).hasSize(4);
        String csv = new String(manager.get(base + "/tables.csv").raw().body(), StandardCharsets.UTF_8);
        assertThat(csv)
                .contains("'=HYPERLINK")
                .contains("Ørsted 寿司," + TestApp.FRONTEND + "/r/" + slug + "/t/%C3%98rsted%20%E5%AF%BF%E5%8F%B8");
        assertThat(manager.get(base + "/qr-sheet.pdf?perPage=6").status()).isEqualTo(200);
    }

    @Test
    void signedOutEveryEndpointIsUnauthorized() {
        ConsoleClient nobody = fixtures.signedOut();
        manager.post(base + "/tables", "{\"count\": 1}");

        for (ApiClient.Reply reply : everyEndpoint(nobody)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        }
        assertThat(labels(manager.get(base + "/tables").body())).containsExactly("1");
    }

    @Test
    void aManagerOfAnotherRestaurantFindsNothingAndChangesNothing() {
        ConsoleClient other = fixtures.manager(
                fixtures.restaurant("other-" + UUID.randomUUID().toString().substring(0, 8), "Other"));
        manager.post(base + "/tables", "{\"count\": 1}");

        for (ApiClient.Reply reply : everyEndpoint(other)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(reply.error()).isEqualTo("not_found");
        }
        assertThat(other.get("/console/restaurants/no-such-place/tables").status())
                .isEqualTo(404);
        assertThat(labels(manager.get(base + "/tables").body())).containsExactly("1");
        assertThat(audited("tables.created")).isEqualTo(1);
    }

    @Test
    void anAdminManagesAnyRestaurantsTables() {
        ConsoleClient admin = fixtures.admin();

        assertThat(admin.post(base + "/tables", "{\"count\": 2}").status()).isEqualTo(201);
        assertThat(admin.patch(base + "/tables/2", "{\"active\": false}").status())
                .isEqualTo(200);
        assertThat(labels(admin.get(base + "/tables").body())).containsExactly("1", "2");
        assertThat(admin.get(base + "/tables.csv").status()).isEqualTo(200);
        assertThat(admin.get(base + "/qr-codes.zip").status()).isEqualTo(200);
        assertThat(admin.get(base + "/qr-sheet.pdf").status()).isEqualTo(200);
    }

    @Test
    void changesWithoutTheWebAppsOriginAreForbidden() {
        assertThat(manager.withOrigin("https://evil.example")
                        .post(base + "/tables", "{\"count\": 1}")
                        .status())
                .isEqualTo(403);
        assertThat(manager.withOrigin(null)
                        .patch(base + "/tables/1", "{\"active\": false}")
                        .status())
                .isEqualTo(403);
        assertThat(manager.get(base + "/tables").body().get("tables")).isEmpty();
    }

    private List<ApiClient.Reply> everyEndpoint(ConsoleClient client) {
        return List.of(
                client.get(base + "/tables"),
                client.post(base + "/tables", "{\"count\": 1}"),
                client.post(base + "/tables", "{\"labels\": [\"x\"]}"),
                client.patch(base + "/tables/1", "{\"active\": false}"),
                client.get(base + "/tables.csv"),
                client.get(base + "/qr-codes.zip"),
                client.get(base + "/qr-sheet.pdf"));
    }

    private long audited(String action) {
        return DB.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT count(*) FROM audit_log WHERE action = :action AND restaurant_id = :restaurant")
                        .bind("action", action)
                        .bind("restaurant", restaurantId)
                        .mapTo(Long.class)
                        .one());
    }

    private static List<String> labels(JsonNode body) {
        List<String> labels = new ArrayList<>();
        body.get("tables").forEach(table -> labels.add(table.get("label").asText()));
        return labels;
    }

    private static List<String> numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
    }
}
