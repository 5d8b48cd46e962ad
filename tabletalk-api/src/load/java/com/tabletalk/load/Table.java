package com.tabletalk.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.testing.ApiClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Sets up pairs (create, join, both sockets, hello) and checks them against the database at the end. */
final class Table {

    private static final String[] CONTEXTS = {"exploring", "established", "mature"};

    private Table() {}

    /**
     * Sets up {@code count} pairs through REST on {@code apiTarget}; phone A connects to {@code targetsA} and B to
     * {@code targetsB} (first entry first, then the others on reconnect). Failures are counted, not thrown.
     */
    static List<Pair> setUp(
            Rig rig, int count, String apiTarget, List<String> targets, boolean crossInstances, int parallel)
            throws InterruptedException {
        Api api = new Api(rig.rest, apiTarget);
        List<Pair> pairs = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(parallel, Rig.daemon("load-setup"));
        String run = Long.toString(System.currentTimeMillis() % 100_000, 36);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                try {
                    pairs.add(setUpOne(rig, api, run, index, targets, crossInstances));
                } catch (Exception e) {
                    rig.count("setup.failed");
                    if (rig.count0("setup.failed") <= 3) {
                        System.err.println("setup failed: " + e);
                    }
                }
            }));
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        return new ArrayList<>(pairs);
    }

    private static Pair setUpOne(Rig rig, Api api, String run, int index, List<String> targets, boolean cross)
            throws Exception {
        String address = Api.randomAddress();
        Api.Joined first = api.create("load-" + run + "-" + index, CONTEXTS[index % 3], "dual", address);
        Api.Joined second = api.join(first.sessionId(), Api.randomAddress());
        int targetA = 0;
        int targetB = cross ? 1 : 0;
        Phone a = new Phone(rig, targets, targetA, first.sessionId(), first.participantId(), first.token());
        Phone b = new Phone(rig, targets, targetB, first.sessionId(), second.participantId(), second.token());
        JsonNode session = second.session();
        Pair pair = new Pair(
                rig,
                first.sessionId(),
                a,
                b,
                session.path("deckSize").asInt(),
                session.path("position").asInt());
        a.connect().get(30, TimeUnit.SECONDS);
        b.connect().get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!pair.settled()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("phones of " + first.sessionId() + " did not settle: A v"
                        + a.lastVersion + " " + participants(a) + ", B v" + b.lastVersion + " " + participants(b));
            }
            Thread.sleep(5);
        }
        return pair;
    }

    private static String participants(Phone phone) {
        JsonNode state = phone.latest;
        return state == null ? "no state" : state.path("participants").toString();
    }

    /** Waits until every pair shows both phones on one version (presence changes after setup have arrived). */
    static void awaitSettled(List<Pair> pairs, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline && !pairs.stream().allMatch(Pair::settled)) {
            Thread.sleep(100);
        }
    }

    record Verdict(
            int sessions,
            int socketsChecked,
            int lostUpdates,
            int doubleMoves,
            int lostMoves,
            int unreadable,
            List<String> examples) {

        /** The invariants of every run with pairs: all set up, nothing lost, nothing moved twice. */
        void check(Report report, boolean allSetUp) {
            report.put("sessions checked", sessions);
            if (!examples.isEmpty()) {
                report.put("examples", examples);
            }
            report.check("all pairs set up", allSetUp, "");
            report.check(
                    "zero lost updates",
                    lostUpdates == 0 && unreadable == 0,
                    lostUpdates + " of " + socketsChecked + " sockets not on their session's final version"
                            + (unreadable > 0 ? ", " + unreadable + " sessions unreadable" : ""));
            report.check("zero double moves", doubleMoves == 0, doubleMoves + "");
            report.check("no committed move lost", lostMoves == 0, lostMoves + "");
        }
    }

    /**
     * The end of a run: every socket must show its session's final version, and the card must stand where the
     * moves this generator saw complete put it (one unconfirmed move is allowed where a step was cut short).
     */
    static Verdict verify(Rig rig, String apiTarget, List<Pair> pairs, long settleMillis) throws InterruptedException {
        Thread.sleep(settleMillis);
        Api api = new Api(rig.rest, apiTarget);
        ExecutorService pool = Executors.newFixedThreadPool(16, Rig.daemon("load-verify"));
        List<Future<int[]>> results = new ArrayList<>();
        List<String> examples = Collections.synchronizedList(new ArrayList<>());
        for (Pair pair : pairs) {
            results.add(pool.submit(() -> verifyOne(api, pair, examples)));
        }
        int lost = 0;
        int doubles = 0;
        int lostMoves = 0;
        int unreadable = 0;
        for (Future<int[]> result : results) {
            try {
                int[] r = result.get();
                lost += r[0];
                doubles += r[1];
                lostMoves += r[2];
                unreadable += r[3];
            } catch (Exception e) {
                unreadable++;
            }
        }
        pool.shutdown();
        return new Verdict(
                pairs.size(),
                pairs.size() * 2,
                lost,
                doubles,
                lostMoves,
                unreadable,
                examples.subList(0, Math.min(5, examples.size())));
    }

    private static int[] verifyOne(Api api, Pair pair, List<String> examples) throws InterruptedException {
        int lost = 0;
        for (int attempt = 0; ; attempt++) {
            ApiClient.Reply reply = api.get("/sessions/" + pair.sessionId);
            if (reply.status() != 200) {
                examples.add(pair.sessionId + ": GET " + reply.status());
                return new int[] {0, 0, 0, 1};
            }
            long version = reply.body().path("version").asLong();
            int position = reply.body().path("position").asInt();
            int deck = reply.body().path("deckSize").asInt();
            boolean behind = pair.a.lastVersion != version || pair.b.lastVersion != version;
            if (behind && attempt < 2) {
                // Under load a last state may still be on its way; give it a moment before calling it lost.
                Thread.sleep(2_000);
                continue;
            }
            if (behind) {
                lost = (pair.a.lastVersion != version ? 1 : 0) + (pair.b.lastVersion != version ? 1 : 0);
                examples.add(pair.sessionId + ": database v" + version + ", phones v" + pair.a.lastVersion + "/v"
                        + pair.b.lastVersion);
            }
            int ahead = Math.floorMod(position - pair.confirmedPosition, deck);
            int doubles = (int) pair.doubleMoves;
            int lostMoves = 0;
            if (ahead > pair.unconfirmed) {
                if (ahead == deck - 1) {
                    lostMoves = 1;
                } else {
                    doubles++;
                }
                examples.add(
                        pair.sessionId + ": card at " + position + ", moves seen put it at " + pair.confirmedPosition);
            }
            return new int[] {lost, doubles, lostMoves, 0};
        }
    }
}
