package com.tabletalk.session;

/** Finds the registered table a diner scanned; the restaurant side answers. */
public interface RegisteredTables {

    /** The active table {@code label} of the active restaurant {@code slug}; 404 if unknown, 410 if inactive. */
    RegisteredTable open(String restaurantSlug, String tableLabel);
}
