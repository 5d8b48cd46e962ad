package com.tabletalk.question;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.account.AuditLog;
import com.tabletalk.account.Role;
import com.tabletalk.account.StaffUser;
import com.tabletalk.testing.AppCommands;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.jackson.Jackson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import liquibase.Scope;
import liquibase.changelog.FastCheckService;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;

/**
 * {@code db migrate} adds the seed files' new ids and leaves questions already in the library to the console: a
 * wording edited and a question retired through the console's own service stand when the migrations run again, also when the seed files re-load after
 * a change. A seed file's change is what makes Liquibase re-run its changeset (it compares checksums), so a
 * changed checksum in the changelog table re-runs the seed exactly as an edited CSV would, with seed rows that
 * now differ from the library.
 */
class QuestionSeedIT {

    private static final String EDITED = "What is a dish you would cook for a friend on a rainy evening?";

    @Test
    void migratingAgainKeepsTheConsolesEditsAndRetirements() {
        TestDatabase db = TestPostgres.emptyDatabase();
        migrate(db);
        String seedText = text(db, 1001);
        assertThat(seedText).isNotEqualTo(EDITED);
        assertThat(active(db, 1002)).isTrue();

        // The console's own service edits 1001 (revision 2) and retires 1002, as an admin would in the console.
        Jdbi jdbi = db.jdbi().installPlugin(new SqlObjectPlugin());
        long adminId = jdbi.withHandle(h -> h.createQuery(
                        "INSERT INTO staff_users (email, role, password_hash) VALUES ('seed-admin@example.com', 'ADMIN', "
                                + "'not a hash: never signs in') RETURNING id")
                .mapTo(Long.class)
                .one());
        StaffUser admin = new StaffUser(adminId, "seed-admin@example.com", Role.ADMIN, Set.of());
        QuestionLibrary library = new QuestionLibrary(jdbi, new AuditLog(jdbi, Jackson.newObjectMapper()));
        library.edit(admin, 1001, new QuestionLibrary.Edit(EDITED, null, null, null, null));
        library.retire(admin, 1002);

        migrate(db);
        assertEditsStand(db);

        int seedRuns = db.jdbi()
                .withHandle(h -> h.execute("UPDATE databasechangelog SET md5sum = left(md5sum, 2) || repeat('0', 32) "
                        + "WHERE id LIKE '002-questions-%'"));
        assertThat(seedRuns).isEqualTo(3);
        migrate(db);
        assertThat(count(
                        db,
                        "SELECT count(*) FROM databasechangelog WHERE id LIKE '002-questions-%' "
                                + "AND exectype = 'RERAN'"))
                .as("the seed changesets ran again")
                .isEqualTo(3);
        String seedRow = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT text FROM question_seed WHERE id = 1001")
                        .mapTo(String.class)
                        .one());
        assertThat(seedRow).as("the seed still has its own wording").isEqualTo(seedText);
        assertEditsStand(db);

        assertThat(status(db)).contains("is up to date");
    }

    private static void assertEditsStand(TestDatabase db) {
        assertThat(text(db, 1001)).isEqualTo(EDITED);
        assertThat(active(db, 1002)).isFalse();
        Map<String, Object> current = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT revision, text FROM questions WHERE id = 1001")
                        .mapToMap()
                        .one());
        assertThat(current).containsEntry("revision", 2);
        assertThat(count(db, "SELECT count(*) FROM question_revisions WHERE question_id = 1001"))
                .isEqualTo(2);
        assertThat(count(db, "SELECT count(*) FROM question_revisions WHERE question_id = 1002"))
                .isEqualTo(1);
        assertThat(count(
                        db,
                        "SELECT count(*) FROM questions q WHERE NOT EXISTS (SELECT 1 FROM question_revisions r "
                                + "WHERE r.question_id = q.id AND r.revision = q.revision)"))
                .as("every question's current wording is one of its revisions")
                .isZero();
    }

    /**
     * One {@code db migrate}, as ops run it in a JVM of its own: Liquibase remembers within a JVM which databases
     * it found up to date, which would hide the changed checksums from a second run here.
     */
    private static void migrate(TestDatabase db) {
        Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
        AppCommands.Outcome outcome =
                AppCommands.run(db.url(), "db", "migrate", AppCommands.config().toString());
        assertThat(outcome.succeeded()).as(outcome.stderr()).isTrue();
    }

    /** What {@code db status} prints; Liquibase writes it to the standard output it finds when the command is built. */
    private static String status(TestDatabase db) {
        PrintStream previous = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            AppCommands.Outcome outcome = AppCommands.run(
                    db.url(), "db", "status", AppCommands.config().toString());
            assertThat(outcome.succeeded()).as(outcome.stderr()).isTrue();
            return outcome.stdout() + printed.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(previous);
        }
    }

    private static String text(TestDatabase db, int id) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT text FROM questions WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    }

    private static boolean active(TestDatabase db, int id) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT active FROM questions WHERE id = :id")
                        .bind("id", id)
                        .mapTo(Boolean.class)
                        .one());
    }

    private static int count(TestDatabase db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
