package com.tabletalk.account;

import java.util.Optional;

/** Starting, finding and ending console sign-ins; the cookie carries the token, the database only its hash. */
public class ConsoleSessions {

    private final ConsoleSessionDao dao;
    private final double idleSeconds;
    private final double absoluteSeconds;

    public ConsoleSessions(ConsoleSessionDao dao, AccountConfig config) {
        this.dao = dao;
        this.idleSeconds = config.sessionIdleTimeout().toMillis() / 1000.0;
        this.absoluteSeconds = config.sessionAbsoluteTimeout().toMillis() / 1000.0;
    }

    /** A new session for the user; returns the token for the cookie. */
    public String start(long userId) {
        String token = Tokens.newToken();
        dao.insert(Tokens.hash(token), userId, idleSeconds, absoluteSeconds);
        return token;
    }

    public Optional<StaffUser> authenticate(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return dao.touch(Tokens.hash(token), idleSeconds);
    }

    public void end(String token) {
        if (Tokens.wellFormed(token)) {
            dao.revoke(Tokens.hash(token));
        }
    }

    public long absoluteSeconds() {
        return (long) Math.ceil(absoluteSeconds);
    }

    /** For a scheduler: a failed clean-up is retried next time. */
    public void removeExpiredQuietly() {
        try {
            dao.removeExpired();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ConsoleSessions.class)
                    .warn(
                            "Could not remove ended console sessions: {}",
                            e.getClass().getSimpleName());
        }
    }
}
