package com.tabletalk.session;

import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import java.util.Map;

/** A change written against a version that is no longer the current one; carries the session as it is now. */
public final class VersionConflict extends ApiException {

    private final transient SessionView current;

    public VersionConflict(String message, SessionView current) {
        super(ErrorCode.VERSION_CONFLICT, message);
        this.current = current;
    }

    public SessionView current() {
        return current;
    }

    @Override
    public Map<String, Object> extra() {
        return Map.of("session", current);
    }
}
