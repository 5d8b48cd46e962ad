package com.tabletalk.account;

import com.tabletalk.common.ApiException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as accounts use them: trimmed, lower case, plausibly shaped, at most 254 characters. */
final class Emails {

    private static final Pattern SHAPE =
            Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    private Emails() {}

    static String normalize(String email) {
        if (email == null) {
            throw ApiException.invalid("Give an email address.");
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 254 || !SHAPE.matcher(normalized).matches()) {
            throw ApiException.invalid("That is not an email address.");
        }
        return normalized;
    }
}
