package com.tabletalk.session;

import java.util.Locale;

public enum SessionStatus {
    /** A two-phone session whose second phone has not joined yet. */
    WAITING,
    ACTIVE,
    ENDED,
    EXPIRED;

    public boolean isOpen() {
        return this == WAITING || this == ACTIVE;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SessionStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
