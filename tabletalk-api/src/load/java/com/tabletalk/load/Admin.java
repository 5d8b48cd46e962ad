package com.tabletalk.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The service's admin port: heap, resident memory, threads and open sockets from {@code /metrics}, and {@code POST /tasks/gc}. */
final class Admin {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    Admin(String base) {
        this.base = base.replaceAll("/+$", "");
    }

    record Sample(
            long heapUsed,
            long heapMax,
            long threads,
            long openSockets,
            long slowClosed,
            long rateLimitedClosed,
            long silentClosed,
            long residentBytes) {
        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("heapUsedMiB", heapUsed / 1048576.0);
            map.put("heapMaxMiB", heapMax / 1048576.0);
            map.put("threads", threads);
            map.put("openSockets", openSockets);
            map.put("closedSlow", slowClosed);
            map.put("closedRateLimited", rateLimitedClosed);
            map.put("closedSilent", silentClosed);
            map.put("residentMiB", residentBytes / 1048576.0);
            return map;
        }
    }

    Sample sample() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/metrics"))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode metrics = Api.JSON.readTree(response.body());
            JsonNode gauges = metrics.path("gauges");
            JsonNode counters = metrics.path("counters");
            return new Sample(
                    gauges.path("jvm.memory.heap.used").path("value").asLong(),
                    gauges.path("jvm.memory.heap.max").path("value").asLong(),
                    gauges.path("jvm.threads.count").path("value").asLong(),
                    gauges.path("live.sockets.open").path("value").asLong(),
                    counters.path("live.closed.slow").path("count").asLong(),
                    counters.path("live.closed.rate_limited").path("count").asLong(),
                    counters.path("live.closed.silent").path("count").asLong(),
                    gauges.path("process.memory.resident").path("value").asLong(-1));
        } catch (Exception e) {
            return new Sample(-1, -1, -1, -1, -1, -1, -1, -1);
        }
    }

    /** Open sockets over all instances. */
    static long openSockets(java.util.List<Admin> admins) {
        return admins.stream().mapToLong(a -> a.sample().openSockets()).sum();
    }

    /** Runs a full GC twice (the second collects what the first finalised) and samples afterwards. */
    Sample afterGc() {
        for (int i = 0; i < 2; i++) {
            try {
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/tasks/gc"))
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                return sample();
            }
        }
        return sample();
    }
}
