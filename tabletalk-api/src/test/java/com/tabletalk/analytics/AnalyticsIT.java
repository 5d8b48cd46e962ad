package com.tabletalk.analytics;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Product events land in analytics_events, without tokens or addresses, and are counted in metrics. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AnalyticsIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);

    @Test
    void aPlayedSessionLeavesItsEvents() throws Exception {
        ApiClient api = ApiClient.forPort(APP.getLocalPort());
        Phone[] pair = aSession().withContext("mature").createPair(api);
        pair[0].does("reveal");
        pair[0].does("ready", Map.of("ready", true));
        pair[1].does("ready", Map.of("ready", true));
        pair[0].does("next");
        while (!pair[0].state().at("/card/type").asText().equals("choice")) {
            pair[0].does("next");
            pair[1].does("next");
        }
        String option = pair[0].state().at("/card/options/0/id").asText();
        pair[0].does("answer", Map.of("optionId", option));
        pair[0].does("end");

        List<String> types = awaitEvents(pair[0].sessionId(), "session_ended");

        assertThat(types)
                .contains(
                        "session_created",
                        "participant_joined",
                        "card_shown",
                        "hint_revealed",
                        "next_requested",
                        "answer_given",
                        "session_ended");
        String everything = DB.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT string_agg(data::text, ' ') FROM analytics_events WHERE session_id = CAST(:id AS uuid)")
                        .bind("id", pair[0].sessionId())
                        .mapTo(String.class)
                        .one());
        assertThat(everything)
                .contains("\"context\": \"mature\"")
                .contains("\"mode\": \"dual\"")
                .doesNotContain(pair[0].token())
                .doesNotContain(pair[1].token())
                .doesNotContain("127.0.0.1");
        assertThat(APP.getEnvironment()
                        .metrics()
                        .counter("analytics.recorded.session_created.events")
                        .getCount())
                .isPositive();
    }

    private static List<String> awaitEvents(String sessionId, String last) throws InterruptedException {
        List<String> types = List.of();
        for (int i = 0; i < 100 && !types.contains(last); i++) {
            Thread.sleep(100);
            types = DB.jdbi()
                    .withHandle(h -> h.createQuery(
                                    "SELECT type FROM analytics_events WHERE session_id = CAST(:id AS uuid) ORDER BY id")
                            .bind("id", sessionId)
                            .mapTo(String.class)
                            .list());
        }
        return types;
    }
}
