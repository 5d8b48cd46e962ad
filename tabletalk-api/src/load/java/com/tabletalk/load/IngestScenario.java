package com.tabletalk.load;

import com.tabletalk.app.DatabaseUrl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * {@code ingest}: phones' steps through {@code POST /api/events} at {@code --rate} events per second for
 * {@code --duration}, open loop. Each simulated visit scans a table of a restaurant named {@code <prefix>-NNN} (or,
 * now and then, a walk-in code), views the welcome, picks a relationship length and a mode, and sends those steps
 * in batches of {@code --batch}, as JSON or, like {@code sendBeacon}, as text/plain. With {@code --pairs N}, N pairs
 * first play {@code --moves} per second for the same duration without ingestion and then again with it, so the
 * game's delay is measured both ways. The target must run with rate limits off.
 */
final class IngestScenario implements Scenario {

    private static final String[] LENGTHS = {
        "under_6_months", "6_months_to_2_years", "2_to_10_years", "over_10_years", "friends_or_family"
    };

    @Override
    public void run(Options options, Report report) throws Exception {
        String target = options.target().replaceAll("/+$", "");
        double rate = options.number("rate", 5000);
        Duration duration = options.seconds("duration", 30);
        int batch = options.integer("batch", 4);
        int pairCount = options.integer("pairs", 0);
        double moves = options.number("moves", 100);
        if (batch < 1 || batch > 4) {
            throw new IllegalArgumentException("--batch is 1..4: a visit's phone steps, sent together or apart");
        }
        try (Rig rig = new Rig(2)) {
            List<Pair> pairs = List.of();
            long movesAlone = 0;
            Duration stepTimeout = options.seconds("step-timeout", 10);
            Duration sampleEvery = options.seconds("sample-every", 10);
            if (pairCount > 0) {
                pairs = Table.setUp(
                        rig, pairCount, target, List.of(target), false, options.integer("setup-parallel", 32));
                Table.awaitSettled(pairs, 60);
                report.put("pairs set up", pairs.size() + " of " + pairCount);
                System.out.println("  playing without ingestion for " + duration.toSeconds() + " s");
                Play alone = new Play(rig, pairs, options.admins());
                alone.run(moves, duration, false, stepTimeout, sampleEvery, second -> {});
                movesAlone = alone.moves();
                report.put("moves per second without ingestion", movesAlone / alone.seconds);
                report.latency("game without ingestion: phone-to-phone", rig.phoneToPhone);
                rig.phoneToPhone.reset();
            }
            Ingest ingest = new Ingest(options, target, rate, duration, batch);
            Instant ingestStart = Instant.now().minusSeconds(1);
            Future<?> sending = Executors.newSingleThreadExecutor(Rig.daemon("ingest"))
                    .submit(() -> {
                        ingest.run();
                        return null;
                    });
            if (!pairs.isEmpty()) {
                Play together = new Play(rig, pairs, options.admins());
                together.run(moves, duration, false, stepTimeout, sampleEvery, second -> {});
                sending.get();
                // The pairs count their moves over both runs.
                report.put("moves per second with ingestion", (together.moves() - movesAlone) / together.seconds);
                report.latency("game with ingestion: phone-to-phone", rig.phoneToPhone);
                long errors = rig.count0("step.timeout") + rig.errorMessages();
                report.check("game without errors", errors == 0, errors + " (timeouts, error messages)");
                pairs.forEach(Pair::close);
            } else {
                sending.get();
            }
            ingest.report(report);
            if (!options.databaseUrl().isEmpty()) {
                countStored(options, ingestStart, ingest.accepted.get(), report);
            }
        }
    }

    /**
     * With {@code --database-url}: the phone steps that reached the event log since the run began, once the
     * service's writer has had time to flush. The log must never block a request, so what it could not keep up
     * with shows here rather than in the answers.
     */
    private static void countStored(Options options, Instant since, long accepted, Report report) throws Exception {
        Thread.sleep(options.seconds("flush-wait", 5).toMillis());
        try (Connection connection = SeedEventsScenario.connect(DatabaseUrl.parse(options.databaseUrl()));
                PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM visit_events "
                        + "WHERE occurred_at >= ? AND type IN ('scan', 'welcome_viewed', 'relationship_length_chosen', "
                        + "'mode_chosen')")) {
            count.setObject(1, since.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                long stored = rows.getLong(1);
                report.put("phone events stored (database)", stored);
                report.limit("every accepted event stored", stored >= accepted, stored + " of " + accepted);
            }
        }
    }

    /** The open-loop sender of event batches and what came back. */
    private static final class Ingest {

        private final String url;
        private final String prefix;
        private final int restaurants;
        private final List<String> tables;
        private final double walkIns;
        private final double beaconShare;
        private final double rate;
        private final Duration duration;
        private final int batch;
        private final int maxInFlight;
        private final HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4, Rig.daemon("ingest-http")))
                .build();
        private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        private final AtomicLong accepted = new AtomicLong();
        private final Histogram latency = Rig.histogram();
        private long requests;
        private long eventsSent;
        private long skipped;
        private double seconds;

        Ingest(Options options, String target, double rate, Duration duration, int batch) {
            this.url = target + "/api/events";
            this.prefix = options.text("prefix", "bench");
            this.restaurants = options.integer("restaurants", 100);
            this.tables = options.list("tables", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17");
            this.walkIns = options.number("walk-ins", 0.05);
            this.beaconShare = options.number("beacon-share", 0.3);
            this.rate = rate;
            this.duration = duration;
            this.batch = batch;
            this.maxInFlight = options.integer("max-in-flight", 256);
        }

        void run() throws InterruptedException {
            Semaphore inFlight = new Semaphore(maxInFlight);
            List<Map<String, Object>> pending = new ArrayList<>();
            String visit = null;
            long begin = System.nanoTime();
            long end = begin + duration.toNanos();
            while (System.nanoTime() < end) {
                long due = (long) ((System.nanoTime() - begin) / 1e9 * rate) - eventsSent - skipped;
                while (due > 0) {
                    if (pending.isEmpty()) {
                        visit = UUID.randomUUID().toString();
                        pending.addAll(visitSteps());
                    }
                    int size = Math.min(batch, pending.size());
                    List<Map<String, Object>> events = new ArrayList<>(pending.subList(0, size));
                    pending.subList(0, size).clear();
                    due -= size;
                    if (!inFlight.tryAcquire()) {
                        skipped += size;
                        continue;
                    }
                    eventsSent += size;
                    requests++;
                    send(visit, events, inFlight);
                }
                Thread.sleep(1);
            }
            seconds = (System.nanoTime() - begin) / 1e9;
            inFlight.tryAcquire(maxInFlight, 60, TimeUnit.SECONDS);
        }

        /** A visit's steps on the phone: where it was scanned, the welcome, the two choices. */
        private List<Map<String, Object>> visitSteps() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Map<String, Object> place = new LinkedHashMap<>();
            if (random.nextDouble() >= walkIns) {
                place.put("restaurant", InsightsScenario.slug(prefix, 1 + random.nextInt(restaurants)));
                place.put("table", tables.get(random.nextInt(tables.size())));
            }
            List<Map<String, Object>> steps = new ArrayList<>();
            steps.add(step("scan", place, null, null));
            steps.add(step("welcome_viewed", place, null, null));
            steps.add(step("relationship_length_chosen", place, "length", LENGTHS[random.nextInt(LENGTHS.length)]));
            steps.add(step("mode_chosen", place, "mode", random.nextBoolean() ? "dual" : "single"));
            return steps;
        }

        private static Map<String, Object> step(String type, Map<String, Object> place, String field, String value) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("type", type);
            step.putAll(place);
            if (field != null) {
                step.put(field, value);
            }
            return step;
        }

        private void send(String visit, List<Map<String, Object>> events, Semaphore inFlight) {
            String body;
            try {
                body = Api.JSON.writeValueAsString(Map.of("visit", visit, "events", events));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            boolean beacon = ThreadLocalRandom.current().nextDouble() < beaconShare;
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", beacon ? "text/plain;charset=UTF-8" : "application/json")
                    .header("X-Forwarded-For", Api.randomAddress())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long t0 = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
                inFlight.release();
                latency.recordValue(
                        Math.max(1, Math.min(latency.getHighestTrackableValue(), (System.nanoTime() - t0) / 1000)));
                int status = failure != null ? -1 : response.statusCode();
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                if (status == 202) {
                    try {
                        accepted.addAndGet(Api.JSON
                                .readTree(response.body())
                                .path("accepted")
                                .asLong());
                    } catch (Exception e) {
                        statuses.computeIfAbsent(-2, s -> new AtomicInteger()).incrementAndGet();
                    }
                }
            });
        }

        void report(Report report) {
            report.put("offered events per second", rate);
            report.put("events per request", batch);
            report.put("requests sent", requests);
            report.put("events sent", eventsSent);
            report.put("events not sent (in-flight cap reached)", skipped);
            report.put("events accepted", accepted.get());
            report.put("accepted events per second", accepted.get() / seconds);
            report.put("requests per second", requests / seconds);
            Map<Integer, Integer> byStatus = new TreeMap<>();
            statuses.forEach((status, count) -> byStatus.put(status, count.get()));
            report.put("answers by status (-1: no answer, -2: unreadable 202)", byStatus);
            report.put("202", byStatus.getOrDefault(202, 0));
            report.put("429", byStatus.getOrDefault(429, 0));
            long other = byStatus.entrySet().stream()
                    .filter(e -> e.getKey() != 202 && e.getKey() != 429)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            report.put("other", other);
            report.latency("POST /api/events", latency);
            report.check("every batch accepted", other == 0, other + " answers other than 202 and 429");
            report.limit(
                    "never rate limited",
                    byStatus.getOrDefault(429, 0) == 0,
                    byStatus.getOrDefault(429, 0)
                            + " answered 429 (is the target running with RATE_LIMITS_ENABLED=false?)");
        }
    }
}
