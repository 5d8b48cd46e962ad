package com.tabletalk.session;

import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Taking back a seat of a two-phone session from a new phone, when the seat's own phone is away (its storage lost,
 * another browser): the new phone asks, and the phone still at the table lets it in, or, if nobody answers, the
 * seat is handed over once it has stayed away through the grace. A connected seat is never handed over. The
 * request lives in the seat inside the session's row, so every step is one compare-and-set like any other change,
 * and every phone hears of it.
 */
public class SeatReclaims {

    private static final int ATTEMPTS = 5;

    private final SessionService sessions;
    private final SessionEvents events;
    private final SessionsConfig config;
    private final Clock clock;

    public SeatReclaims(SessionService sessions, SessionEvents events, SessionsConfig config, Clock clock) {
        this.sessions = sessions;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** A new phone's request: the seat it asks for, the token it will hold once let in, and when at the latest. */
    public record Request(String participantId, String token, Instant grantsAt) {}

    /** Where a request stands: handed over (with the seat's session and credentials) or still waiting. */
    public sealed interface Outcome {
        record Granted(SessionService.Joined joined) implements Outcome {}

        record Waiting(String participantId, Instant grantsAt) implements Outcome {}
    }

    /**
     * Asks for the seat whose phone is away (with both away, the second seat). A later request for the same seat
     * replaces an earlier one. 409 {@code session_full} if both phones are at the table or the session is for one
     * phone, 409 {@code conflict} if a seat is still free (join instead).
     */
    public Request request(UUID id) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SessionRow session = sessions.open(id);
            if (session.mode() != Mode.DUAL) {
                throw new ApiException(
                        ErrorCode.SESSION_FULL, "This is a one-phone session; it cannot be joined from another phone.");
            }
            if (session.participants().size() < session.mode().seats()) {
                throw new ApiException(
                        ErrorCode.CONFLICT,
                        "A seat of this session is still free: join it instead of taking one back.");
            }
            ParticipantRow seat = session.participants().stream()
                    .filter(p -> !p.connected())
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new ApiException(
                            ErrorCode.SESSION_FULL,
                            "Two phones are already in this session, and both are at the table."));
            String token = ParticipantTokens.newToken();
            Instant now = clock.instant();
            ParticipantRow asked =
                    seat.withReclaim(new ParticipantRow.Reclaim(ParticipantTokens.hash(token), now.toEpochMilli()));
            if (sessions.write(session, replaced(session, asked)).isPresent()) {
                return new Request(seat.id(), token, now.plus(config.seatReclaimGrace()));
            }
            // A phone connected, played or asked at the same moment: read again.
        }
        throw new VersionConflict("The session is changing too fast; try again.", sessions.get(id));
    }

    /**
     * The asking phone checks on its request with the token it was given: let in (then the token is the seat's),
     * handed over now if the grace has passed with the seat still away, or still waiting. 409 {@code conflict} when
     * the request is gone: the phone at the table said not now, the seat's own phone came back, or another phone
     * asked since.
     */
    public Outcome claim(UUID id, String token) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SessionRow session = sessions.open(id);
            Optional<ParticipantRow> holder = SessionService.participantFor(session, token);
            if (holder.isPresent()) {
                return granted(session, holder.get().id(), token);
            }
            ParticipantRow seat = askedFor(session, token).orElseThrow(SeatReclaims::gone);
            Instant grantsAt =
                    Instant.ofEpochMilli(seat.reclaim().requestedAtMillis()).plus(config.seatReclaimGrace());
            if (seat.connected()) {
                throw gone();
            }
            if (clock.instant().isBefore(grantsAt)) {
                return new Outcome.Waiting(seat.id(), grantsAt);
            }
            Optional<SessionRow> written = sessions.write(session, replaced(session, seat.handedOver()));
            if (written.isPresent()) {
                events.seatTakenBack(written.get(), seat.id(), "grace");
                return granted(written.get(), seat.id(), token);
            }
        }
        throw new VersionConflict("The session is changing too fast; try again.", sessions.get(id));
    }

    /**
     * The phone at the table answers a request for its partner's seat: let the new phone in, or not now (the
     * request is dropped; the new phone may ask again). 401 for a token not of this session, 403 for the seat's own
     * token, 409 {@code conflict} when no phone is asking.
     */
    public SessionView answer(UUID id, String token, boolean letIn) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SessionRow session = sessions.open(id);
            ParticipantRow answerer = SessionService.participantFor(session, token)
                    .orElseThrow(() ->
                            new ApiException(ErrorCode.UNAUTHORIZED, "That token does not belong to this session."));
            ParticipantRow seat = session.participants().stream()
                    .filter(p -> p.reclaim() != null && !p.connected())
                    .findFirst()
                    .orElseThrow(() ->
                            new ApiException(ErrorCode.CONFLICT, "No new phone is asking for a seat of this session."));
            if (seat.id().equals(answerer.id())) {
                throw new ApiException(
                        ErrorCode.FORBIDDEN, "Only the other phone at the table can let a new phone take this seat.");
            }
            ParticipantRow after = letIn ? seat.handedOver() : seat.withReclaim(null);
            Optional<SessionRow> written = sessions.write(session, replaced(session, after));
            if (written.isPresent()) {
                if (letIn) {
                    events.seatTakenBack(written.get(), seat.id(), "partner");
                }
                return sessions.view(written.get());
            }
        }
        throw new VersionConflict("The session is changing too fast; try again.", sessions.get(id));
    }

    private Outcome granted(SessionRow session, String participantId, String token) {
        return new Outcome.Granted(new SessionService.Joined(sessions.view(session), participantId, token, false));
    }

    private static Optional<ParticipantRow> askedFor(SessionRow session, String token) {
        if (!ParticipantTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return session.participants().stream()
                .filter(p -> p.reclaim() != null
                        && ParticipantTokens.matches(token, p.reclaim().tokenHash()))
                .findFirst();
    }

    private static SessionRow replaced(SessionRow session, ParticipantRow seat) {
        List<ParticipantRow> participants = session.participants().stream()
                .map(p -> p.id().equals(seat.id()) ? seat : p)
                .toList();
        return session.with(session.status(), session.position(), session.revealed(), participants);
    }

    private static ApiException gone() {
        return new ApiException(
                ErrorCode.CONFLICT,
                "This phone was not let in: the phone at the table said not now, the seat's own phone came back, "
                        + "or another phone asked for the seat since.");
    }
}
