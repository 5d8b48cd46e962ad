package com.tabletalk.insight;

import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes the recent days of every restaurant and the walk-in tables now and then, so that days close (become
 * final) without anyone opening a dashboard. Each instance may run it: a day's row is locked while it is
 * recomputed, and a day that another instance has just computed or finalized is skipped.
 */
public class InsightFinalizer implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(InsightFinalizer.class);
    /** A local day is final seven hours after it ended; three UTC days back cover every zone. */
    private static final int DAYS_BACK = 3;
    /** How far back the first run fills days that have no figures yet, one day at a time. */
    private static final int BACKFILL_DAYS = InsightRange.MAX_DAYS + DAYS_BACK;

    private final Insights insights;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public InsightFinalizer(Insights insights, Duration interval, Clock clock) {
        this.insights = insights;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "insight-finalizer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.schedule(this::backfill, 1, TimeUnit.MINUTES);
        scheduler.scheduleWithFixedDelay(
                this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }

    /**
     * Computes the older days that have no figures yet (after the rollups are first deployed, or after a restore),
     * newest first and a day per transaction, so that the first dashboard over a long range need not do it.
     */
    public int backfill() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int total = 0;
        try {
            for (int back = DAYS_BACK + 1; back <= BACKFILL_DAYS; back++) {
                total += insights.refreshDays(today.minusDays(back), today.minusDays(back), InsightFinalizer::rest);
            }
            LOG.info("Computed dashboard figures for {} earlier days", total);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Computing earlier dashboard days failed; a dashboard read computes them: {}", e.getMessage());
        }
        return total;
    }

    /** Recomputes the open days from three days ago to tomorrow (UTC), whose local days every zone falls in. */
    public int refresh() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        try {
            int days = insights.refreshDays(today.minusDays(DAYS_BACK), today.plusDays(1), InsightFinalizer::rest);
            LOG.debug("Recomputed {} open dashboard days", days);
            return days;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (RuntimeException e) {
            LOG.warn("Recomputing dashboard days failed; will retry: {}", e.getMessage());
            return 0;
        }
    }

    /** As long again as the last piece of work took, at most a second. */
    private static void rest(Duration worked) throws InterruptedException {
        Thread.sleep(Math.min(worked.toMillis(), 1_000));
    }
}
