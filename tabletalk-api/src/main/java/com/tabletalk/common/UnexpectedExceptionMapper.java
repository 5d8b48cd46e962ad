package com.tabletalk.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything not mapped elsewhere, described by {@link Failures}: an incident id is all the client learns of a bug. */
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if (endedEarly(exception)) {
            // The client's body stopped short of what it announced (or its chunking broke): its mistake, not ours.
            LOG.debug("Request body ended early");
            return ErrorResponses.of(ErrorCode.INVALID_REQUEST, "The request body ended before it was complete.");
        }
        return new ApiExceptionMapper().toResponse(Failures.describe(exception));
    }

    private static boolean endedEarly(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.EOFException || cause instanceof org.eclipse.jetty.io.EofException
                    || cause.getClass().getSimpleName().equals("BadMessageException")) {
                return true;
            }
        }
        return false;
    }
}
