package com.tabletalk.insight;

import com.tabletalk.common.ApiException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The inclusive days {@code from..to} a dashboard or export covers: ISO dates, in order, at most 366 days. */
public record InsightRange(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public static InsightRange parse(String from, String to) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (last.isBefore(first)) {
            throw ApiException.invalid("from must not be after to.");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw ApiException.invalid("A range holds at most " + MAX_DAYS + " days.");
        }
        return new InsightRange(first, last);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The first instant of {@code from} in the zone. */
    public java.time.Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after {@code to} in the zone. */
    public java.time.Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate day(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            throw ApiException.invalid(name + " is required, as a date like 2026-03-01.");
        }
        if (raw.length() != 10) {
            throw ApiException.invalid(name + " must be a date like 2026-03-01.");
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name + " must be a date like 2026-03-01.");
        }
    }
}
