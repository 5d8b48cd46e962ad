package com.tabletalk.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * The load, fault and abuse suite. One scenario per run, e.g.
 * {@code hold --pairs 5000 --moves 500 --duration 300 --target http://127.0.0.1:8080 --admin http://127.0.0.1:8081};
 * prints a table and writes {@code .local/load/<scenario>-<time>.json}; exits 1 when an invariant broke.
 */
public final class LoadMain {

    static final String SCENARIOS = "hold, create, start, soak, kill, pgrestart, slowreader, storm, fuzz";

    private LoadMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Report report = new Report(options.scenario(), options);
        switch (options.scenario()) {
            case "hold" -> hold(options, report, false);
            case "soak" -> hold(options, report, true);
            case "create" -> create(options, report);
            case "start" -> start(options, report);
            case "kill" -> kill(options, report);
            case "pgrestart" -> pgRestart(options, report);
            case "slowreader" -> slowReader(options, report);
            case "storm" -> storm(options, report);
            case "fuzz" -> fuzz(options, report);
            default -> throw new IllegalArgumentException("unknown scenario " + options.scenario() + "; one of " + SCENARIOS);
        }
        Path out = Path.of(options.text("out", Instance.repoRoot().resolve(".local/load").toString()));
        report.finish(out);
        System.exit(report.failed() ? 1 : 0);
    }

    private static List<Admin> admins(Options options) {
        return options.list("admin", "http://127.0.0.1:8081").stream().map(Admin::new).toList();
    }

    private static long totalSockets(List<Admin> admins) {
        return admins.stream().mapToLong(a -> a.sample().openSockets()).sum();
    }

    // ---- hold / soak -----------------------------------------------------------------------------------------

    /** N pairs on one (or, with two targets and --cross, two) instances, M moves per second, for a while. */
    static void hold(Options options, Report report, boolean mixed) throws Exception {
        List<String> targets = options.list("target", "http://127.0.0.1:8080");
        List<Admin> admins = admins(options);
        int pairCount = options.integer("pairs", 100);
        double rate = options.number("moves", 50);
        Duration duration = options.seconds("duration", 30);
        boolean cross = targets.size() > 1 && !options.flag("no-cross");
        try (Rig rig = new Rig(options.integer("ws-clients", 2))) {
            rig.reconnectOnDrop = mixed;
            Admin.Sample before = admins.get(0).afterGc();
            report.put("service before (after GC)", before.asMap());
            long setupStart = System.nanoTime();
            List<Pair> pairs = Table.setUp(rig, pairCount, targets.get(0), targets, cross, options.integer("setup-parallel", 32));
            Table.awaitSettled(pairs, 60);
            double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
            report.put("pairs set up", pairs.size() + " of " + pairCount + " in " + String.format("%.1f s", setupSeconds));
            report.put("pairs shown with a participant away though both sockets are open",
                    pairs.stream().filter(Pair::presenceWrong).count());
            long sockets = totalSockets(admins);
            Admin.Sample loaded = admins.get(0).afterGc();
            report.put("open sockets (service)", sockets);
            report.put("service with sockets open (after GC)", loaded.asMap());
            if (admins.size() == 1 && sockets > 0 && before.heapUsed() > 0) {
                report.put("heap per open socket after GC (KB)", (loaded.heapUsed() - before.heapUsed()) / 1024.0 / sockets);
            }
            // A freshly started JVM compiles its hot paths during the first seconds of play; measure after that.
            Duration warmup = options.seconds("warmup", 0);
            Duration stepTimeout = options.seconds("step-timeout", 10);
            Duration sampleEvery = options.seconds("sample-every", 10);
            long warmMoves = 0;
            long warmActions = 0;
            if (!warmup.isZero()) {
                System.out.println("  warming up for " + warmup.toSeconds() + " s (not measured)");
                Play warm = new Play(rig, pairs, admins);
                warm.run(rate, warmup, mixed, stepTimeout, sampleEvery, second -> {
                });
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
            java.util.Random random = new java.util.Random(7);
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
                report.check("heap after GC flat", last <= first * 1.25 + 8, String.format("%.1f MiB -> %.1f MiB", first, last));
            }
            report.put("counters", rig.countersSnapshot());
            verdictChecks(report, verdict, pairs.size() == pairCount);
            long errors = rig.count0("step.timeout") + rig.count0("setup.failed") + errorMessages(rig) + rig.count0("socket.send_failed");
            if (!mixed) {
                errors += rig.counters.keySet().stream()
                        .filter(k -> k.startsWith("socket.error.") || k.startsWith("socket.closed_by_server"))
                        .mapToLong(rig::count0).sum();
            }
            report.check("no errors", errors == 0, errors + " (timeouts, failed setups, error messages, unexpected closes)");
            pairs.forEach(Pair::close);
        }
    }

    private static long errorMessages(Rig rig) {
        return rig.counters.keySet().stream().filter(k -> k.startsWith("error.")).mapToLong(rig::count0).sum();
    }

    private static void verdictChecks(Report report, Table.Verdict verdict, boolean allSetUp) {
        report.put("sessions checked", verdict.sessions());
        if (!verdict.examples().isEmpty()) {
            report.put("examples", verdict.examples());
        }
        report.check("all pairs set up", allSetUp, "");
        report.check("zero lost updates", verdict.lostUpdates() == 0 && verdict.unreadable() == 0,
                verdict.lostUpdates() + " of " + verdict.socketsChecked() + " sockets not on their session's final version"
                        + (verdict.unreadable() > 0 ? ", " + verdict.unreadable() + " sessions unreadable" : ""));
        report.check("zero double moves", verdict.doubleMoves() == 0, verdict.doubleMoves() + "");
        report.check("no committed move lost", verdict.lostMoves() == 0, verdict.lostMoves() + "");
    }

    // ---- create ----------------------------------------------------------------------------------------------

    /** Sessions per second through REST, open loop, for a while. */
    static void create(Options options, Report report) throws Exception {
        String target = options.list("target", "http://127.0.0.1:8080").get(0);
        double rate = options.number("rate", 1000);
        Duration duration = options.seconds("duration", 60);
        int maxInFlight = options.integer("max-in-flight", 512);
        List<Admin> admins = admins(options);
        try (Rig rig = new Rig(1)) {
            Api api = new Api(rig.rest, target);
            Histogram latency = Rig.histogram();
            Semaphore inFlight = new Semaphore(maxInFlight);
            AtomicInteger created = new AtomicInteger();
            Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
            String run = Long.toString(System.currentTimeMillis() % 100_000, 36);
            long begin = System.nanoTime();
            long end = begin + duration.toNanos();
            long sent = 0;
            long skipped = 0;
            String[] contexts = {"exploring", "established", "mature"};
            List<Map<String, Object>> samples = new ArrayList<>();
            long nextSample = begin;
            while (System.nanoTime() < end) {
                long due = (long) ((System.nanoTime() - begin) / 1e9 * rate) - sent - skipped;
                for (; due > 0; due--) {
                    if (!inFlight.tryAcquire()) {
                        skipped++;
                        continue;
                    }
                    long t0 = System.nanoTime();
                    long n = sent++;
                    api.postAsync("/sessions", Api.createBody("c-" + run + "-" + n, contexts[(int) (n % 3)], n % 2 == 0 ? "dual" : "single"),
                            null, Api.randomAddress()).whenComplete((reply, failure) -> {
                                inFlight.release();
                                rig.recordMicros(latency, System.nanoTime() - t0);
                                int status = failure != null ? -1 : reply.status();
                                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                                if (status == 201) {
                                    created.incrementAndGet();
                                }
                            });
                }
                if (System.nanoTime() >= nextSample && !admins.isEmpty()) {
                    Map<String, Object> sample = admins.get(0).sample().asMap();
                    sample.put("created", created.get());
                    samples.add(sample);
                    System.out.println("  " + sample);
                    nextSample = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                }
                Thread.sleep(1);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            inFlight.tryAcquire(maxInFlight, 60, TimeUnit.SECONDS);
            report.put("offered rate (/s)", rate);
            report.put("sent", sent);
            report.put("not sent (in-flight cap reached)", skipped);
            report.put("created", created.get());
            report.put("sessions created per second", created.get() / seconds);
            report.put("statuses", new java.util.TreeMap<>(statuses));
            report.latency("create latency", latency);
            report.put("samples", samples);
            report.put("service at end", admins.get(0).sample().asMap());
            long failures = statuses.entrySet().stream().filter(e -> e.getKey() != 201).mapToLong(e -> e.getValue().get()).sum();
            report.check("no errors", failures == 0, failures + " non-201 answers");
        }
    }

    // ---- start -----------------------------------------------------------------------------------------------

    /** Process start to the first 200 from /api/health, launching the shaded jar like ops. */
    static void start(Options options, Report report) throws Exception {
        Path jar = Path.of(options.text("jar", "tabletalk-api/target/tabletalk-api.jar"));
        Path config = Path.of(options.text("config", "config.yml"));
        String database = options.text("database-url", System.getenv().getOrDefault("DATABASE_URL", ""));
        int runs = options.integer("runs", 5);
        int port = options.integer("port", 18480);
        Path log = Path.of(options.text("log", "/tmp/load-start.log"));
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (Instance instance = Instance.launch(jar, config, database, port, port + 1,
                    List.of("-Xmx" + options.text("xmx", "256m")), Map.of(), log)) {
                long millis = instance.awaitHealthy(Duration.ofSeconds(60));
                times.add(millis);
                System.out.println("  start " + (i + 1) + ": " + millis + " ms");
            }
        }
        List<Long> sorted = times.stream().sorted().toList();
        report.put("runs", times);
        report.put("start to healthy, median (ms)", sorted.get(sorted.size() / 2));
        report.put("start to healthy, max (ms)", sorted.get(sorted.size() - 1));
        report.check("start within 5 s", sorted.get(sorted.size() - 1) <= 5_000, "max " + sorted.get(sorted.size() - 1) + " ms");
    }

    // ---- kill -9 ---------------------------------------------------------------------------------------------

    /** Two instances it starts itself; pairs across both; kill -9 the first under load; phones move to the second. */
    static void kill(Options options, Report report) throws Exception {
        Path jar = Path.of(options.text("jar", "tabletalk-api/target/tabletalk-api.jar"));
        Path config = Path.of(options.text("config", "config.yml"));
        String database = options.text("database-url", System.getenv().getOrDefault("DATABASE_URL", ""));
        int port = options.integer("port", 18480);
        Path log = Path.of(options.text("log", "/tmp/load-kill.log"));
        int pairCount = options.integer("pairs", 200);
        double rate = options.number("moves", 100);
        Duration duration = options.seconds("duration", 40);
        int killAt = options.integer("kill-at", 10);
        List<String> jvm = List.of("-Xmx" + options.text("xmx", "256m"));
        try (Instance first = Instance.launch(jar, config, database, port, port + 1, jvm, Map.of(), log);
             Instance second = Instance.launch(jar, config, database, port + 2, port + 3, jvm, Map.of(), log);
             Rig rig = new Rig(2)) {
            first.awaitHealthy(Duration.ofSeconds(60));
            second.awaitHealthy(Duration.ofSeconds(60));
            rig.reconnectOnDrop = true;
            List<String> targets = List.of(first.target(), second.target());
            List<Pair> pairs = Table.setUp(rig, pairCount, second.target(), targets, true, 32);
            Table.awaitSettled(pairs, 60);
            report.put("pairs set up", pairs.size() + " (phone A on instance 1, phone B on instance 2)");
            List<Admin> admins = List.of(new Admin(first.admin()), new Admin(second.admin()));
            Play play = new Play(rig, pairs, admins);
            long[] killedAt = new long[1];
            play.run(rate, duration, false, options.seconds("step-timeout", 5), Duration.ofSeconds(5), second1 -> {
                if (second1 == killAt) {
                    try {
                        first.kill9();
                        killedAt[0] = System.nanoTime();
                        System.out.println("  kill -9 instance 1");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            long dropped = pairs.stream().filter(p -> p.a.drops > 0).count() + pairs.stream().filter(p -> p.b.drops > 0).count();
            report.put("phones dropped by the kill", dropped);
            report.latency("reconnect (drop to first state on instance 2)", rig.reconnect);
            report.latency("phone-to-phone delay (whole run)", rig.phoneToPhone);
            report.put("moves completed", play.moves());
            report.put("steps cut short by the kill", rig.count0("step.timeout"));
            report.put("counters", rig.countersSnapshot());
            report.put("samples", play.samples);
            Table.Verdict verdict = Table.verify(rig, second.target(), pairs, 3_000);
            verdictChecks(report, verdict, pairs.size() == pairCount);
            long reconnected = pairs.stream().filter(p -> p.a.isOpen() && p.b.isOpen()).count();
            report.check("every phone reconnected", reconnected == pairs.size(), reconnected + " of " + pairs.size() + " pairs fully connected");
            long slowest = rig.reconnect.getMaxValue() / 1000;
            report.check("resumed within 10 s", rig.reconnect.getTotalCount() >= dropped && slowest <= 10_000,
                    rig.reconnect.getTotalCount() + " reconnects, slowest " + slowest + " ms");
            report.check("no reconnect went back in version", rig.count0("reconnect.went_backwards") == 0, "");
            pairs.forEach(Pair::close);
        }
    }

    // ---- PostgreSQL restart ----------------------------------------------------------------------------------

    /** Its own PostgreSQL (initdb in .local/load/pg), one instance, pairs at a rate; PostgreSQL stops and returns. */
    static void pgRestart(Options options, Report report) throws Exception {
        Path jar = Path.of(options.text("jar", "tabletalk-api/target/tabletalk-api.jar"));
        Path config = Path.of(options.text("config", "config.yml"));
        Path data = Path.of(options.text("pg-data", Instance.repoRoot().resolve(".local/load/pg").toString()));
        int pgPort = options.integer("pg-port", 55432);
        int port = options.integer("port", 18480);
        Path log = Path.of(options.text("log", "/tmp/load-pgrestart.log"));
        int pairCount = options.integer("pairs", 200);
        double rate = options.number("moves", 100);
        int faultAt = options.integer("fault-at", 10);
        int downSeconds = options.integer("down", 5);
        try (LocalPostgres postgres = new LocalPostgres(Path.of(options.text("pg-bin", "/usr/lib/postgresql/15/bin")), data, pgPort,
                options.text("pg-user", "postgres"))) {
            postgres.start();
            postgres.createDatabase("load_pgrestart");
            String url = postgres.url("load_pgrestart");
            Instance.migrate(jar, config, url, log);
            try (Instance instance = Instance.launch(jar, config, url, port, port + 1, List.of("-Xmx256m"), Map.of(), log);
                 Rig rig = new Rig(2)) {
                instance.awaitHealthy(Duration.ofSeconds(60));
                List<Pair> pairs = Table.setUp(rig, pairCount, instance.target(), List.of(instance.target()), false, 32);
                Table.awaitSettled(pairs, 60);
                report.put("pairs set up", pairs.size());
                Admin admin = new Admin(instance.admin());
                Play play = new Play(rig, pairs, List.of(admin));
                Map<String, Object> fault = new LinkedHashMap<>();
                ScheduledExecutorService faults = Executors.newSingleThreadScheduledExecutor(Rig.daemon("fault"));
                CompletableFuture<Void> done = new CompletableFuture<>();
                faults.schedule(() -> {
                    try {
                        pgOutage(postgres, instance, play, pairs, rig, downSeconds, fault, rate);
                        done.complete(null);
                    } catch (Exception e) {
                        done.completeExceptionally(e);
                    }
                }, faultAt, TimeUnit.SECONDS);
                play.run(rate, options.seconds("duration", 45), false, Duration.ofSeconds(5), Duration.ofSeconds(5), s -> { });
                done.get(2, TimeUnit.MINUTES);
                faults.shutdownNow();
                report.put("outage", fault);
                report.latency("phone-to-phone delay (whole run)", rig.phoneToPhone);
                report.put("moves completed", play.moves());
                report.put("counters", rig.countersSnapshot());
                report.put("samples", play.samples);
                report.check("health went 503 and back", Boolean.TRUE.equals(fault.get("saw503")) && fault.get("healthyAgainMs") != null,
                        "503 after " + fault.get("unhealthyAfterMs") + " ms, 200 again " + fault.get("healthyAgainMs") + " ms after restart");
                Object converged = fault.get("socketsConvergedMs");
                report.check("sockets converged within 5 s of the database's return",
                        converged instanceof Long ms && ms <= 5_000, converged + " ms");
                long drops = pairs.stream().mapToLong(p -> p.a.drops + p.b.drops).sum();
                report.check("sockets stayed open", drops == 0, drops + " drops");
                Table.Verdict verdict = Table.verify(rig, instance.target(), pairs, 2_000);
                verdictChecks(report, verdict, pairs.size() == pairCount);
                pairs.forEach(Pair::close);
            }
        }
    }

    private static void pgOutage(LocalPostgres postgres, Instance instance, Play play, List<Pair> pairs, Rig rig, int downSeconds,
                                 Map<String, Object> fault, double rate) throws Exception {
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
                long version = truth.computeIfAbsent(pair.sessionId, id -> api.get("/sessions/" + id).body().path("version").asLong());
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

    // ---- never-reading client --------------------------------------------------------------------------------

    /** A phone that never reads while its session changes hundreds of times a second; the service must cut it. */
    static void slowReader(Options options, Report report) throws Exception {
        String target = options.list("target", "http://127.0.0.1:8080").get(0);
        Admin admin = admins(options).get(0);
        Duration duration = options.seconds("duration", 20);
        java.net.URI uri = java.net.URI.create(target);
        try (Rig rig = new Rig(1)) {
            Api api = new Api(rig.rest, target);
            Admin.Sample before = admin.afterGc();
            List<Pair> control = Table.setUp(rig, options.integer("control-pairs", 20), target, List.of(target), false, 8);
            Table.awaitSettled(control, 30);
            Api.Joined a = api.create("slow-reader", "exploring", "dual", Api.randomAddress());
            Api.Joined b = api.join(a.sessionId(), Api.randomAddress());
            Phone reader = new Phone(rig, List.of(target), 0, a.sessionId(), a.participantId(), a.token());
            reader.connect().get(10, TimeUnit.SECONDS);
            RawSocket neverReads = RawSocket.open(uri.getHost(), uri.getPort(), "/api/sessions/" + a.sessionId() + "/live", 4096, null);
            neverReads.sendText("{\"type\":\"hello\",\"token\":\"" + b.token() + "\"}");
            Thread.sleep(500);
            Play play = new Play(rig, control, List.of(admin));
            long[] maxHeap = {0};
            AtomicInteger changes = new AtomicInteger();
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                long end = System.nanoTime() + duration.toNanos();
                long version = reader.lastVersion;
                boolean ready = true;
                while (System.nanoTime() < end) {
                    Api.Reply reply = api.post("/sessions/" + a.sessionId() + "/commands",
                            "{\"type\":\"ready\",\"ready\":" + ready + ",\"version\":" + version + "}", a.token(), "10.9.9.9");
                    version = reply.body().has("session") ? reply.body().at("/session/version").asLong() : reply.body().path("version").asLong();
                    if (reply.status() == 200) {
                        changes.incrementAndGet();
                        ready = !ready;
                    }
                }
            });
            play.run(options.number("control-moves", 10), duration, false, Duration.ofSeconds(10), Duration.ofSeconds(2), s -> {
                maxHeap[0] = Math.max(maxHeap[0], admin.sample().heapUsed());
            });
            flood.get(30, TimeUnit.SECONDS);
            boolean closed = neverReads.awaitClosedByServer(30_000);
            Admin.Sample after = admin.afterGc();
            report.put("changes pushed at the never-reader", changes.get());
            report.put("heap before (after GC), MiB", before.heapUsed() / 1048576.0);
            report.put("heap max during flood, MiB", maxHeap[0] / 1048576.0);
            report.put("heap after (after GC), MiB", after.heapUsed() / 1048576.0);
            report.put("service closed slow sockets (live.closed.slow)", after.slowClosed());
            report.latency("control pairs: phone-to-phone delay during the flood", rig.phoneToPhone);
            report.check("never-reading socket closed by the service", closed, closed ? "closed" : "still open after 30 s");
            report.check("service memory bounded", maxHeap[0] < before.heapMax() * 0.8,
                    String.format("max %.0f MiB of %.0f MiB", maxHeap[0] / 1048576.0, before.heapMax() / 1048576.0));
            Thread.sleep(1_000);
            long truth = api.get("/sessions/" + a.sessionId()).body().path("version").asLong();
            report.check("the reading phone of that session is up to date", reader.isOpen() && reader.lastVersion == truth,
                    "phone v" + reader.lastVersion + ", database v" + truth);
            Table.Verdict verdict = Table.verify(rig, target, control, 1_000);
            verdictChecks(report, verdict, true);
            report.check("control pairs unaffected", rig.count0("step.timeout") == 0 && errorMessages(rig) == 0,
                    rig.count0("step.timeout") + " timeouts, " + errorMessages(rig) + " error messages");
            neverReads.close();
            reader.close();
            control.forEach(Pair::close);
        }
    }

    // ---- reconnect storm -------------------------------------------------------------------------------------

    /** Every socket cut at once and reconnected at once: all must have their state within 30 s. */
    static void storm(Options options, Report report) throws Exception {
        List<String> targets = options.list("target", "http://127.0.0.1:8080");
        List<Admin> admins = admins(options);
        int pairCount = options.integer("pairs", 2500);
        try (Rig rig = new Rig(options.integer("ws-clients", 2))) {
            long setupStart = System.nanoTime();
            List<Pair> pairs = Table.setUp(rig, pairCount, targets.get(0), targets, targets.size() > 1, options.integer("setup-parallel", 32));
            Table.awaitSettled(pairs, 60);
            report.put("pairs set up", pairs.size() + " of " + pairCount + " in " + String.format("%.1f s", (System.nanoTime() - setupStart) / 1e9));
            report.put("sockets", pairs.size() * 2);
            System.out.println("  " + pairs.size() * 2 + " sockets open (service: " + totalSockets(admins) + "); cutting them all");
            List<Phone> phones = new ArrayList<>();
            pairs.forEach(p -> {
                phones.add(p.a);
                phones.add(p.b);
            });
            // A real phone whose connection attempt fails tries again with backoff and jitter; so do these.
            rig.reconnectOnDrop = true;
            long begin = System.nanoTime();
            phones.forEach(Phone::abortAndReconnect);
            long deadline = begin + TimeUnit.SECONDS.toNanos(options.integer("limit", 30));
            Histogram firstState = Rig.histogram();
            long nextProgress = begin;
            while (System.nanoTime() < deadline && phones.stream().anyMatch(p -> p.firstStateAtNanos == 0)) {
                if (System.nanoTime() >= nextProgress) {
                    nextProgress += TimeUnit.SECONDS.toNanos(1);
                    System.out.printf("  %4.1f s: %d of %d phones have their state; service has %d sockets; %d attempts failed%n",
                            (System.nanoTime() - begin) / 1e9, phones.stream().filter(p -> p.firstStateAtNanos != 0).count(),
                            phones.size(), totalSockets(admins), rig.count0("socket.connect_failed"));
                }
                Thread.sleep(50);
            }
            long got = phones.stream().filter(p -> p.firstStateAtNanos != 0).count();
            phones.stream().filter(p -> p.firstStateAtNanos != 0).forEach(p -> rig.recordMicros(firstState, p.firstStateAtNanos - begin));
            report.latency("storm: reconnect to first state", firstState);
            report.check("every socket got its state within the limit", got == phones.size(), got + " of " + phones.size());
            Table.awaitSettled(pairs, 60);
            report.put("settled after (s)", (System.nanoTime() - begin) / 1e9);
            report.put("service", admins.get(0).sample().asMap());
            report.put("counters", rig.countersSnapshot());
            Table.Verdict verdict = Table.verify(rig, targets.get(0), pairs, 2_000);
            verdictChecks(report, verdict, pairs.size() == pairCount);
            pairs.forEach(Pair::close);
        }
    }

    // ---- fuzz ------------------------------------------------------------------------------------------------

    /** Thousands of malformed requests and messages against live sessions that must not change. */
    static void fuzz(Options options, Report report) throws Exception {
        String target = options.list("target", "http://127.0.0.1:8080").get(0);
        try (Rig rig = new Rig(1)) {
            Api api = new Api(rig.rest, target);
            List<Pair> pairs = Table.setUp(rig, options.integer("sessions", 20), target, List.of(target), false, 8);
            Table.awaitSettled(pairs, 30);
            // Move each a little so that stale versions exist to replay.
            for (Pair pair : pairs) {
                pair.a.command("reveal", pair.a.lastVersion);
            }
            Thread.sleep(1_000);
            Map<String, JsonNode> before = snapshot(api, pairs);
            List<Fuzz.Target> targets = pairs.stream()
                    .map(p -> new Fuzz.Target(p.sessionId, p.a.token, before.get(p.sessionId).path("version").asLong())).toList();
            Fuzz fuzz = new Fuzz(target, options.integer("seed", 42));
            long begin = System.nanoTime();
            fuzz.rest(targets, options.integer("requests", 5000), 8);
            fuzz.rawHttp(targets, options.integer("raw-rounds", 10));
            fuzz.webSocket(targets, options.integer("sockets", 100), 35);
            report.put("fuzz time (s)", (System.nanoTime() - begin) / 1e9);
            Thread.sleep(1_000);
            Map<String, JsonNode> after = snapshot(api, pairs);
            long changed = before.keySet().stream().filter(id -> !before.get(id).equals(after.get(id))).count();
            report.put("REST requests", fuzz.restRequests.get());
            report.put("raw HTTP requests", fuzz.rawRequests.get());
            report.put("WebSocket messages", fuzz.wsMessages.get());
            report.put("statuses", fuzz.statuses);
            if (!fuzz.serverErrors.isEmpty()) {
                report.put("server errors (first 10)", fuzz.serverErrors.subList(0, Math.min(10, fuzz.serverErrors.size())));
            }
            report.check("no 5xx", fuzz.serverErrors.stream().noneMatch(e -> e.contains("-> 5")), fuzz.serverErrors.size() + " problems");
            report.check("no internal error on a socket", fuzz.wsInternalErrors.get() == 0 && fuzz.wsServerErrorCloses.get() == 0,
                    fuzz.wsInternalErrors.get() + " internal errors, " + fuzz.wsServerErrorCloses.get() + " 1011 closes");
            report.check("abusive sockets closed", fuzz.abusiveLeftOpen.get() == 0,
                    fuzz.abusiveClosed.get() + " closed, " + fuzz.abusiveLeftOpen.get() + " left open");
            report.check("no session changed", changed == 0, changed + " of " + before.size());
            report.check("service still healthy", Instance.health(target) == 200, "");
            pairs.forEach(Pair::close);
        }
    }

    private static Map<String, JsonNode> snapshot(Api api, List<Pair> pairs) {
        Map<String, JsonNode> states = new HashMap<>();
        for (Pair pair : pairs) {
            JsonNode state = api.get("/sessions/" + pair.sessionId).body().deepCopy();
            ((ObjectNode) state).remove("expiresAt");
            states.put(pair.sessionId, state);
        }
        return states;
    }
}
