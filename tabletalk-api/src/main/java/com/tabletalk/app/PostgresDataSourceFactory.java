package com.tabletalk.app;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;

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

    @Override
    public ManagedDataSource build(MetricRegistry metricRegistry, String name) {
        DatabaseUrl url = databaseUrl();
        setUrl(url.jdbcUrl());
        url.user().ifPresent(this::setUser);
        url.password().ifPresent(this::setPassword);
        return super.build(metricRegistry, name);
    }
}
