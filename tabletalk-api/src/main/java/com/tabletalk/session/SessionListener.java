package com.tabletalk.session;

/** Told after every committed change of a session, on the instance that made it. */
@FunctionalInterface
public interface SessionListener {

    void changed(SessionRow session);
}
