package com.tabletalk.live;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.tabletalk.session.SessionService;
import com.tabletalk.session.SessionView;
import io.dropwizard.lifecycle.Managed;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's live sockets, by session. When the database announces a change of a session that has sockets
 * here, the hub reads the state once and sends it to each of them; changes that arrive while a read is under
 * way are folded into one more read, so a busy session costs a read per burst, not per change.
 */
public class LiveHub implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    private static final long HEARTBEAT_SECONDS = 5;
    private static final long PING_EVERY_HEARTBEATS = 5;

    private final SessionService sessions;
    private final Presence presence;
    private final ExecutorService fanout;
    private final ScheduledExecutorService scheduler;
    private final ConcurrentHashMap<UUID, Set<LiveSocket>> bySession = new ConcurrentHashMap<>();
    /** Sessions with a read under way or queued, with the commit time of the oldest change it covers. */
    private final ConcurrentHashMap<UUID, Long> pending = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Meter notifications;
    private final Counter resyncs;
    private final Timer delivery;
    private final Timer fanoutDelay;
    private volatile boolean stopping;
    private long heartbeats;

    public LiveHub(SessionService sessions, Presence presence, ExecutorService fanout, ScheduledExecutorService scheduler,
                   MetricRegistry metrics) {
        this.sessions = sessions;
        this.presence = presence;
        this.fanout = fanout;
        this.scheduler = scheduler;
        this.notifications = metrics.meter("live.notifications");
        this.resyncs = metrics.counter("live.resyncs");
        this.delivery = metrics.timer("live.fanout.delivery");
        this.fanoutDelay = metrics.timer("live.fanout.delay");
        metrics.gauge("live.sockets.open", () -> open::get);
        metrics.counter("live.closed.rate_limited");
        metrics.counter("live.closed.slow");
        metrics.gauge("live.sessions.watched", () -> bySession::size);
    }

    public SessionService sessions() {
        return sessions;
    }

    public Presence presence() {
        return presence;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public boolean isStopping() {
        return stopping;
    }

    void register(LiveSocket socket) {
        bySession.computeIfAbsent(socket.sessionId(), id -> ConcurrentHashMap.newKeySet()).add(socket);
        open.incrementAndGet();
    }

    void unregister(LiveSocket socket) {
        bySession.computeIfPresent(socket.sessionId(), (id, sockets) -> {
            if (sockets.remove(socket)) {
                open.decrementAndGet();
            }
            return sockets.isEmpty() ? null : sockets;
        });
    }

    /**
     * A session changed (told by the database, from any instance); {@code committedAtMillis} is the database's
     * time of the change, or 0 when unknown.
     */
    public void changed(UUID sessionId, long version, long committedAtMillis) {
        notifications.mark();
        if (!bySession.containsKey(sessionId)) {
            return;
        }
        if (pending.putIfAbsent(sessionId, committedAtMillis) == null) {
            try {
                fanout.execute(() -> deliver(sessionId));
            } catch (RejectedExecutionException shuttingDown) {
                pending.remove(sessionId);
            }
        }
    }

    /** After the listener (re)connects: notifications may have been missed, so every local socket gets the truth. */
    public void resyncAll() {
        resyncs.inc();
        for (UUID sessionId : bySession.keySet()) {
            changed(sessionId, -1, 0);
        }
    }

    private void deliver(UUID sessionId) {
        Long committedAt = pending.remove(sessionId);
        Set<LiveSocket> sockets = bySession.get(sessionId);
        if (sockets == null || sockets.isEmpty()) {
            return;
        }
        try (Timer.Context ignored = delivery.time()) {
            Optional<SessionView> state = sessions.find(sessionId);
            for (LiveSocket socket : sockets) {
                if (state.isPresent()) {
                    socket.deliver(state.get());
                } else {
                    socket.closeGone();
                }
            }
            if (committedAt != null && committedAt > 0) {
                fanoutDelay.update(Math.max(0, System.currentTimeMillis() - committedAt), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            // The database is away: sockets stay open and the listener's resync brings them up to date.
            LOG.warn("Could not read a changed session for its sockets: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        scheduler.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    private void heartbeat() {
        try {
            presence.heartbeat();
            presence.sweep();
        } catch (RuntimeException e) {
            LOG.warn("Presence heartbeat failed; will retry: {}", e.getClass().getSimpleName());
        }
        if (++heartbeats % PING_EVERY_HEARTBEATS == 0) {
            // Keeps load balancers from cutting a quiet table's connection.
            bySession.values().forEach(sockets -> sockets.forEach(LiveSocket::ping));
        }
    }

    /** Shutdown: phones are told to reconnect (1001, to another instance) and this instance's presence is withdrawn. */
    @Override
    public void stop() {
        stopping = true;
        bySession.values().forEach(sockets -> sockets.forEach(LiveSocket::closeGoingAway));
        try {
            presence.goodbye();
        } catch (RuntimeException e) {
            LOG.warn("Could not withdraw presence on shutdown: {}", e.getClass().getSimpleName());
        }
    }

    public int openSockets() {
        return open.get();
    }
}
