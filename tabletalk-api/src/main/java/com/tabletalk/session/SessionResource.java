package com.tabletalk.session;

import com.tabletalk.common.ApiException;
import com.tabletalk.common.ClientAddress;
import com.tabletalk.common.ErrorCode;
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
    private final RateLimiter rateLimiter;
    private final RateLimitConfig limits;
    private final RateLimiter.Limit creates;
    private final RateLimiter.Limit joins;

    public SessionResource(
            SessionService sessions,
            RegisteredTables tables,
            FrontendLinks links,
            RateLimiter rateLimiter,
            RateLimitConfig limits) {
        this.sessions = sessions;
        this.tables = tables;
        this.links = links;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
        this.creates = new RateLimiter.Limit("create", limits.sessionCreatesPerMinute(), Duration.ofMinutes(1));
        this.joins = new RateLimiter.Limit("join", limits.joinsPerSessionPerMinute(), Duration.ofMinutes(1));
    }

    /** Either a walk-in {@code tableToken}, or the {@code restaurant} slug and {@code table} label of a registered table. */
    public record CreateSessionRequest(
            String tableToken, String restaurant, String table, String context, String mode) {}

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
        if (request.restaurant() == null && request.table() == null) {
            return sessions.create(new TableToken(request.tableToken()), request.context(), request.mode());
        }
        if (request.tableToken() != null) {
            throw ApiException.invalid("Send either tableToken or restaurant and table, not both.");
        }
        if (request.restaurant() == null || request.table() == null) {
            throw ApiException.invalid("A session at a restaurant's table needs both restaurant and table.");
        }
        return sessions.createAtTable(
                tables.open(request.restaurant(), request.table()), request.context(), request.mode());
    }

    @POST
    @Path("/{id}/participants")
    public Response join(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Optional<String> token = Optional.empty();
        if (authorization != null && !authorization.isBlank()) {
            token = Optional.of(
                    ParticipantTokens.fromAuthorization(authorization).orElseThrow(SessionResource::badToken));
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

    /** The join code the first phone shows the second: a QR code of the web app's join page for this session. */
    @GET
    @Path("/{id}/qr.svg")
    @Produces("image/svg+xml")
    public Response joinCode(@PathParam("id") String id) {
        UUID sessionId = sessionId(id);
        sessions.get(sessionId);
        return Response.ok(QrCodes.svg(links.join(sessionId)), "image/svg+xml").build();
    }

    @POST
    @Path("/{id}/commands")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionView command(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, Command command) {
        UUID sessionId = sessionId(id);
        String token = ParticipantTokens.fromAuthorization(authorization).orElseThrow(SessionResource::badToken);
        if (command == null) {
            throw ApiException.invalid("Send a command as a JSON object, e.g. {\"type\":\"next\",\"version\":1}.");
        }
        return sessions.command(sessionId, token, command);
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

    private static ApiException badToken() {
        return new ApiException(
                ErrorCode.UNAUTHORIZED, "Send your participant token as 'Authorization: Bearer <token>'.");
    }

    private static JoinResponse response(SessionService.Joined joined) {
        return new JoinResponse(joined.session(), new ParticipantCredentials(joined.participantId(), joined.token()));
    }
}
