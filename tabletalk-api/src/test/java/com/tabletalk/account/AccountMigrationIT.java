package com.tabletalk.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.testing.AppCommands;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accounts migration rolls back through the operator's own command and applies again. */
class AccountMigrationIT {

    private static final List<String> TABLES =
            List.of("staff_users", "memberships", "console_sessions", "one_time_tokens", "audit_log");

    @Test
    void everyAccountChangesetRollsBackAndMigratesAgain() {
        TestDatabase database = TestPostgres.freshDatabase();
        assertThat(tables(database)).containsExactlyInAnyOrderElementsOf(TABLES);
        long changesetsFrom008 = database.jdbi()
                .withHandle(
                        handle -> handle.createQuery("SELECT count(*) FROM databasechangelog WHERE orderexecuted >= "
                                        + "(SELECT min(orderexecuted) FROM databasechangelog WHERE id LIKE '008-%')")
                                .mapTo(Long.class)
                                .one());

        AppCommands.Outcome rolledBack = AppCommands.run(
                database.url(),
                "db",
                "rollback",
                "--count",
                Long.toString(changesetsFrom008),
                AppCommands.config().toString());

        assertThat(rolledBack.succeeded()).as(rolledBack.stderr()).isTrue();
        assertThat(tables(database)).isEmpty();
        long appendOnlyGuards = database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT count(*) FROM pg_proc WHERE proname = 'audit_log_is_append_only'")
                        .mapTo(Long.class)
                        .one());
        assertThat(appendOnlyGuards).isZero();
        AppCommands.migrate(database.url());
        assertThat(tables(database)).containsExactlyInAnyOrderElementsOf(TABLES);
    }

    private static List<String> tables(TestDatabase database) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN (<names>)")
                        .bindList("names", TABLES)
                        .mapTo(String.class)
                        .list());
    }
}
