package com.tabletalk.live;

import com.codahale.metrics.Counter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.session.SessionView;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * What one socket sends: states in version order (never one older than the phone has), and no more messages in
 * flight than a reading phone needs. A phone that stops reading is dropped rather than queued for without end;
 * it reconnects and resyncs.
 */
final class Outbox {

    /** Messages handed to Jetty and not yet written; a phone that stops reading lets this grow. */
    static final int MAX_UNWRITTEN = 32;

    private final Session socket;
    private final ObjectMapper json;
    private final Counter slowReaders;
    private final Counter silentReaders;
    private final AtomicInteger unwritten = new AtomicInteger();
    private long lastSentVersion = -1;
    /** When the phone last sent anything, a pong to our pings included; a phone that stops reading stops ponging. */
    private volatile long lastHeardNanos = System.nanoTime();

    Outbox(Session socket, ObjectMapper json, Counter slowReaders, Counter silentReaders) {
        this.socket = socket;
        this.json = json;
        this.slowReaders = slowReaders;
        this.silentReaders = silentReaders;
    }

    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    /**
     * Sends the state unless the phone already has a newer one, or this one and {@code evenIfSeen} is false.
     * {@code rendered} is its message when already written out for several sockets, else null.
     */
    synchronized void sendState(SessionView state, String rendered, boolean evenIfSeen) {
        if (state.version() < lastSentVersion || (!evenIfSeen && state.version() == lastSentVersion)) {
            return;
        }
        lastSentVersion = state.version();
        sendText(rendered != null ? rendered : render(json, new ServerMessage.State(state)));
    }

    void send(ServerMessage message) {
        sendText(render(json, message));
    }

    static String render(ObjectMapper json, ServerMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Server messages always serialise", e);
        }
    }

    private void sendText(String text) {
        if (!socket.isOpen()) {
            return;
        }
        if (unwritten.incrementAndGet() > MAX_UNWRITTEN) {
            dropSlowReader();
            return;
        }
        try {
            socket.sendText(text, Callback.from(unwritten::decrementAndGet, failure -> {
                unwritten.decrementAndGet();
                dropSlowReader();
            }));
        } catch (RuntimeException writeRefused) {
            unwritten.decrementAndGet();
            dropSlowReader();
        }
    }

    /**
     * Pings the phone, or drops it when it has answered nothing for {@code silenceNanos}: it is gone, asleep, or not
     * reading what we send (whose bytes the kernel would otherwise keep absorbing).
     */
    void pingOrDrop(long silenceNanos, boolean ping) {
        if (!socket.isOpen()) {
            return;
        }
        if (System.nanoTime() - lastHeardNanos > silenceNanos) {
            silentReaders.inc();
            socket.disconnect();
        } else if (ping) {
            ping();
        }
    }

    private void ping() {
        try {
            socket.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        } catch (RuntimeException writeRefused) {
            dropSlowReader();
        }
    }

    void close(int status, String reason) {
        if (socket.isOpen()) {
            socket.close(status, reason, Callback.NOOP);
        }
    }

    private void dropSlowReader() {
        if (socket.isOpen()) {
            slowReaders.inc();
            socket.disconnect();
        }
    }
}
