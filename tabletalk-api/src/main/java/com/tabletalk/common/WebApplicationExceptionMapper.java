package com.tabletalk.common;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Jersey's own refusals (unknown path, wrong method or media type) in our envelope. */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        return switch (status) {
            case 404 -> ErrorResponses.of(ErrorCode.NOT_FOUND, "There is nothing at this address.");
            case 405 -> ErrorResponses.of(ErrorCode.METHOD_NOT_ALLOWED, "This address does not accept that method.");
            case 406 -> ErrorResponses.of(ErrorCode.INVALID_REQUEST, "This address cannot answer in the requested format.");
            case 413 -> ErrorResponses.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large.");
            case 415 -> ErrorResponses.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
            default -> status >= 500
                    ? new ApiExceptionMapper().toResponse(Failures.describe(exception))
                    : ErrorResponses.of(ErrorCode.INVALID_REQUEST, "The request could not be understood.");
        };
    }
}
