package com.tabletalk.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.question.Context;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Sessions in PostgreSQL. Every change is one compare-and-set statement on {@code version}, so two phones or two
 * instances sending the same command produce exactly one change. Expiry is judged by the database's clock.
 *
 * <p>Written with Jdbi's fluent API rather than as an on-demand SQL Object: Jdbi 3.51 builds a fresh proxy with a
 * configured handler for every method of an on-demand interface on each call, and for these statements, which run
 * twice per card for each pair, that was most of the service's CPU per move. Each statement starts with a comment
 * naming its method, as the SQL Objects' statements do, for {@code pg_stat_activity} and slow-query logs. The
 * compare-and-set, the statement of every move, goes further and is plain JDBC on a Jdbi handle's connection.
 */
public final class SessionDao {

    static final String COLUMNS =
            "id, table_token, context, mode, status, version, deck_seed, deck, deck_revisions, position, "
                    + "revealed, participants, created_at, expires_at, (status IN ('waiting', 'active') AND expires_at <= now()) AS lapsed, "
                    + "(SELECT r.slug FROM restaurants r WHERE r.id = sessions.restaurant_id) AS restaurant_slug, "
                    + "(SELECT r.name FROM restaurants r WHERE r.id = sessions.restaurant_id) AS restaurant_name, "
                    + "(SELECT t.label FROM restaurant_tables t WHERE t.id = sessions.table_id) AS table_label, "
                    + "restaurant_id, table_id, visit_id, card_shown_at, "
                    + "(SELECT r.recommend_after_cards FROM restaurants r WHERE r.id = sessions.restaurant_id) AS recommend_after_cards, "
                    + "ended_by, closed_at";

    private static final String INSERT = "/* SessionDao.insert */ "
            + "INSERT INTO sessions (id, table_token, restaurant_id, table_id, context, mode, status, version, deck_seed, "
            + "deck, deck_revisions, position, revealed, participants, created_at, last_active_at, expires_at, visit_id, "
            + "card_shown_at) VALUES (:id, :tableToken, :restaurantId, :tableId, :context, :mode, :status, 1, :deckSeed, "
            + ":deck, :deckRevisions, 0, FALSE, "
            + "CAST(:participants AS jsonb), "
            + "now(), now(), now() + LEAST(make_interval(secs => :idleSeconds), make_interval(secs => :maxLifeSeconds)), :visitId, now()) "
            + "RETURNING " + COLUMNS;

    private static final String FIND = "/* SessionDao.find */ SELECT " + COLUMNS + " FROM sessions WHERE id = :id";

    /**
     * The one statement of every move, so it is sent as plain JDBC on the handle's connection: Jdbi's binding, result
     * iteration and statement bookkeeping were half of its cost (18 % of the service's CPU with two instances at 500
     * moves a second). Parameters, in order: status, position, revealed, participants, position again, the maximum
     * life, the idle timeout (both in seconds), status again, ended by, id, expected version.
     */
    private static final String COMPARE_AND_SET = "/* SessionDao.compareAndSet */ "
            + "UPDATE sessions SET version = version + 1, status = ?, position = ?, revealed = ?, "
            + "participants = CAST(? AS jsonb), last_active_at = now(), "
            + "card_shown_at = CASE WHEN position <> ? THEN now() ELSE card_shown_at END, "
            + "expires_at = LEAST(created_at + make_interval(secs => ?), now() + make_interval(secs => ?)), "
            + "closed_at = CASE WHEN ? IN ('ended', 'expired') THEN now() ELSE NULL END, "
            + "ended_by = ? "
            + "WHERE id = ? AND version = ? AND status IN ('waiting', 'active') AND expires_at > now() "
            + "RETURNING version, expires_at, card_shown_at, closed_at";

    private static final String EXPIRE_DUE = "/* SessionDao.expireDue */ "
            + "UPDATE sessions SET status = 'expired', version = version + 1, closed_at = now() "
            + "WHERE id IN (SELECT id FROM sessions WHERE status IN ('waiting', 'active') AND expires_at <= now() "
            + "ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED) "
            + "RETURNING " + COLUMNS;

    private static final String DELETE_CLOSED = "/* SessionDao.deleteClosedBefore */ "
            + "DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE closed_at < now() - make_interval(secs => :retentionSeconds) "
            + "LIMIT :limit FOR UPDATE SKIP LOCKED)";

    private static final String COUNT_OPEN = "/* SessionDao.countOpen */ "
            + "SELECT count(*) FROM sessions WHERE status IN ('waiting', 'active') AND expires_at > now()";

    private static final String ASSIGN_JOIN_CODE = "/* SessionDao.assignJoinCode */ "
            + "UPDATE sessions SET join_code = :code WHERE id = :id AND status IN ('waiting', 'active')";

    private static final String FIND_BY_JOIN_CODE = "/* SessionDao.findByJoinCode */ "
            + "SELECT id FROM sessions WHERE join_code = :code AND status IN ('waiting', 'active') AND expires_at > now()";

    private static final String JOIN_CODE_OF = "/* SessionDao.joinCodeOf */ "
            + "SELECT join_code FROM sessions WHERE id = :id AND join_code IS NOT NULL "
            + "AND status IN ('waiting', 'active') AND expires_at > now()";

    private static final Mapper ROWS = new Mapper();

    private final Jdbi jdbi;

    public SessionDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public SessionRow insert(
            UUID id,
            String tableToken,
            Long restaurantId,
            Long tableId,
            String context,
            String mode,
            String status,
            String deckSeed,
            int[] deck,
            int[] deckRevisions,
            String participantsJson,
            long idleSeconds,
            long maxLifeSeconds,
            UUID visitId) {
        return jdbi.withHandle(handle -> handle.createQuery(INSERT)
                .bind("id", id)
                .bind("tableToken", tableToken)
                .bind("restaurantId", restaurantId)
                .bind("tableId", tableId)
                .bind("context", context)
                .bind("mode", mode)
                .bind("status", status)
                .bind("deckSeed", deckSeed)
                .bind("deck", deck)
                .bind("deckRevisions", deckRevisions)
                .bind("participants", participantsJson)
                .bind("idleSeconds", idleSeconds)
                .bind("maxLifeSeconds", maxLifeSeconds)
                .bind("visitId", visitId)
                .map(ROWS)
                .one());
    }

    public Optional<SessionRow> find(UUID id) {
        return jdbi.withHandle(
                handle -> handle.createQuery(FIND).bind("id", id).map(ROWS).findOne());
    }

    /**
     * Writes a new state if, and only if, the session is still open, unexpired and at {@code expectedVersion}.
     * Every write counts as activity and pushes the idle expiry back, within the maximum lifetime. A new position
     * restarts the card's clock in the same statement. Returns only what the database decided (the caller has the
     * rest): no indexed column changes, so the write is a heap-only update.
     */
    public Optional<Written> compareAndSet(
            UUID id,
            long expectedVersion,
            String status,
            int position,
            boolean revealed,
            String participantsJson,
            String endedBy,
            long idleSeconds,
            long maxLifeSeconds) {
        return jdbi.withHandle(handle -> {
            try (PreparedStatement statement = handle.getConnection().prepareStatement(COMPARE_AND_SET)) {
                int parameter = 0;
                statement.setString(++parameter, status);
                statement.setInt(++parameter, position);
                statement.setBoolean(++parameter, revealed);
                statement.setString(++parameter, participantsJson);
                statement.setInt(++parameter, position);
                statement.setLong(++parameter, maxLifeSeconds);
                statement.setLong(++parameter, idleSeconds);
                statement.setString(++parameter, status);
                statement.setString(++parameter, endedBy);
                statement.setObject(++parameter, id);
                statement.setLong(++parameter, expectedVersion);
                try (ResultSet written = statement.executeQuery()) {
                    return written.next() ? Optional.of(written(written)) : Optional.<Written>empty();
                }
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException("Could not write a session's change", e, null);
            }
        });
    }

    /** Marks open sessions whose time is up as expired (a change like any other), returning them. */
    public List<SessionRow> expireDue(int limit) {
        return jdbi.withHandle(handle ->
                handle.createQuery(EXPIRE_DUE).bind("limit", limit).map(ROWS).list());
    }

    /** Deletes closed sessions older than the retention time; their events stay. */
    public int deleteClosedBefore(long retentionSeconds, int limit) {
        return jdbi.withHandle(handle -> handle.createUpdate(DELETE_CLOSED)
                .bind("retentionSeconds", retentionSeconds)
                .bind("limit", limit)
                .execute());
    }

    public long countOpen() {
        return jdbi.withHandle(
                handle -> handle.createQuery(COUNT_OPEN).mapTo(Long.class).one());
    }

    /** Gives an open session its join code; fails with a unique violation if another open session holds it. */
    public int assignJoinCode(UUID id, String code) {
        return jdbi.withHandle(handle -> handle.createUpdate(ASSIGN_JOIN_CODE)
                .bind("id", id)
                .bind("code", code)
                .execute());
    }

    /** The open, unexpired session a join code belongs to. */
    public Optional<UUID> findByJoinCode(String code) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND_BY_JOIN_CODE)
                .bind("code", code)
                .mapTo(UUID.class)
                .findOne());
    }

    /** An open, unexpired session's join code, if it has one. */
    public Optional<String> joinCodeOf(UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery(JOIN_CODE_OF)
                .bind("id", id)
                .mapTo(String.class)
                .findOne());
    }

    /** What a compare-and-set decided: the new version, the pushed-back expiry, the card's clock and the close. */
    public record Written(long version, Instant expiresAt, Instant cardShownAt, Instant closedAt) {}

    /** What the database decided in a compare-and-set: the new version, expiry, card clock and close time. */
    private static Written written(ResultSet rs) throws SQLException {
        return new Written(
                rs.getLong("version"),
                rs.getTimestamp("expires_at").toInstant(),
                Mapper.instant(rs, "card_shown_at"),
                Mapper.instant(rs, "closed_at"));
    }

    /** Maps a row; the participants JSON is read with the application's mapper. */
    static final class Mapper implements RowMapper<SessionRow> {
        // A participant field added by a newer instance must not make the row unreadable to an older one.
        private static final ObjectMapper JSON =
                new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        private static final TypeReference<List<ParticipantRow>> PARTICIPANTS = new TypeReference<>() {};

        @Override
        public SessionRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            Array deckArray = rs.getArray("deck");
            Integer[] deck = (Integer[]) deckArray.getArray();
            List<ParticipantRow> participants;
            try {
                participants = JSON.readValue(rs.getString("participants"), PARTICIPANTS);
            } catch (JsonProcessingException e) {
                throw new SQLException("Unreadable participants of a session", e);
            }
            return new SessionRow(
                    rs.getObject("id", UUID.class),
                    rs.getString("table_token"),
                    Context.fromWire(rs.getString("context")),
                    Mode.fromWire(rs.getString("mode")),
                    SessionStatus.fromWire(rs.getString("status")),
                    rs.getLong("version"),
                    rs.getString("deck_seed"),
                    Arrays.asList(deck),
                    revisions(rs.getArray("deck_revisions")),
                    rs.getInt("position"),
                    rs.getBoolean("revealed"),
                    participants,
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("expires_at").toInstant(),
                    rs.getBoolean("lapsed"),
                    place(rs),
                    rs.getObject("restaurant_id", Long.class),
                    rs.getObject("table_id", Long.class),
                    rs.getObject("visit_id", UUID.class),
                    instant(rs, "card_shown_at"),
                    rs.getObject("recommend_after_cards", Integer.class),
                    rs.getString("ended_by"),
                    instant(rs, "closed_at"));
        }

        /** Null for sessions dealt before revisions were kept: the row then reads them as revision 1. */
        private static List<Integer> revisions(Array array) throws SQLException {
            return array == null ? null : Arrays.asList((Integer[]) array.getArray());
        }

        private static Instant instant(ResultSet rs, String column) throws SQLException {
            Timestamp value = rs.getTimestamp(column);
            return value == null ? null : value.toInstant();
        }

        private static TablePlace place(ResultSet rs) throws SQLException {
            String slug = rs.getString("restaurant_slug");
            return slug == null
                    ? null
                    : new TablePlace(slug, rs.getString("restaurant_name"), rs.getString("table_label"));
        }

        static String write(List<ParticipantRow> participants) {
            try {
                return JSON.writeValueAsString(participants);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Participants always serialise", e);
            }
        }
    }
}
