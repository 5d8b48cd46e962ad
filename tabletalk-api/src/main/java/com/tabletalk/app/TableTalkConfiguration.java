package com.tabletalk.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/** config.yml, one nested class per concern. */
public class TableTalkConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty
    private PostgresDataSourceFactory database = new PostgresDataSourceFactory();

    @Valid
    @NotNull
    @JsonProperty
    private WebConfig web = new WebConfig();

    @Valid
    @NotNull
    @JsonProperty
    private SessionsConfig sessions = new SessionsConfig();

    public PostgresDataSourceFactory getDatabase() {
        return database;
    }

    public WebConfig getWeb() {
        return web;
    }

    public SessionsConfig getSessions() {
        return sessions;
    }

    /** Where the diners' web app lives. */
    public static class WebConfig {
        @NotBlank
        @Pattern(regexp = "https?://[^/?#\\s]+/?", message = "must be an origin such as https://tabletalk.example")
        @JsonProperty
        private String frontendUrl = "http://localhost:8080";

        /** The configured origin without a trailing slash, e.g. {@code https://tabletalk.example}. */
        public String frontendOrigin() {
            URI uri = URI.create(frontendUrl.strip());
            return uri.getScheme() + "://" + uri.getRawAuthority();
        }
    }

    /** Lifetimes of sessions and the deck's service day. */
    public static class SessionsConfig {
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
}
