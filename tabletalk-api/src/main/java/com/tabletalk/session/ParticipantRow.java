package com.tabletalk.session;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A participant as stored inside its session's row. Only the SHA-256 of the token is kept; {@code connected} says
 * whether it has a live socket open on any instance, {@code everConnected} whether it ever had one (so that coming
 * back can be told from arriving). {@code answer} is the chosen option of the current choice card, if any.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ParticipantRow(
        String id,
        String tokenHash,
        boolean connected,
        boolean everConnected,
        boolean ready,
        boolean wantsNext,
        String answer) {

    public static ParticipantRow joined(String id, String tokenHash) {
        return new ParticipantRow(id, tokenHash, false, false, false, false, null);
    }

    public ParticipantRow withReady(boolean value) {
        return new ParticipantRow(id, tokenHash, connected, everConnected, value, wantsNext, answer);
    }

    public ParticipantRow withWantsNext(boolean value) {
        return new ParticipantRow(id, tokenHash, connected, everConnected, ready, value, answer);
    }

    public ParticipantRow withAnswer(String value) {
        return new ParticipantRow(id, tokenHash, connected, everConnected, ready, wantsNext, value);
    }

    public ParticipantRow withConnected(boolean value) {
        return new ParticipantRow(id, tokenHash, value, everConnected || value, ready, wantsNext, answer);
    }

    /** Connected now after having been connected before and then away. */
    public boolean cameBackFrom(ParticipantRow before) {
        return connected && !before.connected() && before.everConnected();
    }

    /** What moving to another card forgets. */
    public ParticipantRow forNewCard() {
        return new ParticipantRow(id, tokenHash, connected, everConnected, false, false, null);
    }
}
