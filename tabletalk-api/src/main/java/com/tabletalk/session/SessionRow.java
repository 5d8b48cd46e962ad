package com.tabletalk.session;

import com.tabletalk.question.Context;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A session as the database holds it. {@code lapsed} is computed by the database on read: the session is still
 * marked open but its expiry time has passed. {@code place} is the registered table it started from, or null for
 * a walk-in table, and {@code restaurantId}/{@code tableId} its ids, for the event log only. {@code visitId} is the
 * visit that created the session, {@code deckRevisions} the revision of each card as it was dealt (all 1 for sessions
 * dealt before revisions were kept), {@code cardShownAt} when the current card was first shown (null for sessions
 * from before it was kept), {@code restaurantRecommendAfterCards} the restaurant's own setting, if any.
 * {@code endedBy} is the participant whose command ended the session (null otherwise), {@code closedAt} when it
 * ended or expired (null while open).
 */
public record SessionRow(
        UUID id,
        String tableToken,
        Context context,
        Mode mode,
        SessionStatus status,
        long version,
        String deckSeed,
        List<Integer> deck,
        List<Integer> deckRevisions,
        int position,
        boolean revealed,
        List<ParticipantRow> participants,
        Instant createdAt,
        Instant expiresAt,
        boolean lapsed,
        TablePlace place,
        Long restaurantId,
        Long tableId,
        UUID visitId,
        Instant cardShownAt,
        Integer restaurantRecommendAfterCards,
        String endedBy,
        Instant closedAt) {

    public SessionRow {
        deck = List.copyOf(deck);
        deckRevisions = deckRevisions == null ? Collections.nCopies(deck.size(), 1) : List.copyOf(deckRevisions);
        if (deckRevisions.size() != deck.size()) {
            throw new IllegalArgumentException("A deck has one dealt revision per card");
        }
        participants = List.copyOf(participants);
    }

    /** The status clients see: an open session past its expiry time is expired even before the janitor marks it. */
    public SessionStatus effectiveStatus() {
        return status.isOpen() && lapsed ? SessionStatus.EXPIRED : status;
    }

    public int currentQuestionId() {
        return deck.get(position);
    }

    /** The revision of the current card as it was dealt. */
    public int currentRevision() {
        return deckRevisions.get(position);
    }

    /** The revision the card at {@code deckPosition} was dealt with. */
    public int revisionAt(int deckPosition) {
        return deckRevisions.get(deckPosition);
    }

    public SessionRow with(
            SessionStatus newStatus, int newPosition, boolean newRevealed, List<ParticipantRow> newParticipants) {
        return new SessionRow(
                id,
                tableToken,
                context,
                mode,
                newStatus,
                version,
                deckSeed,
                deck,
                deckRevisions,
                newPosition,
                newRevealed,
                newParticipants,
                createdAt,
                expiresAt,
                lapsed,
                place,
                restaurantId,
                tableId,
                visitId,
                cardShownAt,
                restaurantRecommendAfterCards,
                endedBy,
                closedAt);
    }

    /** This session ended by {@code participantId}'s command. */
    public SessionRow endedBy(String participantId) {
        return new SessionRow(
                id,
                tableToken,
                context,
                mode,
                SessionStatus.ENDED,
                version,
                deckSeed,
                deck,
                deckRevisions,
                position,
                revealed,
                participants,
                createdAt,
                expiresAt,
                lapsed,
                place,
                restaurantId,
                tableId,
                visitId,
                cardShownAt,
                restaurantRecommendAfterCards,
                participantId,
                closedAt);
    }

    /**
     * This state as written: the version, expiry, card clock and close time the database gave it (the rest it was
     * sent).
     */
    public SessionRow written(long newVersion, Instant newExpiresAt, Instant newCardShownAt, Instant newClosedAt) {
        return new SessionRow(
                id,
                tableToken,
                context,
                mode,
                status,
                newVersion,
                deckSeed,
                deck,
                deckRevisions,
                position,
                revealed,
                participants,
                createdAt,
                newExpiresAt,
                false,
                place,
                restaurantId,
                tableId,
                visitId,
                newCardShownAt,
                restaurantRecommendAfterCards,
                endedBy,
                newClosedAt);
    }
}
