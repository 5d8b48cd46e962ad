package com.tabletalk.insight;

import com.tabletalk.testing.TestDatabase;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Restaurants, tables and raw events written straight into a test database, with explicit times. */
final class VisitEvents {

    private final TestDatabase database;
    private final Map<String, UUID> ids = new HashMap<>();

    VisitEvents(TestDatabase database) {
        this.database = database;
    }

    long restaurant(String slug, String name, String timeZone) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("INSERT INTO restaurants (slug, name, time_zone) "
                                + "VALUES (:slug, :name, :zone) RETURNING id")
                        .bind("slug", slug)
                        .bind("name", name)
                        .bind("zone", timeZone)
                        .mapTo(Long.class)
                        .one());
    }

    long table(long restaurant, String label) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("INSERT INTO restaurant_tables (restaurant_id, label) "
                                + "VALUES (:restaurant, :label) RETURNING id")
                        .bind("restaurant", restaurant)
                        .bind("label", label)
                        .mapTo(Long.class)
                        .one());
    }

    /** The uuid a test calls by a short name ("S1", "V1"), the same each time it is named. */
    UUID id(String name) {
        return name == null ? null : ids.computeIfAbsent(name, key -> UUID.randomUUID());
    }

    /** A place (restaurant and table, both null for a walk-in table) that events happen at. */
    Place at(Long restaurant, Long table) {
        return new Place(restaurant, table);
    }

    final class Place {
        private final Long restaurant;
        private final Long table;

        private Place(Long restaurant, Long table) {
            this.restaurant = restaurant;
            this.table = table;
        }

        /** A phone's step before a session: visit only. */
        Place phone(String at, String type, String visit, String payload) {
            return insert(at, type, null, visit, null, null, payload);
        }

        /** A server step of a session. */
        Place session(String at, String type, String session, String participant, Integer question, String payload) {
            return insert(at, type, session, null, participant, question, payload);
        }

        Place insert(
                String at,
                String type,
                String session,
                String visit,
                String participant,
                Integer question,
                String payload) {
            Instant time = Instant.parse(at);
            database.jdbi().useHandle(handle -> {
                handle.createUpdate("INSERT INTO visit_events (occurred_at, type, restaurant_id, table_id, session_id, "
                                + "visit_id, participant, question_id, payload) VALUES (:at, :type, :restaurant, "
                                + ":table, :session, :visit, :participant, :question, CAST(:payload AS jsonb))")
                        .bind("at", java.sql.Timestamp.from(time))
                        .bind("type", type)
                        .bind("restaurant", restaurant)
                        .bind("table", table)
                        .bind("session", id(session))
                        .bind("visit", id(visit))
                        .bind("participant", participant)
                        .bind("question", question)
                        .bind("payload", payload == null ? "{}" : payload)
                        .execute();
            });
            return this;
        }
    }
}
