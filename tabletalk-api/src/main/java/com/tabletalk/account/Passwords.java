package com.tabletalk.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Password hashing with Argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane), a 16-byte random salt
 * per hash, stored as a PHC string so that stronger parameters later still verify older hashes.
 */
public final class Passwords {

    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int HASH_BYTES = 32;
    static final int SALT_BYTES = 16;

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(
            MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);

    /**
     * Each hash holds 19 MiB of heap while it runs. A burst of sign-ins from many addresses must queue for these
     * slots rather than take the heap of a small instance.
     */
    static final int CONCURRENT_HASHES = 2;

    private static final long WAIT_SECONDS = 10;

    private final Semaphore slots = new Semaphore(CONCURRENT_HASHES, true);

    /** Checked against when the email is unknown, so that answer takes as long as a wrong password. */
    private final String unknownUserHash = hash(Tokens.newToken());

    public String hash(String password) {
        return inSlot(() ->
                Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2).getResult());
    }

    public boolean matches(String password, String storedHash) {
        return inSlot(() -> Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash)));
    }

    /** Spends the time of one verification and fails, for an email that has no account. */
    public boolean matchesNobody(String password) {
        matches(password, unknownUserHash);
        return false;
    }

    private <T> T inSlot(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiException(
                    ErrorCode.UNAVAILABLE,
                    "Too many sign-ins at once; try again in a moment.",
                    Map.of("Retry-After", "2"));
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
