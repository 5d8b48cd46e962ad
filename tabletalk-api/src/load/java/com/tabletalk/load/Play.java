package com.tabletalk.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Plays pairs at a fixed rate of moves (or actions) per second, open loop: a scheduler hands the next idle pair
 * a move whenever the rate says one is due, so a slow service shows up as delay, not as a lower offered load.
 */
final class Play {

    private final Rig rig;
    private final List<Pair> pairs;
    private final ConcurrentLinkedQueue<Pair> idle = new ConcurrentLinkedQueue<>();
    private final List<Admin> admins;
    final List<Map<String, Object>> samples = new ArrayList<>();
    long started;
    long offeredButNoIdlePair;
    double seconds;

    Play(Rig rig, List<Pair> pairs, List<Admin> admins) {
        this.rig = rig;
        this.pairs = pairs;
        this.admins = admins;
        for (Pair pair : pairs) {
            pair.onIdle(idle::add);
            idle.add(pair);
        }
    }

    /**
     * Runs for {@code duration}; {@code atSecond} is called once a second with the elapsed seconds (for faults).
     * Returns once the last moves have finished or timed out.
     */
    void run(
            double perSecond,
            Duration duration,
            boolean mixed,
            Duration stepTimeout,
            Duration sampleEvery,
            LongConsumer atSecond)
            throws InterruptedException {
        long begin = System.nanoTime();
        long end = begin + duration.toNanos();
        long nextWatch = begin;
        long nextSample = begin;
        long nextSecond = begin + TimeUnit.SECONDS.toNanos(1);
        long second = 0;
        volatileRate = perSecond;
        double credit = 0;
        long last = begin;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            credit += (now - last) / 1e9 * volatileRate;
            last = now;
            while (credit >= 1) {
                credit -= 1;
                Pair pair = idle.poll();
                if (pair == null) {
                    offeredButNoIdlePair++;
                    continue;
                }
                pair.start(mixed);
                started++;
            }
            if (now >= nextWatch) {
                for (Pair pair : pairs) {
                    pair.expire(now, stepTimeout.toNanos());
                }
                nextWatch = now + TimeUnit.MILLISECONDS.toNanos(500);
            }
            if (now >= nextSample) {
                sample(now - begin);
                nextSample = now + sampleEvery.toNanos();
            }
            if (now >= nextSecond) {
                atSecond.accept(++second);
                nextSecond += TimeUnit.SECONDS.toNanos(1);
            }
            Thread.sleep(1);
        }
        seconds = (System.nanoTime() - begin) / 1e9;
        long drainUntil = System.nanoTime() + stepTimeout.toNanos() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < drainUntil && pairs.stream().anyMatch(Pair::isBusy)) {
            for (Pair pair : pairs) {
                pair.expire(System.nanoTime(), stepTimeout.toNanos());
            }
            Thread.sleep(50);
        }
        sample(System.nanoTime() - begin);
    }

    /** The offered rate can be changed while running (e.g. paused during a fault). */
    volatile double volatileRate;

    private void sample(long elapsedNanos) {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("atSeconds", Math.round(elapsedNanos / 1e8) / 10.0);
        sample.put("moves", pairs.stream().mapToLong(p -> p.moves).sum());
        for (int i = 0; i < admins.size(); i++) {
            sample.put("instance" + (i + 1), admins.get(i).sample().asMap());
        }
        samples.add(sample);
        System.out.println("  " + sample);
    }

    long moves() {
        return pairs.stream().mapToLong(p -> p.moves).sum();
    }

    long actions() {
        return pairs.stream().mapToLong(p -> p.actions).sum();
    }
}
