package com.tabletalk.session;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An ended session says who ended it and when, to both phones, and again to a phone that reloads. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SessionEndingIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);

    private ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.forPort(APP.getLocalPort());
    }

    private ApiClient.Reply ending(Phone phone, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/sessions/" + phone.sessionId() + "/ending"))
                .GET();
        return api.send(request, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    @Test
    void theEndSaysWhichPhoneEndedItAndWhenAndStaysReadableForBothPhones() {
        Phone[] pair = aSession().createPair(api);
        // Neither phone has a live socket open, so each tap alone moves the card on.
        pair[0].does("next");
        pair[1].does("next");

        JsonNode ended = pair[1].does("end");

        assertThat(ended.get("status").asText()).isEqualTo("ended");
        assertThat(ended.get("endedBy").asText()).isEqualTo("B");
        assertThat(ended.get("position").asInt()).isEqualTo(2);
        Instant created = Instant.parse(ended.get("createdAt").asText());
        Instant endedAt = Instant.parse(ended.get("endedAt").asText());
        assertThat(endedAt).isAfterOrEqualTo(created).isBefore(created.plusSeconds(60));
        for (Phone phone : pair) {
            ApiClient.Reply reply = ending(phone, phone.token());
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.body().get("status").asText()).isEqualTo("ended");
            assertThat(reply.body().get("endedBy").asText()).isEqualTo("B");
            assertThat(reply.body().get("endedAt").asText())
                    .isEqualTo(ended.get("endedAt").asText());
            assertThat(reply.body().get("position").asInt()).isEqualTo(2);
        }
        assertThat(api.get("/sessions/" + pair[0].sessionId()).error()).isEqualTo("session_ended");
    }

    @Test
    void anOpenSessionCarriesNoEndingAndHasNoneToShow() {
        Phone phone = aSession().create(api);

        assertThat(phone.state().has("endedBy")).isFalse();
        assertThat(phone.state().has("endedAt")).isFalse();
        ApiClient.Reply reply = ending(phone, phone.token());
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.error()).isEqualTo("conflict");
    }

    @Test
    void onlyTheSessionsOwnPhonesReadItsEnding() {
        Phone phone = aSession().create(api);
        Phone other = aSession().create(api);
        phone.does("end");

        assertThat(ending(phone, other.token()).error()).isEqualTo("unauthorized");
        assertThat(ending(phone, null).status()).isEqualTo(401);
        ApiClient.Reply unknown = api.get("/sessions/00000000-0000-4000-8000-000000000000/ending");
        assertThat(unknown.status()).isEqualTo(401);
    }
}
