package com.tabletalk.live;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import com.tabletalk.common.Failures;
import com.tabletalk.session.SessionRow;
import com.tabletalk.session.SessionStatus;
import com.tabletalk.session.SessionView;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One phone's live connection to one session. It must say hello with its participant token first; then it
 * receives every state of the session, and may send commands, which run exactly as over REST.
 */
public class LiveSocket implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSocket.class);
    public static final long HELLO_TIMEOUT_SECONDS = 10;

    private final UUID sessionId;
    private final LiveHub hub;
    private final ObjectMapper json;
    private final MetricRegistry metrics;
    private final MessageRateLimit rateLimit;
    private volatile Session socket;
    private volatile String participantId;
    private volatile String token;
    private volatile ScheduledFuture<?> helloTimeout;
    /**
     * A close can arrive on another thread while a hello is being handled (a failed write closes the connection
     * wherever it fails). Whichever of the two comes second withdraws the socket, so that a socket closed halfway
     * through its hello is never left registered, or counted as present, behind it.
     */
    private final Object lifecycle = new Object();
    private boolean closed;
    /** Set once a hello has registered the socket and counted it present. */
    private boolean registered;
    /** When the phone last sent anything, a pong to our pings included; a phone that stops reading stops ponging. */
    private volatile long lastHeardNanos = System.nanoTime();
    private long lastSentVersion = -1;
    /** Messages handed to Jetty and not yet written; a phone that stops reading lets this grow. */
    private final java.util.concurrent.atomic.AtomicInteger unwritten = new java.util.concurrent.atomic.AtomicInteger();
    public static final int MAX_UNWRITTEN = 32;

    public LiveSocket(UUID sessionId, LiveHub hub, ObjectMapper json, MetricRegistry metrics, MessageRateLimit rateLimit) {
        this.sessionId = sessionId;
        this.hub = hub;
        this.json = json;
        this.metrics = metrics;
        this.rateLimit = rateLimit;
    }

    UUID sessionId() {
        return sessionId;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        socket = session;
        helloTimeout = hub.scheduler().schedule(() -> {
            if (participantId == null) {
                close(StatusCode.POLICY_VIOLATION, "No hello within " + HELLO_TIMEOUT_SECONDS + " s");
            }
        }, HELLO_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        lastHeardNanos = System.nanoTime();
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        lastHeardNanos = System.nanoTime();
    }

    @Override
    public void onWebSocketText(String text) {
        lastHeardNanos = System.nanoTime();
        if (!rateLimit.tryAcquire()) {
            metrics.counter("live.closed.rate_limited").inc();
            close(StatusCode.POLICY_VIOLATION, "Too many messages");
            return;
        }
        try {
            ClientMessage message = ClientMessage.parse(json, text);
            if (message instanceof ClientMessage.Hello hello) {
                hello(hello.token());
            } else if (message instanceof ClientMessage.Ping) {
                send(new ServerMessage.Pong());
            } else if (message instanceof ClientMessage.Act act) {
                act(act);
            }
        } catch (RuntimeException e) {
            ApiException failure = Failures.describe(e);
            send(new ServerMessage.Error(failure.code(), failure.getMessage()));
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        send(new ServerMessage.Error(ErrorCode.INVALID_REQUEST, "Send JSON text messages."));
    }

    private void hello(String presented) {
        if (participantId != null) {
            sendState(hub.sessions().find(sessionId), true);
            return;
        }
        SessionRow session = hub.sessions().row(sessionId).orElse(null);
        if (session == null) {
            send(new ServerMessage.Error(ErrorCode.NOT_FOUND, "No session has that id."));
            close(StatusCode.POLICY_VIOLATION, "Unknown session");
            return;
        }
        Optional<String> participant = hub.sessions().authenticate(session, presented);
        if (participant.isEmpty()) {
            send(new ServerMessage.Error(ErrorCode.UNAUTHORIZED, "That token does not belong to this session."));
            close(StatusCode.POLICY_VIOLATION, "Unauthorized");
            return;
        }
        cancelHelloTimeout();
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            participantId = participant.get();
            token = presented;
            if (!session.effectiveStatus().isOpen()) {
                sendState(Optional.of(hub.sessions().view(session)), true);
                return;
            }
        }
        boolean closedMeanwhile;
        Optional<SessionRow> now;
        try {
            hub.register(this);
            now = hub.presence().opened(sessionId, participantId);
        } finally {
            synchronized (lifecycle) {
                registered = true;
                closedMeanwhile = closed;
            }
        }
        if (closedMeanwhile) {
            withdraw(participantId);
            return;
        }
        // If showing this phone changed the session, the hub has already sent it the new state; else send it now.
        sendState(now.map(hub.sessions()::view), false);
    }

    private void act(ClientMessage.Act act) {
        if (participantId == null) {
            throw ApiException.invalid("Say hello with your participant token first.");
        }
        metrics.meter("live.commands." + act.command().type()).mark();
        try {
            // The hub has normally sent the new state to every socket of the session already, this one included.
            sendState(Optional.of(hub.sessions().command(sessionId, token, act.command())), false);
        } catch (ApiException e) {
            Object current = e.extra().get("session");
            if (e.code() == ErrorCode.VERSION_CONFLICT && current instanceof SessionView view) {
                metrics.counter("live.commands.stale").inc();
                sendState(Optional.of(view), true);
            } else if (e.code() == ErrorCode.SESSION_ENDED || e.code() == ErrorCode.SESSION_EXPIRED) {
                sendState(hub.sessions().find(sessionId), true);
            } else {
                throw e;
            }
        }
    }

    /**
     * A state from the hub's fan-out, already written out once for all of the session's sockets: sent unless this
     * phone already has it or a newer one.
     */
    void deliver(SessionView state, String message) {
        sendState(state, message, false);
    }

    /** The message that carries this state, as sent. */
    String render(SessionView state) {
        return render(new ServerMessage.State(state));
    }

    private void sendState(Optional<SessionView> state, boolean evenIfSeen) {
        if (state.isEmpty()) {
            closeGone();
            return;
        }
        sendState(state.get(), null, evenIfSeen);
    }

    private void sendState(SessionView view, String message, boolean evenIfSeen) {
        synchronized (this) {
            if (view.version() < lastSentVersion || (!evenIfSeen && view.version() == lastSentVersion)) {
                return;
            }
            lastSentVersion = view.version();
            sendText(message != null ? message : render(view));
        }
        if (!SessionStatus.valueOf(view.status().toUpperCase(java.util.Locale.ROOT)).isOpen()) {
            close(StatusCode.NORMAL, "Session " + view.status());
        }
    }

    void closeGone() {
        send(new ServerMessage.Error(ErrorCode.NOT_FOUND, "This session no longer exists."));
        close(StatusCode.NORMAL, "Session gone");
    }

    void closeGoingAway() {
        close(StatusCode.SHUTDOWN, "Server restarting; reconnect");
    }

    /**
     * Pings the phone, or drops it when it has answered nothing for {@code silence}: it is gone, asleep, or not
     * reading what we send (whose bytes the kernel would otherwise keep absorbing).
     */
    void pingOrDrop(long silenceNanos, boolean ping) {
        Session current = socket;
        if (current == null || !current.isOpen()) {
            return;
        }
        if (System.nanoTime() - lastHeardNanos > silenceNanos) {
            metrics.counter("live.closed.silent").inc();
            current.disconnect();
            return;
        }
        if (!ping) {
            return;
        }
        try {
            current.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        } catch (RuntimeException writeRefused) {
            dropSlowReader(current);
        }
    }

    private String render(ServerMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Server messages always serialise", e);
        }
    }

    private void send(ServerMessage message) {
        sendText(render(message));
    }

    private void sendText(String text) {
        Session current = socket;
        if (current == null || !current.isOpen()) {
            return;
        }
        if (unwritten.incrementAndGet() > MAX_UNWRITTEN) {
            // The phone stopped reading: drop it rather than queue without end. It reconnects and resyncs.
            dropSlowReader(current);
            return;
        }
        try {
            current.sendText(text, Callback.from(unwritten::decrementAndGet, failure -> {
                unwritten.decrementAndGet();
                dropSlowReader(current);
            }));
        } catch (RuntimeException writeRefused) {
            unwritten.decrementAndGet();
            dropSlowReader(current);
        }
    }

    private void dropSlowReader(Session current) {
        if (current.isOpen()) {
            metrics.counter("live.closed.slow").inc();
            current.disconnect();
        }
    }

    private void close(int status, String reason) {
        Session current = socket;
        if (current != null && current.isOpen()) {
            current.close(status, reason, Callback.NOOP);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        cancelHelloTimeout();
        synchronized (lifecycle) {
            closed = true;
            if (!registered) {
                // Not registered, or the hello under way sees the close when it is done and withdraws then.
                return;
            }
        }
        withdraw(participantId);
    }

    private void withdraw(String participant) {
        hub.unregister(this);
        if (!hub.isStopping()) {
            try {
                hub.presence().closed(sessionId, participant);
            } catch (RuntimeException e) {
                LOG.warn("Could not record a closed socket: {}", e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("Live socket error: {}", cause.getClass().getSimpleName());
    }

    private void cancelHelloTimeout() {
        ScheduledFuture<?> timeout = helloTimeout;
        if (timeout != null) {
            timeout.cancel(false);
            helloTimeout = null;
        }
    }
}
