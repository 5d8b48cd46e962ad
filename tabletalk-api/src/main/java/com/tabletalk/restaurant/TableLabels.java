package com.tabletalk.restaurant;

import com.tabletalk.common.ApiException;
import java.util.regex.Pattern;

/** What a table label may be: what a person would print on a table, and nothing that hides or breaks text. */
public final class TableLabels {

    public static final int MAX_LENGTH = 40;

    /**
     * Letters, digits, marks, punctuation, symbols and single inner spaces; no controls or invisible format
     * characters. Not allowed either: a comma, which separates labels in a selection ({@code ?tables=1,2,7});
     * '/', backslash and '%', which the server refuses in a path even percent-encoded; and a label of dots alone,
     * which a browser resolves away from the table's URL.
     */
    private static final String CHARACTER = "[[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}]&&[^,/\\\\%]]";

    private static final Pattern ALLOWED = Pattern.compile(CHARACTER + "+( " + CHARACTER + "+)*");
    private static final Pattern DOTS = Pattern.compile("\\.+");

    private TableLabels() {}

    public static boolean isValid(String label) {
        return label != null
                && !label.isEmpty()
                && label.codePointCount(0, label.length()) <= MAX_LENGTH
                && label.length() <= 2 * MAX_LENGTH
                && ALLOWED.matcher(label).matches()
                && !DOTS.matcher(label).matches();
    }

    /** The label as stored: surrounding spaces dropped; 400 when it is not one a table can carry. */
    public static String clean(String raw) {
        String label = raw == null ? null : raw.strip();
        if (!isValid(label)) {
            throw ApiException.invalid(
                    "A table label is 1 to " + MAX_LENGTH
                            + " letters, digits, punctuation (but no , / \\ or %) or single spaces, such as \"7\" or \"Patio 3\".");
        }
        return label;
    }
}
