package com.tabletalk.session;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A participant as stored inside its session's row. Only the SHA-256 of the token is kept; {@code connected} says
 * whether it has a live socket open on any instance. {@code answer} is the
 * chosen option of the current choice card, if any.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ParticipantRow(
        String id, String tokenHash, boolean connected, boolean ready, boolean wantsNext, String answer) {

    public static ParticipantRow joined(String id, String tokenHash) {
        return new ParticipantRow(id, tokenHash, false, false, false, null);
    }

    public ParticipantRow withReady(boolean value) {
        return new ParticipantRow(id, tokenHash, connected, value, wantsNext, answer);
    }

    public ParticipantRow withWantsNext(boolean value) {
        return new ParticipantRow(id, tokenHash, connected, ready, value, answer);
    }

    public ParticipantRow withAnswer(String value) {
        return new ParticipantRow(id, tokenHash, connected, ready, wantsNext, value);
    }

    public ParticipantRow withConnected(boolean value) {
        return new ParticipantRow(id, tokenHash, value, ready, wantsNext, answer);
    }

    /** What moving to another card forgets. */
    public ParticipantRow forNewCard() {
        return new ParticipantRow(id, tokenHash, connected, false, false, null);
    }
}
