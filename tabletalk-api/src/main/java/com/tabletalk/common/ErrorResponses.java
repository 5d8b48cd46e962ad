package com.tabletalk.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the single error envelope {@code {"error": code, "message": sentence, ...}}. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response of(ErrorCode code, String message) {
        return of(code, message, Map.of(), Map.of());
    }

    public static Response of(ErrorCode code, String message, Map<String, Object> extra, Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        body.putAll(extra);
        Response.ResponseBuilder response = Response.status(code.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(body);
        headers.forEach(response::header);
        return response.build();
    }
}
