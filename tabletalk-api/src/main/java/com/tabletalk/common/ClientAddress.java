package com.tabletalk.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The address a request came from, as far as it can be trusted: behind {@code trustedProxyHops} proxies (App
 * Platform's load balancer is one) the client is the entry that many places from the right of
 * {@code X-Forwarded-For}; entries further left are whatever the client chose to send.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request, int trustedProxyHops) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (trustedProxyHops <= 0 || forwarded == null || forwarded.isBlank()) {
            return request.getRemoteAddr();
        }
        List<String> hops = new ArrayList<>();
        for (String part : forwarded.split(",")) {
            if (!part.isBlank()) {
                hops.add(part.strip());
            }
        }
        if (hops.isEmpty()) {
            return request.getRemoteAddr();
        }
        int index = Math.max(0, hops.size() - trustedProxyHops);
        return hops.get(index);
    }
}
