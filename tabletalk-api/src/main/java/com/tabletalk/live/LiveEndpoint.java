package com.tabletalk.live;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.session.SessionId;
import com.tabletalk.session.SessionService;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeResponse;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketCreator;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;

/**
 * {@code GET /api/sessions/{id}/live}: the WebSocket upgrade. Browsers from any origin but the web app's (or
 * the service's own) are refused with 403 before anything is sent.
 */
public final class LiveEndpoint implements JettyWebSocketCreator {

    public static final int MAX_MESSAGE_BYTES = 16 * 1024;
    /** Longer than the phones' ping interval (25 s) and the server's own pings, shorter than load balancers' cuts. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(70);

    private static final int MAX_QUEUED_FRAMES = 64;
    private static final Pattern PATH = Pattern.compile("^/api/sessions/([^/]+)/live$");

    private final String frontendOrigin;
    private final LiveHub hub;
    private final SessionService sessions;
    private final Presence presence;
    private final ScheduledExecutorService scheduler;
    private final ObjectMapper json;
    private final MetricRegistry metrics;
    private final boolean compression;

    private LiveEndpoint(
            String frontendOrigin,
            LiveHub hub,
            SessionService sessions,
            Presence presence,
            ScheduledExecutorService scheduler,
            ObjectMapper json,
            MetricRegistry metrics,
            boolean compression) {
        this.frontendOrigin = frontendOrigin.toLowerCase(Locale.ROOT);
        this.hub = hub;
        this.sessions = sessions;
        this.presence = presence;
        this.scheduler = scheduler;
        this.json = json;
        this.metrics = metrics;
        this.compression = compression;
    }

    /**
     * Serves the upgrade; each socket gets the hub, the sessions, presence and the scheduler it needs, here. Without
     * {@code compression}, the extensions browsers offer (permessage-deflate) are declined.
     */
    public static void register(
            ServletContextHandler context,
            String frontendOrigin,
            LiveHub hub,
            SessionService sessions,
            Presence presence,
            ScheduledExecutorService scheduler,
            ObjectMapper json,
            MetricRegistry metrics,
            boolean compression) {
        LiveEndpoint endpoint =
                new LiveEndpoint(frontendOrigin, hub, sessions, presence, scheduler, json, metrics, compression);
        JettyWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
            container.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
            container.setIdleTimeout(IDLE_TIMEOUT);
            container.setMaxOutgoingFrames(MAX_QUEUED_FRAMES);
            container.addMapping(PATH.pattern(), endpoint);
        });
    }

    @Override
    public Object createWebSocket(JettyServerUpgradeRequest request, JettyServerUpgradeResponse response) {
        try {
            String origin = request.getHeader("Origin");
            if (origin != null && !allowed(origin, request)) {
                metrics.counter("live.refused.origin").inc();
                response.sendForbidden("This origin may not open a live connection.");
                return null;
            }
            Matcher path = PATH.matcher(request.getRequestPath());
            UUID sessionId = path.matches()
                    ? SessionId.tryParse(path.group(1)).map(SessionId::value).orElse(null)
                    : null;
            if (sessionId == null) {
                response.sendError(400, "That is not a session id.");
                return null;
            }
            if (hub.isStopping()) {
                response.sendError(503, "This instance is shutting down.");
                return null;
            }
            if (!compression) {
                response.setExtensions(List.of());
            }
            return new LiveSocket(
                    sessionId, sessions, presence, hub, scheduler, json, metrics, new MessageRateLimit(20, 40));
        } catch (IOException e) {
            return null;
        }
    }

    private boolean allowed(String origin, JettyServerUpgradeRequest request) {
        String normalised = origin.strip().toLowerCase(Locale.ROOT);
        if (normalised.equals(frontendOrigin)) {
            return true;
        }
        String host = request.getHeader("Host");
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(normalised);
            return uri.getRawAuthority() != null
                    && uri.getRawAuthority().equals(host.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
