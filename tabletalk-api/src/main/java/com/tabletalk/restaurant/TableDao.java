package com.tabletalk.restaurant;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Restaurants' tables in PostgreSQL. Every console statement names the restaurant by slug together with the
 * caller's scope ({@code :admin OR r.id = ANY(:mine)}), so another restaurant's tables are never read or changed,
 * only not found.
 */
public interface TableDao {

    String IN_SCOPE = "r.slug = :slug AND (:admin OR r.id = ANY(:mine))";
    String NUMERIC = "'^[0-9]{1,9}$'";
    /** 1, 2, … 10 in number order, then the other labels alphabetically. */
    String LABEL_ORDER =
            "(t.label ~ " + NUMERIC + ") DESC, CASE WHEN t.label ~ " + NUMERIC + " THEN t.label::bigint END, t.label";

    record ScopedRestaurant(long id, String slug, String name) {}

    record TableRow(String label, boolean active) {}

    @SqlQuery("SELECT r.id AS restaurant_id, r.slug, r.name, r.active AS restaurant_active, t.id AS table_id, t.label, "
            + "COALESCE(t.active, FALSE) AS table_active, r.contexts "
            + "FROM restaurants r LEFT JOIN restaurant_tables t ON t.restaurant_id = r.id AND t.label = :label "
            + "WHERE r.slug = :slug")
    @RegisterConstructorMapper(DinerTableRow.class)
    Optional<DinerTableRow> findForDiner(@Bind("slug") String slug, @Bind("label") String label);

    @SqlQuery("SELECT r.id, r.slug, r.name FROM restaurants r WHERE " + IN_SCOPE)
    @RegisterConstructorMapper(ScopedRestaurant.class)
    Optional<ScopedRestaurant> restaurant(
            @Bind("slug") String slug, @Bind("admin") boolean admin, @Bind("mine") long[] mine);

    @SqlQuery("SELECT t.label, t.active FROM restaurant_tables t JOIN restaurants r ON r.id = t.restaurant_id "
            + "WHERE " + IN_SCOPE + " ORDER BY " + LABEL_ORDER)
    @RegisterConstructorMapper(TableRow.class)
    List<TableRow> tables(@Bind("slug") String slug, @Bind("admin") boolean admin, @Bind("mine") long[] mine);

    /** Adds the given labels in one statement: a label already taken fails it whole, adding none. */
    @SqlQuery("INSERT INTO restaurant_tables (restaurant_id, label) "
            + "SELECT r.id, x.label FROM restaurants r, unnest(CAST(:labels AS text[])) WITH ORDINALITY AS x(label, n) "
            + "WHERE " + IN_SCOPE + " ORDER BY x.n RETURNING label, active")
    @RegisterConstructorMapper(TableRow.class)
    List<TableRow> insertLabels(
            @Bind("slug") String slug,
            @Bind("admin") boolean admin,
            @Bind("mine") long[] mine,
            @Bind("labels") String[] labels);

    /** Adds {@code count} tables numbered on from the highest numeric label (from 1 when there is none). */
    @SqlQuery("INSERT INTO restaurant_tables (restaurant_id, label) "
            + "SELECT r.id, (COALESCE((SELECT max(CASE WHEN t.label ~ " + NUMERIC + " THEN t.label::bigint END) "
            + "FROM restaurant_tables t WHERE t.restaurant_id = r.id), 0) + g)::text "
            + "FROM restaurants r, generate_series(1, :count) AS g WHERE " + IN_SCOPE
            + " ORDER BY g RETURNING label, active")
    @RegisterConstructorMapper(TableRow.class)
    List<TableRow> insertNumbered(
            @Bind("slug") String slug,
            @Bind("admin") boolean admin,
            @Bind("mine") long[] mine,
            @Bind("count") int count);

    /** Renames and/or (de)activates a table; null keeps a value. Empty when there is no such table in scope. */
    @SqlQuery(
            "UPDATE restaurant_tables t SET label = COALESCE(:newLabel, t.label), active = COALESCE(:active, t.active) "
                    + "FROM restaurants r WHERE r.id = t.restaurant_id AND t.label = :label AND " + IN_SCOPE
                    + " RETURNING t.label, t.active")
    @RegisterConstructorMapper(TableRow.class)
    Optional<TableRow> update(
            @Bind("slug") String slug,
            @Bind("admin") boolean admin,
            @Bind("mine") long[] mine,
            @Bind("label") String label,
            @Bind("newLabel") String newLabel,
            @Bind("active") Boolean active);
}
