package com.tabletalk.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Counter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tabletalk.session.SessionView;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final FakeSocket socket = new FakeSocket();
    private final Counter slow = new Counter();
    private final Counter silent = new Counter();
    private final Outbox outbox = new Outbox(socket.session(), JSON, slow, silent);

    @Test
    void aStateOlderThanTheLastSentIsNeverSent() {
        outbox.sendState(state(5), null, false);
        outbox.sendState(state(4), null, false);
        outbox.sendState(state(4), null, true);
        outbox.sendState(state(6), "{\"type\":\"state\",\"prerendered\":6}", false);

        assertThat(socket.sent).hasSize(2);
        assertThat(socket.sent.get(0)).contains("\"version\":5");
        assertThat(socket.sent.get(1)).isEqualTo("{\"type\":\"state\",\"prerendered\":6}");
    }

    @Test
    void theSameStateIsSentAgainOnlyWhenAskedFor() {
        outbox.sendState(state(5), null, false);
        outbox.sendState(state(5), null, false);
        outbox.sendState(state(5), null, true);

        assertThat(socket.sent).hasSize(2);
    }

    @Test
    void aPhoneThatStopsReadingIsDroppedOnceTooMuchIsUnwritten() {
        for (int i = 0; i < Outbox.MAX_UNWRITTEN; i++) {
            outbox.send(new ServerMessage.Pong());
        }
        assertThat(socket.open).isTrue();

        outbox.send(new ServerMessage.Pong());

        assertThat(socket.open).isFalse();
        assertThat(slow.getCount()).isEqualTo(1);
    }

    @Test
    void writtenMessagesMakeRoomForMore() {
        for (int i = 0; i < Outbox.MAX_UNWRITTEN * 3; i++) {
            outbox.send(new ServerMessage.Pong());
            socket.writeAll();
        }

        assertThat(socket.open).isTrue();
        assertThat(socket.sent).hasSize(Outbox.MAX_UNWRITTEN * 3);
    }

    @Test
    void aFailedWriteDropsThePhone() {
        outbox.send(new ServerMessage.Pong());

        socket.pending.remove(0).fail(new IllegalStateException("connection reset"));

        assertThat(socket.open).isFalse();
        assertThat(slow.getCount()).isEqualTo(1);
    }

    @Test
    void aPhoneThatAnswersIsPingedAndASilentOneDropped() {
        outbox.heard();
        outbox.pingOrDrop(TimeUnit.SECONDS.toNanos(25), true);
        assertThat(socket.pings).isEqualTo(1);
        assertThat(socket.open).isTrue();

        outbox.pingOrDrop(0, true);

        assertThat(socket.open).isFalse();
        assertThat(silent.getCount()).isEqualTo(1);
    }

    private static SessionView state(long version) {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        return new SessionView(
                UUID.randomUUID(),
                "t1",
                "couple",
                "single",
                "active",
                version,
                0,
                10,
                null,
                false,
                List.of(),
                Map.of(),
                now,
                now.plusSeconds(3600),
                5,
                null,
                null,
                null,
                null);
    }

    /** A Jetty session that records what is sent and completes writes only when told. */
    private static final class FakeSocket {
        final List<String> sent = new ArrayList<>();
        final List<Callback> pending = new ArrayList<>();
        boolean open = true;
        int pings;

        Session session() {
            return (Session) Proxy.newProxyInstance(
                    Session.class.getClassLoader(),
                    new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "isOpen" -> open;
                        case "sendText" -> {
                            sent.add((String) args[0]);
                            pending.add((Callback) args[1]);
                            yield null;
                        }
                        case "sendPing" -> {
                            pings++;
                            yield null;
                        }
                        case "disconnect", "close" -> {
                            open = false;
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        void writeAll() {
            pending.forEach(Callback::succeed);
            pending.clear();
        }
    }
}
