package com.tabletalk.restaurant;

import java.util.List;

/** A restaurant and, if it has one by the asked label, its table; for the diner's lookup. */
public record DinerTableRow(
        long restaurantId,
        String slug,
        String name,
        boolean restaurantActive,
        Long tableId,
        String label,
        boolean tableActive,
        List<String> contexts) {}
