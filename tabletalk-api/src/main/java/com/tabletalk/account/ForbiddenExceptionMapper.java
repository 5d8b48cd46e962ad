package com.tabletalk.account;

import com.tabletalk.common.ErrorCode;
import com.tabletalk.common.ErrorResponses;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** {@code @RolesAllowed} refusals in the error envelope: the caller is signed in, but their role may not act. */
final class ForbiddenExceptionMapper implements ExceptionMapper<ForbiddenException> {

    @Override
    public Response toResponse(ForbiddenException exception) {
        return ErrorResponses.of(ErrorCode.FORBIDDEN, "Your role may not do this.");
    }
}
