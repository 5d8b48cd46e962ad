package com.tabletalk.live;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import com.tabletalk.common.Failures;
import com.tabletalk.session.SessionRow;
import com.tabletalk.session.SessionService;
import com.tabletalk.session.SessionView;
import com.tabletalk.session.VersionConflict;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One phone's live connection to one session. It must say hello with its participant token first; then it
 * receives every state of the session, and may send commands, which run exactly as over REST.
 */
public class LiveSocket implements Session.Listener.AutoDemanding, ClientMessage.Visitor<Void> {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSocket.class);
    /** Closes a socket whose participant already has {@link LiveHub#MAX_SOCKETS_PER_PARTICIPANT} open here. */
    public static final int TOO_MANY_SOCKETS = 4429;

    private final UUID sessionId;
    private final SessionService sessions;
    private final ObjectMapper json;
    private final MetricRegistry metrics;
    private final MessageRateLimit rateLimit;
    private final Membership membership;
    private volatile Outbox outbox;
    private volatile String participantId;
    private volatile String token;

    LiveSocket(
            UUID sessionId,
            SessionService sessions,
            Presence presence,
            LiveHub hub,
            ScheduledExecutorService scheduler,
            ObjectMapper json,
            MetricRegistry metrics,
            MessageRateLimit rateLimit) {
        this.sessionId = sessionId;
        this.sessions = sessions;
        this.json = json;
        this.metrics = metrics;
        this.rateLimit = rateLimit;
        this.membership = new Membership(this, hub, presence, scheduler);
    }

    UUID sessionId() {
        return sessionId;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        outbox = new Outbox(session, json, metrics.counter("live.closed.slow"), metrics.counter("live.closed.silent"));
        membership.awaitHello(
                () -> close(StatusCode.POLICY_VIOLATION, "No hello within " + Membership.HELLO_TIMEOUT_SECONDS + " s"));
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        outbox.heard();
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        outbox.heard();
    }

    @Override
    public void onWebSocketText(String text) {
        outbox.heard();
        if (!rateLimit.tryAcquire()) {
            metrics.counter("live.closed.rate_limited").inc();
            close(StatusCode.POLICY_VIOLATION, "Too many messages");
            return;
        }
        try {
            ClientMessage.parse(json, text).accept(this);
        } catch (RuntimeException e) {
            reportFailure(e);
        }
    }

    /** Every failure of a message reaches the phone through here, classified in one place. */
    private void reportFailure(RuntimeException e) {
        ApiException failure = Failures.describe(e);
        outbox.send(new ServerMessage.Error(failure.code(), failure.getMessage()));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        outbox.send(new ServerMessage.Error(ErrorCode.INVALID_REQUEST, "Send JSON text messages."));
    }

    @Override
    public Void ping(ClientMessage.Ping ping) {
        outbox.send(new ServerMessage.Pong());
        return null;
    }

    @Override
    public Void hello(ClientMessage.Hello hello) {
        if (participantId == null) {
            admit(hello.token());
        } else {
            sendState(sessions.row(sessionId), true);
        }
        return null;
    }

    private void admit(String presented) {
        SessionRow session = sessions.row(sessionId).orElse(null);
        Optional<String> participant = session == null ? Optional.empty() : sessions.authenticate(session, presented);
        if (participant.isEmpty()) {
            outbox.send(
                    session == null
                            ? new ServerMessage.Error(ErrorCode.NOT_FOUND, "No session has that id.")
                            : new ServerMessage.Error(
                                    ErrorCode.UNAUTHORIZED, "That token does not belong to this session."));
            close(StatusCode.POLICY_VIOLATION, session == null ? "Unknown session" : "Unauthorized");
            return;
        }
        if (!membership.admit(participant.get())) {
            return;
        }
        boolean open = session.effectiveStatus().isOpen();
        // If showing this phone changed the session, the hub has already sent it the new state; else send it now.
        if (open && !membership.join(now -> sendState(now, false))) {
            close(TOO_MANY_SOCKETS, "Too many connections for this participant");
            return;
        }
        participantId = participant.get();
        token = presented;
        if (!open) {
            sendState(Optional.of(session), true);
        }
    }

    /**
     * Closing for a session that a command ended is left to the hub: a command's own change reaches every socket of
     * the session, this one included, with the session's status before the command returns. A stale command is only
     * ever refused on an open session.
     */
    @Override
    public Void act(ClientMessage.Act act) {
        if (participantId == null) {
            throw ApiException.invalid("Say hello with your participant token first.");
        }
        metrics.meter("live.commands." + act.command().type()).mark();
        try {
            outbox.sendState(sessions.command(sessionId, token, act.command()), null, false);
        } catch (VersionConflict e) {
            metrics.counter("live.commands.stale").inc();
            outbox.sendState(e.current(), null, true);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.SESSION_ENDED || e.code() == ErrorCode.SESSION_EXPIRED) {
                sendState(sessions.row(sessionId), true);
            } else {
                throw e;
            }
        }
        return null;
    }

    /**
     * A state from the hub's fan-out, already written out once for all of the session's sockets: sent unless this
     * phone already has it or a newer one.
     */
    void deliver(SessionRow session, SessionView state, String message) {
        outbox.sendState(state, message, false);
        closeIfOver(session);
    }

    private void sendState(Optional<SessionRow> session, boolean evenIfSeen) {
        if (session.isEmpty()) {
            closeGone();
            return;
        }
        outbox.sendState(sessions.view(session.get()), null, evenIfSeen);
        closeIfOver(session.get());
    }

    private void closeIfOver(SessionRow session) {
        if (!session.effectiveStatus().isOpen()) {
            close(StatusCode.NORMAL, "Session " + session.effectiveStatus().wire());
        }
    }

    void closeGone() {
        outbox.send(new ServerMessage.Error(ErrorCode.NOT_FOUND, "This session no longer exists."));
        close(StatusCode.NORMAL, "Session gone");
    }

    void closeGoingAway() {
        close(StatusCode.SHUTDOWN, "Server restarting; reconnect");
    }

    /** Only registered sockets are pinged, and they are open. */
    void pingOrDrop(long silenceNanos, boolean ping) {
        outbox.pingOrDrop(silenceNanos, ping);
    }

    private void close(int status, String reason) {
        Outbox current = outbox;
        if (current != null) {
            current.close(status, reason);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        membership.leave();
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("Live socket error: {}", cause.getClass().getSimpleName());
    }
}
