package com.tabletalk.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unexpected: logged with an incident id, which is all the client learns. */
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if (endedEarly(exception)) {
            // The client's body stopped short of what it announced (or its chunking broke): its mistake, not ours.
            LOG.debug("Request body ended early");
            return ErrorResponses.of(ErrorCode.INVALID_REQUEST, "The request body ended before it was complete.");
        }
        if (ApiException.findIn(exception).isEmpty() && DatabaseUnavailable.isCause(exception)) {
            LOG.warn("Database unavailable, answered 503: {}", exception.getClass().getSimpleName());
            return new ApiExceptionMapper().toResponse(DatabaseUnavailable.asApiException());
        }
        return ApiException.findIn(exception)
                .map(api -> new ApiExceptionMapper().toResponse(api))
                .orElseGet(() -> incident(exception));
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

    static Response incident(Throwable exception) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected error, incident {}", incident, exception);
        return ErrorResponses.of(ErrorCode.INTERNAL, "Something went wrong on our side (incident " + incident + ").");
    }
}
