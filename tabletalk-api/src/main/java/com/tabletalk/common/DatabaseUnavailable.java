package com.tabletalk.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Set;
import org.apache.tomcat.jdbc.pool.PoolExhaustedException;

/**
 * Failures that mean "the database cannot be reached or has no connection to spare right now": it is restarting,
 * unreachable, or every pooled connection is busy for longer than the pool waits. The client should try again
 * shortly (503 with {@code Retry-After}); nothing is wrong with its request, and no incident is logged.
 */
public final class DatabaseUnavailable {

    public static final String RETRY_AFTER_SECONDS = "2";
    public static final String MESSAGE = "The service is busy or its database is briefly away; try again in a moment.";

    /** Shutting down, crash recovery, cannot connect now, too many connections. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {}

    public static boolean isCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof org.jdbi.v3.core.ConnectionException
                    || cause instanceof PoolExhaustedException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    public static ApiException asApiException() {
        return new ApiException(ErrorCode.UNAVAILABLE, MESSAGE, Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
}
