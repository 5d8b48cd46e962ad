package com.tabletalk.restaurant;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Restaurants as the console sees them. Every read and change carries the caller's scope in its WHERE clause
 * ({@code :admin OR id = ANY(:mine)}), so another restaurant's row is never loaded, only not found.
 */
@RegisterConstructorMapper(ConsoleRestaurantDao.RestaurantRow.class)
public interface ConsoleRestaurantDao {

    String COLUMNS = "id, slug, name, time_zone, active, recommend_after_cards, contexts";
    String IN_SCOPE = "(:admin OR id = ANY(:mine))";

    /**
     * {@code recommendAfterCards} is null where the platform's default applies; {@code contexts} are the wire names
     * of the contexts the restaurant offers.
     */
    record RestaurantRow(
            long id,
            String slug,
            String name,
            String timeZone,
            boolean active,
            Integer recommendAfterCards,
            List<String> contexts) {}

    @SqlQuery("SELECT " + COLUMNS + " FROM restaurants WHERE " + IN_SCOPE + " ORDER BY name, slug")
    List<RestaurantRow> visible(@Bind("admin") boolean admin, @Bind("mine") long[] mine);

    @SqlQuery("SELECT " + COLUMNS + " FROM restaurants WHERE slug = :slug AND " + IN_SCOPE)
    Optional<RestaurantRow> find(@Bind("slug") String slug, @Bind("admin") boolean admin, @Bind("mine") long[] mine);

    /** Empty when the slug is taken. */
    @SqlQuery("INSERT INTO restaurants (slug, name, time_zone) VALUES (:slug, :name, :timeZone) "
            + "ON CONFLICT (slug) DO NOTHING RETURNING " + COLUMNS)
    Optional<RestaurantRow> insert(
            @Bind("slug") String slug, @Bind("name") String name, @Bind("timeZone") String timeZone);

    /**
     * Changes what is given (null keeps a value) of a restaurant in the caller's scope; the recommendation setting
     * is written only when {@code setRecommend}, since null is a value of its own there (the platform's default),
     * and the contexts only when {@code setContexts}.
     */
    @SqlQuery("UPDATE restaurants SET name = COALESCE(:name, name), time_zone = COALESCE(:timeZone, time_zone), "
            + "active = COALESCE(:active, active), recommend_after_cards = CASE WHEN :setRecommend "
            + "THEN CAST(:recommend AS smallint) ELSE recommend_after_cards END, "
            + "contexts = CASE WHEN :setContexts THEN CAST(:contexts AS text[]) ELSE contexts END "
            + "WHERE slug = :slug AND " + IN_SCOPE + " RETURNING " + COLUMNS)
    Optional<RestaurantRow> update(
            @Bind("slug") String slug,
            @Bind("admin") boolean admin,
            @Bind("mine") long[] mine,
            @Bind("name") String name,
            @Bind("timeZone") String timeZone,
            @Bind("active") Boolean active,
            @Bind("setRecommend") boolean setRecommend,
            @Bind("recommend") Integer recommendAfterCards,
            @Bind("setContexts") boolean setContexts,
            @Bind("contexts") String[] contexts);
}
