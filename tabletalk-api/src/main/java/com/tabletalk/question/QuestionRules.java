package com.tabletalk.question;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a question acceptable, in one place: the console's add and edit and the CSV import all ask here. Each
 * problem is a sentence an editor can act on. Whether a text is already taken needs the library and is the
 * caller's check, with {@link #sameText} deciding what counts as the same.
 */
public final class QuestionRules {

    public static final int MIN_TEXT = 10;
    /** What a phone card shows without scrolling. */
    public static final int MAX_TEXT = 200;

    public static final int MIN_HINT = 5;
    public static final int MAX_HINT = 120;
    public static final int MAX_OPTION = 40;
    public static final int MIN_CHOICE_OPTIONS = 2;
    public static final int MAX_CHOICE_OPTIONS = 4;
    public static final int MAX_CATEGORY = 30;

    public static final Set<String> DIFFICULTIES = Set.of("easy", "medium", "deep");
    public static final Set<String> TYPES = Set.of(Question.OPEN, Question.CHOICE);

    private static final Pattern CATEGORY = Pattern.compile("[a-z_]{1," + MAX_CATEGORY + "}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * A question as an editor wrote it. {@code options} are the option texts in order a, b, c, d; a null or empty
     * entry is a gap.
     */
    public record Draft(
            String context,
            String type,
            String difficulty,
            String category,
            String text,
            String hint,
            List<String> options) {

        public Draft {
            options = options == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(options));
        }
    }

    private QuestionRules() {}

    /** Every problem with the draft, in field order; empty when it may be saved. */
    public static List<String> problems(Draft draft) {
        List<String> problems = new ArrayList<>();
        if (!isContext(draft.context())) {
            problems.add("Unknown context: use exploring, established or mature.");
        }
        if (draft.type() == null || !TYPES.contains(draft.type())) {
            problems.add("Unknown type: use open or choice.");
        }
        if (draft.difficulty() == null || !DIFFICULTIES.contains(draft.difficulty())) {
            problems.add("Unknown difficulty: use easy, medium or deep.");
        }
        if (draft.category() == null || !CATEGORY.matcher(draft.category()).matches()) {
            problems.add("The category must be 1 to " + MAX_CATEGORY + " lower-case letters a-z or '_'.");
        }
        checkText("text", draft.text(), MIN_TEXT, MAX_TEXT, problems);
        checkText("hint", draft.hint(), MIN_HINT, MAX_HINT, problems);
        checkOptions(draft.type(), draft.options(), problems);
        return List.copyOf(problems);
    }

    /** Whether two texts are the same question: case and runs of spaces do not count. */
    public static boolean sameText(String one, String other) {
        return textKey(one).equals(textKey(other));
    }

    /** The form of a text that {@link #sameText} compares. */
    public static String textKey(String text) {
        return SPACES.matcher(text == null ? "" : text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    public static boolean isContext(String context) {
        for (Context known : Context.values()) {
            if (known.wire().equals(context)) {
                return true;
            }
        }
        return false;
    }

    private static void checkText(String field, String value, int min, int max, List<String> problems) {
        if (value == null || value.isEmpty()) {
            problems.add("The " + field + " is missing.");
            return;
        }
        String safety = safety(value);
        if (safety != null) {
            problems.add("The " + field + " " + safety);
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            problems.add("The " + field + " is too short: at least " + min + " characters.");
        } else if (length > max) {
            problems.add("The " + field + " is too long for a phone card: at most " + max + " characters (it has "
                    + length + ").");
        }
    }

    private static void checkOptions(String type, List<String> options, List<String> problems) {
        int last = options.size();
        while (last > 0 && isEmpty(options.get(last - 1))) {
            last--;
        }
        List<String> given = options.subList(0, last);
        if (Question.OPEN.equals(type)) {
            if (!given.isEmpty()) {
                problems.add("An open card has no options.");
            }
            return;
        }
        if (!Question.CHOICE.equals(type)) {
            return;
        }
        if (given.size() < MIN_CHOICE_OPTIONS || given.size() > MAX_CHOICE_OPTIONS) {
            problems.add("A choice card has " + MIN_CHOICE_OPTIONS + " to " + MAX_CHOICE_OPTIONS + " options, not "
                    + given.size() + ".");
            return;
        }
        for (int i = 0; i < given.size(); i++) {
            String option = given.get(i);
            String name = "option " + (char) ('a' + i);
            if (isEmpty(option)) {
                problems.add("The options must be filled from a on without gaps: " + name + " is empty.");
                continue;
            }
            String safety = safety(option);
            if (safety != null) {
                problems.add("The " + name + " " + safety);
            } else if (option.codePointCount(0, option.length()) > MAX_OPTION) {
                problems.add("The " + name + " is too long for a phone card: at most " + MAX_OPTION + " characters.");
            }
        }
        long distinct = given.stream().map(QuestionRules::textKey).distinct().count();
        if (distinct < given.size()) {
            problems.add("Two options say the same thing.");
        }
    }

    /** Why a piece of text may not be shown on a card, or null when it may. */
    private static String safety(String value) {
        if (value.codePoints().anyMatch(QuestionRules::isControl)) {
            return "contains control characters (such as line breaks or tabs).";
        }
        if (value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
            return "contains markup characters (< or >).";
        }
        if (!value.equals(value.strip())) {
            return "starts or ends with spaces.";
        }
        return null;
    }

    private static boolean isControl(int codePoint) {
        int kind = Character.getType(codePoint);
        return kind == Character.CONTROL
                || (kind == Character.FORMAT && codePoint != 0x200D)
                || kind == Character.LINE_SEPARATOR
                || kind == Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
