package com.tabletalk.common;

import java.util.Map;

/**
 * A failure the client caused or must know about. The mapper turns it into the error envelope; {@code extra}
 * adds fields beside {@code error} and {@code message} (the current session on a version conflict).
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final transient Map<String, Object> extra;
    private final transient Map<String, String> headers;

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of(), Map.of());
    }

    public ApiException(ErrorCode code, String message, Map<String, Object> extra, Map<String, String> headers) {
        super(message, null, false, false);
        this.code = code;
        this.extra = Map.copyOf(extra);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    /** An ApiException somewhere in a chain of causes (parsers and Jersey wrap what a stream throws). */
    public static java.util.Optional<ApiException> findIn(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return java.util.Optional.of(api);
            }
        }
        return java.util.Optional.empty();
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> extra() {
        return extra;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
