package com.tabletalk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A phone's live socket in tests: sends JSON, collects what the service sends, and notes how it closed. */
public final class LivePhone extends WholeTextListener implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private WebSocket socket;
    private long lastVersion = -1;
    private JsonNode latest;

    private LivePhone() {}

    public static LivePhone connect(int port, String sessionId) {
        return connect(port, sessionId, TestApp.FRONTEND);
    }

    public static LivePhone connect(int port, String sessionId, String origin) {
        LivePhone phone = new LivePhone();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        phone.socket = builder.buildAsync(
                        URI.create("ws://127.0.0.1:" + port + "/api/sessions/" + sessionId + "/live"), phone)
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
        return phone;
    }

    /** Connects and says hello; returns once the first state has arrived. */
    public static LivePhone join(int port, SessionFixtures.Phone phone) {
        LivePhone live = connect(port, phone.sessionId());
        live.send(LiveMessages.hello(phone.token()));
        live.awaitState(state -> true);
        return live;
    }

    public void send(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    public void send(String type, long version) {
        send(LiveMessages.command(type, version));
    }

    /** The next message of any type, within a few seconds. */
    public JsonNode next() {
        try {
            JsonNode message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a message from the service").isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first message of the given type, skipping others. */
    public JsonNode next(String type) {
        for (int i = 0; i < 200; i++) {
            JsonNode message = next();
            if (type.equals(message.path("type").asText())) {
                return message;
            }
        }
        throw new AssertionError("no " + type + " message");
    }

    /** Waits for a state matching the test and returns its session; states older than one seen are ignored, as a phone would. */
    public JsonNode awaitState(Predicate<JsonNode> test) {
        if (latest != null && test.test(latest)) {
            return latest;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            JsonNode message = next();
            if (!"state".equals(message.path("type").asText())) {
                continue;
            }
            JsonNode session = message.get("session");
            long version = session.get("version").asLong();
            if (version < lastVersion) {
                continue;
            }
            lastVersion = version;
            latest = session;
            if (test.test(session)) {
                return session;
            }
        }
        throw new AssertionError("no matching state within 15 s");
    }

    public JsonNode awaitVersion(long version) {
        return awaitState(state -> state.get("version").asLong() >= version);
    }

    public long lastVersion() {
        return lastVersion;
    }

    /** The close code the service sent, waiting up to the given time. */
    public int awaitClose(Duration limit) {
        return closed.orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    protected void onMessage(String text) {
        try {
            received.add(JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The network vanishes: no close frame, the connection is simply gone. */
    public void drop() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            socket.abort();
        }
    }
}
