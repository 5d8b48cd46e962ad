package com.tabletalk.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server messages in src/test/resources/contract are what the service really sends: each reads into our
 * types and writes back unchanged. The web app's tests parse the same files.
 */
class ContractFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "state-message.json",
                "state-message-open-card.json",
                "state-message-at-table.json",
                "state-message-one-phone-picks.json",
                "state-message-ended.json",
                "state-message-rejoining.json",
                "pong-message.json",
                "error-message.json"
            })
    void fixtureRoundTripsThroughTheServerMessageTypes(String fixture) throws IOException {
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/contract/" + fixture)) {
            expected = JSON.readTree(in);
        }

        ServerMessage message = JSON.treeToValue(expected, ServerMessage.class);

        JsonNode written = JSON.readTree(JSON.writeValueAsString(message));
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void everyServerMessageTypeIsRegisteredForJson() {
        Set<Class<?>> registered = Arrays.stream(
                        ServerMessage.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::value)
                .collect(Collectors.toSet());

        assertThat(registered).containsExactlyInAnyOrder(ServerMessage.class.getPermittedSubclasses());
    }
}
