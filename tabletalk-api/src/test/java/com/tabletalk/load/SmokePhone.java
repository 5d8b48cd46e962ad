package com.tabletalk.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.testing.WholeTextListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A phone's live socket for the smoke test: says hello, keeps the newest state, notes any state whose card moved
 * by more than one in a single change, and any error message the service sends.
 */
final class SmokePhone extends WholeTextListener {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final String sessionId;
    final String participantId;
    final String token;
    private volatile WebSocket socket;
    private volatile JsonNode latest;
    private volatile long version = -1;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    final AtomicInteger jumps = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();

    SmokePhone(String sessionId, String participantId, String token) {
        this.sessionId = sessionId;
        this.participantId = participantId;
        this.token = token;
    }

    /** Opens the socket (no Origin header, like a native client) and says hello. */
    SmokePhone connect(int port) {
        socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/sessions/" + sessionId + "/live"), this)
                .orTimeout(20, TimeUnit.SECONDS).join();
        send("{\"type\":\"hello\",\"token\":\"" + token + "\"}");
        return this;
    }

    synchronized void send(String text) {
        WebSocket current = socket;
        sending = sending.handle((ok, failed) -> null).thenCompose(ignored -> current.sendText(text, true));
    }

    void next(long atVersion) {
        send("{\"type\":\"next\",\"version\":" + atVersion + "}");
    }

    long version() {
        return version;
    }

    JsonNode latest() {
        return latest;
    }

    boolean wantsNext() {
        for (JsonNode participant : latest.path("participants")) {
            if (participant.path("id").asText().equals(participantId)) {
                return participant.path("wantsNext").asBoolean();
            }
        }
        return false;
    }

    boolean isOpen() {
        return !closed.isDone();
    }

    /** Waits until this phone shows a version above {@code version}; false when none came in time. */
    boolean awaitAbove(long above, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (version <= above) {
            if (System.nanoTime() > deadline || closed.isDone()) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    void abort() {
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }

    @Override
    protected void onMessage(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if ("state".equals(message.path("type").asText())) {
                accept(message.get("session"));
            } else if ("error".equals(message.path("type").asText())) {
                errors.incrementAndGet();
            }
        } catch (IOException e) {
            errors.incrementAndGet();
        }
    }

    private synchronized void accept(JsonNode session) {
        long v = session.path("version").asLong();
        if (v <= version) {
            return;
        }
        JsonNode previous = latest;
        if (previous != null && previous.path("version").asLong() == v - 1) {
            int deck = session.path("deckSize").asInt();
            if (Math.floorMod(session.path("position").asInt() - previous.path("position").asInt(), deck) > 1) {
                jumps.incrementAndGet();
            }
        }
        latest = session;
        version = v;
    }
}
