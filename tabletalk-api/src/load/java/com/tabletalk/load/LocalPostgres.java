package com.tabletalk.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL server of the run's own (initdb + pg_ctl from the machine's PostgreSQL binaries), so that the
 * database can be restarted under load without touching anybody else's. Run as root, it runs the binaries as
 * {@code --pg-user} (PostgreSQL refuses to run as root).
 */
final class LocalPostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;
    private final String user;

    LocalPostgres(Path bin, Path data, int port, String user) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.user = user;
    }

    String url(String database) {
        return "postgresql://postgres@127.0.0.1:" + port + "/" + database;
    }

    void start() throws Exception {
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            Files.createDirectories(data);
            chown(data);
            run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8");
        }
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", data.resolve("server.log").toString(),
                "-o", "-p " + port + " -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
    }

    void stop() throws Exception {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "fast", "stop");
    }

    void createDatabase(String name) throws Exception {
        run(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", "postgres", "-c", "DROP DATABASE IF EXISTS " + name, "-c", "CREATE DATABASE " + name);
    }

    private void chown(Path path) throws Exception {
        if (user != null && isRoot()) {
            new ProcessBuilder("chown", "-R", user, path.toString()).inheritIO().start().waitFor();
        }
    }

    private void run(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (user != null && isRoot()) {
            full.addAll(List.of("runuser", "-u", user, "--"));
        }
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", full));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (Exception ignored) {
            // already stopped
        }
    }
}
