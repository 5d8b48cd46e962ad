package com.tabletalk.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One instance of the service, started from the shaded jar as ops would start it. */
final class Instance implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    final int port;
    final int adminPort;
    private final Process process;
    final long startedAtNanos;

    private Instance(Process process, int port, int adminPort, long startedAtNanos) {
        this.process = process;
        this.port = port;
        this.adminPort = adminPort;
        this.startedAtNanos = startedAtNanos;
    }

    /** {@code java <jvmArgs> -jar jar server config} with PORT, ADMIN_PORT and DATABASE_URL set; output to a log. */
    static Instance launch(
            Path jar,
            Path config,
            String databaseUrl,
            int port,
            int adminPort,
            List<String> jvmArgs,
            Map<String, String> env,
            Path log)
            throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "server", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("ADMIN_PORT", Integer.toString(adminPort));
        builder.environment().put("DATABASE_URL", databaseUrl);
        builder.environment().putAll(env);
        long started = System.nanoTime();
        return new Instance(builder.start(), port, adminPort, started);
    }

    /** Runs {@code java -jar jar db migrate config} against the database and waits for it. */
    static void migrate(Path jar, Path config, String databaseUrl, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "db",
                        "migrate",
                        config.toString())
                .redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DATABASE_URL", databaseUrl);
        Process process = builder.start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("db migrate failed; see " + log);
        }
    }

    String target() {
        return "http://127.0.0.1:" + port;
    }

    String admin() {
        return "http://127.0.0.1:" + adminPort;
    }

    /** Polls {@code /api/health} every 10 ms; returns the milliseconds from process start to the first 200. */
    long awaitHealthy(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the instance exited with " + process.exitValue());
            }
            if (health(target()) == 200) {
                return (System.nanoTime() - startedAtNanos) / 1_000_000;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("not healthy within " + limit);
    }

    static int health(String target) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(target + "/api/health"))
                                    .timeout(Duration.ofSeconds(3))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** SIGKILL: no shutdown hooks, no goodbye, sockets cut by the kernel. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
