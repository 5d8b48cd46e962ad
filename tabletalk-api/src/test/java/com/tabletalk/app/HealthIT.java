package com.tabletalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.testing.AppCommands;
import com.tabletalk.testing.ProjectFiles;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.DropwizardTestSupport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Health follows the database down and back up, without a restart and without hanging. */
class HealthIT {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void healthTurns503WhenTheDatabaseStopsAndOkWhenItReturns() throws Exception {
        Path data = Files.createTempDirectory("health-it-pg");
        EmbeddedPostgres postgres = quiet(
                        EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false))
                .start();
        int port = postgres.getPort();
        TestDatabase database = new TestDatabase(
                "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres", "localhost", port, "postgres");
        AppCommands.migrate(database.url());
        DropwizardTestSupport<TableTalkConfiguration> app = new DropwizardTestSupport<>(
                TableTalkApplication.class, ProjectFiles.config().toString(), TestApp.overrides(database));
        app.before();
        try {
            String base = "http://127.0.0.1:" + app.getLocalPort() + "/api";
            assertThat(get(base + "/health").statusCode()).isEqualTo(200);

            postgres.close();

            long started = System.nanoTime();
            HttpResponse<String> down = get(base + "/health");
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"unhealthy\"").contains("\"postgresql\":{\"healthy\":false}");
            assertThat(tookMillis).as("a dead database must not hang the probe").isLessThan(2_500);
            assertThat(get(base + "/health/live").statusCode()).isEqualTo(200);
            for (HttpResponse<String> probe : burst(base + "/health", 100)) {
                assertThat(probe.statusCode()).isEqualTo(503);
            }

            // Diners are told to try again shortly, not that something broke.
            HttpResponse<String> create = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/sessions"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"tableToken\":\"t1\",\"context\":\"exploring\",\"mode\":\"single\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(create.statusCode()).isEqualTo(503);
            assertThat(create.body()).contains("\"error\":\"unavailable\"");
            assertThat(create.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(get(base + "/sessions/00000000-0000-4000-8000-000000000000")
                            .statusCode())
                    .isEqualTo(503);

            postgres = quiet(EmbeddedPostgres.builder()
                            .setDataDirectory(data)
                            .setCleanDataDirectory(false)
                            .setPort(port))
                    .start();
            assertThat(pollUntilOk(base + "/health", Duration.ofSeconds(30))).isEqualTo(200);
        } finally {
            app.after();
            postgres.close();
        }
    }

    @Test
    void aBurstOfProbesAnswersOkWhileTheDatabaseAnswers() throws Exception {
        DropwizardTestSupport<TableTalkConfiguration> app = new DropwizardTestSupport<>(
                TableTalkApplication.class,
                ProjectFiles.config().toString(),
                TestApp.overrides(TestPostgres.freshDatabase()));
        app.before();
        try {
            String base = "http://127.0.0.1:" + app.getLocalPort() + "/api";
            for (int round = 0; round < 2; round++) {
                List<HttpResponse<String>> probes = burst(base + "/health", 300);
                assertThat(probes)
                        .extracting(HttpResponse::statusCode)
                        .as("probes refused by a busy executor")
                        .containsOnly(200);
            }
        } finally {
            app.after();
        }
    }

    /** {@code count} probes at once. */
    private List<HttpResponse<String>> burst(String url, int count) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .build();
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(http.sendAsync(probe, HttpResponse.BodyHandlers.ofString()));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    private static EmbeddedPostgres.Builder quiet(EmbeddedPostgres.Builder builder) {
        return builder.setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD);
    }

    private int pollUntilOk(String url, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            status = get(url).statusCode();
            if (status == 200) {
                return status;
            }
            Thread.sleep(250);
        }
        return status;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
