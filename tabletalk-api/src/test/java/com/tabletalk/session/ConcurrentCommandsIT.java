package com.tabletalk.session;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.LivePhone;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same command sent twice at the same instant, with the same version, makes exactly one change. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConcurrentCommandsIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);

    private ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.forPort(APP.getLocalPort());
    }

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    @RepeatedTest(40)
    @SuppressWarnings("try") // the sockets are open only so that both phones count as present
    void twoPhonesSendingNextWithOneVersionMakeOneChange() throws Exception {
        Phone[] pair = aSession().createPair(api);
        try (LivePhone a = pair[0].goLive(APP.getLocalPort());
                LivePhone b = pair[1].goLive(APP.getLocalPort())) {
            long version = pair[0].version();

            List<Integer> statuses = atOnce(
                    () -> pair[0].send("next", version).status(),
                    () -> pair[1].send("next", version).status());

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(pair[0].version()).isEqualTo(version + 1);
            assertThat(pair[0].state().get("position").asInt())
                    .as("one wish to move on is not two")
                    .isZero();
        }
    }

    @RepeatedTest(40)
    void aDoubleTapOnOnePhoneMovesOneCard() throws Exception {
        Phone phone = aSession().create(api);
        long version = phone.version();

        List<Integer> statuses = atOnce(
                () -> phone.send("next", version).status(),
                () -> phone.send("next", version).status());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(phone.state().get("position").asInt()).isEqualTo(1);
        assertThat(phone.version()).isEqualTo(version + 1);
    }

    @RepeatedTest(20)
    void twoPhonesJoiningAtOnceGetOneSeat() throws Exception {
        Phone first = aSession().withMode("dual").create(api);
        String path = "/sessions/" + first.sessionId() + "/participants";

        List<Integer> statuses = atOnce(
                () -> api.post(path, null).status(), () -> api.post(path, null).status());

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(first.state().get("participants")).hasSize(2);
    }

    private static List<Integer> atOnce(Callable<Integer> one, Callable<Integer> other) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Integer>> futures = new ArrayList<>();
        for (Callable<Integer> call : List.of(one, other)) {
            futures.add(THREADS.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> future : futures) {
            statuses.add(future.get());
        }
        return statuses;
    }
}
