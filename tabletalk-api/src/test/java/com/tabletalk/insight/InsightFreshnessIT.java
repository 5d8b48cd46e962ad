package com.tabletalk.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.ConsoleClient;
import com.tabletalk.testing.ConsoleFixtures;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Today's figures follow the raw events at each read; a closed day changes only when it is recomputed. */
@ExtendWith(DropwizardExtensionsSupport.class)
class InsightFreshnessIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);

    @Test
    void aReadCountsTodaysEventsThatArrivedSinceTheLastRead() {
        VisitEvents events = new VisitEvents(DB);
        long restaurant = events.restaurant("today-place", "Today", "UTC");
        long table = events.table(restaurant, "1");
        ConsoleClient manager = new ConsoleFixtures(DB, APP.getLocalPort()).manager(restaurant);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String path = "/console/restaurants/today-place/insights?from=" + today.minusDays(1) + "&to=" + today;
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

        events.at(restaurant, table).phone(now, "scan", "V1", null);
        ApiClient.Reply first = manager.get(path);
        events.at(restaurant, table).phone(now, "scan", "V2", null);
        ApiClient.Reply second = manager.get(path);

        assertThat(first.body().at("/funnel/0/count").asLong()).isEqualTo(1);
        assertThat(second.body().at("/funnel/0/count").asLong()).isEqualTo(2);
        assertThat(second.body().at("/tables/0/scans").asLong()).isEqualTo(2);
    }

    @Test
    void aClosedDayIsFinalUntilTheRecomputeTaskRunsForIt() throws Exception {
        VisitEvents events = new VisitEvents(DB);
        long restaurant = events.restaurant("closed-place", "Closed", "UTC");
        long table = events.table(restaurant, "1");
        ConsoleClient admin = new ConsoleFixtures(DB, APP.getLocalPort()).admin();
        String path = "/console/restaurants/closed-place/insights?from=2026-01-05&to=2026-01-05";

        events.at(restaurant, table).phone("2026-01-05T12:00:00Z", "scan", "V1", null);
        ApiClient.Reply first = admin.get(path);
        events.at(restaurant, table).phone("2026-01-05T13:00:00Z", "scan", "V2", null);
        ApiClient.Reply unchanged = admin.get(path);
        HttpResponse<String> task = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getAdminPort()
                                        + "/tasks/insight-recompute?from=2026-01-05&to=2026-01-05"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        ApiClient.Reply recomputed = admin.get(path);

        assertThat(first.body().at("/funnel/0/count").asLong()).isEqualTo(1);
        assertThat(unchanged.body().at("/funnel/0/count").asLong()).isEqualTo(1);
        assertThat(task.statusCode()).isEqualTo(200);
        assertThat(task.body()).startsWith("Recomputed ");
        assertThat(recomputed.body().at("/funnel/0/count").asLong()).isEqualTo(2);
    }
}
