package com.tabletalk.insight;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.tabletalk.common.CsvCells;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Jdbi;

/**
 * A restaurant's raw events of a range, oldest first, written as they are read: a cursor with a fetch size feeds
 * the writer row by row, so no export ever holds more than one batch of rows in memory.
 */
public class EventExport {

    private static final int FETCH_SIZE = 10_000;
    private static final String[] COLUMNS = {
        "time", "type", "table", "session", "visit", "participant", "question", "payload"
    };
    private static final CSVFormat CSV =
            CSVFormat.RFC4180.builder().setHeader(COLUMNS).get();
    /** ISO-8601 in UTC with microseconds, always the same width, so that the times also sort as text. */
    private static final String QUERY = "SELECT to_char(e.occurred_at AT TIME ZONE 'UTC', "
            + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS occurred_at, e.type, t.label, e.session_id::text AS session, "
            + "e.visit_id::text AS visit, e.participant, e.question_id, e.payload::text AS payload "
            + "FROM visit_events e LEFT JOIN restaurant_tables t ON t.id = e.table_id "
            + "WHERE e.restaurant_id = :restaurant AND e.occurred_at >= :start AND e.occurred_at < :end "
            + "ORDER BY e.occurred_at, e.id";

    private final Jdbi jdbi;
    private final JsonFactory json;

    public EventExport(Jdbi jdbi, JsonFactory json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    /** One exported row; payload is the JSON text as stored. */
    record Row(
            String time,
            String type,
            String table,
            String session,
            String visit,
            String participant,
            Integer question,
            String payload) {}

    public void csv(long restaurant, Instant start, Instant end, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try (CSVPrinter printer = new CSVPrinter(writer, CSV)) {
            each(restaurant, start, end, row -> {
                try {
                    printer.printRecord(
                            row.time(),
                            row.type(),
                            CsvCells.text(row.table()),
                            orEmpty(row.session()),
                            orEmpty(row.visit()),
                            orEmpty(row.participant()),
                            row.question() == null ? "" : row.question().toString(),
                            CsvCells.text(row.payload()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    public void jsonLines(long restaurant, Instant start, Instant end, OutputStream out) throws IOException {
        try (JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8)) {
            generator.setRootValueSeparator(new SerializedString("\n"));
            each(restaurant, start, end, row -> {
                try {
                    generator.writeStartObject();
                    generator.writeStringField("time", row.time());
                    generator.writeStringField("type", row.type());
                    generator.writeStringField("table", row.table());
                    generator.writeStringField("session", row.session());
                    generator.writeStringField("visit", row.visit());
                    generator.writeStringField("participant", row.participant());
                    if (row.question() == null) {
                        generator.writeNullField("question");
                    } else {
                        generator.writeNumberField("question", row.question());
                    }
                    // The payload was JSON when it was stored (jsonb), so it goes in as the object it is.
                    generator.writeFieldName("payload");
                    generator.writeRawValue(row.payload());
                    generator.writeEndObject();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            generator.writeRaw('\n');
        }
    }

    private void each(long restaurant, Instant start, Instant end, Consumer<Row> sink) {
        // PostgreSQL streams through a cursor only inside a transaction.
        jdbi.useTransaction(handle -> {
            // The planner's estimate for a month of events crosses the JIT threshold; compiling only delays the
            // first row. And for a busy restaurant it would sort the whole range before sending anything, where
            // the index (restaurant_id, occurred_at, id) already reads each partition in order: without the sort
            // the first rows go out at once and the database reads while the service writes.
            handle.execute("SET LOCAL jit = off");
            handle.execute("SET LOCAL enable_sort = off");
            handle.execute("SET LOCAL max_parallel_workers_per_gather = 0");
            handle.createQuery(QUERY)
                    .bind("restaurant", restaurant)
                    .bind("start", Timestamp.from(start))
                    .bind("end", Timestamp.from(end))
                    .setFetchSize(FETCH_SIZE)
                    .map((rs, ctx) -> row(rs))
                    .forEach(sink);
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        int questionId = rs.getInt("question_id");
        Integer question = rs.wasNull() ? null : questionId;
        return new Row(
                rs.getString("occurred_at"),
                rs.getString("type"),
                rs.getString("label"),
                rs.getString("session"),
                rs.getString("visit"),
                rs.getString("participant"),
                question,
                rs.getString("payload"));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
