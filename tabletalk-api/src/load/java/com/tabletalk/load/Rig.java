package com.tabletalk.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** What every phone and pair of one run share: HTTP clients, a scheduler, histograms and counters. */
final class Rig implements AutoCloseable {

    private static final long MAX_MICROS = Duration.ofMinutes(2).toNanos() / 1000;

    final HttpClient rest;
    private final WebSocketClient[] sockets;
    private final AtomicInteger nextSocketClient = new AtomicInteger();
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("load-scheduler"));
    /** Phone-to-phone delay: A sends, B receives the resulting state; microseconds on this process's clock. */
    final Histogram phoneToPhone = histogram();
    /** A dropped phone: from the drop to the first state after its new hello. */
    final Histogram reconnect = histogram();

    final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    volatile boolean reconnectOnDrop;
    /** Every this many moves, both phones of a pair send {@code next} at one version at once (0: never). */
    volatile int raceEvery;

    Rig(int socketClients) {
        rest = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8, daemon("load-rest")))
                .build();
        sockets = new WebSocketClient[socketClients];
        for (int i = 0; i < socketClients; i++) {
            sockets[i] = socketClient("load-ws-" + i);
        }
    }

    /** A browser keeps a quiet socket open for as long as the page is; so do the phones (the service pings). */
    private static WebSocketClient socketClient(String name) {
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName(name);
        threads.setDaemon(true);
        org.eclipse.jetty.client.HttpClient http = new org.eclipse.jetty.client.HttpClient();
        http.setExecutor(threads);
        http.setConnectTimeout(10_000);
        WebSocketClient client = new WebSocketClient(http);
        client.setIdleTimeout(Duration.ofMinutes(10));
        client.setStopAtShutdown(false);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start a WebSocket client", e);
        }
        return client;
    }

    static Histogram histogram() {
        return new ConcurrentHistogram(1, MAX_MICROS, 3);
    }

    WebSocketClient socketClient() {
        return sockets[Math.floorMod(nextSocketClient.getAndIncrement(), sockets.length)];
    }

    void count(String name) {
        counters.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    long count0(String name) {
        LongAdder adder = counters.get(name);
        return adder == null ? 0 : adder.sum();
    }

    /** The error code with which the service refuses work while it is overloaded; the client may try again. */
    static final String BUSY = "unavailable";

    /** Error messages the service sent to the phones, other than "busy, try again". */
    long errorMessages() {
        return counters.keySet().stream()
                .filter(k -> k.startsWith("error.") && !k.equals("error." + BUSY))
                .mapToLong(this::count0)
                .sum();
    }

    /** Commands the service refused as too busy. */
    long busyRefusals() {
        return count0("error." + BUSY);
    }

    Map<String, Long> countersSnapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counters.forEach((k, v) -> snapshot.put(k, v.sum()));
        return snapshot;
    }

    void recordMicros(Histogram histogram, long nanos) {
        histogram.recordValue(Math.max(1, Math.min(MAX_MICROS, nanos / 1000)));
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        for (WebSocketClient client : sockets) {
            try {
                client.stop();
            } catch (Exception e) {
                count("socket.client_stop_failed");
            }
        }
    }
}
