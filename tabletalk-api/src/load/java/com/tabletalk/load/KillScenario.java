package com.tabletalk.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code kill}: two instances it starts itself; pairs across both; kill -9 the first under load; phones move to the second. */
final class KillScenario implements Scenario {

    @Override
    public void run(Options options, Report report) throws Exception {
        int pairCount = options.integer("pairs", 200);
        double rate = options.number("moves", 100);
        Duration duration = options.seconds("duration", 40);
        int killAt = options.integer("kill-at", 10);
        List<String> jvm = options.jvmArgs();
        try (Instance first = Instance.launch(
                        options.jar(),
                        options.config(),
                        options.databaseUrl(),
                        options.port(),
                        options.port() + 1,
                        jvm,
                        Map.of(),
                        options.log());
                Instance second = Instance.launch(
                        options.jar(),
                        options.config(),
                        options.databaseUrl(),
                        options.port() + 2,
                        options.port() + 3,
                        jvm,
                        Map.of(),
                        options.log());
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
            long dropped = pairs.stream().filter(p -> p.a.drops > 0).count()
                    + pairs.stream().filter(p -> p.b.drops > 0).count();
            report.put("phones dropped by the kill", dropped);
            report.latency("reconnect (drop to first state on instance 2)", rig.reconnect);
            report.latency("phone-to-phone delay (whole run)", rig.phoneToPhone);
            report.put("moves completed", play.moves());
            report.put("steps cut short by the kill", rig.count0("step.timeout"));
            report.put("counters", rig.countersSnapshot());
            report.put("samples", play.samples);
            Table.Verdict verdict = Table.verify(rig, second.target(), pairs, 3_000);
            verdict.check(report, pairs.size() == pairCount);
            long reconnected =
                    pairs.stream().filter(p -> p.a.isOpen() && p.b.isOpen()).count();
            report.check(
                    "every phone reconnected",
                    reconnected == pairs.size(),
                    reconnected + " of " + pairs.size() + " pairs fully connected");
            long slowest = rig.reconnect.getMaxValue() / 1000;
            report.limit(
                    "resumed within 10 s",
                    rig.reconnect.getTotalCount() >= dropped && slowest <= 10_000,
                    rig.reconnect.getTotalCount() + " reconnects, slowest " + slowest + " ms");
            report.check("no reconnect went back in version", rig.count0("reconnect.went_backwards") == 0, "");
            pairs.forEach(Pair::close);
        }
    }
}
