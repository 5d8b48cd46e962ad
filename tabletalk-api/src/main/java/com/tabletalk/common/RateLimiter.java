package com.tabletalk.common;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Rate limits kept in PostgreSQL, so every instance draws on the same buckets. Keys are hashed before they are
 * stored: the table never holds a client's address.
 */
public class RateLimiter {

    /** A named limit: {@code capacity} requests, refilled at that many per {@code period}. */
    public record Limit(String name, long capacity, Duration period) {}

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final boolean enabled;
    private final MetricRegistry metrics;
    private final Counter rejected;

    public RateLimiter(DataSource dataSource, boolean enabled, MetricRegistry metrics) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(restoringAutoCommit(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.enabled = enabled;
        this.metrics = metrics;
        this.rejected = metrics.counter("ratelimit.rejected");
    }

    /** Takes one request from the key's bucket, or refuses with 429 and how long to wait. */
    public void check(Limit limit, String key) {
        if (!enabled) {
            return;
        }
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth ->
                        bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
        ConsumptionProbe probe = buckets.getProxy(limit.name() + ":" + hash(key), () -> configuration)
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            rejected.inc();
            metrics.counter("ratelimit.rejected." + limit.name()).inc();
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
            throw new ApiException(
                    ErrorCode.RATE_LIMITED,
                    "Too many requests; try again in " + seconds + " s.",
                    Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    /** Deletes buckets that have refilled completely; returns how many. */
    public int removeExpired() {
        return buckets.removeExpired(1000);
    }

    /** For a scheduler: a failed clean-up is retried next time. */
    public void removeExpiredQuietly() {
        try {
            removeExpired();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(RateLimiter.class)
                    .warn(
                            "Could not remove expired rate-limit buckets: {}",
                            e.getClass().getSimpleName());
        }
    }

    /**
     * Bucket4j turns auto-commit off on the connections it borrows and leaves it off. Handed back like that, a
     * pooled connection would run everyone else's statements in a transaction nobody commits, holding row locks.
     * So every connection it gets is restored (rolled back, auto-commit on) before it goes back to the pool.
     */
    private static DataSource restoringAutoCommit(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(
                RateLimiter.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(pool, method, args);
                    return result instanceof Connection connection ? restoring(connection) : result;
                });
    }

    private static Connection restoring(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                RateLimiter.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0 && !connection.isClosed()) {
                        try {
                            if (!connection.getAutoCommit()) {
                                connection.rollback();
                                connection.setAutoCommit(true);
                            }
                        } finally {
                            connection.close();
                        }
                        return null;
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
