package com.tabletalk.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.tabletalk.session.SessionService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LiveHubTest {

    /** Only its watch list is used here: which sessions have sockets on this instance. */
    private final SessionService sessions =
            new SessionService(null, null, null, null, Clock.systemUTC(), new MetricRegistry());

    private final LiveHub hub = new LiveHub(sessions, null, null, null, null, new MetricRegistry());

    private LiveSocket socket(UUID session) {
        return new LiveSocket(session, null, null, hub, null, null, null, null);
    }

    /**
     * A reconnect storm in miniature: one phone's old socket leaves the session's last slot while the other
     * phone's new socket joins. The joining socket must end up receiving the session's changes and counted once,
     * whichever way the two interleave.
     */
    @Test
    void aSocketJoiningWhileTheLastOneLeavesIsKept() throws Exception {
        UUID session = UUID.randomUUID();
        CyclicBarrier start = new CyclicBarrier(2);
        CyclicBarrier done = new CyclicBarrier(2);
        AtomicReference<LiveSocket> leaving = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int rounds = 20_000;
        Thread leaver = new Thread(() -> {
            try {
                for (int i = 0; i < rounds; i++) {
                    start.await(10, TimeUnit.SECONDS);
                    hub.unregister(leaving.get());
                    done.await(10, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                failure.set(e);
            }
        });
        leaver.start();
        int lost = 0;
        for (int i = 0; i < rounds; i++) {
            // Counted from each round's start, so that one lost socket does not hide another.
            int before = hub.openSockets();
            LiveSocket old = socket(session);
            hub.register(old, "A");
            leaving.set(old);
            LiveSocket fresh = socket(session);
            start.await(10, TimeUnit.SECONDS);
            hub.register(fresh, "B");
            done.await(10, TimeUnit.SECONDS);
            if (!hub.socketsOf(session).contains(fresh) || hub.openSockets() - before != 1) {
                lost++;
            }
            hub.unregister(fresh);
        }
        leaver.join(10_000);
        assertThat(failure.get()).isNull();
        assertThat(lost).as("rounds that lost the joining socket or miscounted").isZero();
        assertThat(hub.socketsOf(session)).isEmpty();
    }

    @Test
    void unregisteringTwiceCountsOnce() {
        UUID session = UUID.randomUUID();
        LiveSocket a = socket(session);
        LiveSocket b = socket(session);
        hub.register(a, "A");
        hub.register(b, "A");
        hub.register(b, "A");
        assertThat(hub.openSockets()).isEqualTo(2);
        hub.unregister(a);
        hub.unregister(a);
        assertThat(hub.openSockets()).isEqualTo(1);
        assertThat(hub.socketsOf(session)).containsExactly(b);
        hub.unregister(b);
        assertThat(hub.openSockets()).isZero();
        assertThat(hub.socketsOf(session)).isEmpty();
    }

    @Test
    void aParticipantsSocketBeyondTheLimitIsRefusedAndTheirPartnersAreNot() {
        UUID session = UUID.randomUUID();
        List<LiveSocket> theirs = new ArrayList<>();
        for (int i = 0; i < LiveHub.MAX_SOCKETS_PER_PARTICIPANT; i++) {
            LiveSocket socket = socket(session);
            assertThat(hub.register(socket, "A")).isTrue();
            theirs.add(socket);
        }

        LiveSocket beyond = socket(session);
        assertThat(hub.register(beyond, "A")).isFalse();
        assertThat(hub.register(theirs.get(0), "A"))
                .as("registering a socket again is no new socket")
                .isTrue();
        assertThat(hub.register(socket(session), "B")).isTrue();
        assertThat(hub.socketsOf(session)).doesNotContain(beyond).containsAll(theirs);
        assertThat(hub.openSockets()).isEqualTo(LiveHub.MAX_SOCKETS_PER_PARTICIPANT + 1);

        hub.unregister(theirs.get(0));
        assertThat(hub.register(beyond, "A")).as("a closed socket makes room").isTrue();
    }
}
