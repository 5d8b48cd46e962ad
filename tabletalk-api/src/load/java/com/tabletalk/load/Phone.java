package com.tabletalk.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.testing.LiveMessages;
import com.tabletalk.testing.WholeTextListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One simulated phone's live socket: says hello, keeps the newest state it was sent (older ones are ignored, as
 * the web app does), and, when its socket drops, reconnects with exponential backoff and full jitter, trying the
 * next instance first.
 */
final class Phone extends WholeTextListener {

    private static final long BACKOFF_BASE_MILLIS = 200;
    private static final long BACKOFF_CAP_MILLIS = 5_000;

    final String sessionId;
    final String participantId;
    final String token;
    private final Rig rig;
    private final List<String> targets;
    private int target;
    private volatile Pair pair;
    private volatile WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
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
    CompletableFuture<WebSocket> connect() {
        String ws = currentTarget().replaceFirst("^http", "ws") + "/api/sessions/" + sessionId + "/live";
        firstStateAtNanos = 0;
        return rig.socketClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(ws), this)
                .orTimeout(20, TimeUnit.SECONDS)
                .whenComplete((opened, failure) -> {
                    if (failure != null) {
                        rig.count("socket.connect_failed");
                        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                        rig.count("socket.connect_failed." + cause.getClass().getSimpleName());
                        dropped();
                    }
                });
    }

    boolean isOpen() {
        WebSocket current = socket;
        return current != null && !current.isOutputClosed() && !current.isInputClosed();
    }

    void send(String text) {
        WebSocket current = socket;
        if (current == null) {
            rig.count("socket.send_without_socket");
            return;
        }
        synchronized (this) {
            sending = sending.handle((ok, failed) -> null)
                    .thenCompose(ignored -> current.sendText(text, true))
                    .whenComplete((ok, failed) -> {
                        if (failed != null) {
                            rig.count("socket.send_failed");
                        }
                    });
        }
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
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }

    /** Cuts the connection as a lost network would, and (for the storm) reconnects at once. */
    void abortAndReconnect() {
        WebSocket current = socket;
        socket = null;
        droppedAtNanos = System.nanoTime();
        versionAtDrop = lastVersion;
        if (current != null) {
            current.abort();
        }
        connect();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        connectedAtNanos = System.nanoTime();
        super.onOpen(webSocket);
        hello();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        // A socket this phone has already given up on may still deliver a last message: not this phone's any more.
        return webSocket == socket ? super.onText(webSocket, data, last) : null;
    }

    @Override
    protected void onMessage(String text) {
        handle(text, System.nanoTime());
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

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (webSocket == socket) {
            rig.count("socket.closed_by_server." + statusCode);
            dropped();
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (webSocket == socket) {
            rig.count("socket.error." + error.getClass().getSimpleName());
            dropped();
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
