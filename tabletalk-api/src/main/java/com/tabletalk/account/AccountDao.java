package com.tabletalk.account;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Staff users, their memberships, and the one-time tokens of invite and reset links. */
public interface AccountDao {

    /** What sign-in needs of a user. */
    record Credentials(long id, String email, String role, String passwordHash) {}

    /** A one-time token just used: whom it was for and what it grants. */
    record UsedToken(String email, String role, Long restaurantId, Long userId) {}

    /** A valid, unused token, as the page that opens its link shows it. */
    record PendingToken(String email, String role, String restaurantSlug, String restaurantName) {}

    @SqlQuery("SELECT id, email, role, password_hash FROM staff_users WHERE lower(email) = lower(:email)")
    @RegisterConstructorMapper(Credentials.class)
    Optional<Credentials> credentials(@Bind("email") String email);

    @SqlQuery("SELECT password_hash FROM staff_users WHERE id = :id")
    String passwordHash(@Bind("id") long id);

    /**
     * Makes the user of an accepted invite, or gives an existing one the new password; an admin invite makes an
     * admin, a manager invite never takes admin rights away.
     */
    @SqlQuery("INSERT INTO staff_users (email, role, password_hash) VALUES (:email, :role, :hash) "
            + "ON CONFLICT ((lower(email))) DO UPDATE SET password_hash = excluded.password_hash, password_changed_at = now(), "
            + "role = CASE WHEN excluded.role = 'ADMIN' THEN 'ADMIN' ELSE staff_users.role END "
            + "RETURNING id")
    long upsertWithPassword(@Bind("email") String email, @Bind("role") String role, @Bind("hash") String passwordHash);

    @SqlUpdate("UPDATE staff_users SET password_hash = :hash, password_changed_at = now() WHERE id = :id")
    void setPassword(@Bind("id") long id, @Bind("hash") String passwordHash);

    @SqlUpdate("INSERT INTO memberships (user_id, restaurant_id, role) VALUES (:userId, :restaurantId, 'MANAGER') "
            + "ON CONFLICT (user_id, restaurant_id) DO NOTHING")
    void addMembership(@Bind("userId") long userId, @Bind("restaurantId") long restaurantId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM memberships m JOIN staff_users u ON u.id = m.user_id "
            + "WHERE m.restaurant_id = :restaurantId AND lower(u.email) = lower(:email))")
    boolean isMember(@Bind("restaurantId") long restaurantId, @Bind("email") String email);

    /** The restaurants a user may open in the console: all for an admin, else those they manage. */
    @SqlQuery("SELECT slug, name FROM restaurants WHERE :admin OR id = ANY(:mine) ORDER BY name, slug")
    @RegisterConstructorMapper(ConsoleViews.RestaurantSummary.class)
    List<ConsoleViews.RestaurantSummary> restaurantsOf(@Bind("admin") boolean admin, @Bind("mine") long[] mine);

    @SqlQuery("SELECT u.email FROM memberships m JOIN staff_users u ON u.id = m.user_id "
            + "WHERE m.restaurant_id = :restaurantId ORDER BY u.email")
    List<String> managerEmails(@Bind("restaurantId") long restaurantId);

    @SqlUpdate("DELETE FROM memberships m USING staff_users u WHERE u.id = m.user_id "
            + "AND m.restaurant_id = :restaurantId AND lower(u.email) = lower(:email)")
    int removeMembership(@Bind("restaurantId") long restaurantId, @Bind("email") String email);

    @SqlUpdate(
            "INSERT INTO one_time_tokens (token_hash, purpose, email, role, restaurant_id, created_by, expires_at) "
                    + "VALUES (:hash, 'INVITE', :email, :role, :restaurantId, :createdBy, now() + make_interval(secs => :lifetimeSeconds))")
    void insertInvite(
            @Bind("hash") byte[] hash,
            @Bind("email") String email,
            @Bind("role") String role,
            @Bind("restaurantId") Long restaurantId,
            @Bind("createdBy") Long createdBy,
            @Bind("lifetimeSeconds") double lifetimeSeconds);

    @SqlUpdate("INSERT INTO one_time_tokens (token_hash, purpose, email, user_id, created_by, expires_at) "
            + "SELECT :hash, 'RESET', u.email, u.id, :createdBy, now() + make_interval(secs => :lifetimeSeconds) "
            + "FROM staff_users u WHERE u.id = :userId")
    void insertReset(
            @Bind("hash") byte[] hash,
            @Bind("userId") long userId,
            @Bind("createdBy") Long createdBy,
            @Bind("lifetimeSeconds") double lifetimeSeconds);

    @SqlQuery("SELECT t.email, t.role, r.slug AS restaurant_slug, r.name AS restaurant_name FROM one_time_tokens t "
            + "LEFT JOIN restaurants r ON r.id = t.restaurant_id "
            + "WHERE t.token_hash = :hash AND t.purpose = :purpose AND t.used_at IS NULL AND t.expires_at > now()")
    @RegisterConstructorMapper(PendingToken.class)
    Optional<PendingToken> pending(@Bind("hash") byte[] hash, @Bind("purpose") String purpose);

    /** Uses a token if, and only if, it is unused and unexpired: two clicks on one link use it once. */
    @SqlQuery("UPDATE one_time_tokens SET used_at = now() "
            + "WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > now() "
            + "RETURNING email, role, restaurant_id, user_id")
    @RegisterConstructorMapper(UsedToken.class)
    Optional<UsedToken> use(@Bind("hash") byte[] hash, @Bind("purpose") String purpose);

    /** Once a password is set, older reset links of that user stop working. */
    @SqlUpdate(
            "UPDATE one_time_tokens SET used_at = now() WHERE user_id = :userId AND purpose = 'RESET' AND used_at IS NULL")
    void useAllResets(@Bind("userId") long userId);
}
