package com.tabletalk.account;

import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Set;

/**
 * CSRF defence for the console, on top of the SameSite cookie: a request that changes something must come from
 * the web app's own origin (OWASP: verifying the origin with standard headers). Browsers always send Origin on
 * such requests, so a missing one is refused as well. It runs after the body size limit, which bounds the
 * body it may have to drain.
 */
@PreMatching
@Priority(Priorities.USER + 100)
final class OriginCheckFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final String frontendOrigin;

    OriginCheckFilter(String frontendOrigin) {
        this.frontendOrigin = frontendOrigin;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        // Leading slashes are dropped so that /api//console/… is judged like /api/console/….
        String path = request.getUriInfo().getPath().replaceFirst("^/+", "");
        boolean console = path.equals("console") || path.startsWith("console/");
        if (!console || SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null || !origin.equalsIgnoreCase(frontendOrigin)) {
            UnreadBodies.discard(request);
            throw new ApiException(ErrorCode.FORBIDDEN, "This request must come from the Table-Talk console.");
        }
    }
}
