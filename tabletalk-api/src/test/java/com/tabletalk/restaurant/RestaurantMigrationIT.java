package com.tabletalk.restaurant;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.testing.AppCommands;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The restaurant migration (and the accounts one after it) rolls back through the operator's own command, leaving
 * the diner's tables and rows as they were, and applies again.
 */
class RestaurantMigrationIT {

    @Test
    void restaurantsAndTablesRollBackWithoutTouchingWalkInDataAndMigrateAgain() {
        TestDatabase database = TestPostgres.freshDatabase();
        database.jdbi()
                .useHandle(handle ->
                        handle.execute("INSERT INTO sessions (id, table_token, context, mode, status, version, "
                                + "deck_seed, deck, participants, created_at, last_active_at, expires_at) VALUES "
                                + "(gen_random_uuid(), 'kept', 'exploring', 'single', 'active', 1, 'seed', '{1}', '[]', now(), "
                                + "now(), now() + interval '1 hour')"));
        long questions = count(database, "SELECT count(*) FROM questions");
        long changesetsFrom007 = count(
                database,
                "SELECT count(*) FROM databasechangelog WHERE orderexecuted >= "
                        + "(SELECT min(orderexecuted) FROM databasechangelog WHERE id LIKE '007-%')");

        AppCommands.Outcome rolledBack = AppCommands.run(
                database.url(),
                "db",
                "rollback",
                "--count",
                Long.toString(changesetsFrom007),
                AppCommands.config().toString());

        assertThat(rolledBack.succeeded()).as(rolledBack.stderr()).isTrue();
        assertThat(restaurantTables(database)).isEmpty();
        assertThat(sessionPlaceColumns(database)).isEmpty();
        assertThat(count(database, "SELECT count(*) FROM questions")).isEqualTo(questions);
        assertThat(count(database, "SELECT count(*) FROM sessions WHERE table_token = 'kept'"))
                .isEqualTo(1);

        AppCommands.migrate(database.url());
        assertThat(restaurantTables(database)).containsExactlyInAnyOrder("restaurants", "restaurant_tables");
        assertThat(sessionPlaceColumns(database)).containsExactlyInAnyOrder("restaurant_id", "table_id");
    }

    private static long count(TestDatabase database, String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private static List<String> restaurantTables(TestDatabase database) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT table_name FROM information_schema.tables "
                                        + "WHERE table_schema = 'public' AND table_name IN ('restaurants', 'restaurant_tables')")
                        .mapTo(String.class)
                        .list());
    }

    private static List<String> sessionPlaceColumns(TestDatabase database) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT column_name FROM information_schema.columns "
                                + "WHERE table_name = 'sessions' AND column_name IN ('restaurant_id', 'table_id')")
                        .mapTo(String.class)
                        .list());
    }
}
