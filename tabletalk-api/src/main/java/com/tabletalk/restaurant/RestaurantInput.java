package com.tabletalk.restaurant;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.common.ApiException;
import com.tabletalk.question.Context;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks of what the console sends for a restaurant, before anything reaches the database. */
final class RestaurantInput {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_SLUG_LENGTH = 48;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,46}[a-z0-9])?");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    private RestaurantInput() {}

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.invalid("Give the restaurant a name.");
        }
        String stripped = name.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_NAME_LENGTH) {
            throw ApiException.invalid("A restaurant's name has at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (CONTROL.matcher(stripped).find()) {
            throw ApiException.invalid("A restaurant's name cannot contain control characters or line breaks.");
        }
        return stripped;
    }

    static String slug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw ApiException.invalid("A slug has 1 to " + MAX_SLUG_LENGTH
                    + " lower-case letters, digits and inner hyphens, e.g. luigis-trattoria.");
        }
        return slug;
    }

    /** "Luigi's Trattoria" becomes "luigis-trattoria"; accents are dropped, other characters become hyphens. */
    static String slugFrom(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("['’]", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG_LENGTH) {
            slug = slug.substring(0, MAX_SLUG_LENGTH).replaceAll("-+$", "");
        }
        if (slug.isEmpty()) {
            throw ApiException.invalid("No slug can be made from that name; give one, e.g. \"luigis\".");
        }
        return slug;
    }

    static final int MAX_RECOMMEND_AFTER_CARDS = 50;

    /** A number of cards from 0 (never ask) to 50; JSON null is the platform's default. */
    static Integer recommendAfterCards(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()
                || !value.canConvertToInt()
                || value.intValue() < 0
                || value.intValue() > MAX_RECOMMEND_AFTER_CARDS) {
            throw ApiException.invalid("recommendAfterCards is a whole number from 0 (never ask) to "
                    + MAX_RECOMMEND_AFTER_CARDS + ", or null for the platform's default.");
        }
        return value.intValue();
    }

    /**
     * The contexts a restaurant offers: at least one, each known and given once; returned in the order of {@link
     * Context}, which is also the order a relationship length falls back in.
     */
    static List<Context> contexts(List<String> values) {
        String known = Arrays.stream(Context.values()).map(Context::wire).collect(Collectors.joining(", "));
        if (values.isEmpty() || values.size() > Context.values().length) {
            throw ApiException.invalid("contexts lists 1 to " + Context.values().length + " of " + known + ".");
        }
        Set<Context> chosen = EnumSet.noneOf(Context.class);
        for (String value : values) {
            Context context = Arrays.stream(Context.values())
                    .filter(candidate -> candidate.wire().equals(value))
                    .findFirst()
                    .orElseThrow(() -> ApiException.invalid(
                            "contexts lists 1 to " + Context.values().length + " of " + known + " and nothing else."));
            if (!chosen.add(context)) {
                throw ApiException.invalid("contexts lists each context once; " + context.wire() + " is there twice.");
            }
        }
        return List.copyOf(chosen);
    }

    static String timeZone(String timeZone) {
        if (timeZone == null
                || timeZone.length() > 64
                || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            throw ApiException.invalid("Give a time zone such as Europe/Rome.");
        }
        return timeZone;
    }
}
