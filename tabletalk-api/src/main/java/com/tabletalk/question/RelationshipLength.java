package com.tabletalk.question;

import com.tabletalk.common.ApiException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How long the people at the table have known each other, as a diner answers it instead of choosing a context.
 * Which context each length plays is configuration ({@code sessions.relationshipContexts}), not code.
 */
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

    public String wire() {
        return wire;
    }

    public static Optional<RelationshipLength> find(String value) {
        return Arrays.stream(values())
                .filter(length -> length.wire.equals(value))
                .findFirst();
    }

    public static RelationshipLength fromWire(String value) {
        return find(value)
                .orElseThrow(() -> ApiException.invalid("relationshipLength must be one of " + wireList() + "."));
    }

    public static String wireList() {
        return Arrays.stream(values()).map(RelationshipLength::wire).collect(Collectors.joining(", "));
    }
}
