package com.tabletalk.live;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.tabletalk.common.BatchingWriter;
import com.tabletalk.session.SessionChange;
import com.tabletalk.session.SessionListener;
import com.tabletalk.session.SessionRow;
import io.dropwizard.lifecycle.Managed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces this instance's committed changes to every instance on {@code session_changes}, many per NOTIFY:
 * a NOTIFY takes a database-wide lock until its transaction commits, so one per write would serialise all
 * writes. Each {@link ChangeNotice} carries the changed fields of the row, so an instance with sockets on the session
 * passes the change on without reading the row.
 * While the database is away nothing can be announced; every listener resyncs its sockets when it reconnects.
 */
public class ChangeNotifier implements SessionListener, Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifier.class);
    private static final int QUEUE_CAPACITY = 100_000;
    /**
     * Changes gather for a few milliseconds before each NOTIFY: at 1,000 changes a second, a batch of about five
     * instead of two or three halves the statements, and other instances hear of a change at most this much later.
     */
    private static final Duration LINGER = Duration.ofMillis(5);

    private static final String NOTIFY = "/* ChangeNotifier.send */ SELECT pg_notify('session_changes', payload) "
            + "FROM unnest(CAST(? AS text[])) AS payload";

    private final Jdbi jdbi;
    private final ChangeNotices notices;
    private final BatchingWriter<ChangeNotice> writer;
    private final Meter sent;
    private final Counter dropped;

    public ChangeNotifier(Jdbi jdbi, ChangeNotices notices, MetricRegistry metrics) {
        this.jdbi = jdbi;
        this.notices = notices;
        this.writer = new BatchingWriter<>("session-change-notifier", QUEUE_CAPACITY, 5_000, LINGER, this::send);
        this.sent = metrics.meter("live.notify.batches");
        this.dropped = metrics.counter("live.notify.dropped");
        metrics.gauge("live.notify.queued", () -> writer::queued);
    }

    @Override
    public void changed(SessionRow session) {
        ChangeNotice notice = new ChangeNotice(
                session.id(), session.version(), System.currentTimeMillis(), SessionChange.of(session));
        if (!writer.offer(notice)) {
            dropped.inc();
        }
    }

    @Override
    public void start() {
        writer.start();
    }

    @Override
    public void stop() throws InterruptedException {
        writer.stop();
    }

    /**
     * One statement for the whole batch, so the notification lock is taken once, and in autocommit: an explicit
     * transaction would add its own round trips (begin, isolation level, commit) to every batch. It runs after every
     * change, so it is sent as plain JDBC on the handle's connection: Jdbi's binding of the array and its result
     * bookkeeping cost more than the statement itself.
     */
    private boolean send(List<ChangeNotice> batch) {
        String[] payloads = notices.payloads(batch).toArray(String[]::new);
        try {
            jdbi.useHandle(handle -> {
                Connection connection = handle.getConnection();
                try (PreparedStatement statement = connection.prepareStatement(NOTIFY)) {
                    statement.setArray(1, connection.createArrayOf("text", payloads));
                    statement.execute();
                } catch (SQLException e) {
                    throw new UnableToExecuteStatementException("Could not announce session changes", e, null);
                }
            });
            sent.mark(payloads.length);
            return true;
        } catch (RuntimeException e) {
            // The database is away: listeners lose their connection too and resync every socket when it returns.
            dropped.inc(batch.size());
            LOG.warn(
                    "Could not announce {} session changes: {}",
                    batch.size(),
                    e.getClass().getSimpleName());
            return false;
        }
    }
}
