package com.tabletalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.testing.ProjectFiles;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the shaded jar's {@code db} command exactly as ops do, with a DigitalOcean-style DATABASE_URL. */
class MigrationsIT {

    private static final String PASSWORD = "do-not-print-this-0";
    private static final Path JAR = ProjectFiles.root().resolve("tabletalk-api/target/tabletalk-api.jar");

    private static TestDatabase database;

    @BeforeAll
    static void emptyDatabase() {
        assertThat(JAR).as("the shaded jar is built by mvn package").isRegularFile();
        database = TestPostgres.emptyDatabase();
    }

    private static String digitalOceanUrl(TestDatabase db) {
        return "postgresql://postgres:" + PASSWORD + "@" + db.host() + ":" + db.port() + "/" + db.name()
                + "?sslmode=disable";
    }

    @Test
    void migrateAppliesEverythingOnceAndStatusThenReportsNothingPending() throws Exception {
        Result first = db(digitalOceanUrl(database), "migrate");
        assertThat(first.exitCode()).as(first.output()).isZero();
        int applied = count("SELECT count(*) FROM databasechangelog");
        assertThat(applied).isGreaterThanOrEqualTo(6);
        assertThat(count("SELECT count(*) FROM databasechangelog WHERE filename LIKE '/%'"))
                .as("changesets are recorded by classpath, not by absolute path")
                .isZero();

        Result status = db(digitalOceanUrl(database), "status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.output()).contains("is up to date");

        Result second = db(digitalOceanUrl(database), "migrate");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(count("SELECT count(*) FROM databasechangelog")).isEqualTo(applied);
        assertThat(count("SELECT count(*) FROM databasechangelog WHERE exectype <> 'EXECUTED'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM questions")).isGreaterThanOrEqualTo(180);
        assertThat(first.output() + status.output() + second.output()).doesNotContain(PASSWORD);
    }

    @Test
    void malformedUrlFailsInOneLineNamingTheVariable() throws Exception {
        Result result = db("postgresql://postgres:" + PASSWORD + "@:5432", "migrate");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output().strip().lines()).hasSize(1);
        assertThat(result.output()).contains("DATABASE_URL").doesNotContain(PASSWORD);
    }

    @Test
    void unreachableDatabaseFailsCleanlyWithoutThePassword() throws Exception {
        Result result = db("postgresql://postgres:" + PASSWORD + "@127.0.0.1:1/nowhere", "migrate");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output())
                .contains("DATABASE_URL")
                .doesNotContain(PASSWORD)
                .doesNotContain("\tat ");
    }

    private int count(String sql) {
        return database.jdbi()
                .withHandle(
                        handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    private record Result(int exitCode, String output) {}

    private static Result db(String databaseUrl, String subcommand) throws IOException, InterruptedException {
        Path log = Files.createTempFile("db-command", ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", JAR.toString(), "db", subcommand, "config.yml")
                .directory(ProjectFiles.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", databaseUrl);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("db " + subcommand + " did not finish in 120 s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Result(process.exitValue(), output);
    }
}
