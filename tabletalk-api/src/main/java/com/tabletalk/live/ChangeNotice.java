package com.tabletalk.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tabletalk.session.SessionChange;
import java.util.UUID;

/**
 * One session change as announced on {@code session_changes}: the session, its new version, when the instance that
 * wrote it committed it (epoch milliseconds, 0 when unknown) and, when it fits, the row's changed fields
 * ({@code state}, about 700 bytes), so that other instances can pass it on without reading the row.
 * {@link ChangeNotices} writes and reads them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChangeNotice(UUID id, long version, long at, SessionChange state) {

    ChangeNotice withoutState() {
        return new ChangeNotice(id, version, at, null);
    }

    /** Names a session and a version, and its state (if any) is of that session. */
    boolean isWhole() {
        return id != null && version > 0 && (state == null || id.equals(state.id()));
    }
}
