package com.tabletalk.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.tabletalk.common.ApiException;
import com.tabletalk.common.JsonExceptionMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One {@code POST /api/events} body: the phone's visit id and up to {@link #MAX_EVENTS} steps. Read strictly, and
 * all or nothing: one unknown type or field, or one bad value, refuses the whole batch.
 */
public record EventBatch(UUID visit, List<PhoneEvent> events) {

    public static final int MAX_EVENTS = 50;

    /** Hex in the 8-4-4-4-12 form, as crypto.randomUUID() makes it; UUID.fromString alone accepts shorter forms. */
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private record Wire(String visit, List<PhoneEvent> events) {}

    public EventBatch {
        events = List.copyOf(events);
    }

    /** Parses and validates a body; a batch that is not acceptable throws {@link ApiException} (400). */
    public static EventBatch parse(ObjectMapper json, byte[] body) {
        ObjectReader reader = json.reader()
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : reader.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid(JsonExceptionMapper.describe(e));
        } catch (IOException e) {
            throw ApiException.invalid("The body could not be read.");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalid("Send a JSON object with visit and events.");
        }
        checkShape(root);
        Wire wire;
        try {
            wire = reader.forType(Wire.class).readValue(root);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid(JsonExceptionMapper.describe(e));
        } catch (IOException e) {
            throw ApiException.invalid("The body could not be read.");
        }
        UUID visit = visitId(wire.visit());
        wire.events().forEach(PhoneEvent::validate);
        return new EventBatch(visit, wire.events());
    }

    /**
     * What is checked on the tree before typed reading: the batch's size, and that each event is an object of a
     * type a phone may send, whose fields are all strings (Jackson would otherwise turn {@code 7} into "7").
     */
    private static void checkShape(JsonNode root) {
        JsonNode visit = root.get("visit");
        if (visit == null || !visit.isTextual()) {
            throw ApiException.invalid("visit must be the visit's id, a UUID string.");
        }
        JsonNode events = root.get("events");
        if (events == null || !events.isArray()) {
            throw ApiException.invalid("events must be a list of events.");
        }
        if (events.isEmpty()) {
            throw ApiException.invalid("events is empty: send at least one event.");
        }
        if (events.size() > MAX_EVENTS) {
            throw ApiException.invalid("A batch holds at most " + MAX_EVENTS + " events.");
        }
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            if (!event.isObject()) {
                throw ApiException.invalid("events[" + i + "] must be a JSON object with a \"type\".");
            }
            JsonNode type = event.get("type");
            if (type == null || !type.isTextual()) {
                throw ApiException.invalid("events[" + i + "] needs a \"type\".");
            }
            Optional<EventType> known = EventType.fromWire(type.asText());
            if (known.isPresent() && known.get().source() == EventType.Source.SERVER) {
                throw ApiException.invalid("events[" + i + "]: " + known.get().wire()
                        + " is written by the server only; a phone cannot send it.");
            }
            for (Map.Entry<String, JsonNode> field : event.properties()) {
                if (!field.getValue().isTextual()) {
                    throw ApiException.invalid("events[" + i + "]: every field of an event is a string; '"
                            + JsonExceptionMapper.safe(field.getKey())
                            + "' is not.");
                }
            }
        }
    }

    private static UUID visitId(String visit) {
        if (visit == null || !UUID_FORM.matcher(visit).matches()) {
            throw ApiException.invalid("visit must be the visit's id, a UUID string.");
        }
        return UUID.fromString(visit);
    }
}
