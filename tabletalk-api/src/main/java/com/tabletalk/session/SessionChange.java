package com.tabletalk.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a write can change in a session's row, as it stands at {@code version}: everything else (the table, the deck,
 * the mode, when it began) is fixed when the session is created. Another instance that keeps an older row of the
 * session can bring it up to this version without reading it, since a change carries every field a write sets.
 */
public record SessionChange(
        UUID id,
        long version,
        SessionStatus status,
        int position,
        boolean revealed,
        List<ParticipantRow> participants,
        Instant expiresAt,
        Instant cardShownAt,
        String endedBy,
        Instant closedAt) {

    public SessionChange {
        participants = List.copyOf(participants);
    }

    public static SessionChange of(SessionRow row) {
        return new SessionChange(
                row.id(),
                row.version(),
                row.status(),
                row.position(),
                row.revealed(),
                row.participants(),
                row.expiresAt(),
                row.cardShownAt(),
                row.endedBy(),
                row.closedAt());
    }

    /** {@code older}, a row of the same session, as this change leaves it. */
    public SessionRow appliedTo(SessionRow older) {
        if (!older.id().equals(id)) {
            throw new IllegalArgumentException("A change applies only to a row of its own session");
        }
        return new SessionRow(
                id,
                older.tableToken(),
                older.context(),
                older.mode(),
                status,
                version,
                older.deckSeed(),
                older.deck(),
                older.deckRevisions(),
                position,
                revealed,
                participants,
                older.createdAt(),
                expiresAt,
                false,
                older.place(),
                older.restaurantId(),
                older.tableId(),
                older.visitId(),
                cardShownAt,
                older.restaurantRecommendAfterCards(),
                endedBy,
                closedAt);
    }
}
