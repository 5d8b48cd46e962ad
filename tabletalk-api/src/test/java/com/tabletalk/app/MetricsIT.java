package com.tabletalk.app;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.LivePhone;
import com.tabletalk.testing.ProjectFiles;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Prometheus endpoint: token-guarded on the public port, open on the admin port, with the product metrics. */
@ExtendWith(DropwizardExtensionsSupport.class)
class MetricsIT {

    private static final String TOKEN = "metrics-token-for-tests-0123456789abcdef";
    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP =
            TestApp.extension(DB, ConfigOverride.config("prometheus.token", TOKEN));

    @Test
    void thePublicEndpointWantsTheToken() {
        ApiClient api = ApiClient.forPort(APP.getLocalPort());

        assertThat(api.get("/metrics").status()).isEqualTo(401);
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/metrics")).GET(), Map.of("Authorization", "Bearer wrong"))
                        .status())
                .isEqualTo(401);
        assertThat(api.send(
                                HttpRequest.newBuilder(api.uri("/metrics")).GET(),
                                Map.of("Authorization", "Bearer " + TOKEN))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void productAndServiceMetricsAreExposed() {
        ApiClient api = ApiClient.forPort(APP.getLocalPort());
        Phone[] pair = aSession().withContext("mature").createPair(api);
        try (LivePhone live = pair[0].goLive(APP.getLocalPort())) {
            live.awaitState(state -> true); // counted among the open sockets before the scrape
            pair[0].does("next");
            pair[0].send("next", 1);

            String text = scrape(api);

            assertThat(text)
                    .contains("sessions_created_mature_dual")
                    .contains("sessions_active")
                    .contains("live_sockets_open")
                    .contains("commands_next")
                    .contains("commands_conflicts")
                    .contains("live_fanout_delay")
                    .contains("live_resyncs")
                    .contains("live_listener_reconnects")
                    .contains("ratelimit_rejected")
                    .contains("events_recorded_session_created_events_total")
                    .contains("jvm_memory_heap_used")
                    .contains("jvm_threads_count")
                    .contains("io_dropwizard_db_ManagedPooledDataSource_postgresql_active")
                    .containsPattern("org_eclipse_jetty_\\w+");
        }
    }

    @Test
    void theAdminPortServesTheSameWithoutAToken() throws Exception {
        ApiClient admin = new ApiClient("http://127.0.0.1:" + APP.getAdminPort());

        ApiClient.Reply reply = admin.get("/prometheus");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(new String(reply.raw().body(), StandardCharsets.UTF_8)).contains("jvm_threads");
    }

    @Test
    void everyMetricTheDashboardUsesExists() throws Exception {
        ApiClient api = ApiClient.forPort(APP.getLocalPort());
        aSession().create(api).does("next");
        String scraped = scrape(api);
        JsonNode dashboard = new ObjectMapper()
                .readTree(ProjectFiles.root()
                        .resolve("tabletalk-api/grafana/tabletalk.json")
                        .toFile());

        Set<String> names = new TreeSet<>();
        Matcher metric = Pattern.compile("\\b([a-z][a-zA-Z0-9]*_[a-zA-Z0-9_]+)\\b(?=\\s*[\\[{)])")
                .matcher(dashboard.toString());
        while (metric.find()) {
            names.add(metric.group(1));
        }

        assertThat(names).hasSizeGreaterThan(20);
        for (String name : names) {
            assertThat(scraped).as("dashboard metric " + name).containsPattern("(?m)^" + name + "[ {]");
        }
    }

    private static String scrape(ApiClient api) {
        ApiClient.Reply reply =
                api.send(HttpRequest.newBuilder(api.uri("/metrics")).GET(), Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        return new String(reply.raw().body(), StandardCharsets.UTF_8);
    }
}
