package com.tabletalk.visit;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The ids behind the restaurant slugs and table labels that phones report, for the event log's rows. */
public interface EventPlaceDao {

    record PlaceRow(String slug, String label, long restaurantId, long tableId) {}

    /** The active tables of active restaurants among the pairs (slugs[i], labels[i]), in one statement. */
    @SqlQuery("SELECT r.slug, t.label, r.id AS restaurant_id, t.id AS table_id "
            + "FROM unnest(CAST(:slugs AS text[]), CAST(:labels AS text[])) AS wanted (slug, label) "
            + "JOIN restaurants r ON r.slug = wanted.slug AND r.active "
            + "JOIN restaurant_tables t ON t.restaurant_id = r.id AND t.label = wanted.label AND t.active")
    @RegisterConstructorMapper(PlaceRow.class)
    List<PlaceRow> find(@Bind("slugs") String[] slugs, @Bind("labels") String[] labels);
}
