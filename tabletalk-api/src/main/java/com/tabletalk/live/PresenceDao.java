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

    @SqlUpdate("INSERT INTO live_presence (session_id, participant_id, instance_id, sockets, seen_at) "
            + "VALUES (:session, :participant, :instance, 1, now()) "
            + "ON CONFLICT (session_id, participant_id, instance_id) DO UPDATE "
            + "SET sockets = live_presence.sockets + 1, seen_at = now()")
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

    /** Participants with a socket on some instance that is still alive. */
    @SqlQuery("SELECT DISTINCT participant_id FROM live_presence "
            + "WHERE session_id = :session AND sockets > 0 AND seen_at > now() - make_interval(secs => :staleSeconds)")
    Set<String> connectedParticipants(@Bind("session") UUID session, @Bind("staleSeconds") long staleSeconds);

    @SqlUpdate("UPDATE live_presence SET seen_at = now() WHERE instance_id = :instance")
    int heartbeat(@Bind("instance") UUID instance);

    /** Forgets the sockets of instances that stopped refreshing them, returning the sessions concerned. */
    @SqlQuery(
            "DELETE FROM live_presence WHERE (session_id, participant_id, instance_id) IN ("
                    + "SELECT session_id, participant_id, instance_id FROM live_presence "
                    + "WHERE seen_at <= now() - make_interval(secs => :staleSeconds) FOR UPDATE SKIP LOCKED) RETURNING session_id")
    List<UUID> sweepStale(@Bind("staleSeconds") long staleSeconds);

    @SqlQuery("DELETE FROM live_presence WHERE instance_id = :instance RETURNING session_id")
    List<UUID> forgetInstance(@Bind("instance") UUID instance);

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
