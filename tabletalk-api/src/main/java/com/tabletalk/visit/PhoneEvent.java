package com.tabletalk.visit;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.tabletalk.common.ApiException;
import com.tabletalk.event.EventType;
import com.tabletalk.question.Context;
import com.tabletalk.question.RelationshipLength;
import com.tabletalk.restaurant.DinerTables;
import com.tabletalk.restaurant.TableLabels;
import com.tabletalk.session.Mode;
import java.util.Map;

/**
 * A step a phone reports through {@code POST /api/events}: only what happens before a session exists. Each may
 * name the registered table it happened at ({@code restaurant} slug and {@code table} label, both or neither).
 * The wire names are those of the matching {@link EventType}s.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PhoneEvent.Scan.class, name = "scan"),
    @JsonSubTypes.Type(value = PhoneEvent.WelcomeViewed.class, name = "welcome_viewed"),
    @JsonSubTypes.Type(value = PhoneEvent.RelationshipLengthChosen.class, name = "relationship_length_chosen"),
    @JsonSubTypes.Type(value = PhoneEvent.ContextChosen.class, name = "context_chosen"),
    @JsonSubTypes.Type(value = PhoneEvent.ModeChosen.class, name = "mode_chosen"),
})
public sealed interface PhoneEvent {

    String restaurant();

    String table();

    EventType type();

    /** What the row's payload holds: the event's own fields, checked by {@link #validate}. */
    Map<String, Object> payload();

    /** Whether the event names a table; call after {@link #validate}. */
    default boolean hasPlace() {
        return restaurant() != null;
    }

    /** Checks what Jackson cannot: the place's shape and the values of the type's own fields. */
    default void validate() {
        if ((restaurant() == null) != (table() == null)) {
            throw ApiException.invalid(type().wire() + ": send both restaurant and table, or neither.");
        }
        if (restaurant() != null && !DinerTables.isSlug(restaurant())) {
            throw ApiException.invalid(type().wire() + ": restaurant is not a restaurant's slug.");
        }
        if (table() != null && !TableLabels.isValid(table())) {
            throw ApiException.invalid(type().wire() + ": table is not a table's label.");
        }
    }

    record Scan(String restaurant, String table) implements PhoneEvent {
        @Override
        public EventType type() {
            return EventType.SCAN;
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of();
        }
    }

    record WelcomeViewed(String restaurant, String table) implements PhoneEvent {
        @Override
        public EventType type() {
            return EventType.WELCOME_VIEWED;
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of();
        }
    }

    record RelationshipLengthChosen(String restaurant, String table, String length) implements PhoneEvent {
        @Override
        public EventType type() {
            return EventType.RELATIONSHIP_LENGTH_CHOSEN;
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("length", length);
        }

        @Override
        public void validate() {
            PhoneEvent.super.validate();
            if (RelationshipLength.find(length).isEmpty()) {
                throw ApiException.invalid(
                        "relationship_length_chosen: length must be one of " + RelationshipLength.wireList() + ".");
            }
        }
    }

    record ContextChosen(String restaurant, String table, String context) implements PhoneEvent {
        @Override
        public EventType type() {
            return EventType.CONTEXT_CHOSEN;
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("context", context);
        }

        @Override
        public void validate() {
            PhoneEvent.super.validate();
            try {
                Context.fromWire(context);
            } catch (ApiException e) {
                throw ApiException.invalid("context_chosen: " + e.getMessage());
            }
        }
    }

    record ModeChosen(String restaurant, String table, String mode) implements PhoneEvent {
        @Override
        public EventType type() {
            return EventType.MODE_CHOSEN;
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("mode", mode);
        }

        @Override
        public void validate() {
            PhoneEvent.super.validate();
            try {
                Mode.fromWire(mode);
            } catch (ApiException e) {
                throw ApiException.invalid("mode_chosen: " + e.getMessage());
            }
        }
    }
}
