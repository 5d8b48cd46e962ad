package com.tabletalk.event;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.common.BatchingWriter;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the event log in the background, in batches. Recording only puts the event on a bounded queue: when the
 * queue is full, the event is dropped and counted; when the database is away, the batch is counted as failed.
 */
public class EventWriter implements EventLog, Managed {

    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);
    private static final int BATCH = 500;

    private record Row(LoggedEvent event, String payload) {}

    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final MetricRegistry metrics;
    private final BatchingWriter<Row> writer;
    private final Counter dropped;
    private final Counter failed;
    private final Counter written;

    /**
     * {@code linger}: nobody waits for the log, so a batch may gather for a moment; at 500 events a second, 100 ms
     * makes one insert of about 50 rows instead of a commit every few events.
     */
    public EventWriter(Jdbi jdbi, ObjectMapper json, MetricRegistry metrics, int capacity, Duration linger) {
        this.jdbi = jdbi;
        this.json = json;
        this.writer = new BatchingWriter<>("event-writer", capacity, BATCH, linger, this::write);
        this.dropped = metrics.counter("events.dropped");
        this.failed = metrics.counter("events.failed");
        this.written = metrics.counter("events.written");
        metrics.gauge("events.queued", () -> writer::queued);
        for (EventType type : EventType.values()) {
            metrics.counter(recordedName(type));
        }
        this.metrics = metrics;
    }

    @Override
    public void record(LoggedEvent event) {
        String payload;
        try {
            payload = json.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            dropped.inc();
            return;
        }
        if (writer.offer(new Row(event, payload))) {
            metrics.counter(recordedName(event.type())).inc();
        } else {
            dropped.inc();
        }
    }

    /** Named so that no Prometheus name ends in "_created", a suffix the exposition format reserves. */
    private static String recordedName(EventType type) {
        return "events.recorded." + type.wire() + ".events";
    }

    @Override
    public void start() {
        writer.start();
    }

    @Override
    public void stop() throws InterruptedException {
        writer.stop();
    }

    /** Writes whatever is queued now; for shutdown and for tests. */
    public void flush() {
        writer.flush();
    }

    /** A failed batch is counted and dropped; the writer backs off before the next one. */
    private boolean write(List<Row> batch) {
        try {
            jdbi.useHandle(handle -> {
                PreparedBatch insert = handle.prepareBatch("INSERT INTO visit_events (occurred_at, type, restaurant_id,"
                        + " table_id, session_id, visit_id, participant, question_id, payload) VALUES (:occurredAt,"
                        + " :type, :restaurantId, :tableId, :sessionId, :visitId, :participant, :questionId,"
                        + " CAST(:payload AS jsonb))");
                for (Row row : batch) {
                    LoggedEvent event = row.event();
                    insert.bind("occurredAt", event.occurredAt())
                            .bind("type", event.type().wire())
                            .bind("restaurantId", event.restaurantId())
                            .bind("tableId", event.tableId())
                            .bind("sessionId", event.sessionId())
                            .bind("visitId", event.visitId())
                            .bind("participant", event.participant())
                            .bind("questionId", event.questionId())
                            .bind("payload", row.payload())
                            .add();
                }
                insert.execute();
            });
            written.inc(batch.size());
            return true;
        } catch (RuntimeException e) {
            failed.inc(batch.size());
            LOG.warn("Could not write {} events: {}", batch.size(), e.getClass().getSimpleName());
            return false;
        }
    }
}
