package com.tabletalk.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The event log's upkeep ({@code events} in config.yml): how many months of partitions are made ahead, how long
 * events are kept (null, the default, keeps them for good; otherwise whole months go once they are older), and how
 * long the writer lets a batch gather before inserting it (100 ms by default; nobody waits for the log).
 */
public record EventsConfig(
        @JsonProperty("partitionsAheadMonths") @Min(1) @Max(24)
        Integer partitionsAheadMonths,

        @JsonProperty("retention") @MinDuration(value = 1, unit = TimeUnit.DAYS)
        Duration retention,

        @JsonProperty("batchLinger") @MaxDuration(value = 5, unit = TimeUnit.SECONDS)
        Duration batchLinger) {

    public static final int DEFAULT_PARTITIONS_AHEAD_MONTHS = 3;
    public static final Duration DEFAULT_BATCH_LINGER = Duration.milliseconds(100);

    public EventsConfig {
        if (partitionsAheadMonths == null) {
            partitionsAheadMonths = DEFAULT_PARTITIONS_AHEAD_MONTHS;
        }
        if (batchLinger == null) {
            batchLinger = DEFAULT_BATCH_LINGER;
        }
    }

    public static EventsConfig defaults() {
        return new EventsConfig(null, null, null);
    }

    /** How long a batch of events gathers before it is written. */
    public java.time.Duration linger() {
        return java.time.Duration.ofMillis(batchLinger.toMilliseconds());
    }

    /** How long events are kept; empty keeps them for good. */
    public Optional<java.time.Duration> keepFor() {
        return Optional.ofNullable(retention).map(duration -> java.time.Duration.ofMillis(duration.toMilliseconds()));
    }
}
