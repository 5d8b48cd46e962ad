package com.tabletalk.account;

import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;

/** Signs a request in from its {@code tt_console} cookie, for resources that take {@code @Auth StaffUser}. */
@Priority(Priorities.AUTHENTICATION)
final class SessionCookieAuthFilter extends AuthFilter<String, StaffUser> {

    @Override
    public void filter(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(SessionCookies.NAME);
        String token = cookie == null ? null : cookie.getValue();
        if (!Tokens.wellFormed(token) || !authenticate(request, token, "COOKIE")) {
            UnreadBodies.discard(request);
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Sign in to use the console.");
        }
    }

    static final class Builder extends AuthFilterBuilder<String, StaffUser, SessionCookieAuthFilter> {
        @Override
        protected SessionCookieAuthFilter newInstance() {
            return new SessionCookieAuthFilter();
        }
    }
}
