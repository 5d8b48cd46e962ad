package com.tabletalk.visit;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.common.ApiException;
import com.tabletalk.common.ClientAddress;
import com.tabletalk.common.RateLimitConfig;
import com.tabletalk.common.RateLimiter;
import com.tabletalk.event.EventLog;
import com.tabletalk.event.LoggedEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The steps a phone reports before a session exists. Also read as text/plain, which is what
 * {@code navigator.sendBeacon} sends when the page goes away, and which needs no CORS preflight.
 */
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    public record Accepted(int accepted) {}

    private final ObjectMapper json;
    private final EventPlaces places;
    private final EventLog log;
    private final RateLimiter rateLimiter;
    private final int trustedProxyHops;
    private final RateLimiter.Limit perVisit;
    private final RateLimiter.Limit perAddress;
    private final Clock clock;
    private final Counter accepted;
    private final Counter rejected;

    public EventResource(
            ObjectMapper json,
            EventPlaces places,
            EventLog log,
            RateLimiter rateLimiter,
            RateLimitConfig limits,
            Clock clock,
            MetricRegistry metrics) {
        this.json = json;
        this.places = places;
        this.log = log;
        this.rateLimiter = rateLimiter;
        this.trustedProxyHops = limits.trustedProxyHops();
        this.perVisit =
                new RateLimiter.Limit("events-visit", limits.eventBatchesPerVisitPerHour(), Duration.ofHours(1));
        this.perAddress = new RateLimiter.Limit(
                "events-address", limits.eventBatchesPerAddressPerMinute(), Duration.ofMinutes(1));
        this.clock = clock;
        // Named "batches" so that no Prometheus name ends in a suffix the exposition format reserves.
        this.accepted = metrics.counter("events.batches.accepted");
        this.rejected = metrics.counter("events.batches.rejected");
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response record(byte[] body, @Context HttpServletRequest http) {
        try {
            rateLimiter.check(perAddress, ClientAddress.of(http, trustedProxyHops));
            EventBatch batch = EventBatch.parse(json, body);
            rateLimiter.check(perVisit, batch.visit().toString());
            store(batch);
            accepted.inc();
            return Response.accepted(new Accepted(batch.events().size())).build();
        } catch (ApiException e) {
            rejected.inc();
            throw e;
        }
    }

    /**
     * Every event gets the server's time, less the age the phone gives it (at most {@link EventBatch#MAX_AGE}): a
     * step the phone sends a moment later still comes before the session it led to. The phone's clock is never
     * read.
     */
    private void store(EventBatch batch) {
        Instant now = clock.instant();
        Map<EventPlaces.Named, Optional<EventPlaces.Place>> found = places.resolve(batch.events().stream()
                .filter(PhoneEvent::hasPlace)
                .map(event -> new EventPlaces.Named(event.restaurant(), event.table()))
                .toList());
        for (int i = 0; i < batch.events().size(); i++) {
            PhoneEvent event = batch.events().get(i);
            Optional<EventPlaces.Place> place = event.hasPlace()
                    ? found.get(new EventPlaces.Named(event.restaurant(), event.table()))
                    : Optional.empty();
            log.record(new LoggedEvent(
                    event.type(),
                    now.minus(batch.ages().get(i)),
                    place.map(EventPlaces.Place::restaurantId).orElse(null),
                    place.map(EventPlaces.Place::tableId).orElse(null),
                    null,
                    batch.visit(),
                    null,
                    null,
                    event.payload()));
        }
    }
}
