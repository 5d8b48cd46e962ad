package com.tabletalk.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Limits that a real table never meets, shared by all instances through the database ({@code rateLimits}). */
public class RateLimitConfig {
    @JsonProperty
    private boolean enabled = true;

    /** Proxies in front of the service that append to X-Forwarded-For (App Platform: 1). */
    @Min(0)
    @Max(5)
    @JsonProperty
    private int trustedProxyHops = 1;

    /** Per client address; a restaurant's guests may share one address, so this is generous. */
    @Min(1)
    @JsonProperty
    private int sessionCreatesPerMinute = 60;

    @Min(1)
    @JsonProperty
    private int joinsPerSessionPerMinute = 20;

    /** Event batches one visit may send; a real phone sends about ten in a whole visit. */
    @Min(1)
    @JsonProperty
    private int eventBatchesPerVisitPerHour = 30;

    /** Event batches per client address; many tables behind one restaurant's address share it. */
    @Min(1)
    @JsonProperty
    private int eventBatchesPerAddressPerMinute = 300;

    /** Ratings and recommendation answers, per participant of a session. */
    @Min(1)
    @JsonProperty
    private int feedbackPerParticipantPerMinute = 60;

    /** Join-code lookups per client address: a diner types one or two codes, guessing codes needs many. */
    @Min(1)
    @JsonProperty
    private int joinCodeLookupsPerAddressPerMinute = 10;

    /** Requests to take back a seat whose phone is away, and checks with unknown tokens, per session. */
    @Min(1)
    @JsonProperty
    private int reclaimsPerSessionPerMinute = 6;

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

    public int eventBatchesPerVisitPerHour() {
        return eventBatchesPerVisitPerHour;
    }

    public int eventBatchesPerAddressPerMinute() {
        return eventBatchesPerAddressPerMinute;
    }

    public int feedbackPerParticipantPerMinute() {
        return feedbackPerParticipantPerMinute;
    }

    public int joinCodeLookupsPerAddressPerMinute() {
        return joinCodeLookupsPerAddressPerMinute;
    }

    public int reclaimsPerSessionPerMinute() {
        return reclaimsPerSessionPerMinute;
    }
}
