package com.tabletalk.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * What was done in the console, by whom and for which restaurant. Callers record facts about their action, never
 * passwords, tokens or links.
 */
public class AuditLog {

    /** An entry as the console shows it. */
    public record Entry(long id, Instant at, String actor, String action, RestaurantRef restaurant, JsonNode details) {}

    public record RestaurantRef(String slug, String name) {}

    private final AuditDao dao;
    private final ObjectMapper json;

    public AuditLog(Jdbi jdbi, ObjectMapper json) {
        this.dao = jdbi.onDemand(AuditDao.class);
        this.json = json;
    }

    /**
     * Appends one entry.
     *
     * @param actor        who acted; null for the operator's command line
     * @param action       what happened, as {@code noun.verb}, e.g. {@code tables.created}
     * @param restaurantId the restaurant acted on, if any
     * @param details      small facts about the action (labels, counts, an email), written as JSON
     */
    public void record(StaffUser actor, String action, Long restaurantId, Map<String, ?> details) {
        try {
            dao.insert(
                    actor == null ? null : actor.id(),
                    actor == null ? null : actor.email(),
                    action,
                    restaurantId,
                    json.writeValueAsString(details));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Newest first; {@code before} is the id of the last entry already seen, or null for the newest. */
    public List<Entry> page(Long before, int limit) {
        return dao.page(before == null ? Long.MAX_VALUE : before, limit).stream()
                .map(this::entry)
                .toList();
    }

    private Entry entry(AuditDao.AuditRow row) {
        try {
            RestaurantRef restaurant =
                    row.restaurantSlug() == null ? null : new RestaurantRef(row.restaurantSlug(), row.restaurantName());
            return new Entry(
                    row.id(),
                    row.at().toInstant(),
                    row.actorEmail(),
                    row.action(),
                    restaurant,
                    json.readTree(row.details()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
