package com.tabletalk.common;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CORS for the web app's origin only, with only the methods and headers it uses. Production serves the app and
 * the API on one domain, so this matters for a web app on another origin and as a refusal for everyone else.
 */
public class CorsFilter implements Filter {

    static final String METHODS = "GET, POST";
    static final String HEADERS = "Content-Type, Authorization";

    private final String allowedOrigin;
    private final ErrorEnvelope envelope;

    public CorsFilter(String allowedOrigin, ErrorEnvelope envelope) {
        this.allowedOrigin = allowedOrigin;
        this.envelope = envelope;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String origin = request.getHeader("Origin");
        boolean allowed = origin != null && origin.equalsIgnoreCase(allowedOrigin);
        boolean preflight =
                "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
        response.addHeader("Vary", "Origin");
        if (preflight) {
            if (!allowed) {
                envelope.write(new ApiException(ErrorCode.FORBIDDEN, "This origin may not call the API."), response);
                return;
            }
            response.setHeader("Access-Control-Allow-Origin", allowedOrigin);
            response.setHeader("Access-Control-Allow-Methods", METHODS);
            response.setHeader("Access-Control-Allow-Headers", HEADERS);
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(204);
            return;
        }
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", allowedOrigin);
            response.setHeader("Access-Control-Expose-Headers", "Location, Retry-After");
        }
        chain.doFilter(request, response);
    }
}
