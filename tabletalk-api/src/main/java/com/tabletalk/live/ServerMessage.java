package com.tabletalk.live;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.tabletalk.common.ErrorCode;
import com.tabletalk.session.SessionView;

/** What the service sends on a live socket. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerMessage.State.class, name = "state"),
    @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
})
public sealed interface ServerMessage {

    /** The whole session as it is now; clients ignore any state older than the one they show. */
    record State(SessionView session) implements ServerMessage {}

    record Pong() implements ServerMessage {}

    record Error(ErrorCode error, String message) implements ServerMessage {}
}
