package com.tabletalk.account;

import com.tabletalk.common.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (OWASP authentication guidance): long, not the account's email, not one of the
 * passwords everyone tries first. No composition rules: they make passwords harder to remember, not to guess.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    /** Argon2 takes any length; this only keeps a request from making the server hash megabytes. */
    public static final int MAX_LENGTH = 256;

    private static final Set<String> COMMON = load();

    private PasswordRules() {}

    /** Refuses with 400 and a sentence the console can show as it is. */
    public static void check(String password, String email) {
        if (password == null || password.isEmpty()) {
            throw ApiException.invalid("Choose a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw ApiException.invalid("Use at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            throw ApiException.invalid("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        String emailLower = email.toLowerCase(Locale.ROOT);
        String localPart = emailLower.substring(0, Math.max(0, emailLower.indexOf('@')));
        if (lower.equals(emailLower) || lower.equals(localPart)) {
            throw ApiException.invalid("Do not use your email address as the password.");
        }
        if (COMMON.contains(lower)) {
            throw ApiException.invalid("That password is one of the most common ones; choose another.");
        }
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream("/account/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("account/common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
