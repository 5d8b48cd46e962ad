package com.tabletalk.live;

import com.tabletalk.app.TableTalkConfiguration.SessionsConfig;
import com.tabletalk.session.SessionService;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is connected, across instances. This instance records its sockets in {@code live_presence} and refreshes
 * them; a participant is connected while some instance that is alive holds a socket of theirs. Any change is
 * written to the session (a new version, so every phone hears of it).
 */
public class Presence {

    private static final Logger LOG = LoggerFactory.getLogger(Presence.class);

    /** An instance that has not refreshed its rows for this long is taken for dead. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(20);
    private static final int KEEP_ALIVE_BATCH = 200;

    private final UUID instanceId = UUID.randomUUID();
    private final PresenceDao dao;
    private final SessionService sessions;
    private final SessionsConfig config;

    public Presence(PresenceDao dao, SessionService sessions, SessionsConfig config) {
        this.dao = dao;
        this.sessions = sessions;
        this.config = config;
    }

    public void opened(UUID session, String participant) {
        dao.opened(session, participant, instanceId);
        reconcile(session);
    }

    public void closed(UUID session, String participant) {
        if (dao.decrement(session, participant, instanceId) == 0) {
            dao.removeLast(session, participant, instanceId);
        }
        reconcile(session);
    }

    /**
     * Refreshes this instance's rows and keeps its sessions from idling out. A session's expiry is pushed back only
     * once it has used up a minute of its idle time, in small batches, so that this never holds many session rows
     * at once while phones are playing on them.
     */
    public void heartbeat() {
        dao.heartbeat(instanceId);
        long slack = Math.min(60, config.idleTimeout().toSeconds() / 2);
        int refreshed;
        do {
            refreshed = dao.keepAlive(instanceId, config.idleTimeout().toSeconds(), config.maxLifetime().toSeconds(),
                    slack, KEEP_ALIVE_BATCH);
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

    private void reconcile(UUID session) {
        sessions.updatePresence(session, () -> dao.connectedParticipants(session, STALE_AFTER.toSeconds()));
    }

    private void reconcileQuietly(UUID session) {
        try {
            reconcile(session);
        } catch (RuntimeException e) {
            LOG.warn("Could not update presence of a session: {}", e.getClass().getSimpleName());
        }
    }
}
