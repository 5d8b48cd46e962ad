package com.tabletalk.load;

import com.tabletalk.testing.EmbeddedPostgresStarter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server of the run's own, on a fixed port with its data kept, so that it can be stopped and started
 * again under load without touching anybody else's.
 */
final class LocalPostgres implements AutoCloseable {

    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    LocalPostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    String url(String database) {
        return "postgresql://postgres@127.0.0.1:" + port + "/" + database;
    }

    synchronized void start() {
        server = EmbeddedPostgresStarter.keptIn(data, port);
    }

    synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    synchronized void createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"));
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
