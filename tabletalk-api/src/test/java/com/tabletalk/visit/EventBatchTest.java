package com.tabletalk.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import com.tabletalk.event.EventType;
import com.tabletalk.question.RelationshipLength;
import io.dropwizard.jackson.Jackson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventBatchTest {

    private static final ObjectMapper JSON = Jackson.newObjectMapper();
    private static final String VISIT = "0b6f4a53-8f7e-4c1e-9a55-2f3e1d0c9b7a";

    private static EventBatch parse(String body) {
        return EventBatch.parse(JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String batch(String... events) {
        return "{\"visit\":\"" + VISIT + "\",\"events\":[" + String.join(",", events) + "]}";
    }

    private static String refusal(String body) {
        try {
            parse(body);
        } catch (ApiException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void everyPhoneEventTypeIsRegisteredForJson() {
        Set<Class<?>> registered = Arrays.stream(
                        PhoneEvent.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::value)
                .collect(Collectors.toSet());

        assertThat(registered).containsExactlyInAnyOrder(PhoneEvent.class.getPermittedSubclasses());
    }

    @Test
    void theWireNamesAreExactlyThePhonesEventTypes() {
        Set<String> names = Arrays.stream(
                        PhoneEvent.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name)
                .collect(Collectors.toSet());
        Set<String> phoneTypes = Arrays.stream(EventType.values())
                .filter(type -> type.source() == EventType.Source.PHONE)
                .map(EventType::wire)
                .collect(Collectors.toSet());

        assertThat(names).isEqualTo(phoneTypes);
    }

    @Test
    void aBatchOfEveryPhoneStepIsReadWithItsPlaceAndPayload() {
        EventBatch batch = parse(batch(
                "{\"type\":\"scan\",\"restaurant\":\"luigis\",\"table\":\"Patio 3\"}",
                "{\"type\":\"welcome_viewed\"}",
                "{\"type\":\"relationship_length_chosen\",\"length\":\"6_months_to_2_years\"}",
                "{\"type\":\"context_chosen\",\"context\":\"mature\",\"restaurant\":\"luigis\",\"table\":\"7\"}",
                "{\"type\":\"mode_chosen\",\"mode\":\"dual\"}"));

        assertThat(batch.visit()).isEqualTo(UUID.fromString(VISIT));
        assertThat(batch.events())
                .extracting(PhoneEvent::type)
                .containsExactly(
                        EventType.SCAN,
                        EventType.WELCOME_VIEWED,
                        EventType.RELATIONSHIP_LENGTH_CHOSEN,
                        EventType.CONTEXT_CHOSEN,
                        EventType.MODE_CHOSEN);
        assertThat(batch.events().get(0)).isEqualTo(new PhoneEvent.Scan("luigis", "Patio 3"));
        assertThat(batch.events().get(0).payload()).isEmpty();
        assertThat(batch.events().get(1).hasPlace()).isFalse();
        assertThat(batch.events().get(2).payload()).isEqualTo(Map.of("length", "6_months_to_2_years"));
        assertThat(batch.events().get(3).payload()).isEqualTo(Map.of("context", "mature"));
        assertThat(batch.events().get(4).payload()).isEqualTo(Map.of("mode", "dual"));
    }

    @Test
    void anEventMaySayHowLongAgoItHappenedUpToTenMinutes() {
        EventBatch read = parse(batch(
                "{\"type\":\"scan\"}",
                "{\"type\":\"welcome_viewed\",\"ageMs\":1500}",
                "{\"type\":\"mode_chosen\",\"mode\":\"dual\",\"ageMs\":86400000}"));

        assertThat(read.ages()).containsExactly(Duration.ZERO, Duration.ofMillis(1500), EventBatch.MAX_AGE);
        assertThat(read.events().get(2).payload()).isEqualTo(Map.of("mode", "dual"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "\"100\"", "null", "true", "99999999999999999999"})
    void anAgeThatIsNoWholeNumberOfMillisecondsIsRefused(String age) {
        assertThat(refusal(batch("{\"type\":\"scan\",\"ageMs\":" + age + "}"))).contains("ageMs");
    }

    @Test
    void everyRelationshipLengthIsAccepted() {
        for (RelationshipLength length : RelationshipLength.values()) {
            EventBatch batch =
                    parse(batch("{\"type\":\"relationship_length_chosen\",\"length\":\"" + length.wire() + "\"}"));
            assertThat(batch.events().get(0).payload()).isEqualTo(Map.of("length", length.wire()));
        }
    }

    @Test
    void fiftyEventsAreABatchAndFiftyOneAreNot() {
        String[] fifty =
                IntStream.range(0, 50).mapToObj(i -> "{\"type\":\"scan\"}").toArray(String[]::new);
        String[] fiftyOne =
                IntStream.range(0, 51).mapToObj(i -> "{\"type\":\"scan\"}").toArray(String[]::new);

        assertThat(parse(batch(fifty)).events()).hasSize(50);
        assertThat(refusal(batch(fiftyOne))).contains("at most 50");
    }

    @Test
    void serverOnlyTypesAreRefusedByName() {
        assertThat(refusal(batch("{\"type\":\"scan\"}", "{\"type\":\"session_created\"}")))
                .contains("events[1]")
                .contains("session_created")
                .contains("server");
        for (EventType type : EventType.values()) {
            if (type.source() == EventType.Source.SERVER) {
                assertThat(refusal(batch("{\"type\":\"" + type.wire() + "\"}"))).contains(type.wire());
            }
        }
    }

    @Test
    void unknownTypesAndFieldsAreRefused() {
        assertThat(refusal(batch("{\"type\":\"dance\"}"))).contains("Unknown type 'dance'");
        assertThat(refusal(batch("{\"type\":\"scan\",\"userAgent\":\"Mozilla\"}")))
                .contains("Unknown field 'userAgent'");
        assertThat(refusal(batch("{\"type\":\"scan\",\"mode\":\"dual\"}"))).contains("Unknown field 'mode'");
        assertThat(refusal("{\"visit\":\"" + VISIT + "\",\"events\":[{\"type\":\"scan\"}],\"ip\":\"1.2.3.4\"}"))
                .contains("Unknown field 'ip'");
        assertThat(refusal(batch("{\"table\":\"7\"}"))).contains("type");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"relationship_length_chosen\",\"length\":\"forever\"}",
                "{\"type\":\"relationship_length_chosen\"}",
                "{\"type\":\"relationship_length_chosen\",\"length\":\"UNDER_6_MONTHS\"}",
                "{\"type\":\"context_chosen\",\"context\":\"romantic\"}",
                "{\"type\":\"context_chosen\"}",
                "{\"type\":\"mode_chosen\",\"mode\":\"triple\"}",
                "{\"type\":\"mode_chosen\",\"mode\":\"\"}",
                "{\"type\":\"mode_chosen\",\"mode\":2}",
                "{\"type\":\"mode_chosen\",\"mode\":null}",
                "{\"type\":\"scan\",\"restaurant\":\"luigis\"}",
                "{\"type\":\"scan\",\"table\":\"7\"}",
                "{\"type\":\"scan\",\"restaurant\":\"Luigi's\",\"table\":\"7\"}",
                "{\"type\":\"scan\",\"restaurant\":\"luigis\",\"table\":\"7,8\"}",
                "{\"type\":\"scan\",\"restaurant\":\"luigis\",\"table\":\"\"}",
                "{\"type\":\"scan\",\"restaurant\":\"luigis\",\"table\":7}",
                "{\"type\":\"scan\",\"restaurant\":\"luigis\",\"table\":[\"7\"]}",
                "{\"type\":\"scan\",\"restaurant\":{},\"table\":\"7\"}",
                "{\"type\":\"scan\",\"restaurant\":\"luigis\",\"table\":\"7\\u0000\"}",
                "{\"type\":\"scan\",\"restaurant\":\"luigis\",\"table\":\"\\u202e7\"}",
                "{\"type\":7}",
                "\"scan\"",
                "null"
            })
    void aWrongValueRefusesTheBatch(String event) {
        refusal(batch("{\"type\":\"scan\"}", event));
    }

    @Test
    void longNamesAreRefused() {
        refusal(batch("{\"type\":\"scan\",\"restaurant\":\"" + "a".repeat(49) + "\",\"table\":\"7\"}"));
        refusal(batch("{\"type\":\"scan\",\"restaurant\":\"luigis\",\"table\":\"" + "7".repeat(41) + "\"}"));
        assertThat(parse(batch("{\"type\":\"scan\",\"restaurant\":\"" + "a".repeat(48) + "\",\"table\":\""
                                + "7".repeat(40) + "\"}"))
                        .events())
                .hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[]",
                "[{\"type\":\"scan\"}]",
                "{}",
                "{\"events\":[{\"type\":\"scan\"}]}",
                "{\"visit\":\"" + VISIT + "\"}",
                "{\"visit\":\"" + VISIT + "\",\"events\":[]}",
                "{\"visit\":\"" + VISIT + "\",\"events\":{\"type\":\"scan\"}}",
                "{\"visit\":\"" + VISIT + "\",\"events\":null}",
                "{\"visit\":\"not-a-uuid\",\"events\":[{\"type\":\"scan\"}]}",
                "{\"visit\":\"1-1-1-1-1\",\"events\":[{\"type\":\"scan\"}]}",
                "{\"visit\":\"{" + VISIT + "}\",\"events\":[{\"type\":\"scan\"}]}",
                "{\"visit\":12345,\"events\":[{\"type\":\"scan\"}]}",
                "{\"visit\":null,\"events\":[{\"type\":\"scan\"}]}",
                "{\"visit\":\"" + VISIT + "\",\"visit\":\"" + VISIT + "\",\"events\":[{\"type\":\"scan\"}]}",
                "{\"visit\":\"" + VISIT + "\",\"events\":[{\"type\":\"scan\",\"type\":\"welcome_viewed\"}]}",
                "{\"visit\":\"" + VISIT + "\",\"events\":[{\"type\":\"scan\"}]} {}",
                "{\"visit\":\"" + VISIT + "\",\"events\":[{\"type\":\"scan\"}]"
            })
    void aBodyThatIsNoBatchIsRefused(String body) {
        refusal(body);
    }

    @Test
    void anEmptyBatchSaysSo() {
        assertThat(refusal(batch())).contains("empty");
    }

    @Test
    void noBodyIsRefused() {
        assertThatThrownBy(() -> EventBatch.parse(JSON, null)).isInstanceOf(ApiException.class);
    }
}
