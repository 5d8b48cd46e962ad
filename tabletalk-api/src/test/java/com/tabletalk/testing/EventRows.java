package com.tabletalk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a session's rows of the event log, waiting for the background writer to catch up. */
public final class EventRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {};

    /** One row as the tests compare it; the columns a session's events share are checked apart. */
    public record Row(String type, String participant, Integer questionId, Map<String, Object> payload) {

        public static Row of(String type, String participant, Integer questionId, Map<String, Object> payload) {
            return new Row(type, participant, questionId, payload);
        }
    }

    /** The columns every event of a session carries alike. */
    public record Place(Long restaurantId, Long tableId, UUID sessionId, UUID visitId) {}

    private final TestDatabase database;

    public EventRows(TestDatabase database) {
        this.database = database;
    }

    /** The session's events in the order they were written, once there are at least {@code count} of them. */
    public List<Row> await(String sessionId, int count) {
        List<Row> rows = List.of();
        for (int i = 0; i < 150; i++) {
            rows = read(sessionId);
            if (rows.size() >= count) {
                return rows;
            }
            sleep();
        }
        assertThat(rows).as("at least %d events of the session", count).hasSizeGreaterThanOrEqualTo(count);
        return rows;
    }

    public List<Row> read(String sessionId) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT type, participant, question_id, payload::text "
                                + "FROM visit_events WHERE session_id = CAST(:id AS uuid) ORDER BY id")
                        .bind("id", sessionId)
                        .map((rs, ctx) -> new Row(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getObject(3, Integer.class),
                                payload(rs.getString(4))))
                        .list());
    }

    /** The distinct place columns of the session's events: one entry when they all agree. */
    public List<Place> places(String sessionId) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT DISTINCT restaurant_id, table_id, session_id, visit_id "
                                        + "FROM visit_events WHERE session_id = CAST(:id AS uuid)")
                        .bind("id", sessionId)
                        .map((rs, ctx) -> new Place(
                                rs.getObject(1, Long.class),
                                rs.getObject(2, Long.class),
                                rs.getObject(3, UUID.class),
                                rs.getObject(4, UUID.class)))
                        .list());
    }

    private static Map<String, Object> payload(String text) {
        try {
            return JSON.readValue(text, PAYLOAD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
