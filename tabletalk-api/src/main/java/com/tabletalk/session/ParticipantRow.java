package com.tabletalk.session;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A participant as stored inside its session's row. Only the SHA-256 of the token is kept; {@code connected} says
 * whether it has a live socket open on any instance, {@code everConnected} whether it ever had one (so that coming
 * back can be told from arriving). {@code answer} is the chosen option of the current choice card, if any;
 * {@code partnerAnswer} the option the partner picked on the same phone, in a one-phone session (written only when
 * there is one, so rows without it read as before). {@code reclaim} is a new phone's pending request to take this
 * seat over while its own phone is away (absent otherwise, and never stored as null, so rows read the same to code
 * that predates it).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ParticipantRow(
        String id,
        String tokenHash,
        boolean connected,
        boolean everConnected,
        boolean ready,
        boolean wantsNext,
        String answer,
        @JsonInclude(JsonInclude.Include.NON_NULL) String partnerAnswer,
        @JsonInclude(JsonInclude.Include.NON_NULL) Reclaim reclaim) {

    /**
     * A new phone asking for this seat: the hash of the token it will hold once let in, and when it asked (epoch
     * milliseconds of the instance that wrote it).
     */
    public record Reclaim(String tokenHash, long requestedAtMillis) {}

    public static ParticipantRow joined(String id, String tokenHash) {
        return new ParticipantRow(id, tokenHash, false, false, false, false, null, null, null);
    }

    public ParticipantRow withReady(boolean value) {
        return new ParticipantRow(
                id, tokenHash, connected, everConnected, value, wantsNext, answer, partnerAnswer, reclaim);
    }

    public ParticipantRow withWantsNext(boolean value) {
        return new ParticipantRow(
                id, tokenHash, connected, everConnected, ready, value, answer, partnerAnswer, reclaim);
    }

    public ParticipantRow withAnswer(String value) {
        return new ParticipantRow(
                id, tokenHash, connected, everConnected, ready, wantsNext, value, partnerAnswer, reclaim);
    }

    public ParticipantRow withPartnerAnswer(String value) {
        return new ParticipantRow(id, tokenHash, connected, everConnected, ready, wantsNext, answer, value, reclaim);
    }

    /** A phone that is back at the table keeps its seat: any request to take the seat over lapses. */
    public ParticipantRow withConnected(boolean value) {
        return new ParticipantRow(
                id,
                tokenHash,
                value,
                everConnected || value,
                ready,
                wantsNext,
                answer,
                partnerAnswer,
                value ? null : reclaim);
    }

    /** With a new phone's request for this seat, or without one ({@code null}). */
    public ParticipantRow withReclaim(Reclaim value) {
        return new ParticipantRow(
                id, tokenHash, connected, everConnected, ready, wantsNext, answer, partnerAnswer, value);
    }

    /**
     * The seat handed to the phone that asked for it: its token replaces the old one, which no longer works;
     * readiness and answers stay with the seat.
     */
    public ParticipantRow handedOver() {
        if (reclaim == null) {
            throw new IllegalStateException("Only a seat that a phone asked for can be handed over");
        }
        return new ParticipantRow(
                id, reclaim.tokenHash(), connected, everConnected, ready, wantsNext, answer, partnerAnswer, null);
    }

    /** Connected now after having been connected before and then away. */
    public boolean cameBackFrom(ParticipantRow before) {
        return connected && !before.connected() && before.everConnected();
    }

    /** What moving to another card forgets. */
    public ParticipantRow forNewCard() {
        return new ParticipantRow(id, tokenHash, connected, everConnected, false, false, null, null, reclaim);
    }
}
