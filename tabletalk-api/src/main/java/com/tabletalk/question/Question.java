package com.tabletalk.question;

import java.util.List;

/** A question card as the bank holds it; {@code revision} counts the edits of its wording. */
public record Question(
        int id,
        int revision,
        Context context,
        boolean active,
        String difficulty,
        String category,
        String type,
        String text,
        String hint,
        List<Option> options) {

    public static final String OPEN = "open";
    public static final String CHOICE = "choice";

    public Question {
        options = List.copyOf(options);
    }

    public boolean isChoice() {
        return CHOICE.equals(type);
    }

    public boolean hasOption(String optionId) {
        return options.stream().anyMatch(option -> option.id().equals(optionId));
    }

    /** One answer of a choice card; its id (a, b, c, d) is stable across edits of the text. */
    public record Option(String id, String text) {}
}
