package com.tabletalk.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code hold}: N pairs on one (or, with two targets and without --no-cross, two) instances, M moves per second,
 * for a while. {@code soak}: the same with mixed actions, dropped phones and heap samples. With
 * {@code --race-every K}, every K-th move starts with both phones sending {@code next} at one version at once.
 */
final class HoldScenario implements Scenario {

    private final boolean mixed;

    HoldScenario(boolean mixed) {
        this.mixed = mixed;
    }

    @Override
    public void run(Options options, Report report) throws Exception {
        List<String> targets = options.targets();
        List<Admin> admins = options.admins();
        int pairCount = options.integer("pairs", 100);
        double rate = options.number("moves", 50);
        Duration duration = options.seconds("duration", 30);
        boolean cross = targets.size() > 1 && !options.flag("no-cross");
        try (Rig rig = new Rig(options.integer("ws-clients", 2))) {
            rig.reconnectOnDrop = mixed;
            rig.raceEvery = options.integer("race-every", 0);
            Admin.Sample before = admins.get(0).afterGc();
            report.put("service before (after GC)", before.asMap());
            long setupStart = System.nanoTime();
            List<Pair> pairs =
                    Table.setUp(rig, pairCount, targets.get(0), targets, cross, options.integer("setup-parallel", 32));
            Table.awaitSettled(pairs, 60);
            double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
            report.put(
                    "pairs set up", pairs.size() + " of " + pairCount + " in " + String.format("%.1f s", setupSeconds));
            report.put(
                    "pairs shown with a participant away though both sockets are open",
                    pairs.stream().filter(Pair::presenceWrong).count());
            long sockets = Admin.openSockets(admins);
            Admin.Sample loaded = admins.get(0).afterGc();
            report.put("open sockets (service)", sockets);
            report.put("service with sockets open (after GC)", loaded.asMap());
            if (admins.size() == 1 && sockets > 0 && before.heapUsed() > 0) {
                report.put(
                        "heap per open socket after GC (KB)",
                        (loaded.heapUsed() - before.heapUsed()) / 1024.0 / sockets);
            }
            if (admins.size() == 1 && sockets > 0 && before.residentBytes() > 0) {
                // What a container's memory limit counts: the heap and everything native (compressors, buffers).
                report.put(
                        "resident memory per open socket above idle (KB)",
                        (loaded.residentBytes() - before.residentBytes()) / 1024.0 / sockets);
            }
            report.put(
                    "extensions the service agreed to",
                    pairs.isEmpty() ? "" : pairs.get(0).a.negotiatedExtensions());
            // A freshly started JVM compiles its hot paths during the first seconds of play; measure after that.
            Duration warmup = options.seconds("warmup", 0);
            Duration stepTimeout = options.seconds("step-timeout", 10);
            Duration sampleEvery = options.seconds("sample-every", 10);
            long warmMoves = 0;
            long warmActions = 0;
            if (!warmup.isZero()) {
                System.out.println("  warming up for " + warmup.toSeconds() + " s (not measured)");
                Play warm = new Play(rig, pairs, admins);
                warm.run(rate, warmup, mixed, stepTimeout, sampleEvery, second -> {});
                warmMoves = warm.moves();
                warmActions = warm.actions();
                rig.phoneToPhone.reset();
                rig.reconnect.reset();
                rig.counters.clear();
                report.put("warm-up before measuring (s)", warmup.toSeconds());
            }
            Play play = new Play(rig, pairs, admins);
            List<Map<String, Object>> gcSeries = new ArrayList<>();
            long gcEvery = options.integer("gc-every", mixed ? 60 : 0);
            double churn = options.number("churn", mixed ? 0.002 : 0);
            Random random = new Random(7);
            play.run(rate, duration, mixed, stepTimeout, sampleEvery, second -> {
                if (churn > 0) {
                    // Mixed play includes phones whose network drops: a few reconnect every second.
                    for (int i = 0; i < Math.max(1, (int) (pairs.size() * 2 * churn)); i++) {
                        Pair pair = pairs.get(random.nextInt(pairs.size()));
                        (random.nextBoolean() ? pair.a : pair.b).abortAndReconnect();
                    }
                }
                if (gcEvery > 0 && second % gcEvery == 0) {
                    Map<String, Object> point = new LinkedHashMap<>();
                    point.put("atSeconds", second);
                    point.put("heapAfterGcMiB", admins.get(0).afterGc().heapUsed() / 1048576.0);
                    gcSeries.add(point);
                    System.out.println("  heap after GC: " + point);
                }
            });
            report.put("offered rate (/s)", rate);
            report.put("moves completed", play.moves() - warmMoves);
            report.put("moves per second", (play.moves() - warmMoves) / play.seconds);
            if (mixed) {
                report.put("actions per second", (play.actions() - warmActions) / play.seconds);
            }
            report.put("commands per second", rig.count0("commands.sent") / play.seconds);
            report.put("offers with no idle pair", play.offeredButNoIdlePair);
            report.latency("phone-to-phone delay", rig.phoneToPhone);
            if (mixed) {
                report.latency("reconnect (drop to first state)", rig.reconnect);
            }
            report.put("service at end", admins.get(0).sample().asMap());
            report.put("samples", play.samples);
            Table.Verdict verdict = Table.verify(rig, targets.get(0), pairs, 2_000);
            Admin.Sample end = admins.get(0).afterGc();
            report.put("service at end (after GC)", end.asMap());
            if (!gcSeries.isEmpty()) {
                report.put("heap after GC over time", gcSeries);
                double first = (double) gcSeries.get(0).get("heapAfterGcMiB");
                double last = (double) gcSeries.get(gcSeries.size() - 1).get("heapAfterGcMiB");
                report.limit(
                        "heap after GC flat",
                        last <= first * 1.25 + 8,
                        String.format("%.1f MiB -> %.1f MiB", first, last));
            }
            report.put("counters", rig.countersSnapshot());
            verdict.check(report, pairs.size() == pairCount);
            long errors = rig.count0("step.timeout")
                    + rig.count0("setup.failed")
                    + rig.errorMessages()
                    + rig.count0("socket.send_failed");
            if (!mixed) {
                errors += rig.counters.keySet().stream()
                        .filter(k -> k.startsWith("socket.error.") || k.startsWith("socket.closed_by_server"))
                        .mapToLong(rig::count0)
                        .sum();
            }
            report.check(
                    "no errors", errors == 0, errors + " (timeouts, failed setups, error messages, unexpected closes)");
            report.limit("never too busy", rig.busyRefusals() == 0, rig.busyRefusals() + " commands refused as busy");
            pairs.forEach(Pair::close);
        }
    }
}
