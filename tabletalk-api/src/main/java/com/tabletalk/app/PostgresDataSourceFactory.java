package com.tabletalk.app;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * The one place where {@code DATABASE_URL} becomes a JDBC URL plus credentials, so that {@code server} and
 * {@code db migrate} connect the same way.
 */
public class PostgresDataSourceFactory extends DataSourceFactory {

    public PostgresDataSourceFactory() {
        setDriverClass("org.postgresql.Driver");
    }

    /** Parses the configured URL; throws {@link DatabaseUrl.InvalidDatabaseUrlException} when it is unusable. */
    public DatabaseUrl databaseUrl() {
        return DatabaseUrl.parse(getUrl());
    }

    /**
     * A connection outside the pool, for a long-lived LISTEN: pgjdbc blocks every other statement on a connection
     * that waits for notifications, so the listener never borrows from the pool.
     */
    public Connection openDedicatedConnection() {
        DatabaseUrl url = databaseUrl();
        Properties properties = new Properties();
        properties.putAll(getProperties());
        properties.setProperty("ApplicationName", "tabletalk-listener");
        url.user().or(() -> Optional.ofNullable(getUser())).ifPresent(user -> properties.setProperty("user", user));
        url.password()
                .or(() -> Optional.ofNullable(getPassword()))
                .ifPresent(password -> properties.setProperty("password", password));
        try {
            return DriverManager.getConnection(url.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open a connection to the database: " + e.getSQLState(), e);
        }
    }

    @Override
    public ManagedDataSource build(MetricRegistry metricRegistry, String name) {
        DatabaseUrl url = databaseUrl();
        setUrl(url.jdbcUrl());
        url.user().ifPresent(this::setUser);
        url.password().ifPresent(this::setPassword);
        return super.build(metricRegistry, name);
    }
}
