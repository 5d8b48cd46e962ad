package com.tabletalk.live;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on its own connection for {@code session_changes} and hands each to the hub. The connection is checked
 * while quiet and re-opened with backoff when lost; after every (re)connect the hub resyncs all local sockets,
 * because notifications sent while nobody listened are gone.
 */
public class ChangeListener implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
    private static final int WAIT_MILLIS = 2_000;
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    private final Supplier<Connection> connections;
    private final LiveHub hub;
    private final ChangeNotices notices;
    private final Counter reconnects;
    private final Counter malformed;
    private volatile boolean running;
    private volatile Connection current;
    private volatile boolean listening;
    private Thread thread;

    public ChangeListener(
            Supplier<Connection> connections, LiveHub hub, ChangeNotices notices, MetricRegistry metrics) {
        this.connections = connections;
        this.notices = notices;
        this.hub = hub;
        this.reconnects = metrics.counter("live.listener.reconnects");
        this.malformed = metrics.counter("live.listener.malformed");
        metrics.gauge("live.listener.connected", () -> () -> listening ? 1 : 0);
    }

    public boolean isListening() {
        return listening;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "session-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        closeQuietly(current);
        thread.interrupt();
        thread.join(5_000);
    }

    private void run() {
        long backoff = 250;
        boolean first = true;
        while (running) {
            try (Connection connection = connections.get()) {
                current = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN session_changes");
                }
                listening = true;
                if (!first) {
                    reconnects.inc();
                    LOG.info("Listening for session changes again");
                }
                first = false;
                backoff = 250;
                hub.resyncAll();
                listen(connection.unwrap(PGConnection.class), connection);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn(
                        "Session change listener lost its connection ({}); retrying",
                        e.getClass().getSimpleName());
            } finally {
                listening = false;
                current = null;
            }
            sleep(backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    private void listen(PGConnection listener, Connection connection) throws SQLException {
        while (running) {
            PGNotification[] notifications = listener.getNotifications(WAIT_MILLIS);
            if (notifications == null || notifications.length == 0) {
                if (!connection.isValid(2)) {
                    throw new SQLException("listener connection is no longer valid");
                }
                continue;
            }
            for (PGNotification notification : notifications) {
                dispatch(notification.getParameter());
            }
        }
    }

    /** A payload is one {@link ChangeNotice} or an array of them. */
    private void dispatch(String payload) {
        List<ChangeNotice> read;
        try {
            read = notices.read(payload);
        } catch (IllegalArgumentException e) {
            malformed.inc();
            return;
        }
        read.forEach(hub::changed);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing to wake the listener up; nothing to do if it fails
            }
        }
    }
}
