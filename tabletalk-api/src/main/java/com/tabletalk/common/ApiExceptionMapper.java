package com.tabletalk.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException exception) {
        return ErrorResponses.of(exception.code(), exception.getMessage(), exception.extra(), exception.headers());
    }
}
