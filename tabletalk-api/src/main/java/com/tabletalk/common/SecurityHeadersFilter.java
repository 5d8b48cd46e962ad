package com.tabletalk.common;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers every answer under {@code /api} carries, whoever writes it: Jersey, a servlet, or a filter that
 * refuses. Session links hold ids, so no referrer leaves. Answers are not cached unless their writer says
 * otherwise (QR codes of tables): the default is set before the answer is written, so a writer can replace it.
 */
public class SecurityHeadersFilter implements Filter {

    private final int trustedProxyHops;

    /** {@code trustedProxyHops}: as for client addresses, only what our own proxies wrote says the client used TLS. */
    public SecurityHeadersFilter(int trustedProxyHops) {
        this.trustedProxyHops = trustedProxyHops;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        headersFor(Collections.list(request.getHeaders("X-Forwarded-Proto"))).forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }

    /** The headers for an answer to a request with these {@code X-Forwarded-Proto} lines. */
    public Map<String, String> headersFor(Iterable<String> forwardedProtoLines) {
        boolean overTls = ForwardedHeader.saysHttps(forwardedProtoLines, trustedProxyHops);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        if (overTls) {
            headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        return headers;
    }
}
