package com.tabletalk.event;

import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the event log's monthly partitions: makes those for the coming months (so no event lands in the default
 * partition) and, with a retention set, drops whole months once they are older than it. Both steps take the
 * advisory lock that {@code visit_events_ensure_partitions} takes, so every instance may run them at once.
 */
public class EventJanitor implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(EventJanitor.class);
    private static final Duration INTERVAL = Duration.ofHours(1);
    /** The names {@code visit_events_ensure_partitions} gives; the default partition does not match. */
    private static final Pattern MONTHLY = Pattern.compile("visit_events_(\\d{4})_(\\d{2})");

    /** What one round did: partitions made, and the names of those dropped. */
    public record Upkeep(int made, List<String> dropped) {}

    private final Jdbi jdbi;
    private final int monthsAhead;
    private final Optional<Duration> retention;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public EventJanitor(Jdbi jdbi, EventsConfig config, Clock clock) {
        this.jdbi = jdbi;
        this.monthsAhead = config.partitionsAheadMonths();
        this.retention = config.keepFor();
        this.clock = clock;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-janitor");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runQuietly, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("Event log upkeep failed; will retry: {}", e.getClass().getSimpleName());
        }
    }

    /** One round of upkeep. */
    public Upkeep run() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int made = jdbi.withHandle(handle -> handle.createQuery("SELECT visit_events_ensure_partitions(:from, :to)")
                .bind("from", today.withDayOfMonth(1))
                .bind("to", today.plusMonths(monthsAhead))
                .mapTo(Integer.class)
                .one());
        if (made > 0) {
            LOG.info("Made {} monthly partitions of the event log, up to {} months ahead", made, monthsAhead);
        }
        List<String> dropped = retention.map(this::dropOlderThan).orElse(List.of());
        return new Upkeep(made, dropped);
    }

    /** Drops each monthly partition whose last moment is before now minus the retention. */
    private List<String> dropOlderThan(Duration keep) {
        LocalDate cutoff = LocalDate.ofInstant(clock.instant().minus(keep), ZoneOffset.UTC);
        return jdbi.inTransaction(handle -> {
            handle.execute("SELECT pg_advisory_xact_lock(hashtext('visit_events_ensure_partitions'))");
            // Detaching locks the whole table: rather than make event writes queue behind a long read (an export),
            // give up and try again next round.
            handle.execute("SET LOCAL lock_timeout = '5s'");
            List<String> dropped = new ArrayList<>();
            for (String name : partitions(handle)) {
                Matcher month = MONTHLY.matcher(name);
                if (!month.matches()) {
                    continue;
                }
                LocalDate end = LocalDate.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)), 1)
                        .plusMonths(1);
                if (!end.isAfter(cutoff)) {
                    // The name matched the pattern above, so it is safe to put into the statement as it is.
                    handle.execute("ALTER TABLE visit_events DETACH PARTITION " + name);
                    handle.execute("DROP TABLE " + name);
                    dropped.add(name);
                }
            }
            if (!dropped.isEmpty()) {
                LOG.info(
                        "Dropped {} monthly partitions of the event log, older than {}: {}",
                        dropped.size(),
                        keep,
                        dropped);
            }
            return dropped;
        });
    }

    private static List<String> partitions(Handle handle) {
        return handle.createQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                        + "WHERE i.inhparent = 'visit_events'::regclass ORDER BY c.relname")
                .mapTo(String.class)
                .list();
    }
}
