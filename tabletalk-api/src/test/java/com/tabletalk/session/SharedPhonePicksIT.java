package com.tabletalk.session;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.EventRows;
import com.tabletalk.testing.EventRows.Row;
import com.tabletalk.testing.LivePhone;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A "this or that" card on one phone passed between two diners: the first picks, then the second, through the
 * real application and PostgreSQL; the state survives a reload, reaches the live channel and leaves both picks in
 * the event log.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SharedPhonePicksIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);

    private final EventRows events = new EventRows(DB);
    private ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.forPort(APP.getLocalPort());
    }

    @Test
    void bothPickInTurnAndTheStateComesBackTheSameAfterAReload() {
        Phone phone = aSession().create(api);
        JsonNode card = moveToChoiceCard(phone);
        String first = card.at("/options/0/id").asText();
        String second = card.at("/options/1/id").asText();
        try (LivePhone live = phone.goLive(APP.getLocalPort())) {
            ApiClient.Reply tooEarly = phone.send("answer", phone.version(), pick(second, "second"));
            assertThat(tooEarly.status()).isEqualTo(400);
            assertThat(tooEarly.error()).isEqualTo("invalid_request");
            assertThat(tooEarly.body().get("message").asText()).contains("first pick comes before the second");

            JsonNode afterFirst = phone.does("answer", pick(first, "first"));
            assertThat(afterFirst.at("/participants/0/answered").asBoolean()).isTrue();
            assertThat(afterFirst.get("answers")).as("hidden from the partner").isEmpty();
            assertThat(live.awaitVersion(afterFirst.get("version").asLong()).get("answers"))
                    .isEmpty();

            JsonNode reloaded = phone.state();
            assertThat(reloaded.get("version")).isEqualTo(afterFirst.get("version"));
            assertThat(reloaded.at("/participants/0/answered").asBoolean()).isTrue();
            assertThat(reloaded.get("answers")).isEmpty();

            ApiClient.Reply firstAgain = phone.send("answer", phone.version(), pick(second, "first"));
            assertThat(firstAgain.status()).isEqualTo(400);

            JsonNode both = phone.does("answer", pick(second, "second"));
            assertThat(both.get("answers")).hasSize(2);
            assertThat(both.at("/answers/A").asText()).isEqualTo(first);
            assertThat(both.at("/answers/B").asText()).isEqualTo(second);
            assertThat(both.get("participants")).as("still one phone").hasSize(1);
            JsonNode pushed = live.awaitVersion(both.get("version").asLong());
            assertThat(pushed.get("answers")).isEqualTo(both.get("answers"));
            assertThat(phone.state().get("answers")).isEqualTo(both.get("answers"));

            ApiClient.Reply secondAgain = phone.send("answer", phone.version(), pick(first, "second"));
            assertThat(secondAgain.status()).isEqualTo(400);
            assertThat(secondAgain.body().get("message").asText()).contains("already locked in");

            JsonNode next = phone.does("next");
            assertThat(next.get("answers")).isEmpty();
            assertThat(next.at("/participants/0/answered").asBoolean()).isFalse();
        }
    }

    @Test
    void bothPicksAreLoggedTheSecondAsThePartnerOnTheSamePhone() {
        Phone phone = aSession().create(api);
        JsonNode card = moveToChoiceCard(phone);
        int question = card.get("questionId").asInt();
        int position = phone.state().get("position").asInt();
        String option = card.at("/options/1/id").asText();

        phone.does("answer", pick(option, "first"));
        phone.does("answer", pick(option, "second"));

        List<Row> answers = events.await(phone.sessionId(), 2 + 2 * (position + 1)).stream()
                .filter(row -> row.type().equals("answer_given"))
                .toList();
        Map<String, Object> payload = Map.of("position", position, "optionId", option);
        assertThat(answers)
                .containsExactly(
                        Row.of("answer_given", "A", question, payload), Row.of("answer_given", "B", question, payload));
    }

    @Test
    void aPickWithoutASeatIsTheFirstAsBefore() {
        Phone phone = aSession().create(api);
        String option = moveToChoiceCard(phone).at("/options/0/id").asText();

        JsonNode afterFirst = phone.does("answer", Map.of("optionId", option));

        assertThat(afterFirst.at("/participants/0/answered").asBoolean()).isTrue();
        assertThat(afterFirst.get("answers")).isEmpty();
        assertThat(phone.does("answer", pick(option, "second")).get("answers")).hasSize(2);
    }

    @Test
    void aSeatIsRefusedOnTwoPhonesAndAnUnknownSeatAnywhere() {
        Phone[] pair = aSession().createPair(api);
        for (int i = 0; i < 200 && !pair[0].state().at("/card/type").asText().equals("choice"); i++) {
            pair[0].does("next");
            pair[1].does("next");
        }
        String option = pair[0].state().at("/card/options/0/id").asText();
        for (String seat : List.of("first", "second")) {
            ApiClient.Reply refused = pair[0].send("answer", pair[0].version(), pick(option, seat));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("message").asText()).contains("only for one-phone sessions");
        }

        Phone single = aSession().create(api);
        ApiClient.Reply unknown = single.send("answer", single.version(), pick("a", "third"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("message").asText()).isEqualTo("seat must be first or second.");
        assertThat(pair[0].state().at("/participants/0/answered").asBoolean()).isFalse();
    }

    private static Map<String, Object> pick(String optionId, String seat) {
        return Map.of("optionId", optionId, "seat", seat);
    }

    private static JsonNode moveToChoiceCard(Phone phone) {
        for (int i = 0; i < 200 && !phone.state().at("/card/type").asText().equals("choice"); i++) {
            phone.does("next");
        }
        JsonNode card = phone.state().get("card");
        assertThat(card.get("type").asText()).isEqualTo("choice");
        return card;
    }
}
