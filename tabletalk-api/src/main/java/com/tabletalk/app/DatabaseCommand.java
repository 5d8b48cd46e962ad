package com.tabletalk.app;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.migrations.DbCommand;
import java.sql.SQLException;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * Dropwizard's {@code db} command (migrate, status, rollback, …) on the migrations packaged in the jar. A
 * failure is reported in one line that names {@code DATABASE_URL} and never contains its password, instead of
 * a stack trace.
 */
final class DatabaseCommand extends DbCommand<TableTalkConfiguration> {

    static final String CHANGELOG = "migrations/changelog.xml";

    DatabaseCommand() {
        super("db", TableTalkConfiguration::getDatabase, TableTalkConfiguration.class, CHANGELOG);
    }

    @Override
    protected void cleanup() {
        super.cleanup();
        CommandLogging.finish();
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        cli.getStdErr().println("db failed: " + describe(error));
    }

    static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseUrl.InvalidDatabaseUrlException invalid) {
                return invalid.getMessage();
            }
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return "cannot use the database given by " + DatabaseUrl.VARIABLE + " (" + oneLine(sql.getMessage())
                        + ")";
            }
        }
        return oneLine(String.valueOf(error.getMessage()));
    }

    private static String oneLine(String message) {
        return message == null
                ? "unknown error"
                : message.replaceAll("\\s+", " ").strip();
    }
}
