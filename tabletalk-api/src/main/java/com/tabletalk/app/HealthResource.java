package com.tabletalk.app;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Health for the load balancer: {@code /health} asks every registered check (the database among them) and
 * answers within a fixed deadline, so a hung database turns into 503 rather than a hung probe;
 * {@code /health/live} only says the process is up. Details of failures stay on the admin port.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private final HealthCheckRegistry checks;
    private final ExecutorService executor;
    private final long deadlineMillis;

    public HealthResource(HealthCheckRegistry checks, ExecutorService executor, long deadlineMillis) {
        this.checks = checks;
        this.executor = executor;
        this.deadlineMillis = deadlineMillis;
    }

    public record Check(boolean healthy) {
    }

    public record Health(String status, Map<String, Check> checks) {
    }

    @GET
    public Response health() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
        Map<String, Future<HealthCheck.Result>> running = new LinkedHashMap<>();
        for (String name : checks.getNames()) {
            try {
                running.put(name, executor.submit(() -> checks.runHealthCheck(name)));
            } catch (RejectedExecutionException busy) {
                running.put(name, null);
            }
        }
        Map<String, Check> results = new LinkedHashMap<>();
        boolean healthy = true;
        for (Map.Entry<String, Future<HealthCheck.Result>> entry : running.entrySet()) {
            boolean ok = isHealthy(entry.getValue(), deadline);
            results.put(entry.getKey(), new Check(ok));
            healthy &= ok;
        }
        Health body = new Health(healthy ? "ok" : "unhealthy", results);
        return Response.status(healthy ? 200 : 503).entity(body).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/live")
    public Response live() {
        return Response.ok(Map.of("status", "ok")).header("Cache-Control", "no-store").build();
    }

    private static boolean isHealthy(Future<HealthCheck.Result> result, long deadline) {
        if (result == null) {
            return false;
        }
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            return result.get(left, TimeUnit.NANOSECONDS).isHealthy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception timedOutOrFailed) {
            result.cancel(true);
            return false;
        }
    }
}
