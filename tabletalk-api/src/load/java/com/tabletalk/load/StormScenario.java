package com.tabletalk.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** {@code storm}: every socket cut at once and reconnected at once: all must have their state within 30 s. */
final class StormScenario implements Scenario {

    @Override
    public void run(Options options, Report report) throws Exception {
        List<String> targets = options.targets();
        List<Admin> admins = options.admins();
        int pairCount = options.integer("pairs", 2500);
        try (Rig rig = new Rig(options.integer("ws-clients", 2))) {
            long setupStart = System.nanoTime();
            List<Pair> pairs = Table.setUp(
                    rig, pairCount, targets.get(0), targets, targets.size() > 1, options.integer("setup-parallel", 32));
            Table.awaitSettled(pairs, 60);
            report.put(
                    "pairs set up",
                    pairs.size() + " of " + pairCount + " in "
                            + String.format("%.1f s", (System.nanoTime() - setupStart) / 1e9));
            report.put("sockets", pairs.size() * 2);
            System.out.println("  " + pairs.size() * 2 + " sockets open (service: " + Admin.openSockets(admins)
                    + "); cutting them all");
            List<Phone> phones = new ArrayList<>();
            pairs.forEach(p -> {
                phones.add(p.a);
                phones.add(p.b);
            });
            // A real phone whose connection attempt fails tries again with backoff and jitter; so do these.
            rig.reconnectOnDrop = true;
            long begin = System.nanoTime();
            for (int i = 0; i < phones.size(); i++) {
                if (i % 2 == 1) {
                    // Half of them come back through the other instance, as after a load balancer's reshuffle.
                    phones.get(i).switchTarget();
                }
                phones.get(i).abortAndReconnect();
            }
            long deadline = begin + TimeUnit.SECONDS.toNanos(options.integer("limit", 30));
            Histogram firstState = Rig.histogram();
            long nextProgress = begin;
            while (System.nanoTime() < deadline && phones.stream().anyMatch(p -> p.firstStateAtNanos == 0)) {
                if (System.nanoTime() >= nextProgress) {
                    nextProgress += TimeUnit.SECONDS.toNanos(1);
                    System.out.printf(
                            "  %4.1f s: %d of %d phones have their state; service has %d sockets; %d attempts failed%n",
                            (System.nanoTime() - begin) / 1e9,
                            phones.stream()
                                    .filter(p -> p.firstStateAtNanos != 0)
                                    .count(),
                            phones.size(),
                            Admin.openSockets(admins),
                            rig.count0("socket.connect_failed"));
                }
                Thread.sleep(50);
            }
            long got = phones.stream().filter(p -> p.firstStateAtNanos != 0).count();
            phones.stream()
                    .filter(p -> p.firstStateAtNanos != 0)
                    .forEach(p -> rig.recordMicros(firstState, p.firstStateAtNanos - begin));
            report.latency("storm: reconnect to first state", firstState);
            report.limit(
                    "every socket got its state within the limit", got == phones.size(), got + " of " + phones.size());
            Table.awaitSettled(pairs, 60);
            report.put("settled after (s)", (System.nanoTime() - begin) / 1e9);
            report.put("service", admins.get(0).sample().asMap());
            report.put("counters", rig.countersSnapshot());
            Table.Verdict verdict = Table.verify(rig, targets.get(0), pairs, 2_000);
            verdict.check(report, pairs.size() == pairCount);
            pairs.forEach(Pair::close);
        }
    }
}
