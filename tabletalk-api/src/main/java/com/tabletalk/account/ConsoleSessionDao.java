package com.tabletalk.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/** Signed-in browsers, found by the hash of their cookie. Expiry is judged by the database's clock. */
public interface ConsoleSessionDao {

    @SqlUpdate("INSERT INTO console_sessions (token_hash, user_id, idle_expires_at, absolute_expires_at) "
            + "VALUES (:hash, :userId, now() + LEAST(make_interval(secs => :idleSeconds), make_interval(secs => :absoluteSeconds)), "
            + "now() + make_interval(secs => :absoluteSeconds))")
    void insert(
            @Bind("hash") byte[] hash,
            @Bind("userId") long userId,
            @Bind("idleSeconds") double idleSeconds,
            @Bind("absoluteSeconds") double absoluteSeconds);

    /**
     * The user of a live session, with their memberships as they are now; the same statement counts the request
     * as activity, pushing the idle expiry back within the absolute one.
     */
    @SqlQuery("WITH touched AS (UPDATE console_sessions SET last_seen_at = now(), "
            + "idle_expires_at = LEAST(absolute_expires_at, now() + make_interval(secs => :idleSeconds)) "
            + "WHERE token_hash = :hash AND revoked_at IS NULL AND idle_expires_at > now() AND absolute_expires_at > now() "
            + "RETURNING user_id) "
            + "SELECT u.id, u.email, u.role, "
            + "COALESCE(array_agg(m.restaurant_id ORDER BY m.restaurant_id) FILTER (WHERE m.restaurant_id IS NOT NULL), '{}') AS restaurant_ids "
            + "FROM touched t JOIN staff_users u ON u.id = t.user_id LEFT JOIN memberships m ON m.user_id = u.id "
            + "GROUP BY u.id, u.email, u.role")
    @UseRowMapper(StaffUserMapper.class)
    Optional<StaffUser> touch(@Bind("hash") byte[] hash, @Bind("idleSeconds") double idleSeconds);

    @SqlUpdate("UPDATE console_sessions SET revoked_at = now() WHERE token_hash = :hash AND revoked_at IS NULL")
    int revoke(@Bind("hash") byte[] hash);

    @SqlUpdate("UPDATE console_sessions SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL "
            + "AND token_hash <> :keep")
    int revokeOthers(@Bind("userId") long userId, @Bind("keep") byte[] keep);

    @SqlUpdate("UPDATE console_sessions SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAll(@Bind("userId") long userId);

    /** Rows of sessions that can no longer be used, kept a day for anyone looking into a sign-in. */
    @SqlUpdate("DELETE FROM console_sessions WHERE absolute_expires_at < now() - INTERVAL '1 day' "
            + "OR revoked_at < now() - INTERVAL '1 day' OR idle_expires_at < now() - INTERVAL '1 day'")
    int removeExpired();

    /** Maps {@code id, email, role, restaurant_ids}. */
    class StaffUserMapper implements RowMapper<StaffUser> {
        @Override
        public StaffUser map(ResultSet rs, StatementContext ctx) throws SQLException {
            Long[] ids = (Long[]) rs.getArray("restaurant_ids").getArray();
            Set<Long> restaurants = Arrays.stream(ids).collect(Collectors.toUnmodifiableSet());
            return new StaffUser(
                    rs.getLong("id"), rs.getString("email"), Role.valueOf(rs.getString("role")), restaurants);
        }
    }
}
