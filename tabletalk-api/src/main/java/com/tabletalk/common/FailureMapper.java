package com.tabletalk.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Every exception that leaves a resource, a filter or Jersey itself: described by {@link Failures}, then written. */
public class FailureMapper implements ExceptionMapper<Throwable> {

    private final ErrorEnvelope envelope;

    public FailureMapper(ErrorEnvelope envelope) {
        this.envelope = envelope;
    }

    @Override
    public Response toResponse(Throwable exception) {
        return envelope.response(Failures.describe(exception));
    }
}
