package com.tabletalk.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.EventRows;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A session may start from how long the diners have known each other, which configuration maps to a context. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RelationshipLengthIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);

    private final EventRows events = new EventRows(DB);

    private static ApiClient.Reply create(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(
                Map.of("tableToken", "t-" + UUID.randomUUID().toString().substring(0, 8), "mode", "single"));
        body.putAll(fields);
        return ApiClient.forPort(APP.getLocalPort()).post("/sessions", ApiClient.json(body));
    }

    @ParameterizedTest
    @CsvSource({
        "under_6_months, exploring",
        "6_months_to_2_years, exploring",
        "2_to_10_years, established",
        "over_10_years, mature",
        "friends_or_family, exploring"
    })
    void eachLengthPlaysItsConfiguredContextAndIsRecordedAsGiven(String length, String context) {
        UUID visit = UUID.randomUUID();

        ApiClient.Reply reply = create(Map.of("relationshipLength", length, "visit", visit.toString()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        String session = reply.session().get("id").asText();
        assertThat(reply.session().get("context").asText()).isEqualTo(context);
        assertThat(events.await(session, 1).get(0).payload())
                .isEqualTo(Map.of("context", context, "mode", "single", "relationshipLength", length));
        assertThat(events.places(session))
                .containsExactly(new EventRows.Place(null, null, UUID.fromString(session), visit));
        UUID stored = DB.jdbi()
                .withHandle(h -> h.createQuery("SELECT visit_id FROM sessions WHERE id = CAST(:id AS uuid)")
                        .bind("id", session)
                        .mapTo(UUID.class)
                        .one());
        assertThat(stored).isEqualTo(visit);
    }

    @Test
    void aContextAloneLeavesTheLengthOutOfTheEvent() {
        ApiClient.Reply reply = create(Map.of("context", "mature"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(events.await(reply.session().get("id").asText(), 1).get(0).payload())
                .isEqualTo(Map.of("context", "mature", "mode", "single"));
    }

    @Test
    void badChoicesAndVisitsAreRefusedAndStartNothing() {
        long before = sessions();
        List<Map<String, Object>> bad = List.of(
                Map.of("context", "mature", "relationshipLength", "over_10_years"),
                Map.of("relationshipLength", "forever"),
                Map.of("relationshipLength", "OVER_10_YEARS"),
                Map.of("relationshipLength", 5),
                Map.of(),
                Map.of("context", "mature", "visit", "yesterday"),
                Map.of("context", "mature", "visit", "1-1-1-1-1"),
                Map.of("context", "mature", "visit", 42),
                Map.of("context", "mature", "visit", UUID.randomUUID() + "x"));

        for (Map<String, Object> fields : bad) {
            ApiClient.Reply reply = create(fields);
            assertThat(reply.status()).as(fields + ": " + reply).isEqualTo(400);
            assertThat(reply.error()).isEqualTo("invalid_request");
            assertThat(reply.body().get("message").asText())
                    .as(fields.toString())
                    .isNotBlank();
        }
        assertThat(create(Map.of("context", "mature", "relationshipLength", "over_10_years"))
                        .body()
                        .get("message")
                        .asText())
                .contains("either context or relationshipLength");
        assertThat(sessions()).isEqualTo(before);
    }

    private static long sessions() {
        return DB.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM sessions")
                        .mapTo(Long.class)
                        .one());
    }
}
