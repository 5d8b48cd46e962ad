package com.tabletalk.testing;

import com.tabletalk.app.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server that tests use: the one named by {@code TEST_DATABASE_URL} when set, otherwise an
 * embedded one started once per JVM. Every test class gets a database of its own, migrated by the
 * application's own {@code db migrate}, and dropped when the JVM ends, so tests never see each other's rows.
 */
public final class TestPostgres {

    private static Server server;
    private static final List<String> CREATED = new ArrayList<>();

    private TestPostgres() {}

    /** A new, empty, migrated database. */
    public static TestDatabase freshDatabase() {
        TestDatabase database = emptyDatabase();
        AppCommands.migrate(database.url());
        return database;
    }

    /** A new database without any schema. */
    public static synchronized TestDatabase emptyDatabase() {
        Server current = server();
        String name = "tt_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(current.adminUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + current.description(), e);
        }
        CREATED.add(name);
        return new TestDatabase(current.urlFor(name), current.host(), current.port(), name);
    }

    private static Server server() {
        if (server == null) {
            String configured = System.getenv("TEST_DATABASE_URL");
            server = configured == null || configured.isBlank() ? embedded() : external(configured);
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated, "drop-test-databases"));
        }
        return server;
    }

    private static Server external(String configured) {
        DatabaseUrl url = DatabaseUrl.parse(configured);
        String hostPortDb = url.describe().substring(2);
        String hostPort = hostPortDb.substring(0, hostPortDb.indexOf('/'));
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = colon < 0 ? 5432 : Integer.parseInt(hostPort.substring(colon + 1));
        String credentials = "user=" + url.user().orElse("postgres")
                + url.password().map(p -> "&password=" + p).orElse("");
        return new Server(host, port, credentials, null);
    }

    private static Server embedded() {
        EmbeddedPostgres postgres = EmbeddedPostgresStarter.temporary();
        return new Server("localhost", postgres.getPort(), "user=postgres", postgres);
    }

    private static synchronized void dropCreated() {
        if (server == null || server.embedded() != null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(server.adminUrl());
                Statement statement = connection.createStatement()) {
            for (String name : CREATED) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException ignored) {
            // best effort at exit: a left-over tt_test_ database holds only test rows
        }
    }

    private record Server(String host, int port, String credentials, EmbeddedPostgres embedded) {
        String urlFor(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?" + credentials;
        }

        String adminUrl() {
            return urlFor("postgres");
        }

        String description() {
            return host + ":" + port;
        }
    }
}
