package com.tabletalk.account;

import com.tabletalk.common.ErrorCode;
import com.tabletalk.common.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** {@code @RolesAllowed} refusals in the error envelope: the caller is signed in, but their role may not act. */
final class ForbiddenExceptionMapper implements ExceptionMapper<ForbiddenException> {

    /** A proxy to the current request (Jersey injects one that follows the request thread). */
    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(ForbiddenException exception) {
        UnreadBodies.discard(request);
        return ErrorResponses.of(ErrorCode.FORBIDDEN, "Your role may not do this.");
    }
}
