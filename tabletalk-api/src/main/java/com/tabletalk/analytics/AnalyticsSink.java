package com.tabletalk.analytics;

import java.util.Map;
import java.util.UUID;

/**
 * Where product events go. Recording never fails and never waits on the database. Data holds only context,
 * mode, positions, question and option ids: never tokens, addresses or free text.
 */
public interface AnalyticsSink {

    String SESSION_CREATED = "session_created";
    String PARTICIPANT_JOINED = "participant_joined";
    String CARD_SHOWN = "card_shown";
    String NEXT_REQUESTED = "next_requested";
    String HINT_REVEALED = "hint_revealed";
    String ANSWER_GIVEN = "answer_given";
    String SESSION_ENDED = "session_ended";
    String SESSION_EXPIRED = "session_expired";

    void record(String type, UUID sessionId, Map<String, Object> data);
}
