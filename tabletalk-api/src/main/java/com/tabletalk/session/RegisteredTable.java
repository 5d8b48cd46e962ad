package com.tabletalk.session;

/** A restaurant's registered table where a session starts: ids for the database, names for the diners. */
public record RegisteredTable(
        long restaurantId, long tableId, String restaurantSlug, String restaurantName, String tableLabel) {}
