package com.tabletalk.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.common.ApiException;
import com.tabletalk.common.JsonExceptionMapper;
import com.tabletalk.session.Command;

/**
 * What a phone sends on its live socket: {@code hello} (once, first), {@code ping}, or any session command in
 * the same JSON as over REST.
 */
public sealed interface ClientMessage {

    /** Java 17 has no pattern switch: a visitor keeps every handling of client messages exhaustive. */
    <R> R accept(Visitor<R> visitor);

    interface Visitor<R> {
        R hello(Hello hello);

        R ping(Ping ping);

        R act(Act act);
    }

    record Hello(String token) implements ClientMessage {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.hello(this);
        }
    }

    record Ping() implements ClientMessage {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ping(this);
        }
    }

    /** A command, read but not yet validated: the session service validates every command, however it arrives. */
    record Act(Command command) implements ClientMessage {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.act(this);
        }
    }

    /** Parses one text frame; a malformed one throws {@link ApiException} with a sentence for the client. */
    static ClientMessage parse(ObjectMapper json, String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid(JsonExceptionMapper.describe(e));
        }
        if (node == null || !node.isObject()) {
            throw ApiException.invalid("A message must be a JSON object with a \"type\".");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw ApiException.invalid("The message needs a \"type\".");
        }
        switch (type.asText()) {
            case "hello" -> {
                JsonNode token = node.get("token");
                if (token == null || !token.isTextual()) {
                    throw ApiException.invalid("hello needs the participant's \"token\".");
                }
                return new Hello(token.asText());
            }
            case "ping" -> {
                return new Ping();
            }
            default -> {
                try {
                    return new Act(json.treeToValue(node, Command.class));
                } catch (JsonProcessingException e) {
                    throw ApiException.invalid(JsonExceptionMapper.describe(e));
                }
            }
        }
    }
}
