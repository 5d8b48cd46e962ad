package com.tabletalk.restaurant;

import com.tabletalk.testing.TestDatabase;
import java.util.UUID;

/** Restaurants and tables written straight into a test database, for tests that do not go through the console. */
final class Restaurants {

    private final TestDatabase database;

    Restaurants(TestDatabase database) {
        this.database = database;
    }

    /** A new active restaurant with a unique slug; returns its slug. */
    String create(String name) {
        String slug = "r-" + UUID.randomUUID().toString().substring(0, 8);
        database.jdbi()
                .useHandle(handle -> handle.createUpdate(
                                "INSERT INTO restaurants (slug, name, time_zone) VALUES (:slug, :name, 'Europe/Rome')")
                        .bind("slug", slug)
                        .bind("name", name)
                        .execute());
        return slug;
    }

    void addTables(String slug, String... labels) {
        database.jdbi().useHandle(handle -> {
            for (String label : labels) {
                handle.createUpdate("INSERT INTO restaurant_tables (restaurant_id, label) "
                                + "SELECT id, :label FROM restaurants WHERE slug = :slug")
                        .bind("slug", slug)
                        .bind("label", label)
                        .execute();
            }
        });
    }

    void deactivateTable(String slug, String label) {
        database.jdbi()
                .useHandle(handle -> handle.createUpdate(
                                "UPDATE restaurant_tables SET active = FALSE "
                                        + "WHERE label = :label AND restaurant_id = (SELECT id FROM restaurants WHERE slug = :slug)")
                        .bind("slug", slug)
                        .bind("label", label)
                        .execute());
    }

    void deactivate(String slug) {
        database.jdbi()
                .useHandle(handle -> handle.createUpdate("UPDATE restaurants SET active = FALSE WHERE slug = :slug")
                        .bind("slug", slug)
                        .execute());
    }

    /** Where a session was recorded: "slug/label", or null for a walk-in session. */
    String placeOf(String sessionId) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT r.slug || '/' || t.label FROM sessions s "
                                + "LEFT JOIN restaurants r ON r.id = s.restaurant_id LEFT JOIN restaurant_tables t ON t.id = s.table_id "
                                + "WHERE s.id = CAST(:id AS uuid)")
                        .bind("id", sessionId)
                        .mapTo(String.class)
                        .one());
    }

    String deckSeedOf(String sessionId) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT deck_seed FROM sessions WHERE id = CAST(:id AS uuid)")
                        .bind("id", sessionId)
                        .mapTo(String.class)
                        .one());
    }
}
