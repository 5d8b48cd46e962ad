package com.tabletalk.session;

import com.tabletalk.event.EventLog;
import com.tabletalk.event.EventType;
import com.tabletalk.event.LoggedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The steps of a session as the server knows them, written to the event log. Every event of a session is built
 * here from its row, so each carries the same place (restaurant and table ids), session and creating visit.
 * Payloads hold positions, ids, revisions, choices and durations only.
 */
public class SessionEvents {

    /** Why a session ended, as the event log names it. */
    public enum EndReason {
        ENDED_BY_GUEST("ended_by_guest"),
        IDLE_EXPIRED("idle_expired"),
        MAX_LIFETIME("max_lifetime");

        private final String wire;

        EndReason(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** A guest's rating of a card, as the feedback endpoint takes it. */
    public enum Rating {
        UP,
        DOWN,
        NONE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Rating> fromWire(String value) {
            return Arrays.stream(values())
                    .filter(rating -> rating.wire().equals(value))
                    .findFirst();
        }
    }

    /** How close to the maximum lifetime an expiry must fall to be taken for it (the database rounds). */
    private static final Duration LIFETIME_SLACK = Duration.ofSeconds(1);

    private final EventLog log;
    private final SessionsConfig config;
    private final Clock clock;

    public SessionEvents(EventLog log, SessionsConfig config, Clock clock) {
        this.log = log;
        this.config = config;
        this.clock = clock;
    }

    /** A new session and its first card; the relationship length is recorded as the diners gave it. */
    public void created(SessionRow session, String relationshipLength) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("context", session.context().wire());
        payload.put("mode", session.mode().wire());
        if (relationshipLength != null) {
            payload.put("relationshipLength", relationshipLength);
        }
        Instant now = clock.instant();
        record(EventType.SESSION_CREATED, now, session, "A", null, payload);
        cardShown(now, session);
    }

    public void partnerJoined(SessionRow session, String participant) {
        record(EventType.PARTNER_JOINED, clock.instant(), session, participant, null, Map.of());
    }

    /** A pick on a choice card: who gave it (on a shared phone, its second seat is the partner) and the option. */
    public record Answered(String participant, String optionId) {}

    /**
     * A new phone took over the seat of a participant whose phone was away: let in by the other phone
     * ({@code partner}) or after the seat stayed away through the grace ({@code grace}).
     */
    public void seatTakenBack(SessionRow session, String participant, String grantedBy) {
        record(
                EventType.PARTNER_JOINED,
                clock.instant(),
                session,
                participant,
                null,
                Map.of("reclaimed", true, "grantedBy", grantedBy));
    }

    /** What one participant's command changed, in the order it happened: hint, answer, card left, card shown, end. */
    public void changed(SessionRow before, SessionRow after, String participant, Answered answered) {
        Instant now = clock.instant();
        int questionId = before.currentQuestionId();
        if (!before.revealed() && after.revealed() && after.position() == before.position()) {
            record(
                    EventType.HINT_REVEALED,
                    now,
                    before,
                    participant,
                    questionId,
                    Map.of("position", before.position()));
        }
        if (answered != null) {
            record(
                    EventType.ANSWER_GIVEN,
                    now,
                    before,
                    answered.participant(),
                    questionId,
                    Map.of("position", before.position(), "optionId", answered.optionId()));
        }
        if (after.position() != before.position()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("position", before.position());
            payload.put("revision", before.currentRevision());
            if (before.cardShownAt() != null && after.cardShownAt() != null) {
                payload.put(
                        "shownMs",
                        Math.max(
                                0,
                                Duration.between(before.cardShownAt(), after.cardShownAt())
                                        .toMillis()));
            }
            record(EventType.CARD_ADVANCED, now, before, participant, questionId, payload);
            cardShown(now, after);
        }
        if (before.status().isOpen() && after.status() == SessionStatus.ENDED) {
            ended(now, after, EndReason.ENDED_BY_GUEST, participant, now);
        }
    }

    /**
     * A one-phone session catching up with the cards its phone went through offline: the card left (how long it was
     * shown is not known), each card passed on the way, shown and left, and the card it is at now. Each is marked
     * {@code offline}; the times are those of the catch-up.
     */
    public void caughtUp(SessionRow before, SessionRow after, String participant) {
        Instant now = clock.instant();
        for (int position = before.position(); position < after.position(); position++) {
            Map<String, Object> payload = offline(position, before.revisionAt(position));
            int questionId = before.deck().get(position);
            if (position > before.position()) {
                record(EventType.CARD_SHOWN, now, before, null, questionId, payload);
            }
            record(EventType.CARD_ADVANCED, now, before, participant, questionId, payload);
        }
        cardShown(now, after);
    }

    private static Map<String, Object> offline(int position, int revision) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("position", position);
        payload.put("revision", revision);
        payload.put("offline", true);
        return payload;
    }

    /** A session the janitor found past its time: idle or at the end of its lifetime, judged from its own times. */
    public void expired(SessionRow session) {
        Instant now = clock.instant();
        Instant lifetimeEnd = session.createdAt().plus(config.maxLifetime());
        EndReason reason = session.expiresAt().isBefore(lifetimeEnd.minus(LIFETIME_SLACK))
                ? EndReason.IDLE_EXPIRED
                : EndReason.MAX_LIFETIME;
        ended(now, session, reason, null, session.expiresAt());
    }

    public void reconnected(SessionRow session, String participant) {
        record(EventType.RECONNECTED, clock.instant(), session, participant, null, Map.of());
    }

    /** A rating of a card the session dealt at {@code revision}. */
    public void rated(SessionRow session, String participant, int questionId, int revision, Rating rating) {
        record(
                EventType.CARD_RATED,
                clock.instant(),
                session,
                participant,
                questionId,
                Map.of("revision", revision, "rating", rating.wire()));
    }

    /** A score of 0 to 10, or null when the diner chose not to answer. */
    public void recommendAnswered(SessionRow session, String participant, Integer score) {
        record(
                EventType.RECOMMEND_ANSWERED,
                clock.instant(),
                session,
                participant,
                null,
                score == null ? Map.of("skipped", true) : Map.of("score", score));
    }

    private void cardShown(Instant now, SessionRow session) {
        int questionId = session.currentQuestionId();
        record(
                EventType.CARD_SHOWN,
                now,
                session,
                null,
                questionId,
                Map.of("position", session.position(), "revision", session.currentRevision()));
    }

    private void ended(Instant now, SessionRow session, EndReason reason, String participant, Instant endedAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", reason.wire());
        payload.put("cards", session.position() + 1);
        payload.put(
                "durationMs",
                Math.max(0, Duration.between(session.createdAt(), endedAt).toMillis()));
        record(EventType.SESSION_ENDED, now, session, participant, null, payload);
    }

    private void record(
            EventType type,
            Instant at,
            SessionRow session,
            String participant,
            Integer questionId,
            Map<String, Object> payload) {
        log.record(new LoggedEvent(
                type,
                at,
                session.restaurantId(),
                session.tableId(),
                session.id(),
                session.visitId(),
                participant,
                questionId,
                payload));
    }
}
