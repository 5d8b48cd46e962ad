package com.tabletalk.event;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One row of the event log. The place (restaurant and table ids) is set when the visit came from a registered
 * table; the session once there is one; the participant ("A" or "B") where one phone acted. The payload holds
 * only small typed values (positions, ids, choices, durations): never an address, user agent, token or free text.
 */
public record LoggedEvent(
        EventType type,
        Instant occurredAt,
        Long restaurantId,
        Long tableId,
        UUID sessionId,
        UUID visitId,
        String participant,
        Integer questionId,
        Map<String, Object> payload) {

    public LoggedEvent {
        payload = Map.copyOf(payload);
    }
}
