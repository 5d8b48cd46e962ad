package com.tabletalk.session;

/** Where a session started from a registered table is played, as diners may see it (no internal ids). */
public record TablePlace(String restaurantSlug, String restaurantName, String tableLabel) {}
