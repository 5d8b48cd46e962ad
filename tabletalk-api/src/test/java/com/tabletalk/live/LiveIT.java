package com.tabletalk.live;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.LivePhone;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live channel through the real application and a real PostgreSQL. */
@ExtendWith(DropwizardExtensionsSupport.class)
class LiveIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP =
            TestApp.extension(DB, ConfigOverride.config("sessions.cleanupInterval", "1s"));

    private ApiClient api;
    private int port;

    @BeforeEach
    void client() {
        port = APP.getLocalPort();
        api = ApiClient.forPort(port);
    }

    private static boolean connected(JsonNode state, int participant) {
        return state.at("/participants/" + participant + "/connected").asBoolean();
    }

    @Test
    void helloGetsTheStateAndShowsThePhoneConnected() {
        Phone phone = aSession().create(api);

        try (LivePhone live = LivePhone.connect(port, phone.sessionId())) {
            live.send("{\"type\":\"hello\",\"token\":\"" + phone.token() + "\"}");
            JsonNode first = live.awaitState(state -> true);
            assertThat(first.get("id").asText()).isEqualTo(phone.sessionId());
            JsonNode present = live.awaitState(state -> connected(state, 0));
            assertThat(present.get("version").asLong()).isGreaterThan(1);
        }
    }

    /**
     * A browser offers permessage-deflate with every socket; the service declines it (web.liveCompression is off), so
     * no socket holds a compressor's native memory.
     */
    @Test
    void aBrowsersOfferOfCompressionIsDeclined() throws Exception {
        Phone phone = aSession().create(api);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String upgrade = "GET /api/sessions/" + phone.sessionId() + "/live HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nOrigin: " + TestApp.FRONTEND + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
            socket.getOutputStream().write(upgrade.getBytes(StandardCharsets.ISO_8859_1));
            StringBuilder head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0) {
                int b = socket.getInputStream().read();
                assertThat(b).as("the answer ended early: " + head).isNotNegative();
                head.append((char) b);
            }
            assertThat(head.toString())
                    .startsWith("HTTP/1.1 101")
                    .doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
        }
    }

    @Test
    void aChangeOnOnePhoneReachesTheOtherAndPresenceIsShown() {
        Phone[] pair = aSession().createPair(api);
        try (LivePhone a = LivePhone.join(port, pair[0]);
                LivePhone b = LivePhone.join(port, pair[1])) {
            JsonNode both = a.awaitState(state -> connected(state, 0) && connected(state, 1));

            a.send("next", both.get("version").asLong());

            JsonNode seenByB =
                    b.awaitState(state -> state.at("/participants/0/wantsNext").asBoolean());
            assertThat(seenByB.get("position").asInt()).as("waits for B").isZero();
            b.send("next", seenByB.get("version").asLong());
            assertThat(a.awaitState(state -> state.get("position").asInt() == 1)
                            .get("position")
                            .asInt())
                    .isEqualTo(1);
        }
    }

    @Test
    void restCommandsReachTheSockets() {
        Phone phone = aSession().create(api);
        try (LivePhone live = LivePhone.join(port, phone)) {
            JsonNode current = live.awaitState(state -> connected(state, 0));

            phone.send("reveal", current.get("version").asLong());

            assertThat(live.awaitState(state -> state.get("revealed").asBoolean())
                            .at("/card/hint")
                            .asText())
                    .isNotBlank();
        }
    }

    @Test
    void aPartnerWhoLeavesIsShownAway() {
        Phone[] pair = aSession().createPair(api);
        try (LivePhone a = LivePhone.join(port, pair[0])) {
            LivePhone b = LivePhone.join(port, pair[1]);
            a.awaitState(state -> connected(state, 1));

            b.close();

            assertThat(connected(a.awaitState(state -> !connected(state, 1)), 0))
                    .isTrue();
        }
    }

    @Test
    void aPartnerWhoseNetworkBlinksIsNeverShownAway() {
        Phone[] pair = aSession().createPair(api);
        try (LivePhone a = LivePhone.join(port, pair[0])) {
            LivePhone b = LivePhone.join(port, pair[1]);
            long before =
                    a.awaitState(state -> connected(state, 1)).get("version").asLong();

            b.drop();
            try (LivePhone back = LivePhone.join(port, pair[1])) {
                sleep(Presence.AWAY_GRACE.toMillis() + 1_000);

                JsonNode now = pair[0].state();
                assertThat(connected(now, 1)).isTrue();
                assertThat(now.get("version").asLong())
                        .as("no away-and-back pair of changes")
                        .isEqualTo(before);
                assertThat(back.lastVersion()).isEqualTo(before);
            }
        }
    }

    @RepeatedTest(25)
    void twoSocketsSendingNextWithOneVersionMoveOneCard() {
        Phone phone = aSession().create(api);
        try (LivePhone one = LivePhone.join(port, phone);
                LivePhone two = LivePhone.join(port, phone)) {
            JsonNode settled = one.awaitState(state -> connected(state, 0));
            long version = settled.get("version").asLong();
            two.awaitVersion(version);

            CompletableFuture.allOf(
                            CompletableFuture.runAsync(() -> one.send("next", version)),
                            CompletableFuture.runAsync(() -> two.send("next", version)))
                    .join();

            JsonNode after = one.awaitVersion(version + 1);
            assertThat(after.get("position").asInt()).isEqualTo(1);
            JsonNode stored = phone.state();
            assertThat(stored.get("version").asLong()).isEqualTo(version + 1);
            assertThat(stored.get("position").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aStaleCommandChangesNothingAndItsSenderGetsTheCurrentState() {
        Phone phone = aSession().create(api);
        try (LivePhone live = LivePhone.join(port, phone)) {
            JsonNode current = live.awaitState(state -> connected(state, 0));

            live.send("next", 1);

            JsonNode answer = live.next("state").get("session");
            assertThat(answer.get("version").asLong())
                    .isEqualTo(current.get("version").asLong());
            assertThat(phone.state().get("position").asInt()).isZero();
        }
    }

    @Test
    void pingGetsPong() {
        Phone phone = aSession().create(api);
        try (LivePhone live = LivePhone.join(port, phone)) {
            live.send("{\"type\":\"ping\"}");

            assertThat(live.next("pong").get("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void badMessagesGetAnErrorAndTheSocketStaysOpen() {
        Phone phone = aSession().create(api);
        try (LivePhone live = LivePhone.join(port, phone)) {
            for (String bad : new String[] {
                "not json",
                "[1,2]",
                "{}",
                "{\"type\":\"dance\"}",
                "{\"type\":\"next\"}",
                "{\"type\":\"next\",\"version\":\"3\"}",
                "{\"type\":\"answer\",\"optionId\":7,\"version\":2}",
                "{\"type\":\"hello\"}",
                "{\"type\":" + "[".repeat(2000) + "]".repeat(2000) + "}"
            }) {
                live.send(bad);
                JsonNode error = live.next("error");
                assertThat(error.get("error").asText()).as(bad).isEqualTo("invalid_request");
                assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception");
            }
            live.send("{\"type\":\"ping\"}");
            assertThat(live.next("pong")).isNotNull();
            assertThat(live.isClosed()).isFalse();
        }
    }

    @Test
    void aMessageOver16KiBClosesWith1009() {
        Phone phone = aSession().create(api);
        try (LivePhone live = LivePhone.join(port, phone)) {
            live.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(17 * 1024) + "\"}");

            assertThat(live.awaitClose(Duration.ofSeconds(10))).isEqualTo(1009);
        }
    }

    @Test
    void aFloodOfMessagesClosesWith1008() {
        Phone phone = aSession().create(api);
        try (LivePhone live = LivePhone.join(port, phone)) {
            for (int i = 0; i < 100 && !live.isClosed(); i++) {
                try {
                    live.send("{\"type\":\"ping\"}");
                } catch (CompletionException closedMeanwhile) {
                    break;
                }
            }

            assertThat(live.awaitClose(Duration.ofSeconds(10))).isEqualTo(1008);
        }
    }

    @Test
    void anotherOriginIsRefusedWith403() {
        Phone phone = aSession().create(api);

        assertThatThrownBy(() -> LivePhone.connect(port, phone.sessionId(), "https://evil.example"))
                .satisfies(error -> assertThat(handshakeStatus(error)).isEqualTo(403));
    }

    @Test
    void theServicesOwnOriginIsAccepted() {
        Phone phone = aSession().create(api);

        try (LivePhone live = LivePhone.connect(port, phone.sessionId(), "http://127.0.0.1:" + port)) {
            live.send("{\"type\":\"hello\",\"token\":\"" + phone.token() + "\"}");
            assertThat(live.awaitState(state -> true)).isNotNull();
        }
    }

    @Test
    void aWrongTokenIsRefusedAndClosed() {
        Phone phone = aSession().create(api);
        Phone stranger = aSession().create(api);

        try (LivePhone live = LivePhone.connect(port, phone.sessionId())) {
            live.send("{\"type\":\"hello\",\"token\":\"" + stranger.token() + "\"}");

            assertThat(live.next("error").get("error").asText()).isEqualTo("unauthorized");
            assertThat(live.awaitClose(Duration.ofSeconds(5))).isEqualTo(1008);
        }
    }

    @Test
    void commandsBeforeHelloAreRefused() {
        Phone phone = aSession().create(api);

        try (LivePhone live = LivePhone.connect(port, phone.sessionId())) {
            live.send("next", 1);

            assertThat(live.next("error").get("message").asText()).contains("hello");
            assertThat(phone.state().get("version").asLong()).isEqualTo(1);
        }
    }

    @Test
    void noHelloWithinTenSecondsClosesWith1008() {
        Phone phone = aSession().create(api);

        try (LivePhone live = LivePhone.connect(port, phone.sessionId())) {
            assertThat(live.awaitClose(Duration.ofSeconds(15))).isEqualTo(1008);
        }
    }

    @Test
    void endingSendsTheFinalStateAndClosesEverySocketWith1000() {
        Phone[] pair = aSession().createPair(api);
        try (LivePhone a = LivePhone.join(port, pair[0]);
                LivePhone b = LivePhone.join(port, pair[1])) {
            JsonNode current = a.awaitState(state -> connected(state, 0) && connected(state, 1));

            a.send("end", current.get("version").asLong());

            assertThat(b.awaitState(state -> state.get("status").asText().equals("ended")))
                    .isNotNull();
            assertThat(a.awaitClose(Duration.ofSeconds(5))).isEqualTo(1000);
            assertThat(b.awaitClose(Duration.ofSeconds(5))).isEqualTo(1000);
        }
    }

    @Test
    void expirySendsTheFinalStateAndClosesWith1000() {
        Phone phone = aSession().create(api);
        try (LivePhone live = LivePhone.join(port, phone)) {
            live.awaitState(state -> connected(state, 0));

            DB.jdbi()
                    .useHandle(h -> h.execute(
                            "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = CAST(? AS uuid)",
                            phone.sessionId()));

            assertThat(live.awaitState(state -> state.get("status").asText().equals("expired")))
                    .isNotNull();
            assertThat(live.awaitClose(Duration.ofSeconds(5))).isEqualTo(1000);
        }
    }

    @Test
    void helloOnAnExpiredSessionGetsTheExpiredStateAndClose() {
        Phone phone = aSession().create(api);
        DB.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = CAST(? AS uuid)",
                        phone.sessionId()));

        try (LivePhone live = LivePhone.connect(port, phone.sessionId())) {
            live.send("{\"type\":\"hello\",\"token\":\"" + phone.token() + "\"}");

            assertThat(live.awaitState(state -> true).get("status").asText()).isEqualTo("expired");
            assertThat(live.awaitClose(Duration.ofSeconds(5))).isEqualTo(1000);
        }
    }

    @Test
    void aReconnectingPhoneGetsTheCurrentState() {
        Phone phone = aSession().create(api);
        LivePhone first = LivePhone.join(port, phone);
        first.awaitState(state -> connected(state, 0));
        first.close();
        awaitAway(phone);
        phone.does("next");
        phone.does("next");

        try (LivePhone again = LivePhone.join(port, phone)) {
            assertThat(again.awaitState(state -> state.get("position").asInt() == 2)
                            .get("position")
                            .asInt())
                    .isEqualTo(2);
        }
    }

    /**
     * One participant opening socket after socket, as a phone reconnecting in a loop or a script replaying its token
     * would: sockets beyond the limit are closed with 4429 and count for nothing; those kept stay served, and a
     * socket that closes makes room for the phone's next.
     */
    @Test
    void socketsBeyondTheLimitPerParticipantAreClosedWith4429() {
        Phone phone = aSession().create(api);
        List<LivePhone> kept = new ArrayList<>();
        try {
            for (int i = 0; i < LiveHub.MAX_SOCKETS_PER_PARTICIPANT; i++) {
                kept.add(LivePhone.join(port, phone));
            }

            for (int i = 0; i < LiveHub.MAX_SOCKETS_PER_PARTICIPANT * 2; i++) {
                try (LivePhone extra = LivePhone.connect(port, phone.sessionId())) {
                    extra.send("{\"type\":\"hello\",\"token\":\"" + phone.token() + "\"}");
                    assertThat(extra.awaitClose(Duration.ofSeconds(5))).isEqualTo(LiveSocket.TOO_MANY_SOCKETS);
                }
            }
            for (LivePhone socket : kept) {
                socket.send("{\"type\":\"ping\"}");
                assertThat(socket.next("pong")).isNotNull();
            }
            kept.remove(0).close();
            kept.add(joinWhenThereIsRoom(phone));
            sleep(Presence.AWAY_GRACE.toMillis() + 1_000);
            assertThat(connected(phone.state(), 0))
                    .as("refused sockets count nobody out")
                    .isTrue();
        } finally {
            kept.forEach(LivePhone::close);
        }
        awaitAway(phone);
    }

    /** The server hears of a closed socket a moment after the phone closes it. */
    private LivePhone joinWhenThereIsRoom(Phone phone) {
        for (int attempt = 0; attempt < 50; attempt++) {
            LivePhone live = LivePhone.connect(port, phone.sessionId());
            live.send("{\"type\":\"hello\",\"token\":\"" + phone.token() + "\"}");
            if ("state".equals(live.next().path("type").asText())) {
                return live;
            }
            live.close();
            sleep(100);
        }
        throw new AssertionError("no room for a new socket after one closed");
    }

    /**
     * Phones whose network vanishes right after hello, many at once, as in a reconnect storm: whatever the order in
     * which the service handles each hello and close, no socket stays registered and nobody is left shown present.
     */
    @Test
    void phonesDroppingRightAfterHelloLeaveNothingBehind() throws Exception {
        List<Phone> phones = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            phones.add(aSession().create(api));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> drops = new ArrayList<>();
            for (Phone phone : phones) {
                drops.add(pool.submit(() -> {
                    LivePhone live = LivePhone.connect(port, phone.sessionId());
                    live.send("{\"type\":\"hello\",\"token\":\"" + phone.token() + "\"}");
                    live.drop();
                }));
            }
            for (Future<?> drop : drops) {
                drop.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < 200 && openSockets() > 0; i++) {
            sleep(50);
        }
        assertThat(openSockets()).as("sockets still registered").isZero();
        for (Phone phone : phones) {
            awaitAway(phone);
        }
    }

    private static long openSockets() {
        return ((Number) APP.getEnvironment()
                        .metrics()
                        .getGauges()
                        .get("live.sockets.open")
                        .getValue())
                .longValue();
    }

    @Test
    void aMalformedSessionIdIsRefused() {
        assertThatThrownBy(() -> LivePhone.connect(port, "not-a-session"))
                .satisfies(error -> assertThat(handshakeStatus(error)).isEqualTo(400));
    }

    private static void awaitAway(Phone phone) {
        for (int i = 0; i < 200 && phone.state().at("/participants/0/connected").asBoolean(); i++) {
            sleep(50);
        }
        assertThat(phone.state().at("/participants/0/connected").asBoolean()).isFalse();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int handshakeStatus(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.http.WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
        }
        throw new AssertionError("not a refused handshake", error);
    }
}
