package com.tabletalk.session;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires sessions whose time is up (so their phones hear of it) and deletes closed ones after the retention
 * time. Each step is a bounded statement that skips rows another instance holds, so every instance may run it.
 */
public class SessionJanitor implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(SessionJanitor.class);
    private static final int BATCH = 500;
    private static final Duration MAX_EXPIRY_DELAY = Duration.ofSeconds(15);

    private final SessionService sessions;
    private final Duration cleanupInterval;
    private ScheduledExecutorService scheduler;

    public SessionJanitor(SessionService sessions, Duration cleanupInterval) {
        this.sessions = sessions;
        this.cleanupInterval = cleanupInterval;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "session-janitor");
            thread.setDaemon(true);
            return thread;
        });
        long expiryMillis = Math.min(cleanupInterval.toMillis(), MAX_EXPIRY_DELAY.toMillis());
        scheduler.scheduleWithFixedDelay(this::expire, expiryMillis, expiryMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(
                this::delete, cleanupInterval.toMillis(), cleanupInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Expires every session that is due, a batch at a time. */
    public int expire() {
        int total = 0;
        try {
            int expired;
            do {
                expired = sessions.expireDue(BATCH);
                total += expired;
            } while (expired == BATCH);
        } catch (RuntimeException e) {
            LOG.warn("Expiring sessions failed; will retry: {}", e.getMessage());
        }
        return total;
    }

    /** Deletes every closed session past the retention time, a batch at a time. */
    public int delete() {
        int total = 0;
        try {
            int deleted;
            do {
                deleted = sessions.deleteClosed(BATCH);
                total += deleted;
            } while (deleted == BATCH);
        } catch (RuntimeException e) {
            LOG.warn("Deleting old sessions failed; will retry: {}", e.getMessage());
        }
        return total;
    }
}
