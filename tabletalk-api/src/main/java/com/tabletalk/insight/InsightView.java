package com.tabletalk.insight;

import java.time.LocalDate;
import java.util.List;

/** The dashboard's figures as the console receives them. */
public record InsightView(
        Scope scope,
        LocalDate from,
        LocalDate to,
        List<FunnelStep> funnel,
        List<DaySessions> sessionsByDay,
        long[][] hourOfWeek,
        Sessions sessions,
        List<TableRow> tables,
        List<QuestionRow> questions,
        Recommend recommend,
        List<LengthRow> relationshipLengths) {

    /** The restaurant, or null for the platform. */
    public record Scope(RestaurantRef restaurant) {}

    public record RestaurantRef(String slug, String name, String timeZone) {}

    public record FunnelStep(String step, long count) {}

    public record DaySessions(LocalDate day, long sessions) {}

    public record Sessions(long count, Double medianMinutes, Double medianCards, TwoPhone twoPhone) {}

    public record TwoPhone(long sessions, long joined) {}

    public record TableRow(String label, long scans, long sessions, Double medianCards) {}

    public record QuestionRow(
            int questionId,
            int revision,
            String context,
            String text,
            long shown,
            long liked,
            long disliked,
            Double medianSeconds,
            Double quickShare) {}

    /** score: promoters (9, 10) minus detractors (0 to 6) in percent of all scores, rounded; null without any. */
    public record Recommend(Integer score, long count, long[] distribution) {}

    public record LengthRow(String length, long count) {}
}
