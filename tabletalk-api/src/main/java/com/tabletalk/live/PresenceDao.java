package com.tabletalk.live;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Open live sockets per participant and instance, so that every instance can tell who is at the table. */
public interface PresenceDao {

    /**
     * These rows are bookkeeping that every instance rebuilds (a row lost in a database crash is a socket that
     * reconnects anyway), so their commits need not wait for the disk: in a reconnect storm thousands of them
     * would otherwise queue behind the write-ahead log's flushes, ahead of the sessions' own writes.
     */
    @SqlUpdate("SET LOCAL synchronous_commit TO OFF")
    void commitWithoutWaitingForDisk();

    @Transaction
    default void opened(UUID session, String participant, UUID instance) {
        commitWithoutWaitingForDisk();
        countIn(session, participant, instance);
    }

    @Transaction
    default int closed(UUID session, String participant, UUID instance) {
        commitWithoutWaitingForDisk();
        return countOut(session, participant, instance);
    }

    /**
     * One socket more. The row's {@code seen_at} stays 'infinity': whether it counts is judged by its instance's row
     * in {@code live_instances}, so nothing here is rewritten while the socket stays open.
     */
    @SqlUpdate("INSERT INTO live_presence (session_id, participant_id, instance_id, sockets, seen_at) "
            + "VALUES (:session, :participant, :instance, 1, 'infinity') "
            + "ON CONFLICT (session_id, participant_id, instance_id) DO UPDATE "
            + "SET sockets = live_presence.sockets + 1")
    void countIn(
            @Bind("session") UUID session, @Bind("participant") String participant, @Bind("instance") UUID instance);

    /**
     * One socket fewer. A row left at zero is deleted by the next {@link #forgetClosed}: deleting it here could race
     * with a socket of the same participant opening at that moment, and lose that socket.
     */
    @SqlUpdate(
            "UPDATE live_presence SET sockets = sockets - 1 "
                    + "WHERE session_id = :session AND participant_id = :participant AND instance_id = :instance AND sockets > 0")
    int countOut(
            @Bind("session") UUID session, @Bind("participant") String participant, @Bind("instance") UUID instance);

    /** Deletes this instance's rows without sockets (a socket opening meanwhile is seen under the row lock). */
    @SqlUpdate("DELETE FROM live_presence WHERE instance_id = :instance AND sockets = 0")
    int forgetClosed(@Bind("instance") UUID instance);

    /**
     * Participants with a socket on some instance that is still alive: one whose row in {@code live_instances} is
     * fresh, or (an instance of the previous release, which refreshes its presence rows itself) whose presence row is.
     */
    @SqlQuery("SELECT DISTINCT p.participant_id FROM live_presence p "
            + "LEFT JOIN live_instances i ON i.instance_id = p.instance_id "
            + "WHERE p.session_id = :session AND p.sockets > 0 "
            + "AND (i.seen_at > now() - make_interval(secs => :staleSeconds) "
            + "OR (p.seen_at <> 'infinity' AND p.seen_at > now() - make_interval(secs => :staleSeconds)))")
    Set<String> connectedParticipants(@Bind("session") UUID session, @Bind("staleSeconds") long staleSeconds);

    /** This instance is alive: one row, however many sockets it holds. */
    @SqlUpdate("INSERT INTO live_instances (instance_id, seen_at) VALUES (:instance, now()) "
            + "ON CONFLICT (instance_id) DO UPDATE SET seen_at = now()")
    void heartbeat(@Bind("instance") UUID instance);

    /**
     * Forgets the instances that stopped refreshing their row, and their sockets (and the rows of instances of the
     * previous release that stopped refreshing them), returning the sessions concerned.
     */
    @SqlQuery(
            "WITH dead AS (DELETE FROM live_instances WHERE instance_id IN ("
                    + "SELECT instance_id FROM live_instances WHERE seen_at <= now() - make_interval(secs => :staleSeconds) "
                    + "FOR UPDATE SKIP LOCKED) RETURNING instance_id) "
                    + "DELETE FROM live_presence WHERE instance_id IN (SELECT instance_id FROM dead) "
                    + "OR (session_id, participant_id, instance_id) IN ("
                    + "SELECT session_id, participant_id, instance_id FROM live_presence "
                    + "WHERE seen_at <= now() - make_interval(secs => :staleSeconds) FOR UPDATE SKIP LOCKED) RETURNING session_id")
    List<UUID> sweepStale(@Bind("staleSeconds") long staleSeconds);

    @Transaction
    default List<UUID> forgetInstance(UUID instance) {
        forgetInstanceRow(instance);
        return forgetInstanceSockets(instance);
    }

    @SqlUpdate("DELETE FROM live_instances WHERE instance_id = :instance")
    void forgetInstanceRow(@Bind("instance") UUID instance);

    @SqlQuery("DELETE FROM live_presence WHERE instance_id = :instance RETURNING session_id")
    List<UUID> forgetInstanceSockets(@Bind("instance") UUID instance);

    /**
     * An open socket counts as activity: it keeps its session from the idle expiry (not from the maximum life).
     * Rows another transaction holds are skipped (that change pushes the expiry back itself), so instances
     * refreshing overlapping sessions never wait on, or deadlock with, each other.
     */
    @SqlUpdate("UPDATE sessions SET last_active_at = now(), "
            + "expires_at = LEAST(created_at + make_interval(secs => :maxLifeSeconds), now() + make_interval(secs => :idleSeconds)) "
            + "WHERE id IN (SELECT id FROM sessions WHERE status IN ('waiting', 'active') AND expires_at > now() "
            + "AND expires_at < now() + make_interval(secs => :idleSeconds) - make_interval(secs => :slackSeconds) "
            + "AND id IN (SELECT session_id FROM live_presence WHERE instance_id = :instance AND sockets > 0) "
            + "ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)")
    int keepAlive(
            @Bind("instance") UUID instance,
            @Bind("idleSeconds") long idleSeconds,
            @Bind("maxLifeSeconds") long maxLifeSeconds,
            @Bind("slackSeconds") long slackSeconds,
            @Bind("limit") int limit);
}
