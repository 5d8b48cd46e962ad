package com.tabletalk.app;

import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code /api/metrics} on the public port: the Prometheus text exposition for a scraper outside the app, only
 * with {@code Authorization: Bearer $METRICS_TOKEN}. Without a configured token the endpoint does not exist.
 */
final class MetricsServlet extends HttpServlet {

    private final Optional<byte[]> token;
    private final PrometheusMetricsServlet exposition;

    MetricsServlet(Optional<String> token, PrometheusRegistry registry) {
        this.token = token.map(value -> value.getBytes(StandardCharsets.UTF_8));
        this.exposition = new PrometheusMetricsServlet(registry);
    }

    @Override
    public void init() throws ServletException {
        exposition.init(getServletConfig());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (token.isEmpty()) {
            error(response, 404, "not_found", "There is nothing at this address.");
            return;
        }
        String header = request.getHeader("Authorization");
        byte[] presented = header != null && header.startsWith("Bearer ")
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        if (!MessageDigest.isEqual(presented, token.get())) {
            response.setHeader("WWW-Authenticate", "Bearer");
            error(response, 401, "unauthorized", "Send the metrics token as 'Authorization: Bearer <token>'.");
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        exposition.service(request, response);
    }

    private static void error(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
