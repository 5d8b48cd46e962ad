package com.tabletalk.live;

import com.tabletalk.session.SessionRow;
import com.tabletalk.session.SessionService;
import com.tabletalk.session.SessionsConfig;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is connected, across instances. This instance records its sockets in {@code live_presence} when they open
 * and close, and refreshes one row of its own in {@code live_instances}; a participant is connected while some
 * instance that is alive holds a socket of theirs. The database is written per connect and disconnect and per
 * instance heartbeat, never per open socket and unit of time. Any change is written to the session (a new version,
 * so every phone hears of it).
 *
 * <p>A phone that comes back is shown at once. One that leaves is shown away only after a short grace: a phone
 * whose network blinks, or every phone in a reconnect storm, is back before then, and its partner sees no flicker
 * and the session no pair of writes.
 */
public class Presence {

    private static final Logger LOG = LoggerFactory.getLogger(Presence.class);

    /** An instance that has not refreshed its row for this long is taken for dead. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(20);
    /** How long a closed socket's participant is still shown connected, waiting for it to come back. */
    public static final Duration AWAY_GRACE = Duration.ofSeconds(3);

    private static final int KEEP_ALIVE_BATCH = 200;

    private final UUID instanceId = UUID.randomUUID();
    private final PresenceDao dao;
    private final SessionService sessions;
    private final SessionsConfig config;
    /** Sessions to settle once a socket of theirs has closed, with when (System.nanoTime) the grace ends. */
    private final ConcurrentHashMap<UUID, Long> leaving = new ConcurrentHashMap<>();

    public Presence(PresenceDao dao, SessionService sessions, SessionsConfig config) {
        this.dao = dao;
        this.sessions = sessions;
        this.config = config;
    }

    /** A socket has said hello: shown at once. Returns the session as it stands afterwards. */
    public Optional<SessionRow> opened(UUID session, String participant) {
        dao.opened(session, participant, instanceId);
        return reconcile(session);
    }

    /** A socket has closed: counted out now, shown away (if no other socket of theirs is open) after the grace. */
    public void closed(UUID session, String participant) {
        dao.closed(session, participant, instanceId);
        leaving.put(session, System.nanoTime() + AWAY_GRACE.toNanos());
    }

    /**
     * Settles the sessions whose grace has run out; the hub calls this a few times a second. If the database is
     * away, the session that failed stays due and the rest wait for the next call.
     */
    public int settleLeavers() {
        long now = System.nanoTime();
        int settled = 0;
        for (Map.Entry<UUID, Long> entry : leaving.entrySet()) {
            UUID session = entry.getKey();
            if (entry.getValue() - now <= 0 && leaving.remove(session, entry.getValue())) {
                try {
                    reconcile(session);
                } catch (RuntimeException e) {
                    leaving.putIfAbsent(session, now);
                    throw e;
                }
                settled++;
            }
        }
        return settled;
    }

    /**
     * Announces this instance before its first socket opens (its sockets count only while its row is fresh). If the
     * database is away, the heartbeat announces it a few seconds later.
     */
    public void register() {
        try {
            dao.heartbeat(instanceId);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not announce this instance's presence yet: {}",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Refreshes this instance's row and keeps its sessions from idling out. A session's expiry is pushed back only
     * once it has used up a minute of its idle time, in small batches, so that this never holds many session rows
     * at once while phones are playing on them.
     */
    public void heartbeat() {
        dao.heartbeat(instanceId);
        dao.forgetClosed(instanceId);
        long slack = Math.min(60, config.idleTimeout().toSeconds() / 2);
        int refreshed;
        do {
            refreshed = dao.keepAlive(
                    instanceId,
                    config.idleTimeout().toSeconds(),
                    config.maxLifetime().toSeconds(),
                    slack,
                    KEEP_ALIVE_BATCH);
        } while (refreshed == KEEP_ALIVE_BATCH);
    }

    /** Forgets the sockets of dead instances and shows their participants as away. */
    public int sweep() {
        LinkedHashSet<UUID> affected = new LinkedHashSet<>(dao.sweepStale(STALE_AFTER.toSeconds()));
        affected.forEach(this::reconcileQuietly);
        return affected.size();
    }

    /** On shutdown: this instance's sockets are gone; their phones will reconnect elsewhere. */
    public void goodbye() {
        new LinkedHashSet<>(dao.forgetInstance(instanceId)).forEach(this::reconcileQuietly);
    }

    private Optional<SessionRow> reconcile(UUID session) {
        return sessions.updatePresence(session, () -> dao.connectedParticipants(session, STALE_AFTER.toSeconds()));
    }

    private void reconcileQuietly(UUID session) {
        try {
            reconcile(session);
        } catch (RuntimeException e) {
            LOG.warn("Could not update presence of a session: {}", e.getClass().getSimpleName());
        }
    }
}
