package com.tabletalk.live;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.session.SessionListener;
import com.tabletalk.session.SessionRow;
import com.tabletalk.session.SessionService;
import com.tabletalk.session.SessionView;
import io.dropwizard.lifecycle.Managed;
import java.util.Map;
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
 * here, the hub sends the new state to each of them: built from the changed fields the notice carries and the row
 * kept for the session, or else read once. Changes that arrive while a delivery is under way are folded into one
 * more, so a busy session costs at most one read per burst, not per change.
 */
public class LiveHub implements Managed, SessionListener {

    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    private static final long HEARTBEAT_SECONDS = 5;
    /** Pings every 10 s keep load balancers from cutting a quiet table and show who still answers. */
    private static final long PING_EVERY_HEARTBEATS = 2;
    /** A phone that answers no ping for this long (two pings missed) is dropped; a real one reconnects and resyncs. */
    private static final long SILENCE_NANOS = TimeUnit.SECONDS.toNanos(25);
    /**
     * A few tabs of one phone are fine, and so is a reconnecting phone whose old socket is not yet known to be dead
     * (it is dropped within 25 s of going silent). More than this on one instance is a client gone wrong or
     * someone replaying a token, and each socket costs memory and a share of every fan-out.
     */
    public static final int MAX_SOCKETS_PER_PARTICIPANT = 4;
    /** A delivery for which no kept row will do: the row is read. */
    private static final long READ_AGAIN = Long.MAX_VALUE;

    private final SessionService sessions;
    private final ObjectMapper json;
    private final Presence presence;
    private final ExecutorService fanout;
    private final ScheduledExecutorService scheduler;
    /** Each session's sockets here, with the participant each belongs to. */
    private final ConcurrentHashMap<UUID, ConcurrentHashMap<LiveSocket, String>> bySession = new ConcurrentHashMap<>();
    /** Sessions with a delivery queued, with the newest version it must show and the oldest change it covers. */
    private final ConcurrentHashMap<UUID, Due> pending = new ConcurrentHashMap<>();
    /** The newest version already handed to this instance's sockets, per session: no need to read it again. */
    private final ConcurrentHashMap<UUID, Long> delivered = new ConcurrentHashMap<>();

    private final AtomicInteger open = new AtomicInteger();
    private final Meter notifications;
    private final Counter resyncs;
    private final Counter refusedBeyondLimit;
    private final Counter reads;
    private final Timer delivery;
    private final Timer fanoutDelay;
    private volatile boolean stopping;
    private long heartbeats;

    public LiveHub(
            SessionService sessions,
            Presence presence,
            ExecutorService fanout,
            ScheduledExecutorService scheduler,
            ObjectMapper json,
            MetricRegistry metrics) {
        this.sessions = sessions;
        this.json = json;
        this.presence = presence;
        this.fanout = fanout;
        this.scheduler = scheduler;
        this.notifications = metrics.meter("live.notifications");
        this.resyncs = metrics.counter("live.resyncs");
        this.refusedBeyondLimit = metrics.counter("live.refused.sockets_per_participant");
        this.reads = metrics.counter("live.fanout.reads");
        this.delivery = metrics.timer("live.fanout.delivery");
        this.fanoutDelay = metrics.timer("live.fanout.delay");
        metrics.gauge("live.sockets.open", () -> open::get);
        metrics.counter("live.closed.rate_limited");
        metrics.counter("live.closed.slow");
        metrics.counter("live.closed.silent");
        metrics.gauge("live.sessions.watched", () -> bySession::size);
    }

    public boolean isStopping() {
        return stopping;
    }

    /**
     * Adds the socket of a participant inside the map's atomic update: adding to a map fetched with
     * {@code computeIfAbsent} could land in one that a concurrent {@link #unregister} had just emptied and dropped,
     * and the socket would then receive nothing and never be counted out. Counting in the same update keeps
     * sockets opened at the same moment from passing {@link #MAX_SOCKETS_PER_PARTICIPANT} together.
     *
     * @return false, adding nothing, when the participant already has that many sockets here
     */
    boolean register(LiveSocket socket, String participant) {
        boolean[] added = {false};
        bySession.compute(socket.sessionId(), (id, sockets) -> {
            ConcurrentHashMap<LiveSocket, String> into = sockets == null ? new ConcurrentHashMap<>() : sockets;
            if (sockets == null) {
                this.sessions.watch(id);
            }
            long theirs = into.values().stream().filter(participant::equals).count();
            if (into.containsKey(socket) || theirs < MAX_SOCKETS_PER_PARTICIPANT) {
                added[0] = true;
                if (into.putIfAbsent(socket, participant) == null) {
                    open.incrementAndGet();
                }
            }
            return into.isEmpty() ? null : into;
        });
        if (!added[0]) {
            refusedBeyondLimit.inc();
        }
        return added[0];
    }

    /** This instance's sockets of one session that are receiving its changes. */
    Set<LiveSocket> socketsOf(UUID sessionId) {
        return Set.copyOf(
                bySession.getOrDefault(sessionId, new ConcurrentHashMap<>()).keySet());
    }

    void unregister(LiveSocket socket) {
        bySession.computeIfPresent(socket.sessionId(), (id, sockets) -> {
            if (sockets.remove(socket) != null) {
                open.decrementAndGet();
            }
            if (sockets.isEmpty()) {
                delivered.remove(id);
                this.sessions.unwatch(id);
                return null;
            }
            return sockets;
        });
    }

    /**
     * A change made on this instance: its own sockets get the written state at once, without waiting for the
     * notification or reading the row again. Other instances hear of it through the database.
     */
    @Override
    public void changed(SessionRow session) {
        Map<LiveSocket, String> sockets = bySession.get(session.id());
        if (sockets == null || sockets.isEmpty()) {
            return;
        }
        sendToAll(sockets.keySet(), Optional.of(session));
        delivered.merge(session.id(), session.version(), Math::max);
    }

    /**
     * A delivery owed to a session's sockets: at least {@code version} (or a fresh read, {@link #READ_AGAIN}), for
     * changes the database committed from {@code committedAtMillis} on (0 when unknown).
     */
    private record Due(long version, long committedAtMillis) {
        Due and(Due later) {
            long oldest = committedAtMillis == 0
                    ? later.committedAtMillis
                    : later.committedAtMillis == 0
                            ? committedAtMillis
                            : Math.min(committedAtMillis, later.committedAtMillis);
            return new Due(Math.max(version, later.version), oldest);
        }
    }

    /**
     * Another instance changed a session, as the database tells (this instance's own changes reach its sockets
     * through {@link #changed(SessionRow)}). A notice that carries the changed fields brings the session's kept row up
     * to date, and its sockets are sent that row; one without them has the row read.
     */
    void changed(ChangeNotice notice) {
        notifications.mark();
        if (!bySession.containsKey(notice.id())) {
            return;
        }
        Long seen = delivered.get(notice.id());
        if (seen != null && seen >= notice.version()) {
            return;
        }
        if (notice.state() != null) {
            sessions.heard(notice.state());
        }
        owe(notice.id(), new Due(notice.version(), notice.at()));
    }

    /** After the listener (re)connects: notifications may have been missed, so every local socket gets the truth. */
    public void resyncAll() {
        resyncs.inc();
        for (UUID sessionId : bySession.keySet()) {
            owe(sessionId, new Due(READ_AGAIN, 0));
        }
    }

    private void owe(UUID sessionId, Due due) {
        boolean[] first = {false};
        pending.compute(sessionId, (id, owed) -> {
            first[0] = owed == null;
            return owed == null ? due : owed.and(due);
        });
        if (first[0]) {
            try {
                fanout.execute(() -> deliver(sessionId));
            } catch (RejectedExecutionException shuttingDown) {
                pending.remove(sessionId);
            }
        }
    }

    private void deliver(UUID sessionId) {
        Due due = pending.remove(sessionId);
        Map<LiveSocket, String> sockets = bySession.get(sessionId);
        if (due == null || sockets == null || sockets.isEmpty()) {
            return;
        }
        try {
            delivery.time(() -> {
                Optional<SessionRow> session = sessions.keptAtLeast(sessionId, due.version());
                if (session.isEmpty()) {
                    reads.inc();
                    session = sessions.row(sessionId);
                }
                sendToAll(sockets.keySet(), session);
                session.ifPresent(row -> delivered.merge(sessionId, row.version(), Math::max));
            });
            if (due.committedAtMillis() > 0) {
                fanoutDelay.update(
                        Math.max(0, System.currentTimeMillis() - due.committedAtMillis()), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            // The database is away: sockets stay open and the listener's resync brings them up to date.
            LOG.warn(
                    "Could not read a changed session for its sockets: {}",
                    e.getClass().getSimpleName());
        }
    }

    private void sendToAll(Set<LiveSocket> sockets, Optional<SessionRow> session) {
        SessionView state = session.map(sessions::view).orElse(null);
        String message = state == null ? null : Outbox.render(json, new ServerMessage.State(state));
        for (LiveSocket socket : sockets) {
            try {
                if (state != null) {
                    socket.deliver(session.get(), state, message);
                } else {
                    socket.closeGone();
                }
            } catch (RuntimeException oneSocketFailed) {
                // One broken socket must not keep the state from the others.
                LOG.debug(
                        "Could not deliver to a socket: {}",
                        oneSocketFailed.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void start() {
        presence.register();
        scheduler.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::settleLeavers, 250, 250, TimeUnit.MILLISECONDS);
    }

    private void heartbeat() {
        boolean ping = ++heartbeats % PING_EVERY_HEARTBEATS == 0;
        bySession
                .values()
                .forEach(sockets -> sockets.keySet().forEach(socket -> socket.pingOrDrop(SILENCE_NANOS, ping)));
        try {
            presence.heartbeat();
            presence.sweep();
        } catch (RuntimeException e) {
            LOG.warn("Presence heartbeat failed; will retry: {}", e.getClass().getSimpleName());
        }
    }

    private void settleLeavers() {
        try {
            presence.settleLeavers();
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not settle the presence of phones that left; will retry: {}",
                    e.getClass().getSimpleName());
        }
    }

    /** Shutdown: phones are told to reconnect (1001, to another instance) and this instance's presence is withdrawn. */
    @Override
    public void stop() {
        stopping = true;
        bySession.values().forEach(sockets -> sockets.keySet().forEach(LiveSocket::closeGoingAway));
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
