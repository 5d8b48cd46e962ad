package com.tabletalk.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tabletalk.account.AccountConfig;
import com.tabletalk.common.RateLimitConfig;
import com.tabletalk.common.WebConfig;
import com.tabletalk.event.EventsConfig;
import com.tabletalk.session.SessionsConfig;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** config.yml: one section per concern, each owned by the package that uses it. */
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

    @Valid
    @NotNull
    @JsonProperty
    private EventsConfig events = EventsConfig.defaults();

    public EventsConfig getEvents() {
        return events;
    }

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
}
