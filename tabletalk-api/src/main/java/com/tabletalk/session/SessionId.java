package com.tabletalk.session;

import com.tabletalk.common.ApiException;
import java.util.Optional;
import java.util.UUID;

/** Session ids are UUIDs in their 36-character form; anything else is refused before the database is asked. */
public record SessionId(UUID value) {

    /** The session id {@code raw} stands for; a 400 {@code invalid_request} when it is none. */
    public static SessionId parse(String raw) {
        return tryParse(raw).orElseThrow(() -> ApiException.invalid("That is not a session id."));
    }

    /** The session id {@code raw} stands for, or empty, for callers that refuse in their own way. */
    public static Optional<SessionId> tryParse(String raw) {
        if (raw == null || raw.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SessionId(UUID.fromString(raw)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
