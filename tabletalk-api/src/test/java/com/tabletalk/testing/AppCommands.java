package com.tabletalk.testing;

import com.tabletalk.app.TableTalkApplication;
import com.tabletalk.app.TableTalkConfiguration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** Runs the application's own command line (e.g. {@code db migrate config.yml}) in this JVM, as ops would. */
public final class AppCommands {

    private AppCommands() {}

    public record Outcome(boolean succeeded, String stdout, String stderr) {}

    /** Runs one command with {@code database.url} pointing at the given database. */
    public static synchronized Outcome run(String databaseUrl, String... args) {
        String previous = System.getProperty("dw.database.url");
        System.setProperty("dw.database.url", databaseUrl);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            TableTalkApplication application = new TableTalkApplication();
            Bootstrap<TableTalkConfiguration> bootstrap = new Bootstrap<>(application);
            application.initialize(bootstrap);
            Cli cli = new Cli(
                    new JarLocation(AppCommands.class),
                    bootstrap,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            Optional<Throwable> failure = cli.run(args);
            return new Outcome(
                    failure.isEmpty(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            if (previous == null) {
                System.clearProperty("dw.database.url");
            } else {
                System.setProperty("dw.database.url", previous);
            }
        }
    }

    /** Applies the migrations to the database, failing loudly when they do not apply. */
    public static void migrate(String databaseUrl) {
        Outcome outcome =
                run(databaseUrl, "db", "migrate", ProjectFiles.config().toString());
        if (!outcome.succeeded()) {
            throw new IllegalStateException("db migrate failed: " + outcome.stderr());
        }
    }

    public static Path config() {
        return ProjectFiles.config();
    }
}
