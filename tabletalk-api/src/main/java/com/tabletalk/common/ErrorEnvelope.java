package com.tabletalk.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the single error envelope {@code {"error": code, "message": sentence, ...}}, for Jersey's answers and
 * for servlets and filters that answer on their own. Error answers are never cached.
 */
public final class ErrorEnvelope {

    private final ObjectMapper json;

    public ErrorEnvelope(ObjectMapper json) {
        this.json = json;
    }

    public byte[] body(ApiException failure) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", failure.code());
        body.put("message", failure.getMessage());
        body.putAll(failure.extra());
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The error envelope always serialises", e);
        }
    }

    public Response response(ApiException failure) {
        Response.ResponseBuilder response = Response.status(failure.code().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(body(failure));
        failure.headers().forEach(response::header);
        return response.build();
    }

    public void write(ApiException failure, HttpServletResponse response) throws IOException {
        byte[] body = body(failure);
        response.setStatus(failure.code().status());
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setHeader("Cache-Control", "no-store");
        failure.headers().forEach(response::setHeader);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
