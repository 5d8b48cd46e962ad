package com.tabletalk.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/** Lifetimes of sessions and the deck's service day ({@code sessions} in config.yml). */
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
}
