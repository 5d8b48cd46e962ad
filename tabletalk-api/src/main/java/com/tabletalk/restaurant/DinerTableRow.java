package com.tabletalk.restaurant;

/** A restaurant and, if it has one by the asked label, its table; for the diner's lookup. */
public record DinerTableRow(
        long restaurantId,
        String slug,
        String name,
        boolean restaurantActive,
        Long tableId,
        String label,
        boolean tableActive) {}
