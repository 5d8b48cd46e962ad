package com.tabletalk.session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.tabletalk.question.Context;
import com.tabletalk.question.RelationshipLength;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Lifetimes of sessions, the deck's service day, which context each relationship length plays and when diners are
 * asked for a recommendation ({@code sessions} in config.yml).
 */
public class SessionsConfig {
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration idleTimeout = Duration.minutes(60);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration maxLifetime = Duration.hours(6);

    @NotNull
    @JsonProperty
    private Duration retention = Duration.days(7);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration cleanupInterval = Duration.minutes(1);

    @NotNull
    @JsonProperty
    private ZoneId serviceZone = ZoneId.of("UTC");

    /** Relationship length (wire name) to the context it plays; every length must be mapped. */
    @NotNull
    @JsonProperty
    private Map<String, String> relationshipContexts = defaultRelationshipContexts();

    /** After how many cards diners are asked whether they would recommend Table-Talk, where a restaurant has not set it. */
    @Min(0)
    @Max(50)
    @JsonProperty
    private int recommendAfterCards = 5;

    /**
     * How long a new phone waits for a seat whose phone is away when nobody at the table answers its request:
     * once the seat has stayed away this long since the request, the new phone is let in.
     */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration seatReclaimGrace = Duration.minutes(2);

    private static Map<String, String> defaultRelationshipContexts() {
        Map<String, String> contexts = new LinkedHashMap<>();
        contexts.put(RelationshipLength.UNDER_6_MONTHS.wire(), Context.EXPLORING.wire());
        contexts.put(RelationshipLength.SIX_MONTHS_TO_2_YEARS.wire(), Context.EXPLORING.wire());
        contexts.put(RelationshipLength.TWO_TO_10_YEARS.wire(), Context.ESTABLISHED.wire());
        contexts.put(RelationshipLength.OVER_10_YEARS.wire(), Context.MATURE.wire());
        contexts.put(RelationshipLength.FRIENDS_OR_FAMILY.wire(), Context.EXPLORING.wire());
        return contexts;
    }

    /** Checked at startup: exactly the five lengths, each to a context that exists. */
    @JsonIgnore
    @AssertTrue(
            message = "must map each of under_6_months, 6_months_to_2_years, 2_to_10_years, over_10_years and "
                    + "friends_or_family to exploring, established or mature")
    public boolean isRelationshipContexts() {
        if (relationshipContexts == null) {
            return true;
        }
        Set<String> lengths = Arrays.stream(RelationshipLength.values())
                .map(RelationshipLength::wire)
                .collect(Collectors.toSet());
        Set<String> contexts =
                Arrays.stream(Context.values()).map(Context::wire).collect(Collectors.toSet());
        return relationshipContexts.keySet().equals(lengths) && contexts.containsAll(relationshipContexts.values());
    }

    public java.time.Duration idleTimeout() {
        return java.time.Duration.ofMillis(idleTimeout.toMilliseconds());
    }

    public java.time.Duration maxLifetime() {
        return java.time.Duration.ofMillis(maxLifetime.toMilliseconds());
    }

    public java.time.Duration retention() {
        return java.time.Duration.ofMillis(retention.toMilliseconds());
    }

    public java.time.Duration cleanupInterval() {
        return java.time.Duration.ofMillis(cleanupInterval.toMilliseconds());
    }

    public ZoneId serviceZone() {
        return serviceZone;
    }

    public Context contextFor(RelationshipLength length) {
        return Context.fromWire(relationshipContexts.get(length.wire()));
    }

    public java.time.Duration seatReclaimGrace() {
        return java.time.Duration.ofMillis(seatReclaimGrace.toMilliseconds());
    }

    public int recommendAfterCards() {
        return recommendAfterCards;
    }
}
