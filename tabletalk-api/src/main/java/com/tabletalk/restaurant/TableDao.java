package com.tabletalk.restaurant;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Restaurants' tables in PostgreSQL. */
public interface TableDao {

    @SqlQuery("SELECT r.id AS restaurant_id, r.slug, r.name, r.active AS restaurant_active, t.id AS table_id, t.label, "
            + "COALESCE(t.active, FALSE) AS table_active "
            + "FROM restaurants r LEFT JOIN restaurant_tables t ON t.restaurant_id = r.id AND t.label = :label "
            + "WHERE r.slug = :slug")
    @RegisterConstructorMapper(DinerTableRow.class)
    Optional<DinerTableRow> findForDiner(@Bind("slug") String slug, @Bind("label") String label);
}
