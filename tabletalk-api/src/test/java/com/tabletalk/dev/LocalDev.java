package com.tabletalk.dev;

import com.tabletalk.testing.AppCommands;
import com.tabletalk.testing.EmbeddedPostgresStarter;
import com.tabletalk.testing.ProjectFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs the whole app on one machine for development: the API and the built web app on one port, as the
 * production ingress would route them, against {@code DATABASE_URL} or, when that is unset, an embedded
 * PostgreSQL whose data stays in {@code .local/postgres} (or {@code TABLETALK_DEV_DATA}) between runs.
 * Never used in production: there the SPA is a static site and the database a managed one.
 */
public final class LocalDev {

    private LocalDev() {}

    public static void main(String[] args) throws Exception {
        Path root = ProjectFiles.root();
        Path dist = Path.of(envOr(
                        "TABLETALK_WEB_DIST", root.resolve("tabletalk-web/dist").toString()))
                .toAbsolutePath();
        String databaseUrl = System.getenv("DATABASE_URL");
        if (databaseUrl == null || databaseUrl.isBlank()) {
            Path data = Path.of(envOr(
                            "TABLETALK_DEV_DATA",
                            root.resolve(".local/postgres").toString()))
                    .toAbsolutePath();
            databaseUrl = startEmbedded(data);
        }
        AppCommands.Outcome migrated = AppCommands.run(
                databaseUrl, "db", "migrate", ProjectFiles.config().toString());
        if (!migrated.succeeded()) {
            System.err.println(migrated.stderr().strip());
            System.exit(1);
        }
        if (!Files.isRegularFile(dist.resolve("index.html"))) {
            System.err.println(
                    "No web app build at " + dist + " (run: mvn -DskipTests package); serving the API only.");
        }
        System.setProperty("dw.database.url", databaseUrl);
        new LocalDevApplication(dist).run("server", ProjectFiles.config().toString());
        System.out.print(DevBanner.text(System.getenv("FRONTEND_URL"), envOr("PORT", "8080"), DevBanner.lanAddress()));
    }

    private static String startEmbedded(Path data) throws java.sql.SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgresStarter.keptIn(data);
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                Statement statement = connection.createStatement();
                ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'tabletalk'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE tabletalk");
            }
        }
        System.out.println("Embedded PostgreSQL on port " + postgres.getPort() + ", data in " + data);
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/tabletalk?user=postgres";
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
