package com.tabletalk.common;

import java.util.UUID;

/** Every public address of the web app that the service hands out (in QR codes); the web app's routes match. */
public final class FrontendLinks {

    private final String origin;

    /** {@code origin} without a trailing slash, e.g. {@code https://tabletalk.example}. */
    public FrontendLinks(String origin) {
        this.origin = origin;
    }

    public String origin() {
        return origin;
    }

    /** Where a table's printed code leads: starting a session at that table. */
    public String table(TableToken table) {
        return origin + "/t/" + table.value();
    }

    /** Where the first phone's join code leads the second phone. */
    public String join(UUID sessionId) {
        return origin + "/s/" + sessionId + "/join";
    }
}
