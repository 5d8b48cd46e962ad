package com.tabletalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.ProjectFiles;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar as ops run it: JSON log lines without secrets, and SIGTERM in the middle of traffic losing no
 * committed change.
 */
class ProcessIT {

    private static final String PASSWORD = "never-in-logs-7f3a";
    private static final String METRICS_TOKEN = "metrics-token-never-in-logs-0123456789";
    private static final Path JAR = ProjectFiles.root().resolve("tabletalk-api/target/tabletalk-api.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sigtermDuringTrafficLosesNoCommittedChangeAndLogsAreCleanJson() throws Exception {
        TestDatabase db = TestPostgres.freshDatabase();
        int port = freePort();
        int adminPort = freePort();
        Path log = Files.createTempFile("tabletalk-server", ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", JAR.toString(), "server", "config.yml")
                .directory(ProjectFiles.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment()
                .put(
                        "DATABASE_URL",
                        "postgresql://postgres:" + PASSWORD + "@" + db.host() + ":" + db.port() + "/" + db.name());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("ADMIN_PORT", Integer.toString(adminPort));
        builder.environment().put("METRICS_TOKEN", METRICS_TOKEN);
        builder.environment().put("RATE_LIMITS_ENABLED", "false");
        builder.environment().put("LOG_LEVEL", "DEBUG");
        Process server = builder.start();
        ApiClient api = ApiClient.forPort(port);
        try {
            awaitHealthy(api, server);

            Map<String, Long> acknowledged = new ConcurrentHashMap<>();
            List<String> tokens = new ArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> players = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ApiClient.Reply created = api.post(
                        "/sessions", "{\"tableToken\":\"t" + i + "\",\"context\":\"exploring\",\"mode\":\"single\"}");
                String id = created.body().at("/session/id").asText();
                String token = created.body().at("/participant/token").asText();
                tokens.add(token);
                acknowledged.put(id, 1L);
                Thread player = new Thread(() -> play(api, id, token, acknowledged, stop));
                players.add(player);
                player.start();
            }
            Thread.sleep(1_500);

            server.destroy();
            assertThat(server.waitFor(40, TimeUnit.SECONDS))
                    .as("exits within the platform's grace period")
                    .isTrue();
            stop.set(true);
            for (Thread player : players) {
                player.join(10_000);
            }

            assertThat(acknowledged.values().stream().mapToLong(Long::longValue).sum())
                    .as("traffic happened")
                    .isGreaterThan(8);
            for (Map.Entry<String, Long> session : acknowledged.entrySet()) {
                long stored = db.jdbi()
                        .withHandle(h -> h.createQuery("SELECT version FROM sessions WHERE id = CAST(:id AS uuid)")
                                .bind("id", session.getKey())
                                .mapTo(Long.class)
                                .one());
                assertThat(stored)
                        .as("every acknowledged change is in the database")
                        .isGreaterThanOrEqualTo(session.getValue());
            }

            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertThat(lines).isNotEmpty();
            for (String line : lines) {
                if (line.isBlank() || !line.startsWith("{")) {
                    // The JVM and Liquibase may print outside the logger; everything logged is JSON.
                    continue;
                }
                JsonNode entry = JSON.readTree(line);
                assertThat(entry.has("level")).as(line).isTrue();
                assertThat(entry.has("message")).as(line).isTrue();
            }
            long jsonLines = lines.stream().filter(line -> line.startsWith("{")).count();
            assertThat(jsonLines).isGreaterThan(lines.size() / 2);
            String all = String.join("\n", lines);
            assertThat(all).doesNotContain(PASSWORD).doesNotContain(METRICS_TOKEN);
            for (String token : tokens) {
                assertThat(all).doesNotContain(token);
            }
            for (String id : acknowledged.keySet()) {
                assertThat(all).as("session ids stay out of logs").doesNotContain(id);
            }
        } finally {
            server.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    @Test
    void checkSaysConfigurationIsOkEveryTime() throws Exception {
        for (int run = 1; run <= 12; run++) {
            Process check = new ProcessBuilder("java", "-Xmx128m", "-jar", JAR.toString(), "check", "config.yml")
                    .directory(ProjectFiles.root().toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as(output).isZero();
            assertThat(output).as("run " + run).contains("Configuration is OK");
        }
    }

    /** Moves cards as fast as it can, remembering the last version the service acknowledged. */
    private static void play(
            ApiClient api, String id, String token, Map<String, Long> acknowledged, AtomicBoolean stop) {
        long version = 1;
        while (!stop.get()) {
            try {
                ApiClient.Reply reply = api.post(
                        "/sessions/" + id + "/commands", "{\"type\":\"next\",\"version\":" + version + "}", token);
                if (reply.status() == 200) {
                    version = reply.body().get("version").asLong();
                    acknowledged.put(id, version);
                } else if (reply.status() == 409) {
                    version = reply.body().at("/session/version").asLong();
                } else {
                    return;
                }
            } catch (RuntimeException connectionGone) {
                return;
            }
        }
    }

    private static void awaitHealthy(ApiClient api, Process server) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (!server.isAlive()) {
                throw new AssertionError("the server exited with " + server.exitValue());
            }
            try {
                if (api.get("/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not become healthy in 30 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
