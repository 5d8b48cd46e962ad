package com.tabletalk.visit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a phone's events happened: the active registered table behind a restaurant slug and table label, or none
 * (an unknown or retired table is not an error; its events are kept without a place). Answers are remembered for
 * a short while, in a bounded map, since a visit reports the same table several times within minutes.
 */
public class EventPlaces {

    /** A table the event log can name by its ids. */
    public record Place(long restaurantId, long tableId) {}

    /** What a phone names: the slug and label as sent. */
    public record Named(String restaurant, String table) {}

    private record Remembered(Optional<Place> place, Instant until) {}

    static final int MAX_REMEMBERED = 5_000;

    private final EventPlaceDao dao;
    private final Clock clock;
    private final Duration lifetime;
    private final Map<Named, Remembered> remembered = new ConcurrentHashMap<>();

    public EventPlaces(EventPlaceDao dao, Clock clock, Duration lifetime) {
        this.dao = dao;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The place of each named table (absent when it is not an active registered table), with one query at most. */
    public Map<Named, Optional<Place>> resolve(Collection<Named> names) {
        Instant now = clock.instant();
        Map<Named, Optional<Place>> found = new HashMap<>();
        List<Named> missing = names.stream()
                .distinct()
                .filter(name -> {
                    Remembered known = remembered.get(name);
                    if (known != null && known.until().isAfter(now)) {
                        found.put(name, known.place());
                        return false;
                    }
                    return true;
                })
                .toList();
        if (missing.isEmpty()) {
            return found;
        }
        Map<Named, Place> rows = new HashMap<>();
        for (EventPlaceDao.PlaceRow row : dao.find(
                missing.stream().map(Named::restaurant).toArray(String[]::new),
                missing.stream().map(Named::table).toArray(String[]::new))) {
            rows.put(new Named(row.slug(), row.label()), new Place(row.restaurantId(), row.tableId()));
        }
        if (remembered.size() + missing.size() > MAX_REMEMBERED) {
            // Crude but bounded: a flood of made-up names empties the map instead of growing it.
            remembered.clear();
        }
        Instant until = now.plus(lifetime);
        for (Named name : missing) {
            Optional<Place> place = Optional.ofNullable(rows.get(name));
            found.put(name, place);
            remembered.put(name, new Remembered(place, until));
        }
        return found;
    }
}
