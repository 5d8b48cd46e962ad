package com.tabletalk.live;

import com.tabletalk.session.SessionRow;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A socket's place in the hub and in presence, from its hello (due within {@link #HELLO_TIMEOUT_SECONDS}) to its
 * close. A close can arrive on another
 * thread while a hello is being handled (a failed write closes the connection wherever it fails). Whichever of the
 * two comes second withdraws the socket, so that a socket closed halfway through its hello is never left
 * registered, or counted as present, behind it.
 */
final class Membership {

    private static final Logger LOG = LoggerFactory.getLogger(Membership.class);
    static final long HELLO_TIMEOUT_SECONDS = 10;

    private final LiveSocket socket;
    private final LiveHub hub;
    private final Presence presence;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> helloTimeout;
    private String participant;
    private boolean closed;
    /** Set once the socket has been registered and counted present. */
    private boolean registered;

    Membership(LiveSocket socket, LiveHub hub, Presence presence, ScheduledExecutorService scheduler) {
        this.socket = socket;
        this.hub = hub;
        this.presence = presence;
        this.scheduler = scheduler;
    }

    /** Runs {@code timeout} unless a hello has been accepted, or the socket closed, within the time allowed. */
    synchronized void awaitHello(Runnable timeout) {
        helloTimeout = scheduler.schedule(timeout, HELLO_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Seats the participant whose hello was accepted; false if the socket has closed already. */
    synchronized boolean admit(String participantId) {
        cancelHelloTimeout();
        if (closed) {
            return false;
        }
        participant = participantId;
        return true;
    }

    /**
     * Registers the socket for the session's changes and shows the participant present, then hands on the session
     * as it stands afterwards; unless the socket closed meanwhile, which withdraws it again.
     *
     * @return false, changing nothing, when the participant has as many sockets as the hub allows
     */
    boolean join(Consumer<Optional<SessionRow>> then) {
        if (!hub.register(socket, participant)) {
            return false;
        }
        boolean closedMeanwhile;
        Optional<SessionRow> now;
        try {
            now = presence.opened(socket.sessionId(), participant);
        } finally {
            synchronized (this) {
                registered = true;
                closedMeanwhile = closed;
            }
        }
        if (closedMeanwhile) {
            withdraw();
        } else {
            then.accept(now);
        }
        return true;
    }

    void leave() {
        synchronized (this) {
            cancelHelloTimeout();
            closed = true;
            if (!registered) {
                // Not registered, or the hello under way sees the close when it is done and withdraws then.
                return;
            }
        }
        withdraw();
    }

    private void withdraw() {
        hub.unregister(socket);
        if (!hub.isStopping()) {
            try {
                presence.closed(socket.sessionId(), participant);
            } catch (RuntimeException e) {
                LOG.warn("Could not record a closed socket: {}", e.getClass().getSimpleName());
            }
        }
    }

    private void cancelHelloTimeout() {
        if (helloTimeout != null) {
            helloTimeout.cancel(false);
            helloTimeout = null;
        }
    }
}
