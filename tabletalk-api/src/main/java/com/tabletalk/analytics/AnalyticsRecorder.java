package com.tabletalk.analytics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.common.BatchingWriter;
import io.dropwizard.lifecycle.Managed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes analytics events in the background, in batches. A command only puts its event on a bounded queue:
 * when the queue is full or the database is away, events are dropped and counted, and the command never waits.
 */
public class AnalyticsRecorder implements AnalyticsSink, Managed {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsRecorder.class);
    private static final int BATCH = 500;

    private record Event(String type, UUID sessionId, Instant occurredAt, String data) {}

    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final MetricRegistry metrics;
    private final BatchingWriter<Event> writer;
    private final Counter dropped;
    private final Counter failed;

    public AnalyticsRecorder(Jdbi jdbi, ObjectMapper json, MetricRegistry metrics, int capacity) {
        this.jdbi = jdbi;
        this.json = json;
        this.metrics = metrics;
        this.writer = new BatchingWriter<>("analytics-writer", capacity, BATCH, this::write);
        this.dropped = metrics.counter("analytics.events.dropped");
        this.failed = metrics.counter("analytics.events.failed");
        metrics.gauge("analytics.events.queued", () -> writer::queued);
        for (String type : List.of(
                SESSION_CREATED,
                PARTICIPANT_JOINED,
                CARD_SHOWN,
                NEXT_REQUESTED,
                HINT_REVEALED,
                ANSWER_GIVEN,
                SESSION_ENDED,
                SESSION_EXPIRED)) {
            metrics.counter(recordedName(type));
        }
    }

    @Override
    public void record(String type, UUID sessionId, Map<String, Object> data) {
        metrics.counter(recordedName(type)).inc();
        String body;
        try {
            body = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            dropped.inc();
            return;
        }
        if (!writer.offer(new Event(type, sessionId, Instant.now(), body))) {
            dropped.inc();
        }
    }

    /** Named so that no Prometheus name ends in "_created", a suffix the exposition format reserves. */
    private static String recordedName(String type) {
        return "analytics.recorded." + type + ".events";
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

    /** A failed batch is counted and dropped; the next one is tried at once. */
    private boolean write(List<Event> batch) {
        try {
            jdbi.useHandle(handle -> {
                PreparedBatch insert =
                        handle.prepareBatch("INSERT INTO analytics_events (type, session_id, occurred_at, data) "
                                + "VALUES (:type, :sessionId, :occurredAt, CAST(:data AS jsonb))");
                for (Event event : batch) {
                    insert.bind("type", event.type())
                            .bind("sessionId", event.sessionId())
                            .bind("occurredAt", event.occurredAt())
                            .bind("data", event.data())
                            .add();
                }
                insert.execute();
            });
        } catch (RuntimeException e) {
            failed.inc(batch.size());
            LOG.warn(
                    "Could not write {} analytics events: {}",
                    batch.size(),
                    e.getClass().getSimpleName());
        }
        return true;
    }
}
