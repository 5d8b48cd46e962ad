package com.tabletalk.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Headers every API response carries. Session links hold ids, so no referrer leaves; responses are not cached
 * unless a resource says otherwise (QR codes of tables).
 */
public class SecurityHeadersFilter implements ContainerResponseFilter {

    private final int trustedProxyHops;

    /** {@code trustedProxyHops}: as for client addresses, only what our own proxies wrote says the client used TLS. */
    public SecurityHeadersFilter(int trustedProxyHops) {
        this.trustedProxyHops = trustedProxyHops;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putIfAbsent("Cache-Control", java.util.List.of("no-store"));
        String proto = ForwardedHeader.trustedEntry(request.getHeaders().get("X-Forwarded-Proto"), trustedProxyHops).orElse("");
        if ("https".equalsIgnoreCase(proto)) {
            headers.putSingle("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
