package com.tabletalk.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * {@code create}: sessions per second through REST, open loop, for a while. With {@code --settle N}, the latency and
 * rate from the N-th second on are reported apart as well: how a freshly started instance does once it has had N
 * seconds to warm up.
 */
final class CreateScenario implements Scenario {

    @Override
    public void run(Options options, Report report) throws Exception {
        String target = options.target();
        double rate = options.number("rate", 1000);
        Duration duration = options.seconds("duration", 60);
        int maxInFlight = options.integer("max-in-flight", 512);
        List<Admin> admins = options.admins();
        try (Rig rig = new Rig(1)) {
            Api api = new Api(rig.rest, target);
            Histogram latency = Rig.histogram();
            Histogram settled = Rig.histogram();
            long settleNanos = TimeUnit.SECONDS.toNanos(options.integer("settle", 0));
            AtomicInteger createdSettled = new AtomicInteger();
            Semaphore inFlight = new Semaphore(maxInFlight);
            AtomicInteger created = new AtomicInteger();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
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
                    api.postAsync(
                                    "/sessions",
                                    Api.createBody(
                                            "c-" + run + "-" + n,
                                            contexts[(int) (n % 3)],
                                            n % 2 == 0 ? "dual" : "single"),
                                    null,
                                    Api.randomAddress())
                            .whenComplete((reply, failure) -> {
                                inFlight.release();
                                rig.recordMicros(latency, System.nanoTime() - t0);
                                boolean afterSettling = settleNanos > 0 && t0 - begin >= settleNanos;
                                if (afterSettling) {
                                    rig.recordMicros(settled, System.nanoTime() - t0);
                                }
                                int status = failure != null ? -1 : reply.status();
                                statuses.computeIfAbsent(status, s -> new AtomicInteger())
                                        .incrementAndGet();
                                if (status == 201) {
                                    created.incrementAndGet();
                                    if (afterSettling) {
                                        createdSettled.incrementAndGet();
                                    }
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
            report.put("statuses", new TreeMap<>(statuses));
            report.latency("create latency", latency);
            if (settleNanos > 0) {
                report.put(
                        "sessions created per second after settling",
                        createdSettled.get() / (seconds - settleNanos / 1e9));
                report.latency("create latency after settling", settled);
            }
            report.put("samples", samples);
            report.put("service at end", admins.get(0).sample().asMap());
            long failures = statuses.entrySet().stream()
                    .filter(e -> e.getKey() != 201)
                    .mapToLong(e -> e.getValue().get())
                    .sum();
            report.check("no errors", failures == 0, failures + " non-201 answers");
        }
    }
}
