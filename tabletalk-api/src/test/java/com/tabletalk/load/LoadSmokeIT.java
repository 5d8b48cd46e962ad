package com.tabletalk.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tabletalk.app.TableTalkApplication;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ProjectFiles;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The short, bounded version of the load, fault and abuse suite (the full one is {@code -Pload}, in
 * src/load/java): two instances on one database, a few hundred sockets for a few seconds, a phone that never
 * reads, a small reconnect storm and a fuzz burst. It fails on a broken invariant — a lost or double move, a
 * 5xx, an abusive socket left open, a session changed by fuzzing — and never on a timing figure.
 */
class LoadSmokeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int PAIRS = 150;
    private static final Duration PLAY = Duration.ofSeconds(5);

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static DropwizardTestSupport<TableTalkConfiguration> first;
    private static DropwizardTestSupport<TableTalkConfiguration> second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        first = new DropwizardTestSupport<>(TableTalkApplication.class, ProjectFiles.config().toString(), overrides());
        second = new DropwizardTestSupport<>(TableTalkApplication.class, ProjectFiles.config().toString(), overrides());
        first.before();
        second.before();
    }

    /** As every test app: rate limits off, since this test is one address playing hundreds of tables. */
    private static ConfigOverride[] overrides() {
        return TestApp.overrides(DB);
    }

    @AfterAll
    static void stopThem() {
        if (first != null) {
            first.after();
        }
        if (second != null) {
            second.after();
        }
    }

    // ---- REST helpers ----------------------------------------------------------------------------------------

    private record Reply(int status, JsonNode body) {
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", "10.0." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (Exception notJson) {
                body = JSON.missingNode();
            }
            return new Reply(response.statusCode(), body == null ? JSON.missingNode() : body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply post(int port, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api" + path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static JsonNode state(String sessionId) {
        Reply reply = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.getLocalPort() + "/api/sessions/" + sessionId)).GET());
        assertThat(reply.status()).as("GET session").isEqualTo(200);
        return reply.body();
    }

    /** A dual session with both phones live: A on {@code portA}, B on {@code portB}. */
    private static SmokePhone[] pair(int portA, int portB, String table) throws InterruptedException {
        Reply created = post(first.getLocalPort(), "/sessions", "{\"tableToken\":\"" + table + "\",\"context\":\"exploring\",\"mode\":\"dual\"}", null);
        assertThat(created.status()).as("create " + created.body()).isEqualTo(201);
        String id = created.body().at("/session/id").asText();
        Reply joined = post(first.getLocalPort(), "/sessions/" + id + "/participants", null, null);
        assertThat(joined.status()).as("join").isEqualTo(201);
        SmokePhone a = new SmokePhone(id, "A", created.body().at("/participant/token").asText()).connect(portA);
        SmokePhone b = new SmokePhone(id, "B", joined.body().at("/participant/token").asText()).connect(portB);
        awaitSameVersion(a, b, 20_000);
        return new SmokePhone[] {a, b};
    }

    private static boolean awaitSameVersion(SmokePhone a, SmokePhone b, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (a.latest() == null || b.latest() == null || a.version() != b.version()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** What a phone sees and the database holds, minus the sliding expiry. */
    private static JsonNode comparable(JsonNode session) {
        ObjectNode copy = session.deepCopy();
        copy.remove("expiresAt");
        return copy;
    }

    // ---- the tests -------------------------------------------------------------------------------------------

    /**
     * Each pair plays moves as fast as its phones may; every third move both phones send {@code next} at the same
     * version at once. At the end every socket must show its session's final version, and the card must stand
     * exactly as many places on as the moves the phones saw.
     */
    @Test
    void hundredsOfSocketsAcrossTwoInstancesLoseNoUpdateAndNeverMoveTwice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PAIRS);
        List<Future<SmokePhone[]>> setups = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            int portB = i % 2 == 0 ? first.getLocalPort() : second.getLocalPort();
            String table = "smoke-" + i;
            setups.add(pool.submit(() -> pair(first.getLocalPort(), portB, table)));
        }
        List<SmokePhone[]> pairs = new ArrayList<>();
        for (Future<SmokePhone[]> setup : setups) {
            pairs.add(setup.get(60, TimeUnit.SECONDS));
        }
        Map<String, Integer> startPositions = new HashMap<>();
        pairs.forEach(p -> startPositions.put(p[0].sessionId, p[0].latest().path("position").asInt()));

        long end = System.nanoTime() + PLAY.toNanos();
        List<Future<int[]>> plays = new ArrayList<>();
        for (SmokePhone[] pair : pairs) {
            plays.add(pool.submit(() -> play(pair[0], pair[1], end)));
        }
        int moves = 0;
        int doubleMoves = 0;
        int stuck = 0;
        Map<String, Integer> movesBySession = new HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            int[] result = plays.get(i).get(60, TimeUnit.SECONDS);
            moves += result[0];
            doubleMoves += result[1];
            stuck += result[2];
            movesBySession.put(pairs.get(i)[0].sessionId, result[0]);
        }
        pool.shutdown();
        Thread.sleep(1_000);

        List<String> lost = new ArrayList<>();
        for (SmokePhone[] pair : pairs) {
            JsonNode truth = state(pair[0].sessionId);
            for (SmokePhone phone : pair) {
                if (!phone.awaitAbove(truth.get("version").asLong() - 1, 5_000) || phone.version() != truth.get("version").asLong()) {
                    lost.add(phone.sessionId + "/" + phone.participantId + " v" + phone.version() + " != v" + truth.get("version"));
                }
                doubleMoves += phone.jumps.get();
            }
            int expected = Math.floorMod(startPositions.get(pair[0].sessionId) + movesBySession.get(pair[0].sessionId), truth.get("deckSize").asInt());
            if (truth.get("position").asInt() != expected) {
                doubleMoves++;
            }
        }
        pairs.forEach(p -> {
            p[0].abort();
            p[1].abort();
        });
        assertThat(moves).as("moves played").isGreaterThan(PAIRS);
        assertThat(lost).as("sockets not on their session's final version").isEmpty();
        assertThat(doubleMoves).as("double moves").isZero();
        assertThat(stuck).as("steps without an answer within 10 s").isZero();
    }

    /** Plays until {@code end}; returns {moves, double moves, stuck steps}. */
    private static int[] play(SmokePhone a, SmokePhone b, long end) throws InterruptedException {
        int moves = 0;
        int doubles = 0;
        int stuck = 0;
        Random random = new Random(a.sessionId.hashCode());
        while (System.nanoTime() < end && stuck == 0) {
            int position = a.latest().path("position").asInt();
            int deck = a.latest().path("deckSize").asInt();
            boolean together = moves % 3 == 2;
            for (int step = 0; step < 4 && a.latest().path("position").asInt() == position; step++) {
                long version = a.version();
                if (together && step == 0) {
                    // Both phones at the same version at the same instant: exactly one change may come of it.
                    a.next(version);
                    b.next(version);
                } else {
                    (a.wantsNext() ? b : a).next(version);
                }
                if (!a.awaitAbove(version, 10_000) || !b.awaitAbove(version, 10_000) || !awaitSameVersion(a, b, 10_000)) {
                    stuck++;
                    break;
                }
            }
            int now = a.latest().path("position").asInt();
            if (now != position) {
                moves++;
                if (Math.floorMod(now - position, deck) != 1) {
                    doubles++;
                }
            }
            // Stay well inside the 20 messages per second a socket may send.
            Thread.sleep(60 + random.nextInt(40));
        }
        return new int[] {moves, doubles, stuck};
    }

    /**
     * A phone that never reads while its session changes as fast as REST allows: the service must cut it off, and
     * the other phone of that session must still end on the final version.
     */
    @Test
    void aPhoneThatNeverReadsIsCutOffWhileTheOtherCarriesOn() throws Exception {
        int port = first.getLocalPort();
        Reply created = post(port, "/sessions", "{\"tableToken\":\"never-reads\",\"context\":\"mature\",\"mode\":\"dual\"}", null);
        String id = created.body().at("/session/id").asText();
        String tokenA = created.body().at("/participant/token").asText();
        Reply joined = post(port, "/sessions/" + id + "/participants", null, null);
        SmokePhone reader = new SmokePhone(id, "A", tokenA).connect(port);
        RawSocket neverReads = RawSocket.open("127.0.0.1", port, "/api/sessions/" + id + "/live", 4096, null);
        assertThat(neverReads.handshakeStatus).isEqualTo(101);
        neverReads.sendText("{\"type\":\"hello\",\"token\":\"" + joined.body().at("/participant/token").asText() + "\"}");
        reader.awaitAbove(2, 10_000);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long version = reader.version();
        boolean ready = true;
        int changes = 0;
        while (System.nanoTime() < deadline) {
            Reply reply = post(port, "/sessions/" + id + "/commands", "{\"type\":\"ready\",\"ready\":" + ready + ",\"version\":" + version + "}", tokenA);
            assertThat(reply.status()).as("flooding command " + reply.body()).isIn(200, 409);
            version = reply.body().has("session") ? reply.body().at("/session/version").asLong() : reply.body().path("version").asLong();
            if (reply.status() == 200) {
                ready = !ready;
                changes++;
            }
        }
        assertThat(neverReads.awaitClosedByServer(30_000)).as("the never-reading socket is closed by the service after " + changes + " changes")
                .isTrue();
        neverReads.close();
        // The dropped socket's presence change may still be landing: wait until the reader matches the database.
        long finalVersion = state(id).get("version").asLong();
        for (int i = 0; i < 50 && reader.version() != finalVersion; i++) {
            reader.awaitAbove(finalVersion - 1, 2_000);
            finalVersion = state(id).get("version").asLong();
        }
        assertThat(reader.version()).as("the reading phone ends on the database's version").isEqualTo(finalVersion);
        assertThat(reader.isOpen()).isTrue();
        reader.abort();
    }

    /** Every socket cut at once and reconnected at once, half of them to the other instance. */
    @Test
    void aReconnectStormGetsEverySocketItsCurrentState() throws Exception {
        List<SmokePhone[]> pairs = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> setups = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String table = "storm-" + i;
            setups.add(pool.submit(() -> pairs.add(pair(first.getLocalPort(), first.getLocalPort(), table))));
        }
        for (Future<?> setup : setups) {
            setup.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<SmokePhone> again = new ArrayList<>();
        for (SmokePhone[] pair : pairs) {
            for (SmokePhone phone : pair) {
                phone.abort();
            }
        }
        int n = 0;
        for (SmokePhone[] pair : pairs) {
            for (SmokePhone phone : pair) {
                int port = n++ % 2 == 0 ? first.getLocalPort() : second.getLocalPort();
                SmokePhone fresh = new SmokePhone(phone.sessionId, phone.participantId, phone.token);
                again.add(fresh);
                Thread connecting = new Thread(() -> fresh.connect(port));
                connecting.setDaemon(true);
                connecting.start();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && again.stream().anyMatch(p -> p.latest() == null)) {
            Thread.sleep(50);
        }
        assertThat(again).as("every reconnected socket got a state").allMatch(p -> p.latest() != null);
        Thread.sleep(2_000);
        for (SmokePhone phone : again) {
            // Presence may still be settling after the storm: the socket must reach whatever the database says last.
            long truth = state(phone.sessionId).get("version").asLong();
            for (int i = 0; i < 50 && phone.version() != truth; i++) {
                Thread.sleep(200);
                truth = state(phone.sessionId).get("version").asLong();
            }
            assertThat(phone.version()).as("socket of " + phone.sessionId).isEqualTo(truth);
        }
        again.forEach(SmokePhone::abort);
    }

    /**
     * Malformed REST bodies, paths, headers, raw request bytes and WebSocket messages (replayed stale versions
     * included) against live sessions: no 5xx, no internal error, abusive sockets closed, and no session changed.
     */
    @Test
    void fuzzingNeverAnswers5xxAndChangesNoSession() throws Exception {
        List<SmokePhone[]> pairs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SmokePhone[] pair = pair(first.getLocalPort(), second.getLocalPort(), "fuzz-" + i);
            pair[0].send("{\"type\":\"reveal\",\"version\":" + pair[0].version() + "}");
            pair[0].awaitAbove(pair[0].version(), 10_000);
            pairs.add(pair);
        }
        Thread.sleep(500);
        Map<String, JsonNode> before = new HashMap<>();
        List<Fuzz.Target> targets = new ArrayList<>();
        for (SmokePhone[] pair : pairs) {
            JsonNode state = state(pair[0].sessionId);
            before.put(pair[0].sessionId, comparable(state));
            targets.add(new Fuzz.Target(pair[0].sessionId, pair[0].token, state.get("version").asLong()));
        }

        Fuzz fuzz = new Fuzz("http://127.0.0.1:" + first.getLocalPort(), 20_260_101L);
        fuzz.rest(targets, 1_500, 8);
        fuzz.rawHttp(targets, 3);
        fuzz.webSocket(targets, 50, 35);
        Fuzz onSecond = new Fuzz("http://127.0.0.1:" + second.getLocalPort(), 7L);
        onSecond.webSocket(targets, 10, 35);

        for (Fuzz run : List.of(fuzz, onSecond)) {
            assertThat(run.serverErrors).as("5xx answers, internal errors and abusive sockets left open").isEmpty();
            assertThat(run.wsInternalErrors.get()).as("internal errors on sockets").isZero();
            assertThat(run.wsServerErrorCloses.get()).as("1011 closes").isZero();
            assertThat(run.abusiveLeftOpen.get()).as("abusive sockets left open").isZero();
        }
        assertThat(fuzz.abusiveClosed.get() + onSecond.abusiveClosed.get()).as("abusive sockets closed").isEqualTo(9);
        assertThat(fuzz.restRequests.get()).as("requests answered").isGreaterThan(1_000);
        Thread.sleep(500);
        for (SmokePhone[] pair : pairs) {
            assertThat(comparable(state(pair[0].sessionId))).as("session after fuzzing").isEqualTo(before.get(pair[0].sessionId));
            assertThat(pair[0].isOpen() && pair[1].isOpen()).as("the session's own phones are still connected").isTrue();
            pair[0].abort();
            pair[1].abort();
        }
        Reply health = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.getLocalPort() + "/api/health")).GET());
        assertThat(health.status()).isEqualTo(200);
    }
}
