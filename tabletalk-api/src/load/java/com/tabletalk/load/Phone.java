package com.tabletalk.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.testing.LiveMessages;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;

/**
 * One simulated phone's live socket, opened as a browser opens it (Jetty's client offering {@code
 * permessage-deflate} exactly as Chromium does, and the page's origin): says hello, keeps the newest state it was sent (older ones are ignored, as
 * the web app does), and, when its socket drops, reconnects with exponential backoff and full jitter, trying the
 * next instance first.
 */
final class Phone {

    private static final long BACKOFF_BASE_MILLIS = 200;
    private static final long BACKOFF_CAP_MILLIS = 5_000;
    /** What Chromium sends in {@code Sec-WebSocket-Extensions} with every WebSocket it opens. */
    static final String CHROMIUM_EXTENSIONS = "permessage-deflate; client_max_window_bits";

    final String sessionId;
    final String participantId;
    final String token;
    private final Rig rig;
    private final List<String> targets;
    private int target;
    private volatile Pair pair;
    private volatile Session socket;
    private volatile boolean closing;
    private int attempts;
    private volatile long droppedAtNanos;
    private volatile long versionAtDrop = -1;
    volatile long connectedAtNanos;
    volatile long lastVersion = -1;
    volatile JsonNode latest;
    volatile long firstStateAtNanos;
    volatile int drops;

    Phone(Rig rig, List<String> targets, int firstTarget, String sessionId, String participantId, String token) {
        this.rig = rig;
        this.targets = targets;
        this.target = Math.floorMod(firstTarget, targets.size());
        this.sessionId = sessionId;
        this.participantId = participantId;
        this.token = token;
    }

    void attach(Pair owner) {
        this.pair = owner;
    }

    String currentTarget() {
        return targets.get(target);
    }

    /** The next reconnect goes to the next instance. */
    void switchTarget() {
        target = (target + 1) % targets.size();
    }

    /** Opens the socket and says hello; completes when the socket is open (the first state comes later). */
    CompletableFuture<Session> connect() {
        String base = currentTarget();
        URI uri = URI.create(base.replaceFirst("^http", "ws") + "/api/sessions/" + sessionId + "/live");
        firstStateAtNanos = 0;
        ClientUpgradeRequest request = new ClientUpgradeRequest(uri);
        request.addExtensions(CHROMIUM_EXTENSIONS);
        request.setHeader("Origin", base);
        request.setTimeout(20, TimeUnit.SECONDS);
        CompletableFuture<Session> opened;
        try {
            opened = rig.socketClient().connect(new Line(), request);
        } catch (IOException e) {
            opened = CompletableFuture.failedFuture(e);
        }
        return opened.orTimeout(20, TimeUnit.SECONDS).whenComplete((session, failure) -> {
            if (failure != null) {
                rig.count("socket.connect_failed");
                Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                rig.count("socket.connect_failed." + cause.getClass().getSimpleName());
                dropped();
            }
        });
    }

    boolean isOpen() {
        Session current = socket;
        return current != null && current.isOpen();
    }

    /** The extensions the service agreed to on the open socket, as its upgrade response named them. */
    String negotiatedExtensions() {
        Session current = socket;
        return current == null
                ? ""
                : String.join(", ", current.getUpgradeResponse().getHeaders("Sec-WebSocket-Extensions"));
    }

    void send(String text) {
        Session current = socket;
        if (current == null) {
            rig.count("socket.send_without_socket");
            return;
        }
        current.sendText(text, Callback.from(() -> {}, failed -> rig.count("socket.send_failed")));
    }

    void command(String type, long version) {
        send(LiveMessages.command(type, version));
    }

    void hello() {
        send(LiveMessages.hello(token));
    }

    /** Closes on purpose: no reconnect. */
    void close() {
        closing = true;
        Session current = socket;
        if (current != null) {
            current.disconnect();
        }
    }

    /** Cuts the connection as a lost network would, and (for the storm) reconnects at once. */
    void abortAndReconnect() {
        Session current = socket;
        socket = null;
        droppedAtNanos = System.nanoTime();
        versionAtDrop = lastVersion;
        if (current != null) {
            current.disconnect();
        }
        connect();
    }

    /**
     * The listener of one connection: a socket this phone has already given up on may still deliver a last
     * message or its close, and those are not this phone's any more.
     * (Public: Jetty calls it through public method handles.)
     */
    public final class Line implements Session.Listener.AutoDemanding {
        private volatile Session session;

        @Override
        public void onWebSocketOpen(Session opened) {
            session = opened;
            socket = opened;
            connectedAtNanos = System.nanoTime();
            hello();
        }

        @Override
        public void onWebSocketText(String text) {
            if (session == socket) {
                handle(text, System.nanoTime());
            }
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            if (session != null && session == socket) {
                rig.count("socket.closed_by_server." + statusCode);
                dropped();
            }
            callback.succeed();
        }

        @Override
        public void onWebSocketError(Throwable error) {
            if (session != null && session == socket) {
                rig.count("socket.error." + error.getClass().getSimpleName());
                dropped();
            }
        }
    }

    private void handle(String text, long now) {
        JsonNode message;
        try {
            message = Api.JSON.readTree(text);
        } catch (IOException e) {
            rig.count("socket.unreadable_message");
            return;
        }
        String type = message.path("type").asText();
        if ("state".equals(type)) {
            JsonNode session = message.get("session");
            long version = session.path("version").asLong();
            boolean first = firstStateAtNanos == 0;
            if (first) {
                firstStateAtNanos = now;
                attempts = 0;
                if (droppedAtNanos != 0) {
                    rig.recordMicros(rig.reconnect, now - droppedAtNanos);
                    if (version < versionAtDrop) {
                        rig.count("reconnect.went_backwards");
                    }
                    droppedAtNanos = 0;
                }
            }
            JsonNode previous = latest;
            if (version > lastVersion) {
                lastVersion = version;
                latest = session;
                Pair owner = pair;
                if (owner != null) {
                    owner.onState(this, previous, session, version, now);
                }
            } else if (version < lastVersion) {
                rig.count("state.older_ignored");
            }
        } else if ("error".equals(type)) {
            String code = message.path("error").asText("unknown");
            rig.count("error." + code);
            Pair owner = pair;
            if (owner != null && Rig.BUSY.equals(code)) {
                owner.onBusy(this);
            }
        }
    }

    private void dropped() {
        socket = null;
        if (closing) {
            return;
        }
        drops++;
        if (droppedAtNanos == 0) {
            droppedAtNanos = System.nanoTime();
            versionAtDrop = lastVersion;
        }
        Pair owner = pair;
        if (owner != null) {
            owner.onDrop(this);
        }
        if (!rig.reconnectOnDrop) {
            return;
        }
        long ceiling = Math.min(BACKOFF_CAP_MILLIS, BACKOFF_BASE_MILLIS << Math.min(attempts, 10));
        long delay = ThreadLocalRandom.current().nextLong(ceiling / 4, ceiling + 1);
        attempts++;
        target = (target + 1) % targets.size();
        rig.count("reconnect.attempts");
        if (rig.scheduler.isShutdown()) {
            return;
        }
        rig.scheduler.schedule(
                () -> {
                    if (!closing) {
                        connect();
                    }
                },
                delay,
                TimeUnit.MILLISECONDS);
    }
}
