package com.tabletalk.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.ConsoleFixtures;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A restaurant's raw events as CSV and JSON lines: its own, of the range's local days, oldest first. */
@ExtendWith(DropwizardExtensionsSupport.class)
class InsightExportIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);
    private static final String RANGE = "?from=2026-03-02&to=2026-03-02";

    private static VisitEvents events;
    private static long trattoria;

    @BeforeAll
    static void events() {
        events = new VisitEvents(DB);
        // Rome is UTC+1 in early March: the local day 2 March runs from 1 March 23:00Z to 2 March 23:00Z.
        trattoria = events.restaurant("trattoria", "Trattoria", "Europe/Rome");
        long formula = events.table(trattoria, "=HYPERLINK(\"x\")");
        long five = events.table(trattoria, "5");
        long other = events.restaurant("other-place", "Other place", "Europe/Rome");
        long othersTable = events.table(other, "5");

        events.at(trattoria, five).phone("2026-03-01T22:59:59Z", "scan", "V0", null);
        events.at(trattoria, five)
                .phone("2026-03-01T23:00:00Z", "scan", "V1", null)
                .insert(
                        "2026-03-02T10:00:00Z",
                        "session_created",
                        "S1",
                        "V1",
                        "A",
                        null,
                        "{\"context\": \"exploring\", \"mode\": \"single\"}")
                .session("2026-03-02T10:00:00Z", "card_shown", "S1", null, 1001, "{\"position\": 0, \"revision\": 1}");
        events.at(trattoria, formula).phone("2026-03-02T09:00:00Z", "scan", "V2", null);
        events.at(other, othersTable).phone("2026-03-02T09:30:00Z", "scan", "V3", null);
        events.at(trattoria, five).phone("2026-03-02T23:00:00Z", "scan", "V4", null);
    }

    @Test
    void theCsvHoldsTheRangesEventsOldestFirstWithTheirTables() throws IOException {
        ApiClient.Reply reply = new ConsoleFixtures(DB, APP.getLocalPort())
                .manager(trattoria)
                .get("/console/restaurants/trattoria/events.csv" + RANGE);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/csv");
        assertThat(reply.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"trattoria-events-2026-03-02-to-2026-03-02.csv\"");
        String text = new String(reply.raw().body(), StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow())
                .isEqualTo("time,type,table,session,visit,participant,question,payload");
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text))) {
            rows = parser.getRecords();
        }
        assertThat(rows)
                .extracting(row -> row.get("time") + " " + row.get("type") + " " + row.get("table"))
                .containsExactly(
                        "2026-03-01T23:00:00.000000Z scan 5",
                        "2026-03-02T09:00:00.000000Z scan '=HYPERLINK(\"x\")",
                        "2026-03-02T10:00:00.000000Z session_created 5",
                        "2026-03-02T10:00:00.000000Z card_shown 5");
        assertThat(rows.get(0).get("visit")).isEqualTo(events.id("V1").toString());
        assertThat(rows.get(0).get("session")).isEmpty();
        assertThat(rows.get(2).get("session")).isEqualTo(events.id("S1").toString());
        assertThat(rows.get(2).get("visit")).isEqualTo(events.id("V1").toString());
        assertThat(rows.get(2).get("participant")).isEqualTo("A");
        assertThat(rows.get(3).get("question")).isEqualTo("1001");
        assertThat(new ObjectMapper().readTree(rows.get(3).get("payload")).toString())
                .isEqualTo("{\"position\":0,\"revision\":1}");
    }

    @Test
    void jsonLinesHoldTheSameEventsOneObjectALine() throws IOException {
        ApiClient.Reply reply = new ConsoleFixtures(DB, APP.getLocalPort())
                .admin()
                .get("/console/restaurants/trattoria/events.jsonl" + RANGE);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"trattoria-events-2026-03-02-to-2026-03-02.jsonl\"");
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line :
                new String(reply.raw().body(), StandardCharsets.UTF_8).lines().toList()) {
            lines.add(json.readTree(line));
        }
        assertThat(lines)
                .extracting(line ->
                        line.get("time").asText() + " " + line.get("type").asText())
                .containsExactly(
                        "2026-03-01T23:00:00.000000Z scan",
                        "2026-03-02T09:00:00.000000Z scan",
                        "2026-03-02T10:00:00.000000Z session_created",
                        "2026-03-02T10:00:00.000000Z card_shown");
        assertThat(lines.get(1).get("table").asText()).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(lines.get(3).toString())
                .isEqualTo("{\"time\":\"2026-03-02T10:00:00.000000Z\",\"type\":\"card_shown\",\"table\":\"5\","
                        + "\"session\":\"" + events.id("S1") + "\",\"visit\":null,\"participant\":null,"
                        + "\"question\":1001,\"payload\":{\"position\":0,\"revision\":1}}");
    }

    @Test
    void anotherRestaurantsManagerGetsNothing() {
        ConsoleFixtures fixtures = new ConsoleFixtures(DB, APP.getLocalPort());
        long theirs = fixtures.restaurant("theirs-" + System.nanoTime(), "Theirs");

        ApiClient.Reply reply = fixtures.manager(theirs).get("/console/restaurants/trattoria/events.csv" + RANGE);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Disposition")).isNull();
    }
}
