package com.tabletalk.common;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The container's own answers (a malformed or ambiguous request, an over-long URI or header block, a method the
 * server does not allow, a servlet's {@code sendError}) in the error envelope, with the security headers, for
 * every method. Jetty's words are not passed on: some echo what the client sent.
 */
public final class JettyErrorHandler extends ErrorHandler {

    private final ErrorEnvelope envelope;
    private final SecurityHeadersFilter securityHeaders;

    public JettyErrorHandler(ErrorEnvelope envelope, SecurityHeadersFilter securityHeaders) {
        this.envelope = envelope;
        this.securityHeaders = securityHeaders;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        ApiException failure = Failures.forStatus(response.getStatus());
        response.setStatus(failure.code().status());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        securityHeaders
                .headersFor(request.getHeaders().getValuesList("X-Forwarded-Proto"))
                .forEach(headers::put);
        failure.headers().forEach(headers::put);
        response.write(true, ByteBuffer.wrap(envelope.body(failure)), callback);
        return true;
    }
}
