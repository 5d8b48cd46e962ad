package com.tabletalk.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Every error a client can see, with the HTTP status it travels with. */
public enum ErrorCode {
    INVALID_REQUEST(400),
    UNAUTHORIZED(401),
    INVALID_CREDENTIALS(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    VERSION_CONFLICT(409),
    CONFLICT(409),
    SESSION_FULL(409),
    SESSION_EXPIRED(410),
    SESSION_ENDED(410),
    INACTIVE(410),
    PAYLOAD_TOO_LARGE(413),
    URI_TOO_LONG(414),
    UNSUPPORTED_MEDIA_TYPE(415),
    RATE_LIMITED(429),
    HEADERS_TOO_LARGE(431),
    INTERNAL(500),
    UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
