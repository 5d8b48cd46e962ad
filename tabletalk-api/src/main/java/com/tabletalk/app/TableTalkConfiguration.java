package com.tabletalk.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tabletalk.account.AccountConfig;
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

    /** Named apart from Dropwizard's own {@code metrics} section. */
    @Valid
    @NotNull
    @JsonProperty
    private MetricsConfig prometheus = new MetricsConfig();

    @Valid
    @NotNull
    @JsonProperty
    private RateLimitConfig rateLimits = new RateLimitConfig();

    @Valid
    @NotNull
    @JsonProperty
    private AccountConfig account = new AccountConfig();

    public AccountConfig getAccount() {
        return account;
    }

    public MetricsConfig getPrometheus() {
        return prometheus;
    }

    public RateLimitConfig getRateLimits() {
        return rateLimits;
    }

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

    /** The Prometheus endpoint on the public port. */
    public static class MetricsConfig {
        /** Shorter tokens are refused: they are guessable, or a placeholder nobody replaced. */
        public static final int MIN_TOKEN_LENGTH = 32;

        @JsonProperty
        private String token = "";

        /** The bearer token scrapers must present; empty when unset or too short (the endpoint is then off). */
        public java.util.Optional<String> bearerToken() {
            return token != null && token.strip().length() >= MIN_TOKEN_LENGTH
                    ? java.util.Optional.of(token.strip())
                    : java.util.Optional.empty();
        }

        public boolean isConfiguredButTooShort() {
            return token != null && !token.isBlank() && token.strip().length() < MIN_TOKEN_LENGTH;
        }
    }

    /** Limits that a real table never meets, shared by all instances through the database. */
    public static class RateLimitConfig {
        @JsonProperty
        private boolean enabled = true;

        /** Proxies in front of the service that append to X-Forwarded-For (App Platform: 1). */
        @jakarta.validation.constraints.Min(0)
        @jakarta.validation.constraints.Max(5)
        @JsonProperty
        private int trustedProxyHops = 1;

        /** Per client address; a restaurant's guests may share one address, so this is generous. */
        @jakarta.validation.constraints.Min(1)
        @JsonProperty
        private int sessionCreatesPerMinute = 60;

        @jakarta.validation.constraints.Min(1)
        @JsonProperty
        private int joinsPerSessionPerMinute = 20;

        public boolean enabled() {
            return enabled;
        }

        public int trustedProxyHops() {
            return trustedProxyHops;
        }

        public int sessionCreatesPerMinute() {
            return sessionCreatesPerMinute;
        }

        public int joinsPerSessionPerMinute() {
            return joinsPerSessionPerMinute;
        }
    }
}
