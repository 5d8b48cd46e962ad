package com.tabletalk.load;

import com.tabletalk.testing.ProjectFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code pgrestart}: its own PostgreSQL (data in .local/load/pg-embedded), one instance, pairs at a rate; PostgreSQL stops and returns. */
final class PgRestartScenario implements Scenario {

    @Override
    public void run(Options options, Report report) throws Exception {
        Path data = Path.of(options.text(
                "pg-data",
                ProjectFiles.root().resolve(".local/load/pg-embedded").toString()));
        int pgPort = options.integer("pg-port", 55432);
        int pairCount = options.integer("pairs", 200);
        double rate = options.number("moves", 100);
        int faultAt = options.integer("fault-at", 10);
        int downSeconds = options.integer("down", 5);
        try (LocalPostgres postgres = new LocalPostgres(data, pgPort)) {
            postgres.start();
            postgres.createDatabase("load_pgrestart");
            String url = postgres.url("load_pgrestart");
            Instance.migrate(options.jar(), options.config(), url, options.log());
            try (Instance instance = Instance.launch(
                            options.jar(),
                            options.config(),
                            url,
                            options.port(),
                            options.port() + 1,
                            List.of("-Xmx256m"),
                            Map.of(),
                            options.log());
                    Rig rig = new Rig(2)) {
                instance.awaitHealthy(Duration.ofSeconds(60));
                List<Pair> pairs =
                        Table.setUp(rig, pairCount, instance.target(), List.of(instance.target()), false, 32);
                Table.awaitSettled(pairs, 60);
                report.put("pairs set up", pairs.size());
                Admin admin = new Admin(instance.admin());
                Play play = new Play(rig, pairs, List.of(admin));
                Map<String, Object> fault = new LinkedHashMap<>();
                ScheduledExecutorService faults = Executors.newSingleThreadScheduledExecutor(Rig.daemon("fault"));
                CompletableFuture<Void> done = new CompletableFuture<>();
                faults.schedule(
                        () -> {
                            try {
                                pgOutage(postgres, instance, play, pairs, rig, downSeconds, fault, rate);
                                done.complete(null);
                            } catch (Exception e) {
                                done.completeExceptionally(e);
                            }
                        },
                        faultAt,
                        TimeUnit.SECONDS);
                play.run(
                        rate,
                        options.seconds("duration", 45),
                        false,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        s -> {});
                done.get(2, TimeUnit.MINUTES);
                faults.shutdownNow();
                report.put("outage", fault);
                report.latency("phone-to-phone delay (whole run)", rig.phoneToPhone);
                report.put("moves completed", play.moves());
                report.put("counters", rig.countersSnapshot());
                report.put("samples", play.samples);
                report.check(
                        "health went 503 and back",
                        Boolean.TRUE.equals(fault.get("saw503")) && fault.get("healthyAgainMs") != null,
                        "503 after " + fault.get("unhealthyAfterMs") + " ms, 200 again " + fault.get("healthyAgainMs")
                                + " ms after restart");
                Object converged = fault.get("socketsConvergedMs");
                report.limit(
                        "sockets converged within 5 s of the database's return",
                        converged instanceof Long ms && ms <= 5_000,
                        converged + " ms");
                long drops =
                        pairs.stream().mapToLong(p -> p.a.drops + p.b.drops).sum();
                report.check("sockets stayed open", drops == 0, drops + " drops");
                Table.Verdict verdict = Table.verify(rig, instance.target(), pairs, 2_000);
                verdict.check(report, pairs.size() == pairCount);
                pairs.forEach(Pair::close);
            }
        }
    }

    private static void pgOutage(
            LocalPostgres postgres,
            Instance instance,
            Play play,
            List<Pair> pairs,
            Rig rig,
            int downSeconds,
            Map<String, Object> fault,
            double rate)
            throws Exception {
        play.volatileRate = 0;
        Thread.sleep(1_000);
        long stopAt = System.nanoTime();
        postgres.stop();
        System.out.println("  PostgreSQL stopped");
        boolean saw503 = false;
        while (System.nanoTime() - stopAt < TimeUnit.SECONDS.toNanos(downSeconds)) {
            if (!saw503 && Instance.health(instance.target()) == 503) {
                saw503 = true;
                fault.put("unhealthyAfterMs", (System.nanoTime() - stopAt) / 1_000_000);
            }
            Thread.sleep(100);
        }
        fault.put("saw503", saw503);
        // A change made while the service cannot listen: the resync after the listener returns must bring it.
        postgres.start();
        long backAt = System.nanoTime();
        System.out.println("  PostgreSQL started again");
        while (System.nanoTime() - backAt < TimeUnit.SECONDS.toNanos(60)) {
            if (Instance.health(instance.target()) == 200) {
                fault.put("healthyAgainMs", (System.nanoTime() - backAt) / 1_000_000);
                break;
            }
            Thread.sleep(50);
        }
        Api api = new Api(rig.rest, instance.target());
        Map<String, Long> truth = new HashMap<>();
        while (System.nanoTime() - backAt < TimeUnit.SECONDS.toNanos(30)) {
            boolean all = true;
            for (Pair pair : pairs) {
                long version = truth.computeIfAbsent(
                        pair.sessionId,
                        id -> api.get("/sessions/" + id).body().path("version").asLong());
                if (pair.a.lastVersion != version || pair.b.lastVersion != version) {
                    truth.remove(pair.sessionId);
                    all = false;
                }
            }
            if (all) {
                fault.put("socketsConvergedMs", (System.nanoTime() - backAt) / 1_000_000);
                break;
            }
            Thread.sleep(100);
        }
        play.volatileRate = rate;
    }
}
