package com.tabletalk.session;

import com.tabletalk.common.ApiException;
import com.tabletalk.common.ClientAddress;
import com.tabletalk.common.FrontendLinks;
import com.tabletalk.common.RateLimitConfig;
import com.tabletalk.common.RateLimiter;
import com.tabletalk.common.TableToken;
import com.tabletalk.qr.QrCodes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;
    private final RegisteredTables tables;
    private final FrontendLinks links;
    private final JoinCodes joinCodes;
    private final RateLimiter rateLimiter;
    private final RateLimitConfig limits;
    private final RateLimiter.Limit creates;
    private final RateLimiter.Limit joins;
    private final RateLimiter.Limit feedback;

    public SessionResource(
            SessionService sessions,
            RegisteredTables tables,
            FrontendLinks links,
            RateLimiter rateLimiter,
            RateLimitConfig limits,
            JoinCodes joinCodes) {
        this.sessions = sessions;
        this.joinCodes = joinCodes;
        this.tables = tables;
        this.links = links;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
        this.creates = new RateLimiter.Limit("create", limits.sessionCreatesPerMinute(), Duration.ofMinutes(1));
        this.joins = new RateLimiter.Limit("join", limits.joinsPerSessionPerMinute(), Duration.ofMinutes(1));
        this.feedback =
                new RateLimiter.Limit("feedback", limits.feedbackPerParticipantPerMinute(), Duration.ofMinutes(1));
    }

    /**
     * Either a walk-in {@code tableToken}, or the {@code restaurant} slug and {@code table} label of a registered
     * table; either a {@code context} or a {@code relationshipLength}; optionally the {@code visit} that led here.
     */
    public record CreateSessionRequest(
            String tableToken,
            String restaurant,
            String table,
            String context,
            String relationshipLength,
            String mode,
            String visit) {}

    /** {@code up}, {@code down} or {@code none} (taking a rating back). */
    public record RatingRequest(String rating) {}

    /** A score from 0 to 10, or {@code skipped: true}. */
    public record RecommendRequest(Integer score, Boolean skipped) {}

    public record ParticipantCredentials(String id, String token) {}

    public record JoinResponse(SessionView session, ParticipantCredentials participant) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateSessionRequest request, @Context UriInfo uri, @Context HttpServletRequest http) {
        rateLimiter.check(creates, ClientAddress.of(http, limits.trustedProxyHops()));
        if (request == null) {
            throw ApiException.invalid("Send a JSON object with tableToken, context and mode.");
        }
        SessionService.Joined joined = created(request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(joined.session().id().toString())
                        .build())
                .entity(response(joined))
                .build();
    }

    private SessionService.Joined created(CreateSessionRequest request) {
        SessionService.Choice choice = new SessionService.Choice(
                request.context(), request.relationshipLength(), request.mode(), visit(request.visit()));
        if (request.restaurant() == null && request.table() == null) {
            return sessions.create(new TableToken(request.tableToken()), choice);
        }
        if (request.tableToken() != null) {
            throw ApiException.invalid("Send either tableToken or restaurant and table, not both.");
        }
        if (request.restaurant() == null || request.table() == null) {
            throw ApiException.invalid("A session at a restaurant's table needs both restaurant and table.");
        }
        return sessions.createAtTable(tables.open(request.restaurant(), request.table()), choice);
    }

    private static UUID visit(String raw) {
        if (raw == null) {
            return null;
        }
        return SessionId.tryParse(raw)
                .map(SessionId::value)
                .orElseThrow(() -> ApiException.invalid("visit must be a UUID such as the phone made for its visit."));
    }

    @POST
    @Path("/{id}/participants")
    public Response join(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Optional<String> token = Optional.empty();
        if (authorization != null && !authorization.isBlank()) {
            token = Optional.of(ParticipantTokens.fromAuthorization(authorization));
        }
        UUID sessionId = sessionId(id);
        // Only callers the session does not know draw on its join budget: a phone re-joining with its own token is
        // never locked out by other people's attempts.
        if (!isParticipant(sessionId, token)) {
            rateLimiter.check(joins, sessionId.toString());
        }
        SessionService.Joined joined = sessions.join(sessionId, token);
        return Response.status(joined.created() ? 201 : 200)
                .entity(response(joined))
                .build();
    }

    @GET
    @Path("/{id}")
    public SessionView get(@PathParam("id") String id) {
        return sessions.get(sessionId(id));
    }

    /** How an ended session ended, for one of its phones: its last state, with who ended it and when. */
    @GET
    @Path("/{id}/ending")
    public SessionView ending(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        UUID sessionId = sessionId(id);
        String token = ParticipantTokens.fromAuthorization(authorization);
        return sessions.ending(sessionId, token);
    }

    /** The join code the first phone shows the second: a QR code of the web app's join page for this session. */
    @GET
    @Path("/{id}/qr.svg")
    @Produces("image/svg+xml")
    public Response joinCode(@PathParam("id") String id) {
        UUID sessionId = sessionId(id);
        sessions.get(sessionId);
        return Response.ok(QrCodes.svg(links.join(sessionId)), "image/svg+xml").build();
    }

    /** A two-phone session's short join code and the short link it stands for, shown beside the QR code. */
    public record JoinCodeView(String code, String link) {}

    @GET
    @Path("/{id}/join-code")
    public JoinCodeView shortJoinCode(@PathParam("id") String id) {
        String code = joinCodes.of(sessionId(id));
        return new JoinCodeView(code, links.joinByCode(code));
    }

    @POST
    @Path("/{id}/commands")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionView command(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, Command command) {
        UUID sessionId = sessionId(id);
        String token = ParticipantTokens.fromAuthorization(authorization);
        if (command == null) {
            throw ApiException.invalid("Send a command as a JSON object, e.g. {\"type\":\"next\",\"version\":1}.");
        }
        return sessions.command(sessionId, token, command);
    }

    /** One-phone sessions: the rest of the deck, for the phone to keep in case the network goes. */
    @GET
    @Path("/{id}/deck")
    public SessionDeck deck(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        UUID sessionId = sessionId(id);
        String token = ParticipantTokens.fromAuthorization(authorization);
        return sessions.deck(sessionId, token);
    }

    /** A participant's rating of a card dealt in this session; allowed after the session has ended. */
    @PUT
    @Path("/{id}/ratings/{questionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rate(
            @PathParam("id") String id,
            @PathParam("questionId") String questionId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            RatingRequest request) {
        UUID sessionId = sessionId(id);
        String token = ParticipantTokens.fromAuthorization(authorization);
        int question = questionId(questionId);
        SessionEvents.Rating rating = rating(request);
        sessions.rate(giver(sessionId, token), question, rating);
        return Response.noContent().build();
    }

    /** A participant's answer to whether they would recommend Table-Talk; allowed after the session has ended. */
    @PUT
    @Path("/{id}/recommend")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recommend(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            RecommendRequest request) {
        UUID sessionId = sessionId(id);
        String token = ParticipantTokens.fromAuthorization(authorization);
        Integer score = score(request);
        sessions.recommend(giver(sessionId, token), score);
        return Response.noContent().build();
    }

    /** The participant giving feedback, drawing on their own budget. */
    private SessionService.Participant giver(UUID sessionId, String token) {
        SessionService.Participant participant = sessions.participant(sessionId, token);
        rateLimiter.check(feedback, sessionId + "/" + participant.id());
        return participant;
    }

    private static int questionId(String raw) {
        if (raw == null || !raw.matches("[1-9][0-9]{0,8}")) {
            throw ApiException.notFound("That question has not been dealt in this session.");
        }
        return Integer.parseInt(raw);
    }

    private static SessionEvents.Rating rating(RatingRequest request) {
        if (request == null || request.rating() == null) {
            throw ApiException.invalid("Send {\"rating\":\"up\"}, \"down\" or \"none\".");
        }
        return SessionEvents.Rating.fromWire(request.rating())
                .orElseThrow(() -> ApiException.invalid("rating must be up, down or none."));
    }

    /** The score, or null for a skipped question. */
    private static Integer score(RecommendRequest request) {
        if (request == null || (request.score() == null) == (request.skipped() == null)) {
            throw ApiException.invalid("Send either {\"score\": 0 to 10} or {\"skipped\": true}.");
        }
        if (request.skipped() != null) {
            if (!request.skipped()) {
                throw ApiException.invalid("skipped can only be true; send a score to answer.");
            }
            return null;
        }
        if (request.score() < 0 || request.score() > 10) {
            throw ApiException.invalid("score must be a whole number from 0 to 10.");
        }
        return request.score();
    }

    private boolean isParticipant(UUID sessionId, Optional<String> token) {
        return token.isPresent()
                && sessions.row(sessionId)
                        .flatMap(row -> sessions.authenticate(row, token.get()))
                        .isPresent();
    }

    private static UUID sessionId(String raw) {
        return SessionId.parse(raw).value();
    }

    static JoinResponse response(SessionService.Joined joined) {
        return new JoinResponse(joined.session(), new ParticipantCredentials(joined.participantId(), joined.token()));
    }
}
