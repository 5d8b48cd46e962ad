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
        return ApiException.findIn(exception)
                .map(api -> new ApiExceptionMapper().toResponse(api))
                .orElseGet(() -> incident(exception));
    }

    static Response incident(Throwable exception) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected error, incident {}", incident, exception);
        return ErrorResponses.of(ErrorCode.INTERNAL, "Something went wrong on our side (incident " + incident + ").");
    }
}
