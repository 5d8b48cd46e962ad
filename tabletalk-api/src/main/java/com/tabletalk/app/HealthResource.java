package com.tabletalk.app;

import com.codahale.metrics.health.HealthCheckRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Health for the load balancer: {@code /health} asks every registered check (the database among them) and
 * answers within a fixed deadline, so a hung database turns into 503 rather than a hung probe;
 * {@code /health/live} only says the process is up. Details of failures stay on the admin port.
 *
 * <p>The endpoint is public, so probes that arrive while a round of checks is running wait for that round instead of
 * starting their own: a burst of any size runs one round at a time and says unhealthy only when a check does.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private final HealthCheckRegistry checks;
    private final ExecutorService executor;
    private final long deadlineNanos;
    private final AtomicReference<Round> current = new AtomicReference<>();

    public HealthResource(HealthCheckRegistry checks, ExecutorService executor, long deadlineMillis) {
        this.checks = checks;
        this.executor = executor;
        this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
    }

    public record Check(boolean healthy) {}

    public record Health(String status, Map<String, Check> checks) {}

    /** One run of every check, shared by the probes that arrive while it runs. */
    private static final class Round {
        final long startedNanos = System.nanoTime();
        final CompletableFuture<Map<String, Boolean>> results = new CompletableFuture<>();
        volatile Future<?> task;

        void abandon() {
            Future<?> running = task;
            if (running != null) {
                running.cancel(true);
            }
        }
    }

    @GET
    public Response health() {
        long deadline = System.nanoTime() + deadlineNanos;
        Map<String, Boolean> outcome = await(currentRound(), deadline);
        Map<String, Check> results = new LinkedHashMap<>();
        boolean healthy = true;
        for (String name : checks.getNames()) {
            boolean ok = outcome.getOrDefault(name, false);
            results.put(name, new Check(ok));
            healthy &= ok;
        }
        Health body = new Health(healthy ? "ok" : "unhealthy", results);
        return Response.status(healthy ? 200 : 503)
                .entity(body)
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/live")
    public Response live() {
        return Response.ok(Map.of("status", "ok"))
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * The round still running, or a new one. A round that has outlived the deadline is hung; it is abandoned so
     * that health can turn back to ok once the database answers again.
     */
    private Round currentRound() {
        while (true) {
            Round round = current.get();
            if (round != null && !round.results.isDone() && System.nanoTime() - round.startedNanos < deadlineNanos) {
                return round;
            }
            Round fresh = new Round();
            if (current.compareAndSet(round, fresh)) {
                if (round != null && !round.results.isDone()) {
                    round.abandon();
                }
                start(fresh);
                return fresh;
            }
        }
    }

    private void start(Round round) {
        try {
            round.task = executor.submit(() -> {
                try {
                    Map<String, Boolean> results = new LinkedHashMap<>();
                    for (String name : checks.getNames()) {
                        results.put(name, checks.runHealthCheck(name).isHealthy());
                    }
                    round.results.complete(results);
                } catch (RuntimeException failed) {
                    round.results.completeExceptionally(failed);
                }
            });
        } catch (RejectedExecutionException busy) {
            round.results.complete(Map.of());
        }
    }

    private static Map<String, Boolean> await(Round round, long deadline) {
        try {
            return round.results.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (TimeoutException | ExecutionException | CancellationException failedOrTooSlow) {
            return Map.of();
        }
    }
}
