package com.tabletalk.question;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.ConsoleClient;
import com.tabletalk.testing.ConsoleFixtures;
import com.tabletalk.testing.RawHttp;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The question library in the console, against the real service and the seeded library. */
@ExtendWith(DropwizardExtensionsSupport.class)
class QuestionLibraryIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);
    private static final String HEADER =
            "id,context,active,difficulty,category,type,text,hint,option_a,option_b,option_c,option_d";

    private ConsoleFixtures fixtures;
    private ConsoleClient admin;

    @BeforeEach
    void arrange() {
        fixtures = new ConsoleFixtures(DB, APP.getLocalPort());
        admin = fixtures.admin();
    }

    @Test
    void theListFiltersAndSearches() {
        ApiClient.Reply choices = admin.get("/console/questions?context=exploring&type=choice&active=true");

        assertThat(choices.status()).isEqualTo(200);
        List<Integer> ids = ids(choices.body());
        assertThat(ids).isNotEmpty().isSorted().contains(1002);
        for (JsonNode question : choices.body().get("questions")) {
            assertThat(question.get("context").asText()).isEqualTo("exploring");
            assertThat(question.get("type").asText()).isEqualTo("choice");
            assertThat(question.get("options").size()).isBetween(2, 4);
            assertThat(question.get("shown").asLong()).isZero();
        }
        JsonNode first = choices.body().at("/questions/0");
        assertThat(first.fieldNames())
                .toIterable()
                .containsExactly(
                        "id",
                        "context",
                        "type",
                        "difficulty",
                        "category",
                        "active",
                        "revision",
                        "text",
                        "hint",
                        "options",
                        "shown",
                        "liked",
                        "disliked",
                        "medianSeconds");

        ApiClient.Reply found = admin.get("/console/questions?q=HAPPILY%20eat%20every%20week");
        assertThat(ids(found.body())).containsExactly(1001);
        assertThat(ids(admin.get("/console/questions?category=food&difficulty=easy&context=exploring")
                        .body()))
                .contains(1001, 1002)
                .doesNotContain(1003);
        assertThat(admin.get("/console/questions?context=romantic").status()).isEqualTo(400);
        assertThat(admin.get("/console/questions?active=yes").status()).isEqualTo(400);
    }

    @Test
    void theFiguresAreAllTimeSumsForTheCurrentRevision() {
        DB.jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO insight_platform_questions (day, question_id, revision, shown, liked, disliked, advanced, "
                                + "quick) VALUES ('2026-01-01', 3004, 1, 5, 2, 1, 0, 0), ('2026-01-02', 3004, 1, 7, 1, 0, 0, 0), "
                                + "('2026-01-02', 3004, 2, 100, 100, 100, 0, 0); "
                                // Card times: 8 s twice, 20 s once, 41 s once over two days (median 14 s), and a
                                // revision the library does not show.
                                + "INSERT INTO insight_platform_question_seconds (day, question_id, revision, seconds, n) "
                                + "VALUES ('2026-01-01', 3004, 1, 8, 2), ('2026-01-01', 3004, 1, 20, 1), "
                                + "('2026-01-02', 3004, 1, 41, 1), ('2026-01-02', 3004, 2, 1, 50); "
                                // Marked as counted, so that the dashboard's backfill leaves these days alone.
                                + "INSERT INTO insight_platform_days (day, built_at) VALUES ('2026-01-01', now()), "
                                + "('2026-01-02', now()) ON CONFLICT DO NOTHING"));

        JsonNode question = admin.get("/console/questions/3004").body().get("question");

        assertThat(question.get("shown").asLong()).isEqualTo(12);
        assertThat(question.get("liked").asLong()).isEqualTo(3);
        assertThat(question.get("disliked").asLong()).isEqualTo(1);
        assertThat(question.get("medianSeconds").asDouble()).isEqualTo(14.0);
        JsonNode listed = admin.get("/console/questions?q="
                        + question.get("text").asText().substring(0, 20).replace(" ", "%20"))
                .body()
                .get("questions")
                .get(0);
        assertThat(listed.get("medianSeconds").asDouble()).isEqualTo(14.0);
        assertThat(admin.get("/console/questions/3005")
                        .body()
                        .at("/question/medianSeconds")
                        .isNull())
                .isTrue();
    }

    @Test
    void anEditAddsRevisionTwoAndAnUnchangedEditWritesNothing() {
        long edits = audited("question.edited");
        String text = "Which trip would you take again tomorrow, " + tag() + "?";

        ApiClient.Reply edited = admin.patch("/console/questions/1003", ApiClient.json(Map.of("text", text)));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().at("/question/revision").asInt()).isEqualTo(2);
        assertThat(edited.body().at("/question/text").asText()).isEqualTo(text);
        JsonNode revisions = edited.body().at("/question/revisions");
        assertThat(revisions.size()).isEqualTo(2);
        assertThat(revisions.at("/0/createdBy").isNull()).isTrue();
        assertThat(revisions.at("/1/createdBy").asText()).isEqualTo(admin.email());
        assertThat(revisions.at("/1/text").asText()).isEqualTo(text);
        JsonNode listed = find(admin.get("/console/questions?context=exploring").body(), 1003);
        assertThat(listed.get("revision").asInt()).isEqualTo(2);
        assertThat(listed.get("text").asText()).isEqualTo(text);
        assertThat(audited("question.edited")).isEqualTo(edits + 1);

        String before = snapshot();
        ApiClient.Reply same = admin.patch("/console/questions/1003", ApiClient.json(Map.of("text", text)));
        ApiClient.Reply empty = admin.patch("/console/questions/1003", "{}");

        assertThat(same.status()).isEqualTo(200);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(same.body().at("/question/revision").asInt()).isEqualTo(2);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(audited("question.edited")).isEqualTo(edits + 1);
        assertThat(admin.get("/console/questions/1003")
                        .body()
                        .at("/question/revisions")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void anAddedQuestionTakesTheNextIdOfItsContext() {
        int highest = highestId(3000, 3999);
        long creates = audited("question.created");
        String body = ApiClient.json(Map.of(
                "context", "mature",
                "type", "choice",
                "difficulty", "medium",
                "category", "plans",
                "text", "Where shall we spend a whole winter some day, " + tag() + "?",
                "hint", "What draws you there?",
                "options", List.of("By the sea", "In the mountains", "In a big city")));

        ApiClient.Reply added = admin.post("/console/questions", body);

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().at("/question/id").asInt()).isEqualTo(highest + 1);
        assertThat(added.body().at("/question/revision").asInt()).isEqualTo(1);
        assertThat(added.body().at("/question/options/2").toString())
                .isEqualTo("{\"id\":\"c\",\"text\":\"In a big city\"}");
        assertThat(added.body().at("/question/revisions/0/createdBy").asText()).isEqualTo(admin.email());
        assertThat(audited("question.created")).isEqualTo(creates + 1);
        assertThat(ids(admin.get("/console/questions?context=mature&category=plans")
                        .body()))
                .contains(highest + 1);
    }

    @Test
    void theRunningGameSeesEachChangeAtOnce() {
        int before = matureCount();

        admin.post("/console/questions/3006/retire", null);
        int retired = matureCount();
        admin.post("/console/questions/3006/restore", null);

        assertThat(retired).isEqualTo(before - 1);
        assertThat(matureCount()).isEqualTo(before);
    }

    private int matureCount() {
        for (JsonNode context : admin.get("/contexts").body()) {
            if (context.get("id").asText().equals("mature")) {
                return context.get("questionCount").asInt();
            }
        }
        throw new AssertionError("no mature context");
    }

    @Test
    void retiringAndRestoring() {
        long retires = audited("question.retired");
        long restores = audited("question.restored");
        ApiClient.Reply retired = admin.post("/console/questions/1005/retire", null);

        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.body().at("/question/active").asBoolean()).isFalse();
        assertThat(ids(admin.get("/console/questions?active=false").body())).contains(1005);
        assertThat(ids(admin.get("/console/questions?active=true").body())).doesNotContain(1005);

        ApiClient.Reply restored = admin.post("/console/questions/1005/restore", null);

        assertThat(restored.body().at("/question/active").asBoolean()).isTrue();
        assertThat(audited("question.retired")).isEqualTo(retires + 1);
        assertThat(audited("question.restored")).isEqualTo(restores + 1);
        assertThat(admin.post("/console/questions/99999/retire", null).status()).isEqualTo(404);
        assertThat(admin.get("/console/questions/abc").status()).isEqualTo(404);
    }

    @Test
    void everyRuleRefusesAnEditOrAnAddAndChangesNothing() {
        String before = snapshot();
        String takenText =
                admin.get("/console/questions/1007").body().at("/question/text").asText();
        Map<String, String> edits = Map.of(
                "{\"text\":\"Short\"}",
                "too short",
                "{\"text\":\"" + "x".repeat(201) + "\"}",
                "too long for a phone card",
                "{\"hint\":\"Why <i>that</i>?\"}",
                "markup",
                "{\"text\":\"What do you\\u0007 really think?\"}",
                "control characters",
                "{\"difficulty\":\"hard\"}",
                "Unknown difficulty",
                "{\"category\":\"Food & Drink\"}",
                "category",
                "{\"options\":[\"One\",\"Two\"]}",
                "open card has no options",
                "{\"type\":\"choice\"}",
                "never change",
                "{\"text\":" + ApiClient.json(takenText.toUpperCase(java.util.Locale.ROOT)) + "}",
                "Duplicate text");
        edits.forEach((body, reason) -> {
            ApiClient.Reply reply = admin.patch("/console/questions/1006", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.error()).isEqualTo("invalid_request");
            assertThat(reply.body().get("message").asText()).as(body).contains(reason);
        });
        Map<String, String> adds = Map.of(
                add("exploring", "choice", List.of("Only")), "not 1",
                add("exploring", "choice", List.of("A1", "B1", "C1", "D1", "E1")), "not 5",
                add("romantic", "open", List.of()), "Unknown context",
                add("exploring", "quiz", List.of()), "Unknown type");
        adds.forEach((body, reason) -> {
            ApiClient.Reply reply = admin.post("/console/questions", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.body().get("message").asText()).as(body).contains(reason);
        });
        assertThat(admin.patch("/console/questions/99999", "{\"text\":\"A perfectly fine text?\"}")
                        .status())
                .isEqualTo(404);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void onlyAdminsMayUseTheLibrary() {
        long restaurant = fixtures.restaurant("q-" + tag(), "Q");
        ConsoleClient manager = fixtures.manager(restaurant);
        String before = snapshot();

        for (ApiClient.Reply reply : everyEndpoint(manager)) {
            assertThat(reply.status())
                    .as(reply.raw().request().uri().toString())
                    .isEqualTo(403);
            assertThat(reply.error()).isEqualTo("forbidden");
        }
        for (ApiClient.Reply reply : everyEndpoint(fixtures.signedOut())) {
            assertThat(reply.status())
                    .as(reply.raw().request().uri().toString())
                    .isEqualTo(401);
        }
        ConsoleClient foreign = admin.withOrigin("https://evil.example");
        assertThat(foreign.patch("/console/questions/1001", "{\"hint\":\"Tell me more now.\"}")
                        .status())
                .isEqualTo(403);
        assertThat(foreign.post("/console/questions/1001/retire", null).status())
                .isEqualTo(403);
        assertThat(importCsv(foreign, "", csv(HEADER)).status()).isEqualTo(403);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theExportHoldsTheFilteredRowsInTheSeedFormat() throws IOException {
        ApiClient.Reply csv = admin.get("/console/questions.csv?context=mature&type=choice");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"questions.csv\"");
        String text = new String(csv.raw().body(), StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst()).contains(HEADER);
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text))
                .getRecords();
        List<Integer> listed =
                ids(admin.get("/console/questions?context=mature&type=choice").body());
        assertThat(records.stream()
                        .map(record -> Integer.parseInt(record.get("id")))
                        .toList())
                .isEqualTo(listed);
        for (CSVRecord record : records) {
            assertThat(record.get("context")).isEqualTo("mature");
            assertThat(record.get("type")).isEqualTo("choice");
            assertThat(record.get("active")).isIn("true", "false");
            assertThat(record.get("option_b")).isNotEmpty();
        }

        ApiClient.Reply roundTrip = importCsv(admin, "?dryRun=true", csv.raw().body());
        assertThat(roundTrip.status()).isEqualTo(200);
        assertThat(roundTrip.body().at("/summary/unchanged").asInt()).isEqualTo(records.size());
    }

    @Test
    void anImportIsReportedByADryRunAndAppliedAllOrNothing() {
        String t = tag();
        String hint2002 = "And who cooked it, " + t + "?";
        String adds = row(
                        "",
                        "established",
                        "true",
                        "easy",
                        "food",
                        "open",
                        "Which breakfast of ours would you repeat, " + t + "?",
                        "Where were we?",
                        "",
                        "",
                        "",
                        "")
                + row(
                        "",
                        "established",
                        "true",
                        "medium",
                        "plans",
                        "choice",
                        "Which skill shall we learn together, " + t + "?",
                        "Why that one?",
                        "Dancing",
                        "Cooking",
                        "A language",
                        "")
                + row(
                        "",
                        "established",
                        "false",
                        "deep",
                        "us",
                        "open",
                        "What did we get wrong early on and fixed, " + t + "?",
                        "How did we notice?",
                        "",
                        "",
                        "",
                        "");
        String change = row(
                "2002",
                "established",
                "true",
                "easy",
                "food",
                "open",
                admin.get("/console/questions/2002").body().at("/question/text").asText(),
                hint2002,
                "",
                "",
                "",
                "");
        String rejected = row(
                "",
                "established",
                "true",
                "easy",
                "food",
                "open",
                "Which <b>bold</b> plan do you have, " + t + "?",
                "Tell me more.",
                "",
                "",
                "",
                "");
        byte[] file = csv(HEADER + adds + change + rejected);
        String before = snapshot();

        ApiClient.Reply dryRun = importCsv(admin, "?dryRun=true", file);

        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.body().get("summary").toString())
                .isEqualTo("{\"added\":3,\"changed\":1,\"retired\":0,\"restored\":0,\"unchanged\":0,\"rejected\":1}");
        JsonNode rows = dryRun.body().get("rows");
        assertThat(rows.at("/0/line").asInt()).isEqualTo(2);
        assertThat(rows.at("/0/action").asText()).isEqualTo("add");
        assertThat(rows.at("/0/id").isNull()).isTrue();
        assertThat(rows.at("/3/action").asText()).isEqualTo("change");
        assertThat(rows.at("/3/id").asInt()).isEqualTo(2002);
        assertThat(rows.at("/3/fields").toString()).isEqualTo("[\"hint\"]");
        assertThat(rows.at("/4/action").asText()).isEqualTo("reject");
        assertThat(rows.at("/4/reason").asText()).contains("markup");
        assertThat(snapshot()).isEqualTo(before);

        int highest = highestId(2000, 2999);
        long imports = audited("questions.imported");
        ApiClient.Reply applied = importCsv(admin, "", file);

        // The accepted rows go in together; the rejected one is left out and says why.
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.body().at("/summary/added").asInt()).isEqualTo(3);
        assertThat(applied.body().at("/summary/rejected").asInt()).isEqualTo(1);
        assertThat(applied.body().at("/rows/4/action").asText()).isEqualTo("reject");
        assertThat(applied.body().at("/rows/4/reason").asText()).contains("markup");
        assertThat(applied.body().at("/rows/0/id").asInt()).isEqualTo(highest + 1);
        assertThat(highestId(2000, 2999)).isEqualTo(highest + 3);
        JsonNode changed = admin.get("/console/questions/2002").body().get("question");
        assertThat(changed.get("revision").asInt()).isEqualTo(2);
        assertThat(changed.get("hint").asText()).isEqualTo(hint2002);
        assertThat(admin.get("/console/questions/" + (highest + 3))
                        .body()
                        .at("/question/active")
                        .asBoolean())
                .isFalse();
        assertThat(audited("questions.imported")).isEqualTo(imports + 1);
        assertThat(lastDetails("questions.imported")).contains("\"added\": 3").contains("\"changed\": 1");

        ApiClient.Reply again = importCsv(admin, "?dryRun=true", csv(HEADER + change));
        assertThat(again.body().at("/summary/unchanged").asInt()).isEqualTo(1);
    }

    @Test
    void importRowsThatChangeTypeOrContextOrRepeatATextAreRejected() {
        String t = tag();
        String text1001 =
                admin.get("/console/questions/1001").body().at("/question/text").asText();
        byte[] file = csv(HEADER
                + "\n1001,exploring,true,easy,food,choice," + text1001 + ",Why?,A,B,,"
                + "\n1001,mature,true,easy,food,open," + text1001 + ",Why so?,,,,"
                + "\n,exploring,true,easy,food,open,Twice in one file " + t + "?,Why so?,,,,"
                + "\n,exploring,true,easy,food,open,twice  in one FILE " + t + "?,Why so?,,,,"
                + "\n,exploring,true,easy,food,open," + text1001.toLowerCase(java.util.Locale.ROOT) + ",Why so?,,,,"
                + "\nabc,exploring,true,easy,food,open,A bad id for sure " + t + "?,Why so?,,,,"
                + "\n,exploring,maybe,hard,food,open,Unknown difficulty here " + t + "?,Why so?,,,,");

        JsonNode rows = importCsv(admin, "?dryRun=true", file).body().get("rows");

        assertThat(rows.at("/0/reason").asText()).contains("type changed");
        assertThat(rows.at("/1/reason").asText()).contains("Bad id");
        assertThat(rows.at("/2/action").asText()).isEqualTo("add");
        assertThat(rows.at("/3/reason").asText()).contains("Duplicate text").contains("row 4");
        assertThat(rows.at("/4/reason").asText()).contains("Duplicate text").contains("1001");
        assertThat(rows.at("/5/reason").asText()).contains("Bad id");
        assertThat(rows.at("/6/reason").asText()).contains("active must be true or false");
    }

    @Test
    void badFilesAreRefusedAndChangeNothing() {
        String before = snapshot();
        long imports = audited("questions.imported");
        String row = "\n,exploring,true,easy,food,open,What is your favourite soup of the winter?,Why that one?,,,,";

        RawHttp.Answer huge = importLarge(50 * 1024 * 1024);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().get("error").asText()).isEqualTo("payload_too_large");

        RawHttp.Answer manyRows = importLarge(csv(HEADER + row.repeat(100_000)).length);
        assertThat(manyRows.status()).isEqualTo(413);

        String shortRow = "\n,exploring,true,easy,food,open,x,y,,,,";
        ApiClient.Reply tooManyRows = importCsv(admin, "?dryRun=true", csv(HEADER + shortRow.repeat(5_001)));
        assertThat(tooManyRows.status()).isEqualTo(400);
        assertThat(tooManyRows.body().get("message").asText()).contains("5000 rows");

        ApiClient.Reply quoting =
                importCsv(admin, "", csv(HEADER + "\n,exploring,true,easy,food,open,\"Never closed,x,,,,"));
        assertThat(quoting.status()).isEqualTo(400);
        assertThat(quoting.body().get("message").asText()).contains("quotes");

        byte[] latin1 = (HEADER + "\n,exploring,true,easy,food,open,Qu'est-ce que tu préfères manger?,Pourquoi ça?,,,,")
                .getBytes(StandardCharsets.ISO_8859_1);
        ApiClient.Reply notUtf8 = importCsv(admin, "", latin1);
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.body().get("message").asText()).contains("UTF-8");

        ApiClient.Reply header = importCsv(admin, "", csv("id,context,text\n,exploring,Hello there friend?"));
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.body().get("message").asText()).contains("header");

        ApiClient.Reply cells = importCsv(admin, "", csv(HEADER + "\n,exploring,true,easy,food,open,x"));
        assertThat(cells.status()).isEqualTo(400);

        ApiClient.Reply markup = importCsv(
                admin,
                "",
                csv(HEADER + "\n,exploring,true,easy,food,open,<script>alert(1)</script> anything?,Why so?,,,,"
                        + "\n,exploring,true,easy,food,open,\"What is your\u0000 favourite tea?\",Why so?,,,,"));
        assertThat(markup.status()).isEqualTo(400);
        assertThat(markup.body().at("/report/rows/0/reason").asText()).contains("markup");
        assertThat(markup.body().at("/report/rows/1/reason").asText()).contains("control characters");

        ApiClient.Reply notCsv = admin.send(HttpRequest.newBuilder(admin.api().uri("/console/questions/import"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(notCsv.status()).isEqualTo(415);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(audited("questions.imported")).isEqualTo(imports);
    }

    @Test
    void aByteOrderMarkIsFine() {
        byte[] file = csv("\uFEFF" + HEADER);

        ApiClient.Reply reply = importCsv(admin, "?dryRun=true", file);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/summary/added").asInt()).isZero();
    }

    private List<ApiClient.Reply> everyEndpoint(ConsoleClient client) {
        List<ApiClient.Reply> replies = new ArrayList<>();
        replies.add(client.get("/console/questions"));
        replies.add(client.get("/console/questions/1001"));
        replies.add(client.post("/console/questions", add("exploring", "open", List.of())));
        replies.add(client.patch("/console/questions/1001", "{\"hint\":\"Tell me more now.\"}"));
        replies.add(client.post("/console/questions/1001/retire", null));
        replies.add(client.post("/console/questions/1001/restore", null));
        replies.add(client.get("/console/questions.csv"));
        replies.add(importCsv(client, "?dryRun=true", csv(HEADER)));
        replies.add(importCsv(client, "", csv(HEADER)));
        return replies;
    }

    private static ApiClient.Reply importCsv(ConsoleClient client, String query, byte[] body) {
        return client.send(HttpRequest.newBuilder(client.api().uri("/console/questions/import" + query))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** One data row, quoted as CSV, with the line break before it. */
    private static String row(String... cells) {
        return "\n" + CSVFormat.RFC4180.format((Object[]) cells);
    }

    /**
     * Announces a body of this many bytes and waits, as a client asking with {@code Expect: 100-continue} does: the
     * service must refuse it from the length alone, before a byte of it is sent.
     */
    private RawHttp.Answer importLarge(int length) {
        return RawHttp.send(
                APP.getLocalPort(),
                "POST /api/console/questions/import HTTP/1.1",
                "Cookie: tt_console=" + admin.cookie() + "\r\nOrigin: " + TestApp.FRONTEND
                        + "\r\nContent-Type: text/csv\r\nExpect: 100-continue\r\nContent-Length: " + length
                        + "\r\n",
                new byte[0]);
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String add(String context, String type, List<String> options) {
        return ApiClient.json(Map.of(
                "context",
                context,
                "type",
                type,
                "difficulty",
                "easy",
                "category",
                "food",
                "text",
                "Which snack would you share with me, " + tag() + "?",
                "hint",
                "Why that one?",
                "options",
                options));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "x");
    }

    private static List<Integer> ids(JsonNode body) {
        List<Integer> ids = new ArrayList<>();
        body.get("questions").forEach(question -> ids.add(question.get("id").asInt()));
        return ids;
    }

    private static JsonNode find(JsonNode body, int id) {
        for (JsonNode question : body.get("questions")) {
            if (question.get("id").asInt() == id) {
                return question;
            }
        }
        throw new AssertionError("No question " + id + " in " + body);
    }

    /** Every question's id, revision, active flag and wording, and the number of revisions kept. */
    private static String snapshot() {
        return DB.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT string_agg(concat_ws('|', id, revision, active, difficulty, category, text, hint, "
                                        + "option_a, option_b, option_c, option_d), E'\\n' ORDER BY id) "
                                        + "|| (SELECT count(*) FROM question_revisions) FROM questions")
                        .mapTo(String.class)
                        .one());
    }

    private static int highestId(int from, int to) {
        return DB.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT max(id) FROM questions WHERE id BETWEEN :from AND :to")
                        .bind("from", from)
                        .bind("to", to)
                        .mapTo(Integer.class)
                        .one());
    }

    private static long audited(String action) {
        return DB.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT count(*) FROM audit_log WHERE action = :action")
                        .bind("action", action)
                        .mapTo(Long.class)
                        .one());
    }

    private static String lastDetails(String action) {
        return DB.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT details::text FROM audit_log WHERE action = :action ORDER BY id DESC LIMIT 1")
                        .bind("action", action)
                        .mapTo(String.class)
                        .one());
    }
}
