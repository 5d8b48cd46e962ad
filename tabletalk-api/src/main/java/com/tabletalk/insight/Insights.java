package com.tabletalk.insight;

import com.tabletalk.account.StaffUser;
import com.tabletalk.common.Medians;
import com.tabletalk.insight.InsightDao.DaySteps;
import com.tabletalk.insight.InsightDao.Figures;
import com.tabletalk.insight.InsightDao.QuestionSeconds;
import com.tabletalk.insight.InsightDao.SessionSummary;
import com.tabletalk.insight.InsightView.DaySessions;
import com.tabletalk.insight.InsightView.FunnelStep;
import com.tabletalk.insight.InsightView.LengthRow;
import com.tabletalk.insight.InsightView.QuestionRow;
import com.tabletalk.insight.InsightView.Recommend;
import com.tabletalk.insight.InsightView.RestaurantRef;
import com.tabletalk.insight.InsightView.Scope;
import com.tabletalk.insight.InsightView.Sessions;
import com.tabletalk.insight.InsightView.TableRow;
import com.tabletalk.insight.InsightView.TwoPhone;
import com.tabletalk.restaurant.ConsoleRestaurantDao.RestaurantRow;
import com.tabletalk.restaurant.ConsoleRestaurants;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard: a restaurant's figures (its managers and admins) or the platform's (admins). Each read first brings
 * the range's open and missing days up to date from the raw events, then sums the rollups.
 */
public class Insights {

    /**
     * The platform's open days are the whole platform's busiest ones: a read takes them as the periodic job left
     * them, unless the job has not run for this long. A restaurant's read always recomputes its open days.
     */
    static final int PLATFORM_MAX_AGE_SECONDS = 600;

    /** Instances running the job at once leave days another has just computed. */
    static final int JOB_MAX_AGE_SECONDS = 60;

    /** The relationship lengths in the order the diner app offers them. */
    static final List<String> LENGTHS =
            List.of("under_6_months", "6_months_to_2_years", "2_to_10_years", "over_10_years", "friends_or_family");

    private final ConsoleRestaurants restaurants;
    private final InsightRollups rollups;
    private final InsightDao figures;

    public Insights(ConsoleRestaurants restaurants, InsightRollups rollups, InsightDao figures) {
        this.restaurants = restaurants;
        this.rollups = rollups;
        this.figures = figures;
    }

    /** A restaurant the user may see (404 otherwise, as for every console restaurant). */
    public RestaurantRow restaurant(StaffUser user, String slug) {
        return restaurants.find(user, slug);
    }

    public InsightView forRestaurant(StaffUser user, String slug, InsightRange range) {
        RestaurantRow restaurant = restaurant(user, slug);
        rollups.refresh(0, false, restaurant.id(), range.from(), range.to());
        return view(
                new Scope(new RestaurantRef(restaurant.slug(), restaurant.name(), restaurant.timeZone())),
                range,
                figures.read(false, restaurant.id(), range.from(), range.to()));
    }

    /**
     * Every restaurant on its own days, and walk-in tables on UTC days; tables are a restaurant's, so none here.
     * Today's figures may be as old as the periodic job's last run (see {@link #PLATFORM_MAX_AGE_SECONDS}).
     */
    public InsightView forPlatform(InsightRange range) {
        rollups.refresh(PLATFORM_MAX_AGE_SECONDS, true, InsightRollups.WALK_IN, range.from(), range.to());
        rollups.refreshPlatform(false, PLATFORM_MAX_AGE_SECONDS, range.from(), range.to());
        return view(new Scope(null), range, figures.read(true, InsightRollups.WALK_IN, range.from(), range.to()));
    }

    /** How the periodic job waits between two scopes. */
    @FunctionalInterface
    public interface Pause {
        void rest(Duration duration) throws InterruptedException;
    }

    /**
     * Finalizes closed days and fills missing ones from..to for every scope, for the periodic job: one scope per
     * transaction, resting after each as long as it took, so that the job never holds a database core for long
     * and the live game beside it keeps its pace.
     */
    public int refreshDays(LocalDate from, LocalDate to, Pause pause) throws InterruptedException {
        int days = 0;
        for (long scope : rollups.scopeIds()) {
            long started = System.nanoTime();
            days += rollups.refresh(JOB_MAX_AGE_SECONDS, false, scope, from, to);
            pause.rest(Duration.ofNanos(System.nanoTime() - started));
        }
        rollups.refreshPlatform(true, 0, from, to);
        return days;
    }

    /**
     * Recomputes the days from..to of every scope from the raw events, final ones included, a day per transaction
     * (for events that were loaded or corrected after their days had closed).
     */
    public int recompute(InsightRange range) {
        rollups.reopen(range.from(), range.to());
        int total = 0;
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            total += rollups.refresh(0, true, InsightRollups.WALK_IN, day, day);
        }
        rollups.refreshPlatform(true, 0, range.from(), range.to());
        return total;
    }

    private static InsightView view(Scope scope, InsightRange range, Figures figures) {
        LocalDate from = range.from();
        LocalDate to = range.to();
        long[] steps = new long[4];
        for (DaySteps day : figures.steps()) {
            steps[0] += day.scans();
            steps[1] += day.welcomes();
            steps[2] += day.questionsChosen();
            steps[3] += day.modesChosen();
        }
        Map<LocalDate, Long> byDay = new HashMap<>();
        long[][] hourOfWeek = new long[7][24];
        for (InsightDao.DayHourSessions cell : figures.sessionsByDayAndHour()) {
            byDay.merge(cell.day(), cell.sessions(), Long::sum);
            hourOfWeek[cell.hourOfWeek() / 24][cell.hourOfWeek() % 24] += cell.sessions();
        }
        List<DaySessions> sessionsByDay = new ArrayList<>(range.days());
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            sessionsByDay.add(new DaySessions(day, byDay.getOrDefault(day, 0L)));
        }
        SessionSummary summary = figures.sessions();
        List<FunnelStep> funnel = List.of(
                new FunnelStep("scan", steps[0]),
                new FunnelStep("welcome_viewed", steps[1]),
                new FunnelStep("questions_chosen", steps[2]),
                new FunnelStep("mode_chosen", steps[3]),
                new FunnelStep("first_card", summary.sessions()),
                new FunnelStep("fifth_card", summary.fifth()),
                new FunnelStep("tenth_card", summary.tenth()),
                new FunnelStep("ended_by_guest", summary.endedByGuest()));
        Sessions sessions = new Sessions(
                summary.sessions(),
                summary.medianMinutes(),
                summary.medianCards(),
                new TwoPhone(summary.dual(), summary.dualJoined()));
        Map<String, Long> lengthCounts = new HashMap<>();
        figures.lengths().forEach(row -> lengthCounts.put(row.length(), row.count()));
        List<LengthRow> lengths = LENGTHS.stream()
                .map(length -> new LengthRow(length, lengthCounts.getOrDefault(length, 0L)))
                .toList();
        return new InsightView(
                scope,
                from,
                to,
                funnel,
                sessionsByDay,
                hourOfWeek,
                sessions,
                figures.tables().stream()
                        .map(row -> new TableRow(row.label(), row.scans(), row.sessions(), row.medianCards()))
                        .toList(),
                questions(figures),
                recommend(figures),
                lengths);
    }

    private static List<QuestionRow> questions(Figures figures) {
        Map<String, List<Medians.Bucket>> seconds = new HashMap<>();
        for (QuestionSeconds row : figures.questionSeconds()) {
            seconds.computeIfAbsent(row.questionId() + "/" + row.revision(), key -> new ArrayList<>())
                    .add(new Medians.Bucket(row.seconds(), row.count()));
        }
        return figures.questions().stream()
                .map(row -> new QuestionRow(
                        row.questionId(),
                        row.revision(),
                        row.context(),
                        row.text(),
                        row.shown(),
                        row.liked(),
                        row.disliked(),
                        Medians.of(seconds.getOrDefault(row.questionId() + "/" + row.revision(), List.of())),
                        row.advanced() == 0 ? null : (double) row.quick() / row.advanced()))
                .toList();
    }

    private static Recommend recommend(Figures figures) {
        long[] distribution = new long[11];
        figures.recommend().forEach(row -> distribution[row.score()] += row.count());
        long count = 0;
        long promoters = 0;
        long detractors = 0;
        for (int score = 0; score <= 10; score++) {
            count += distribution[score];
            if (score >= 9) {
                promoters += distribution[score];
            } else if (score <= 6) {
                detractors += distribution[score];
            }
        }
        Integer score = count == 0 ? null : (int) Math.round(100.0 * (promoters - detractors) / count);
        return new Recommend(score, count, distribution);
    }
}
