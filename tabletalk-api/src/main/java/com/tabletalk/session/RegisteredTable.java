package com.tabletalk.session;

import com.tabletalk.question.Context;
import java.util.List;

/**
 * A restaurant's registered table where a session starts: ids for the database, names for the diners, and the
 * contexts (kinds of questions) the restaurant offers, at least one, in the order of {@link Context}.
 */
public record RegisteredTable(
        long restaurantId,
        long tableId,
        String restaurantSlug,
        String restaurantName,
        String tableLabel,
        List<Context> contexts) {

    public RegisteredTable {
        contexts = List.copyOf(contexts);
        if (contexts.isEmpty()) {
            throw new IllegalArgumentException("A table offers at least one context");
        }
    }
}
