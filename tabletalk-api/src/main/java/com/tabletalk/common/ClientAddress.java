package com.tabletalk.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;

/**
 * The address a request came from, as far as it can be trusted: behind {@code trustedProxyHops} proxies (App
 * Platform's load balancer is one) the client is the entry that many places from the right of
 * {@code X-Forwarded-For}; entries further left are whatever the client chose to send.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServletRequest request, int trustedProxyHops) {
        return ForwardedHeader.trustedEntry(Collections.list(request.getHeaders("X-Forwarded-For")), trustedProxyHops)
                .orElseGet(request::getRemoteAddr);
    }
}
