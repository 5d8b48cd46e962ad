package com.tabletalk.common;

import java.util.Map;
import java.util.Optional;

/**
 * A failure the client caused or must know about, written as the error envelope. A failure that tells the client
 * more than a sentence is a subclass that adds its fields through {@link #extra}.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final transient Map<String, String> headers;

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    /** With response headers that tell the client what to do next, such as {@code Retry-After}. */
    public ApiException(ErrorCode code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    /** An ApiException somewhere in a chain of causes (parsers and Jersey wrap what a stream throws). */
    public static Optional<ApiException> findIn(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return Optional.of(api);
            }
        }
        return Optional.empty();
    }

    public ErrorCode code() {
        return code;
    }

    /** Fields the envelope carries beside {@code error} and {@code message}. */
    public Map<String, Object> extra() {
        return Map.of();
    }

    public Map<String, String> headers() {
        return headers;
    }
}
