package com.tabletalk.account;

import com.tabletalk.common.ErrorEnvelope;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * Console sign-in for every resource: {@code @Auth StaffUser user} requires a live session cookie (401 otherwise),
 * {@code @RolesAllowed("ADMIN")} a role (403 otherwise), and state-changing requests under /api/console the web
 * app's Origin (403 otherwise).
 */
public final class ConsoleAuth {

    private ConsoleAuth() {}

    public static void register(
            JerseyEnvironment jersey, ConsoleSessions sessions, String frontendOrigin, ErrorEnvelope envelope) {
        SessionCookieAuthFilter filter = new SessionCookieAuthFilter.Builder()
                .setAuthenticator(sessions::authenticate)
                .setAuthorizer((user, role, request) -> user.role().name().equals(role))
                .setPrefix("Cookie")
                .setRealm("console")
                .buildAuthFilter();
        jersey.register(new AuthDynamicFeature(filter));
        jersey.register(RolesAllowedDynamicFeature.class);
        jersey.register(new AuthValueFactoryProvider.Binder<>(StaffUser.class));
        jersey.register(new OriginCheckFilter(frontendOrigin));
        jersey.register(new ForbiddenExceptionMapper(envelope));
    }
}
