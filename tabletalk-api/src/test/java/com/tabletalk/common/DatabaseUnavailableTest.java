package com.tabletalk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.tomcat.jdbc.pool.PoolExhaustedException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aBusyPoolOrAnUnreachableDatabaseIsUnavailable() {
        assertThat(DatabaseUnavailable.isCause(new ConnectionException(new PoolExhaustedException("pool empty"))))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLTransientConnectionException("refused"))))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(
                        new UnableToExecuteStatementException(new SQLException("connection lost", "08006"), null)))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new UnableToExecuteStatementException(
                        new SQLException("terminating connection due to administrator command", "57P01"), null)))
                .isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseUnavailable.isCause(
                        new UnableToExecuteStatementException(new SQLException("duplicate key", "23505"), null)))
                .isFalse();
        assertThat(DatabaseUnavailable.isCause(
                        new UnableToExecuteStatementException(new SQLException("no state"), null)))
                .isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("bug")))
                .isFalse();
    }

    @Test
    void itTravelsAs503WithRetryAfter() {
        ApiException unavailable = DatabaseUnavailable.asApiException();
        assertThat(unavailable.code().status()).isEqualTo(503);
        assertThat(unavailable.headers()).containsEntry("Retry-After", "2");
    }
}
