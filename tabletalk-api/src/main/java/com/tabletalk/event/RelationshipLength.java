package com.tabletalk.event;

import java.util.Arrays;
import java.util.Optional;

/** How long the people at a table have known each other, as the phone asks it before a session starts. */
public enum RelationshipLength {
    UNDER_6_MONTHS("under_6_months"),
    SIX_MONTHS_TO_2_YEARS("6_months_to_2_years"),
    TWO_TO_10_YEARS("2_to_10_years"),
    OVER_10_YEARS("over_10_years"),
    FRIENDS_OR_FAMILY("friends_or_family");

    private final String wire;

    RelationshipLength(String wire) {
        this.wire = wire;
    }

    /** The name on the wire and in event payloads; some start with a digit, so they are not the constants' names. */
    public String wire() {
        return wire;
    }

    public static Optional<RelationshipLength> fromWire(String wire) {
        return Arrays.stream(values())
                .filter(length -> length.wire.equals(wire))
                .findFirst();
    }
}
