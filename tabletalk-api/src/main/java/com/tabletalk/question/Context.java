package com.tabletalk.question;

import com.tabletalk.common.ApiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kind of relationship at the table, which chooses the questions. */
public enum Context {
    EXPLORING("Exploring", "Getting to know each other: light, curious questions for new connections."),
    ESTABLISHED("Established", "You know each other well: shared memories, everyday life and plans ahead."),
    MATURE("Mature", "Long-term partners: deep, reflective questions about the years together and what matters now.");

    private final String displayName;
    private final String description;

    Context(String displayName, String description) {
        this.displayName = displayName;
        this.description = description;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public static Context fromWire(String value) {
        for (Context context : values()) {
            if (context.wire().equals(value)) {
                return context;
            }
        }
        throw ApiException.invalid("context must be one of "
                + Arrays.stream(values()).map(Context::wire).collect(Collectors.joining(", ")) + ".");
    }
}
