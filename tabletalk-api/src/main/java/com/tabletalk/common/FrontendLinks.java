package com.tabletalk.common;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Every public address of the web app that the service hands out (in QR codes, printed sheets, invite and reset
 * links); the web app's routes match.
 */
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

    /** The short link a two-phone session's join code stands for; the web app looks the code up. */
    public String joinByCode(String code) {
        return origin + "/j/" + code;
    }

    /** Where a registered table's printed code leads; the label percent-encoded, with {@code %20} for spaces. */
    public String restaurantTable(String slug, String label) {
        return origin + "/r/" + slug + "/t/"
                + URLEncoder.encode(label, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The one-time link with which an invited person sets their password. */
    public String consoleInvite(String token) {
        return origin + "/console/invite/" + token;
    }

    /** The one-time link with which a person chooses a new password. */
    public String consoleReset(String token) {
        return origin + "/console/reset/" + token;
    }
}
