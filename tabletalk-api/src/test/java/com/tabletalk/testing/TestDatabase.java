package com.tabletalk.testing;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/** One test class's own database. */
public record TestDatabase(String url, String host, int port, String name) {

    /** A plain JDBI handle source for looking at or arranging rows directly. */
    public Jdbi jdbi() {
        return Jdbi.create(url).installPlugin(new PostgresPlugin());
    }
}
