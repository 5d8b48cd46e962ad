package com.tabletalk.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tabletalk.question.Question;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The session state every client renders: the same JSON over REST and the live channel. {@code
 * recommendAfterCards} is the position from which the diners are asked for a recommendation (0: never). An ended
 * session also says who ended it ({@code endedBy}, a participant id, when known) and when ({@code endedAt}).
 */
public record SessionView(
        UUID id,
        String tableToken,
        String context,
        String mode,
        String status,
        long version,
        int position,
        int deckSize,
        Card card,
        boolean revealed,
        List<ParticipantView> participants,
        Map<String, String> answers,
        Instant createdAt,
        Instant expiresAt,
        int recommendAfterCards,
        @JsonInclude(JsonInclude.Include.NON_NULL) Restaurant restaurant,
        @JsonInclude(JsonInclude.Include.NON_NULL) Table table,
        @JsonInclude(JsonInclude.Include.NON_NULL) String endedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant endedAt) {

    /** The restaurant of a session started from a registered table; absent for walk-in tables. */
    public record Restaurant(String slug, String name) {}

    public record Table(String label) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Card(
            int questionId,
            String text,
            String type,
            List<Question.Option> options,
            String category,
            String difficulty,
            String hint) {}

    /**
     * One seat as every phone sees it. {@code rejoining}: a new phone is asking to take this seat over while its
     * own phone is away (the other phone is asked to let it in); left out when false.
     */
    public record ParticipantView(
            String id,
            boolean connected,
            boolean ready,
            boolean answered,
            boolean wantsNext,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean rejoining) {}

    /** A question as a card, with its hint or without it (the hint of a card not yet revealed stays unsaid). */
    public static Card card(Question question, boolean withHint) {
        return new Card(
                question.id(),
                question.text(),
                question.type(),
                question.isChoice() ? question.options() : null,
                question.category(),
                question.difficulty(),
                withHint ? question.hint() : null);
    }

    public static SessionView of(SessionRow session, Question question, int defaultRecommendAfterCards) {
        Card card = card(question, session.revealed());
        List<ParticipantView> participants = session.participants().stream()
                .map(p -> new ParticipantView(
                        p.id(),
                        p.connected(),
                        p.ready(),
                        p.answer() != null,
                        p.wantsNext(),
                        p.reclaim() != null && !p.connected()))
                .toList();
        Map<String, String> answers = SessionRules.visibleAnswers(session);
        TablePlace place = session.place();
        boolean ended = session.status() == SessionStatus.ENDED;
        return new SessionView(
                session.id(),
                session.tableToken(),
                session.context().wire(),
                session.mode().wire(),
                session.effectiveStatus().wire(),
                session.version(),
                session.position(),
                session.deck().size(),
                card,
                session.revealed(),
                participants,
                answers,
                session.createdAt().truncatedTo(ChronoUnit.MILLIS),
                session.expiresAt().truncatedTo(ChronoUnit.MILLIS),
                session.restaurantRecommendAfterCards() == null
                        ? defaultRecommendAfterCards
                        : session.restaurantRecommendAfterCards(),
                place == null ? null : new Restaurant(place.restaurantSlug(), place.restaurantName()),
                place == null ? null : new Table(place.tableLabel()),
                ended ? session.endedBy() : null,
                ended && session.closedAt() != null ? session.closedAt().truncatedTo(ChronoUnit.MILLIS) : null);
    }
}
