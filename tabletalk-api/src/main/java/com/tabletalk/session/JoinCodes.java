package com.tabletalk.session;

import com.tabletalk.common.ApiException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The short codes of two-phone sessions: six characters from an alphabet without look-alikes (no 0/O, 1/I/L or
 * U/V), so that one read off a screen is typed right. The database keeps a code unique among open sessions; a
 * draw that meets one in use is drawn again.
 */
public class JoinCodes {

    /** Digits 2–9 and capitals without I, L, O and U. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static final int LENGTH = 6;

    private static final Pattern SHAPE = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
    /** What a person may type between the characters: spaces and dashes, as the code is shown in groups. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]+");

    private static final int DRAWS = 8;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionDao sessions;
    private final SessionService service;

    public JoinCodes(SessionDao sessions, SessionService service) {
        this.sessions = sessions;
        this.service = service;
    }

    /**
     * The open session a typed code belongs to: 400 for something that is not a code, 404 for a code no open
     * session holds (never drawn, or its session has ended or expired).
     */
    public UUID sessionFor(String typed) {
        String code = normalise(typed)
                .orElseThrow(() -> ApiException.invalid("A join code is " + LENGTH + " letters and digits from "
                        + ALPHABET + "; spaces and dashes between them are fine."));
        return sessions.findByJoinCode(code).orElseThrow(() -> ApiException.notFound("No open session has that code."));
    }

    /** An open two-phone session's code: 404 for an unknown session or one without a code, 410 once it has closed. */
    public String of(UUID sessionId) {
        service.get(sessionId);
        return sessions.joinCodeOf(sessionId)
                .orElseThrow(() ->
                        ApiException.notFound("This session has no join code; only two-phone sessions have one."));
    }

    /** A new code drawn from {@code random}. */
    static String draw(Random random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code as stored, from what a person typed: any case, with spaces or dashes anywhere; empty for anything
     * else (another length, another character).
     */
    public static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 32) {
            return Optional.empty();
        }
        String code = SEPARATORS.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT);
        return SHAPE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    /**
     * Gives an open session a code of its own, drawing again while the draw is taken; returns it, or empty if the
     * session is no longer open (or, against all odds, every draw was taken: the QR code and link still work).
     */
    static Optional<String> assign(SessionDao sessions, UUID sessionId) {
        return assign(sessions, sessionId, () -> draw(RANDOM));
    }

    static Optional<String> assign(SessionDao sessions, UUID sessionId, Supplier<String> draws) {
        for (int draw = 0; draw < DRAWS; draw++) {
            String code = draws.get();
            try {
                return sessions.assignJoinCode(sessionId, code) == 1 ? Optional.of(code) : Optional.empty();
            } catch (UnableToExecuteStatementException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
