package com.tabletalk.session;

import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import com.tabletalk.common.RateLimitConfig;
import com.tabletalk.common.RateLimiter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A new phone taking back a seat whose phone is away, and the other phone's answer. New requests, and checks with a
 * token that is not a pending request's, draw on a small budget per session.
 */
@Path("/sessions/{id}/reclaims")
@Produces(MediaType.APPLICATION_JSON)
public class ReclaimResource {

    private final SeatReclaims reclaims;
    private final RateLimiter rateLimiter;
    private final RateLimiter.Limit attempts;

    public ReclaimResource(SeatReclaims reclaims, RateLimiter rateLimiter, RateLimitConfig limits) {
        this.reclaims = reclaims;
        this.rateLimiter = rateLimiter;
        this.attempts = new RateLimiter.Limit("reclaim", limits.reclaimsPerSessionPerMinute(), Duration.ofMinutes(1));
    }

    /** The token is the seat's once the phone is let in; until then it only checks on the request. */
    public record ReclaimRequested(String participant, String token, Instant grantsAt) {}

    public record ReclaimWaiting(String participant, Instant grantsAt) {}

    /** {@code letIn}: true lets the new phone take the seat, false is "not now". */
    public record ReclaimAnswer(Boolean letIn) {}

    @POST
    public Response request(@PathParam("id") String id) {
        UUID sessionId = SessionId.parse(id).value();
        rateLimiter.check(attempts, sessionId.toString());
        SeatReclaims.Request request = reclaims.request(sessionId);
        return Response.status(202)
                .entity(new ReclaimRequested(request.participantId(), request.token(), request.grantsAt()))
                .build();
    }

    /** 200 with the seat (as joining answers) once let in, 202 while waiting, 409 once the request is gone. */
    @POST
    @Path("/claim")
    public Response claim(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        UUID sessionId = SessionId.parse(id).value();
        String token = ParticipantTokens.fromAuthorization(authorization);
        SeatReclaims.Outcome outcome;
        try {
            outcome = reclaims.claim(sessionId, token);
        } catch (ApiException refused) {
            if (refused.code() == ErrorCode.CONFLICT) {
                rateLimiter.check(attempts, sessionId.toString());
            }
            throw refused;
        }
        if (outcome instanceof SeatReclaims.Outcome.Waiting waiting) {
            return Response.status(202)
                    .entity(new ReclaimWaiting(waiting.participantId(), waiting.grantsAt()))
                    .build();
        }
        return Response.ok(SessionResource.response(((SeatReclaims.Outcome.Granted) outcome).joined()))
                .build();
    }

    /** The phone at the table lets the new phone in, or not now; answers with the session as it stands. */
    @POST
    @Path("/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionView answer(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            ReclaimAnswer answer) {
        UUID sessionId = SessionId.parse(id).value();
        String token = ParticipantTokens.fromAuthorization(authorization);
        if (answer == null || answer.letIn() == null) {
            throw ApiException.invalid("Send {\"letIn\": true} to let the new phone in, or {\"letIn\": false}.");
        }
        return reclaims.answer(sessionId, token, answer.letIn());
    }
}
