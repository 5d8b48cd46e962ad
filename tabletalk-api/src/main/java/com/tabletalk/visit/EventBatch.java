package com.tabletalk.visit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tabletalk.common.ApiException;
import com.tabletalk.common.JsonExceptionMapper;
import com.tabletalk.event.EventType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One {@code POST /api/events} body: the phone's visit id and up to {@link #MAX_EVENTS} steps. Read strictly, and
 * all or nothing: one unknown type or field, or one bad value, refuses the whole batch.
 */
public record EventBatch(UUID visit, List<PhoneEvent> events, List<Duration> ages) {

    public static final int MAX_EVENTS = 50;

    /**
     * How long ago a phone may say an event happened ({@code ageMs}, e.g. a step it could only send a moment
     * later); older ages are cut to this, so a phone can place its steps before the session they led to but
     * never move them far in time.
     */
    public static final Duration MAX_AGE = Duration.ofMinutes(10);

    private static final String AGE = "ageMs";

    /** Hex in the 8-4-4-4-12 form, as crypto.randomUUID() makes it; UUID.fromString alone accepts shorter forms. */
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private record Wire(String visit, List<PhoneEvent> events) {}

    public EventBatch {
        events = List.copyOf(events);
        ages = List.copyOf(ages);
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
        List<Duration> ages = takeAges(root);
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
        return new EventBatch(visit, wire.events(), ages);
    }

    /** Each event's optional {@code ageMs}, taken out of the tree so that the typed events hold only their own fields. */
    private static List<Duration> takeAges(JsonNode root) {
        List<Duration> ages = new ArrayList<>();
        JsonNode events = root.get("events");
        for (int i = 0; i < events.size(); i++) {
            ObjectNode event = (ObjectNode) events.get(i);
            JsonNode age = event.remove(AGE);
            if (age == null) {
                ages.add(Duration.ZERO);
            } else if (!age.canConvertToLong() || !age.isIntegralNumber() || age.asLong() < 0) {
                throw ApiException.invalid(
                        "events[" + i + "]: ageMs must be a whole number of milliseconds, 0 or more.");
            } else {
                ages.add(Duration.ofMillis(Math.min(age.asLong(), MAX_AGE.toMillis())));
            }
        }
        return ages;
    }

    /**
     * What is checked on the tree before typed reading: the batch's size, and that each event is an object of a
     * type a phone may send, whose fields are all strings but its age (Jackson would otherwise turn {@code 7} into
     * "7").
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
                if (!field.getValue().isTextual() && !field.getKey().equals(AGE)) {
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
