package com.tabletalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;

/** What PostgreSQL receives: the statement exactly as written, named after its DAO method. */
class NamedStatementsIT {

    interface Probe {
        @SqlQuery("SELECT current_query()")
        String ownText();

        /** Angle brackets are comparisons here, never template attributes. */
        @SqlQuery("SELECT CASE WHEN :n < 3 AND :n <> 0 THEN '<small>' ELSE 'large' END")
        String size(@Bind("n") int n);
    }

    private static final Jdbi JDBI = TestPostgres.emptyDatabase()
            .jdbi()
            .setTemplateEngine(new NamedStatements())
            .installPlugin(new SqlObjectPlugin());

    @Test
    void theDatabaseSeesTheStatementNamedAfterItsMethod() {
        Probe probe = JDBI.onDemand(Probe.class);
        assertThat(probe.ownText()).isEqualTo("/* Probe.ownText */ SELECT current_query()");
        // The second call takes the cached path and must read the same.
        assertThat(probe.ownText()).isEqualTo("/* Probe.ownText */ SELECT current_query()");
    }

    @Test
    void sqlWithAngleBracketsIsSentUntouched() {
        Probe probe = JDBI.onDemand(Probe.class);
        assertThat(probe.size(2)).isEqualTo("<small>");
        assertThat(probe.size(5)).isEqualTo("large");
    }

    @Test
    void statementsOutsideADaoAreSentAsWritten() {
        String sent = JDBI.withHandle(handle ->
                handle.createQuery("SELECT current_query()").mapTo(String.class).one());
        assertThat(sent).isEqualTo("SELECT current_query()");
    }
}
