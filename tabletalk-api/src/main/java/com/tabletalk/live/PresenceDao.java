package com.tabletalk.live;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Open live sockets per participant and instance, so that every instance can tell who is at the table.
 *
 * <p>Written with Jdbi's fluent API for the reason {@link com.tabletalk.session.SessionDao} gives: every phone that
 * says hello runs these statements, and an on-demand SQL Object builds a handler for each of its methods on every
 * call. Each statement starts with a comment naming its method.
 */
public final class PresenceDao {

    /**
     * These rows are bookkeeping that every instance rebuilds (a row lost in a database crash is a socket that
     * reconnects anyway), so their commits need not wait for the disk: in a reconnect storm thousands of them
     * would otherwise queue behind the write-ahead log's flushes, ahead of the sessions' own writes.
     */
    private static final String WITHOUT_WAITING_FOR_DISK = "SET LOCAL synchronous_commit TO OFF";

    /**
     * One socket more. The row's {@code seen_at} stays 'infinity': whether it counts is judged by its instance's row
     * in {@code live_instances}, so nothing here is rewritten while the socket stays open.
     */
    private static final String COUNT_IN = "/* PresenceDao.countIn */ "
            + "INSERT INTO live_presence (session_id, participant_id, instance_id, sockets, seen_at) "
            + "VALUES (:session, :participant, :instance, 1, 'infinity') "
            + "ON CONFLICT (session_id, participant_id, instance_id) DO UPDATE "
            + "SET sockets = live_presence.sockets + 1";

    /**
     * One socket fewer. A row left at zero is deleted by the next {@link #forgetClosed}: deleting it here could race
     * with a socket of the same participant opening at that moment, and lose that socket.
     */
    private static final String COUNT_OUT = "/* PresenceDao.countOut */ "
            + "UPDATE live_presence SET sockets = sockets - 1 "
            + "WHERE session_id = :session AND participant_id = :participant AND instance_id = :instance AND sockets > 0";

    /** This instance's rows without sockets (a socket opening meanwhile is seen under the row lock). */
    private static final String FORGET_CLOSED =
            "/* PresenceDao.forgetClosed */ DELETE FROM live_presence WHERE instance_id = :instance AND sockets = 0";

    /**
     * Participants with a socket on some instance that is still alive: one whose row in {@code live_instances} is
     * fresh, or (an instance of the previous release, which refreshes its presence rows itself) whose presence row is.
     */
    private static final String CONNECTED_PARTICIPANTS = "/* PresenceDao.connectedParticipants */ "
            + "SELECT DISTINCT p.participant_id FROM live_presence p "
            + "LEFT JOIN live_instances i ON i.instance_id = p.instance_id "
            + "WHERE p.session_id = :session AND p.sockets > 0 "
            + "AND (i.seen_at > now() - make_interval(secs => :staleSeconds) "
            + "OR (p.seen_at <> 'infinity' AND p.seen_at > now() - make_interval(secs => :staleSeconds)))";

    /** This instance is alive: one row, however many sockets it holds. */
    private static final String HEARTBEAT = "/* PresenceDao.heartbeat */ "
            + "INSERT INTO live_instances (instance_id, seen_at) VALUES (:instance, now()) "
            + "ON CONFLICT (instance_id) DO UPDATE SET seen_at = now()";

    /**
     * The instances that stopped refreshing their row, and their sockets (and the rows of instances of the previous
     * release that stopped refreshing them), returning the sessions concerned.
     */
    private static final String SWEEP_STALE = "/* PresenceDao.sweepStale */ "
            + "WITH dead AS (DELETE FROM live_instances WHERE instance_id IN ("
            + "SELECT instance_id FROM live_instances WHERE seen_at <= now() - make_interval(secs => :staleSeconds) "
            + "FOR UPDATE SKIP LOCKED) RETURNING instance_id) "
            + "DELETE FROM live_presence WHERE instance_id IN (SELECT instance_id FROM dead) "
            + "OR (session_id, participant_id, instance_id) IN ("
            + "SELECT session_id, participant_id, instance_id FROM live_presence "
            + "WHERE seen_at <= now() - make_interval(secs => :staleSeconds) FOR UPDATE SKIP LOCKED) RETURNING session_id";

    private static final String FORGET_INSTANCE_ROW =
            "/* PresenceDao.forgetInstance */ DELETE FROM live_instances WHERE instance_id = :instance";

    private static final String FORGET_INSTANCE_SOCKETS = "/* PresenceDao.forgetInstance */ "
            + "DELETE FROM live_presence WHERE instance_id = :instance RETURNING session_id";

    /**
     * An open socket counts as activity: it keeps its session from the idle expiry (not from the maximum life).
     * Rows another transaction holds are skipped (that change pushes the expiry back itself), so instances
     * refreshing overlapping sessions never wait on, or deadlock with, each other.
     */
    private static final String KEEP_ALIVE = "/* PresenceDao.keepAlive */ "
            + "UPDATE sessions SET last_active_at = now(), "
            + "expires_at = LEAST(created_at + make_interval(secs => :maxLifeSeconds), now() + make_interval(secs => :idleSeconds)) "
            + "WHERE id IN (SELECT id FROM sessions WHERE status IN ('waiting', 'active') AND expires_at > now() "
            + "AND expires_at < now() + make_interval(secs => :idleSeconds) - make_interval(secs => :slackSeconds) "
            + "AND id IN (SELECT session_id FROM live_presence WHERE instance_id = :instance AND sockets > 0) "
            + "ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)";

    private final Jdbi jdbi;

    public PresenceDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void opened(UUID session, String participant, UUID instance) {
        jdbi.useTransaction(handle -> {
            handle.execute(WITHOUT_WAITING_FOR_DISK);
            socket(handle, COUNT_IN, session, participant, instance);
        });
    }

    public int closed(UUID session, String participant, UUID instance) {
        return jdbi.inTransaction(handle -> {
            handle.execute(WITHOUT_WAITING_FOR_DISK);
            return socket(handle, COUNT_OUT, session, participant, instance);
        });
    }

    private static int socket(Handle handle, String sql, UUID session, String participant, UUID instance) {
        return handle.createUpdate(sql)
                .bind("session", session)
                .bind("participant", participant)
                .bind("instance", instance)
                .execute();
    }

    public int forgetClosed(UUID instance) {
        return jdbi.withHandle(handle ->
                handle.createUpdate(FORGET_CLOSED).bind("instance", instance).execute());
    }

    public Set<String> connectedParticipants(UUID session, long staleSeconds) {
        return jdbi.withHandle(handle -> handle.createQuery(CONNECTED_PARTICIPANTS)
                .bind("session", session)
                .bind("staleSeconds", staleSeconds)
                .mapTo(String.class)
                .set());
    }

    public void heartbeat(UUID instance) {
        jdbi.useHandle(handle ->
                handle.createUpdate(HEARTBEAT).bind("instance", instance).execute());
    }

    public List<UUID> sweepStale(long staleSeconds) {
        return jdbi.withHandle(handle -> handle.createQuery(SWEEP_STALE)
                .bind("staleSeconds", staleSeconds)
                .mapTo(UUID.class)
                .list());
    }

    /** Forgets this instance's row and its sockets, returning the sessions concerned. */
    public List<UUID> forgetInstance(UUID instance) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate(FORGET_INSTANCE_ROW).bind("instance", instance).execute();
            return handle.createQuery(FORGET_INSTANCE_SOCKETS)
                    .bind("instance", instance)
                    .mapTo(UUID.class)
                    .list();
        });
    }

    public int keepAlive(UUID instance, long idleSeconds, long maxLifeSeconds, long slackSeconds, int limit) {
        return jdbi.withHandle(handle -> handle.createUpdate(KEEP_ALIVE)
                .bind("instance", instance)
                .bind("idleSeconds", idleSeconds)
                .bind("maxLifeSeconds", maxLifeSeconds)
                .bind("slackSeconds", slackSeconds)
                .bind("limit", limit)
                .execute());
    }
}
