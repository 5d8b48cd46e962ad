package com.tabletalk.account;

import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import com.tabletalk.common.ErrorEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** {@code @RolesAllowed} refusals in the error envelope: the caller is signed in, but their role may not act. */
final class ForbiddenExceptionMapper implements ExceptionMapper<ForbiddenException> {

    private final ErrorEnvelope envelope;

    /** A proxy to the current request (Jersey injects one that follows the request thread). */
    @Context
    private HttpServletRequest request;

    ForbiddenExceptionMapper(ErrorEnvelope envelope) {
        this.envelope = envelope;
    }

    @Override
    public Response toResponse(ForbiddenException exception) {
        UnreadBodies.discard(request);
        return envelope.response(new ApiException(ErrorCode.FORBIDDEN, "Your role may not do this."));
    }
}
