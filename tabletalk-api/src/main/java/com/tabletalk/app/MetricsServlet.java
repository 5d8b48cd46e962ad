package com.tabletalk.app;

import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import com.tabletalk.common.ErrorEnvelope;
import com.tabletalk.common.Failures;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/metrics} on the public port: the Prometheus text exposition for a scraper outside the app, only
 * with {@code Authorization: Bearer $METRICS_TOKEN}. Without a configured token the endpoint does not exist.
 */
final class MetricsServlet extends HttpServlet {

    private final Optional<byte[]> token;
    private final PrometheusMetricsServlet exposition;
    private final ErrorEnvelope envelope;

    MetricsServlet(Optional<String> token, PrometheusRegistry registry, ErrorEnvelope envelope) {
        this.token = token.map(value -> value.getBytes(StandardCharsets.UTF_8));
        this.exposition = new PrometheusMetricsServlet(registry);
        this.envelope = envelope;
    }

    @Override
    public void init() throws ServletException {
        exposition.init(getServletConfig());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (token.isEmpty()) {
            envelope.write(Failures.forStatus(404), response);
            return;
        }
        String header = request.getHeader("Authorization");
        byte[] presented = header != null && header.startsWith("Bearer ")
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        if (!MessageDigest.isEqual(presented, token.get())) {
            envelope.write(
                    new ApiException(
                            ErrorCode.UNAUTHORIZED,
                            "Send the metrics token as 'Authorization: Bearer <token>'.",
                            Map.of("WWW-Authenticate", "Bearer")),
                    response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        exposition.service(request, response);
    }
}
