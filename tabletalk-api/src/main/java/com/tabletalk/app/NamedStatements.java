package com.tabletalk.app;

import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Sends each statement as written, led by a comment naming the DAO method ({@code /* SessionDao.find *&#47;}),
 * so that {@code pg_stat_activity} and slow-query logs say where a query comes from.
 *
 * <p>Our SQL has no template attributes, so nothing is parsed. Dropwizard's own name-prepending engine wraps
 * Jdbi's attribute engine in a way that bypasses Jdbi's template cache: every statement was lexed again, and that
 * was a fifth of the service's CPU time in a reconnect storm.
 */
public final class NamedStatements implements TemplateEngine.Parsing {

    @Override
    public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
        return Optional.of(context -> named(template, context.getExtensionMethod()));
    }

    static String named(String sql, ExtensionMethod method) {
        if (method == null) {
            return sql;
        }
        return "/* " + method.getType().getSimpleName() + "."
                + method.getMethod().getName() + " */ " + sql;
    }
}
