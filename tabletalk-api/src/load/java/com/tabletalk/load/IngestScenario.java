package com.tabletalk.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.tabletalk.app.DatabaseUrl;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * {@code ingest}: phones' steps through {@code POST /api/events} at {@code --rate} events per second for
 * {@code --duration}, open loop. Each simulated visit scans a table of a restaurant named {@code <prefix>-NNN} (or,
 * now and then, a walk-in code), views the welcome, picks a relationship length and a mode, and sends those steps
 * in batches of {@code --batch}, as JSON or, like {@code sendBeacon}, as text/plain. With {@code --pairs N}, N pairs
 * first play {@code --moves} per second for the same duration without ingestion and then again with it, so the
 * game's delay is measured both ways. The requests go out over {@code --connections} persistent HTTP/1.1 connections
 * (default 32, one request waiting on each); a batch that comes due while every connection waits is counted as not
 * sent, so the offered rate stays the same whatever the service does. The target must run with rate limits off.
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

    /**
     * The open-loop sender of event batches and what came back. One thread does everything: it builds each request
     * when it is due, sends it on an idle keep-alive connection (or counts it as not sent when every connection
     * waits for an answer), and reads the answers; a request's latency runs from the moment it was due.
     */
    private static final class Ingest {

        /** How long an answer may take before the request counts as unanswered (-1). */
        private static final long TIMEOUT_NANOS = Duration.ofSeconds(30).toNanos();

        private final String host;
        private final int port;
        private final String path;
        private final String hostHeader;
        private final int restaurants;
        private final List<String> tables;
        private final double walkIns;
        private final double beaconShare;
        private final double rate;
        private final Duration duration;
        private final int batch;
        private final int connections;
        /** {@code "restaurant":"<slug>"} for each restaurant, JSON-encoded once. */
        private final String[] restaurantFields;
        /** {@code "table":"<label>"} for each table label. */
        private final String[] tableFields;

        private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        private final AtomicLong accepted = new AtomicLong();
        private final Histogram latency = Rig.histogram();
        private long requests;
        private long eventsSent;
        private long skipped;
        private long requestsSkipped;
        private double seconds;
        /** The sending thread's CPU time over the run, in cores: what the generator itself costs. */
        private double senderCpu;

        Ingest(Options options, String target, double rate, Duration duration, int batch) {
            URI uri = URI.create(target + "/api/events");
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "ingest speaks plain HTTP: --target http://host:port, not " + target);
            }
            this.host = uri.getHost();
            this.port = uri.getPort() < 0 ? 80 : uri.getPort();
            this.path = uri.getRawPath();
            this.hostHeader = uri.getRawAuthority();
            String prefix = options.text("prefix", "bench");
            this.restaurants = options.integer("restaurants", 100);
            this.tables = options.list("tables", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17");
            this.walkIns = options.number("walk-ins", 0.05);
            this.beaconShare = options.number("beacon-share", 0.3);
            this.rate = rate;
            this.duration = duration;
            this.batch = batch;
            // --max-in-flight is the older name of the same cap: one request waits on each connection.
            this.connections = options.integer("connections", options.integer("max-in-flight", 32));
            if (connections < 1) {
                throw new IllegalArgumentException("--connections must be at least 1");
            }
            this.restaurantFields = new String[restaurants];
            for (int i = 0; i < restaurants; i++) {
                restaurantFields[i] = "\"restaurant\":" + json(InsightsScenario.slug(prefix, i + 1));
            }
            this.tableFields = tables.stream().map(t -> "\"table\":" + json(t)).toArray(String[]::new);
        }

        void run() throws IOException {
            List<String> pending = new ArrayList<>();
            String visit = null;
            String address = null;
            long begin = System.nanoTime();
            long end = begin + duration.toNanos();
            try (KeepAlive http = new KeepAlive(host, port, connections, this::answered)) {
                long now = begin;
                long lastExpiry = begin;
                while (now < end) {
                    // The batch starting at event n is due when event n is, at (n + 1) / rate after the start.
                    long due = begin + (long) ((eventsSent + skipped + 1) * 1e9 / rate);
                    while (due <= now) {
                        if (pending.isEmpty()) {
                            visit = randomVisit();
                            address = Api.randomAddress();
                            pending.addAll(visitSteps());
                        }
                        int size = Math.min(batch, pending.size());
                        if (http.hasIdle()) {
                            http.send(request(visit, address, pending.subList(0, size)), due);
                            eventsSent += size;
                            requests++;
                        } else {
                            skipped += size;
                            requestsSkipped++;
                        }
                        pending.subList(0, size).clear();
                        due = begin + (long) ((eventsSent + skipped + 1) * 1e9 / rate);
                    }
                    http.poll(Math.min((due - now) / 1_000_000, (end - now) / 1_000_000));
                    now = System.nanoTime();
                    if (now - lastExpiry > 1_000_000_000L) {
                        http.expire(now, TIMEOUT_NANOS);
                        lastExpiry = now;
                    }
                }
                seconds = (System.nanoTime() - begin) / 1e9;
                senderCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9 / seconds;
                long drainUntil = System.nanoTime() + TIMEOUT_NANOS;
                while (http.inFlight() > 0 && System.nanoTime() < drainUntil) {
                    http.poll(10);
                }
            }
        }

        private void answered(long due, int status, byte[] body) {
            latency.recordValue(
                    Math.max(1, Math.min(latency.getHighestTrackableValue(), (System.nanoTime() - due) / 1000)));
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (status == 202) {
                long count = acceptedCount(body);
                if (count < 0) {
                    statuses.computeIfAbsent(-2, s -> new AtomicInteger()).incrementAndGet();
                } else {
                    accepted.addAndGet(count);
                }
            }
        }

        /** The n of a {@code {"accepted": n}} answer, or -1. */
        private static long acceptedCount(byte[] body) {
            String text = new String(body, StandardCharsets.UTF_8);
            int key = text.indexOf("\"accepted\"");
            int colon = key < 0 ? -1 : text.indexOf(':', key);
            if (colon < 0) {
                return -1;
            }
            int at = colon + 1;
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
            int digits = at;
            while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
                digits++;
            }
            return digits == at ? -1 : Long.parseLong(text.substring(at, digits));
        }

        /** A version-4 visit id; made from a cheap random source, as the generator makes hundreds a second. */
        private static String randomVisit() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long high = (random.nextLong() & ~0xf000L) | 0x4000L;
            long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
            return new UUID(high, low).toString();
        }

        /** A visit's steps on the phone, as JSON objects: where it was scanned, the welcome, the two choices. */
        private List<String> visitSteps() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String place = random.nextDouble() >= walkIns
                    ? "," + restaurantFields[random.nextInt(restaurants)] + ","
                            + tableFields[random.nextInt(tableFields.length)]
                    : "";
            return List.of(
                    "{\"type\":\"scan\"" + place + "}",
                    "{\"type\":\"welcome_viewed\"" + place + "}",
                    "{\"type\":\"relationship_length_chosen\"" + place + ",\"length\":\""
                            + LENGTHS[random.nextInt(LENGTHS.length)] + "\"}",
                    "{\"type\":\"mode_chosen\"" + place + ",\"mode\":\"" + (random.nextBoolean() ? "dual" : "single")
                            + "\"}");
        }

        /** The whole request, head and body; as JSON or, like {@code sendBeacon}, as text/plain. */
        private byte[] request(String visit, String address, List<String> events) {
            byte[] body = ("{\"visit\":\"" + visit + "\",\"events\":[" + String.join(",", events) + "]}")
                    .getBytes(StandardCharsets.UTF_8);
            boolean beacon = ThreadLocalRandom.current().nextDouble() < beaconShare;
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nContent-Type: "
                            + (beacon ? "text/plain;charset=UTF-8" : "application/json") + "\r\nX-Forwarded-For: "
                            + address + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            return request;
        }

        private static String json(String text) {
            try {
                return Api.JSON.writeValueAsString(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        void report(Report report) {
            report.put("offered events per second", rate);
            report.put("events per request", batch);
            report.put("requests sent", requests);
            report.put("events sent", eventsSent);
            report.put("connections", connections);
            report.put("events not sent (in-flight cap reached)", skipped);
            report.put("requests not sent (every connection busy)", requestsSkipped);
            report.put("events accepted", accepted.get());
            report.put("accepted events per second", accepted.get() / seconds);
            report.put("requests per second", requests / seconds);
            report.put("sender CPU (cores)", senderCpu);
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
