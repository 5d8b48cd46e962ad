package com.tabletalk.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * {@code insights}: the console's dashboard and export against a running service over a seeded month (see
 * {@code seed-events}), signed in as an admin. Every restaurant's dashboard for the last {@code --days} days
 * (p50, p95, max), the platform-wide dashboard {@code --platform-runs} times, and the CSV and JSONL exports of the
 * restaurants in {@code --export} (rows/s and MB/s, streamed and counted, never held in memory).
 */
final class InsightsScenario implements Scenario {

    @Override
    public void run(Options options, Report report) throws Exception {
        String prefix = options.text("prefix", "bench");
        int restaurants = options.integer("restaurants", 100);
        int days = options.integer("days", 30);
        int warmups = options.integer("warmup-requests", 3);
        int platformRuns = options.integer("platform-runs", 3);
        List<String> exports = options.list("export", slug(prefix, 1) + "," + slug(prefix, (restaurants + 1) / 2));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String range = "?from=" + today.minusDays(days) + "&to=" + today.minusDays(1);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        Console console = Console.signIn(http, options);
        List<String> wrong = new ArrayList<>();

        for (int i = 0; i < warmups; i++) {
            console.get("/console/restaurants/" + slug(prefix, 1 + i % restaurants) + "/insights" + range);
        }
        Histogram restaurantMicros = Rig.histogram();
        long busiestSessions = -1;
        String busiest = null;
        for (int i = 1; i <= restaurants; i++) {
            String slug = slug(prefix, i);
            long t0 = System.nanoTime();
            Console.Answer answer = console.get("/console/restaurants/" + slug + "/insights" + range);
            restaurantMicros.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
            String problem = shapeProblem(answer, days);
            if (problem != null) {
                wrong.add(slug + ": " + problem);
                continue;
            }
            long sessions = answer.body().path("sessions").path("count").asLong();
            if (sessions > busiestSessions) {
                busiestSessions = sessions;
                busiest = slug;
            }
        }
        report.put("range", range.substring(1) + " (" + days + " days)");
        report.put("restaurant dashboard (ms)", summary(restaurantMicros, true));
        if (busiest != null) {
            report.put("busiest restaurant", busiest + ", " + busiestSessions + " sessions");
        }

        Histogram platformMicros = Rig.histogram();
        for (int i = 0; i < platformRuns; i++) {
            long t0 = System.nanoTime();
            Console.Answer answer = console.get("/console/insights" + range);
            long micros = Math.max(1, (System.nanoTime() - t0) / 1000);
            platformMicros.recordValue(micros);
            System.out.printf("  platform dashboard %d: %.0f ms%n", i + 1, micros / 1000.0);
            String problem = shapeProblem(answer, days);
            if (problem != null) {
                wrong.add("platform: " + problem);
            } else if (i == 0) {
                report.put(
                        "platform sessions",
                        answer.body().path("sessions").path("count").asLong());
            }
        }
        report.put("platform dashboard (ms)", summary(platformMicros, false));

        List<Map<String, Object>> downloads = new ArrayList<>();
        for (String slug : exports) {
            long csvRows = -1;
            for (String format : List.of("csv", "jsonl")) {
                Console.Download download =
                        console.download("/console/restaurants/" + slug + "/events." + format + range);
                if (download.status() != 200) {
                    wrong.add(slug + " events." + format + ": " + download.status());
                    continue;
                }
                // The CSV's first line names the columns; JSONL has one event per line.
                long rows = format.equals("csv") ? download.lines() - 1 : download.lines();
                double seconds = download.totalNanos() / 1e9;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("restaurant", slug);
                row.put("format", format);
                row.put("rows", rows);
                row.put("MB", Math.round(download.bytes() / 1e4) / 100.0);
                row.put("firstByteMs", Math.round(download.firstByteNanos() / 1e5) / 10.0);
                row.put("seconds", Math.round(seconds * 100) / 100.0);
                row.put("rowsPerSecond", Math.round(rows / seconds));
                row.put("MBPerSecond", Math.round(download.bytes() / 1e4 / seconds) / 100.0);
                downloads.add(row);
                report.put("export " + slug + " " + format, row);
                if (format.equals("csv")) {
                    csvRows = rows;
                } else if (csvRows >= 0 && csvRows != rows) {
                    wrong.add(slug + ": " + csvRows + " CSV rows but " + rows + " JSONL lines");
                }
            }
        }
        report.put("exports", downloads);
        report.check(
                "every answer 200 in the contract's shape",
                wrong.isEmpty(),
                wrong.isEmpty() ? "yes" : wrong.size() + " wrong, first: " + wrong.get(0));
    }

    static String slug(String prefix, int i) {
        return String.format("%s-%03d", prefix, i);
    }

    /** Null when the dashboard answer has the contract's parts and sizes, else what is wrong with it. */
    private static String shapeProblem(Console.Answer answer, int days) {
        if (answer.status() != 200) {
            return "status " + answer.status() + " " + answer.body();
        }
        JsonNode body = answer.body();
        if (body.path("funnel").size() != 8) {
            return "funnel has " + body.path("funnel").size() + " steps, not 8";
        }
        if (body.path("sessionsByDay").size() != days) {
            return "sessionsByDay has " + body.path("sessionsByDay").size() + " days, not " + days;
        }
        JsonNode week = body.path("hourOfWeek");
        if (week.size() != 7 || week.path(0).size() != 24) {
            return "hourOfWeek is not 7 x 24";
        }
        if (body.path("recommend").path("distribution").size() != 11) {
            return "recommend.distribution is not 11 counts";
        }
        if (body.path("relationshipLengths").size() != 5) {
            return "relationshipLengths is not all five";
        }
        return null;
    }

    /** p50, p95 (when asked) and max in milliseconds, and the count. */
    private static Map<String, Object> summary(Histogram micros, boolean p95) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", micros.getTotalCount());
        if (micros.getTotalCount() > 0) {
            summary.put("p50", Report.millis(micros.getValueAtPercentile(50)));
            if (p95) {
                summary.put("p95", Report.millis(micros.getValueAtPercentile(95)));
            }
            summary.put("max", Report.millis(micros.getMaxValue()));
        }
        return summary;
    }
}
