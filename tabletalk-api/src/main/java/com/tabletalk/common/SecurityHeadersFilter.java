package com.tabletalk.common;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers every answer under {@code /api} carries, whoever writes it: Jersey, a servlet, or a filter that
 * refuses. Session links hold ids, so no referrer leaves. Answers are not cached unless their writer says
 * otherwise (QR codes of tables): the default is set before the answer is written, so a writer can replace it.
 */
public class SecurityHeadersFilter implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        headers("https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))).forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }

    /** The headers for an answer to a request that reached us over TLS ({@code overTls}) or not. */
    static Map<String, String> headers(boolean overTls) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        if (overTls) {
            headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        return headers;
    }
}
