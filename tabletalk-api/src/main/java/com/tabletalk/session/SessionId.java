package com.tabletalk.session;

import com.tabletalk.common.ApiException;
import java.util.UUID;

/** Session ids are UUIDs in their 36-character form; anything else is refused before the database is asked. */
public record SessionId(UUID value) {

    public static SessionId parse(String raw) {
        if (raw == null || raw.length() != 36) {
            throw ApiException.invalid("That is not a session id.");
        }
        try {
            return new SessionId(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("That is not a session id.");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
