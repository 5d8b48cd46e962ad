package com.tabletalk.session;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A participant as stored inside its session's row. Only the SHA-256 of the token is kept; {@code connected} says
 * whether it has a live socket open on any instance, {@code everConnected} whether it ever had one (so that coming
 * back can be told from arriving). {@code answer} is the chosen option of the current choice card, if any;
 * {@code partnerAnswer} the option the partner picked on the same phone, in a one-phone session (written only when
 * there is one, so rows without it read as before).
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
        @JsonInclude(JsonInclude.Include.NON_NULL) String partnerAnswer) {

    public static ParticipantRow joined(String id, String tokenHash) {
        return new ParticipantRow(id, tokenHash, false, false, false, false, null, null);
    }

    public ParticipantRow withReady(boolean value) {
        return new ParticipantRow(id, tokenHash, connected, everConnected, value, wantsNext, answer, partnerAnswer);
    }

    public ParticipantRow withWantsNext(boolean value) {
        return new ParticipantRow(id, tokenHash, connected, everConnected, ready, value, answer, partnerAnswer);
    }

    public ParticipantRow withAnswer(String value) {
        return new ParticipantRow(id, tokenHash, connected, everConnected, ready, wantsNext, value, partnerAnswer);
    }

    public ParticipantRow withPartnerAnswer(String value) {
        return new ParticipantRow(id, tokenHash, connected, everConnected, ready, wantsNext, answer, value);
    }

    public ParticipantRow withConnected(boolean value) {
        return new ParticipantRow(
                id, tokenHash, value, everConnected || value, ready, wantsNext, answer, partnerAnswer);
    }

    /** Connected now after having been connected before and then away. */
    public boolean cameBackFrom(ParticipantRow before) {
        return connected && !before.connected() && before.everConnected();
    }

    /** What moving to another card forgets. */
    public ParticipantRow forNewCard() {
        return new ParticipantRow(id, tokenHash, connected, everConnected, false, false, null, null);
    }
}
