package com.tabletalk.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every step a visit can log: the closed list the database's check constraint also holds. A phone may report
 * only the steps that happen before a session exists; everything else the server writes itself.
 */
public enum EventType {
    SCAN(Source.PHONE),
    WELCOME_VIEWED(Source.PHONE),
    RELATIONSHIP_LENGTH_CHOSEN(Source.PHONE),
    CONTEXT_CHOSEN(Source.PHONE),
    MODE_CHOSEN(Source.PHONE),
    SESSION_CREATED(Source.SERVER),
    PARTNER_JOINED(Source.SERVER),
    CARD_SHOWN(Source.SERVER),
    CARD_ADVANCED(Source.SERVER),
    HINT_REVEALED(Source.SERVER),
    ANSWER_GIVEN(Source.SERVER),
    CARD_RATED(Source.SERVER),
    RECOMMEND_ANSWERED(Source.SERVER),
    SESSION_ENDED(Source.SERVER),
    RECONNECTED(Source.SERVER);

    /** Who may write a step: the phone, through {@code POST /api/events}, or only the server. */
    public enum Source {
        PHONE,
        SERVER
    }

    private final Source source;

    EventType(Source source) {
        this.source = source;
    }

    public Source source() {
        return source;
    }

    /** The name on the wire and in the database, e.g. {@code welcome_viewed}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventType> fromWire(String wire) {
        return Arrays.stream(values()).filter(type -> type.wire().equals(wire)).findFirst();
    }
}
