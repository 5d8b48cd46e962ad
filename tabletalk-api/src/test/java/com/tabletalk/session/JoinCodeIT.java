package com.tabletalk.session;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tabletalk.app.TableTalkApplication;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.ProjectFiles;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Short join codes: given to two-phone sessions, unique among open ones, looked up under a tight rate limit. */
@ExtendWith(DropwizardExtensionsSupport.class)
class JoinCodeIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = new DropwizardAppExtension<>(
            TableTalkApplication.class, ProjectFiles.config().toString(), TestApp.withRateLimits(DB));
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    private ApiClient api;
    /** Each test looks codes up from an address of its own, so that they do not share a budget. */
    private String address;

    @BeforeEach
    void client() {
        api = ApiClient.forPort(APP.getLocalPort());
        address = "198.51.100." + ADDRESSES.getAndIncrement();
    }

    private ApiClient.Reply lookUp(String code) {
        return api.send(
                HttpRequest.newBuilder(api.uri("/join-codes/" + code)).GET(), Map.of("X-Forwarded-For", address));
    }

    private String codeOf(Phone phone) {
        ApiClient.Reply reply = api.get("/sessions/" + phone.sessionId() + "/join-code");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body().get("code").asText();
    }

    @Test
    void aTwoPhoneSessionHasACodeAndAShortLink() {
        Phone first = aSession().withMode("dual").create(api);

        ApiClient.Reply reply = api.get("/sessions/" + first.sessionId() + "/join-code");

        assertThat(reply.status()).isEqualTo(200);
        String code = reply.body().get("code").asText();
        assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}");
        assertThat(reply.body().get("link").asText()).isEqualTo(TestApp.FRONTEND + "/j/" + code);
    }

    @Test
    void aOnePhoneSessionHasNone() {
        Phone single = aSession().withMode("single").create(api);

        ApiClient.Reply reply = api.get("/sessions/" + single.sessionId() + "/join-code");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error()).isEqualTo("not_found");
    }

    @Test
    void aCodeLeadsToItsSessionHoweverItIsTyped() {
        Phone first = aSession().withMode("dual").create(api);
        String code = codeOf(first);
        String typed =
                code.substring(0, 3).toLowerCase() + "-" + code.substring(3).toLowerCase();

        ApiClient.Reply exact = lookUp(code);
        ApiClient.Reply dashed = lookUp(typed);
        ApiClient.Reply spaced = lookUp(code.substring(0, 3) + "%20" + code.substring(3));

        for (ApiClient.Reply reply : new ApiClient.Reply[] {exact, dashed, spaced}) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.body().get("sessionId").asText()).isEqualTo(first.sessionId());
        }
        assertThat(exact.header("Cache-Control")).contains("no-store");
    }

    @Test
    void somethingThatIsNotACodeIsRefused() {
        for (String typed : new String[] {"ABC", "K7MQ3PP", "K7MQ0P", "K7MQIP", "K7M_Q3", "%E2%82%AC7MQ3P"}) {
            ApiClient.Reply reply = lookUp(typed);

            assertThat(reply.status()).as(typed).isEqualTo(400);
            assertThat(reply.error()).isEqualTo("invalid_request");
            assertThat(reply.body().get("message").asText()).contains("6 letters and digits");
        }
    }

    @Test
    void aCodeNoSessionHoldsIsNotFound() {
        ApiClient.Reply reply = lookUp(freeCode());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error()).isEqualTo("not_found");
    }

    @Test
    void anEndedSessionsCodeIsGone() {
        Phone first = aSession().withMode("dual").create(api);
        String code = codeOf(first);
        first.does("end");

        assertThat(lookUp(code).status()).isEqualTo(404);
        ApiClient.Reply own = api.get("/sessions/" + first.sessionId() + "/join-code");
        assertThat(own.status()).isEqualTo(410);
        assertThat(own.error()).isEqualTo("session_ended");
    }

    @Test
    void anExpiredSessionsCodeIsGoneBeforeTheJanitorComes() {
        Phone first = aSession().withMode("dual").create(api);
        String code = codeOf(first);
        DB.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = ?::uuid",
                        first.sessionId()));

        assertThat(lookUp(code).status()).isEqualTo(404);
    }

    @Test
    void theDatabaseKeepsACodeUniqueAmongOpenSessionsOnly() {
        SessionDao dao = new SessionDao(DB.jdbi().installPlugin(new PostgresPlugin()));
        Phone first = aSession().withMode("dual").create(api);
        Phone second = aSession().withMode("dual").create(api);
        String code = codeOf(first);

        assertThatThrownBy(() -> dao.assignJoinCode(UUID.fromString(second.sessionId()), code))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .hasMessageContaining("sessions_open_join_code");

        first.does("end");
        assertThat(dao.assignJoinCode(UUID.fromString(second.sessionId()), code))
                .isEqualTo(1);
        assertThat(lookUp(code).body().get("sessionId").asText()).isEqualTo(second.sessionId());
    }

    @Test
    void aDrawThatIsTakenIsDrawnAgain() {
        SessionDao dao = new SessionDao(DB.jdbi().installPlugin(new PostgresPlugin()));
        Phone first = aSession().withMode("dual").create(api);
        Phone second = aSession().withMode("dual").create(api);
        String taken = codeOf(first);
        // The first draw is the first session's code, which is taken; the second is free.
        String fresh = freeCode();
        Iterator<String> draws = List.of(taken, fresh).iterator();

        assertThat(JoinCodes.assign(dao, UUID.fromString(second.sessionId()), draws::next))
                .contains(fresh);
        assertThat(codeOf(second)).isEqualTo(fresh);
    }

    @Test
    void lookupsAreLimitedPerAddress() {
        Phone first = aSession().withMode("dual").create(api);
        String code = codeOf(first);
        for (int i = 0; i < 10; i++) {
            assertThat(lookUp(i % 2 == 0 ? freeCode() : "nonsense").status()).isIn(400, 404);
        }

        ApiClient.Reply refused = lookUp(code);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error()).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        address = "198.51.100.250";
        assertThat(lookUp(code).status())
                .as("another address has its own budget")
                .isEqualTo(200);
    }

    /** A well-formed code that no open session of this database holds. */
    private static String freeCode() {
        while (true) {
            String code = JoinCodes.draw(new Random());
            Integer holders = DB.jdbi()
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM sessions WHERE join_code = ?")
                            .bind(0, code)
                            .mapTo(Integer.class)
                            .one());
            if (holders == 0) {
                return code;
            }
        }
    }
}
