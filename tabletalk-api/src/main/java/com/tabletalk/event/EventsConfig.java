package com.tabletalk.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The event log's upkeep ({@code events} in config.yml): how many months of partitions are made ahead, and how
 * long events are kept (null, the default, keeps them for good; otherwise whole months go once they are older).
 */
public record EventsConfig(
        @JsonProperty("partitionsAheadMonths") @Min(1) @Max(24)
        Integer partitionsAheadMonths,

        @JsonProperty("retention") @MinDuration(value = 1, unit = TimeUnit.DAYS)
        Duration retention) {

    public static final int DEFAULT_PARTITIONS_AHEAD_MONTHS = 3;

    public EventsConfig {
        if (partitionsAheadMonths == null) {
            partitionsAheadMonths = DEFAULT_PARTITIONS_AHEAD_MONTHS;
        }
    }

    public static EventsConfig defaults() {
        return new EventsConfig(null, null);
    }

    /** How long events are kept; empty keeps them for good. */
    public Optional<java.time.Duration> keepFor() {
        return Optional.ofNullable(retention).map(duration -> java.time.Duration.ofMillis(duration.toMilliseconds()));
    }
}
