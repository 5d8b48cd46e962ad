package com.tabletalk.account;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit log: inserts and reads only (the table refuses anything else). */
public interface AuditDao {

    @SqlUpdate("INSERT INTO audit_log (actor_id, actor_email, action, restaurant_id, details) "
            + "VALUES (:actorId, :actorEmail, :action, :restaurantId, CAST(:details AS jsonb))")
    void insert(
            @Bind("actorId") Long actorId,
            @Bind("actorEmail") String actorEmail,
            @Bind("action") String action,
            @Bind("restaurantId") Long restaurantId,
            @Bind("details") String detailsJson);

    /** Newest first, before the given id (exclusive), for paging back through the log. */
    @RegisterConstructorMapper(AuditRow.class)
    @SqlQuery("SELECT a.id, a.at, a.actor_email, a.action, r.slug AS restaurant_slug, r.name AS restaurant_name, "
            + "a.details::text AS details FROM audit_log a LEFT JOIN restaurants r ON r.id = a.restaurant_id "
            + "WHERE a.id < :before ORDER BY a.id DESC LIMIT :limit")
    List<AuditRow> page(@Bind("before") long before, @Bind("limit") int limit);

    record AuditRow(
            long id,
            java.time.OffsetDateTime at,
            String actorEmail,
            String action,
            String restaurantSlug,
            String restaurantName,
            String details) {}
}
