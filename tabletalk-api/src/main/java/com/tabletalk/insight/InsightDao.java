package com.tabletalk.insight;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Reads the dashboard's figures from the rollup tables over a range of days: one restaurant's scope
 * ({@code :all} false) or every scope, walk-in tables included ({@code :all} true).
 */
public interface InsightDao {

    String IN_RANGE = "(:all OR scope_id = :restaurant) AND day BETWEEN :from AND :to";

    /** A question's figures summed over days (the table and its condition go between the two halves), with its text. */
    String QUESTION_SUMS = "SELECT f.question_id, f.revision, q.context, q.text, f.shown, f.liked, f.disliked, "
            + "f.advanced, f.quick FROM (SELECT question_id, revision, sum(shown) AS shown, sum(liked) AS liked, "
            + "sum(disliked) AS disliked, sum(advanced) AS advanced, sum(quick) AS quick FROM ";

    String QUESTION_TEXTS = " GROUP BY question_id, revision) f "
            + "LEFT JOIN questions q ON q.id = f.question_id AND q.revision = f.revision "
            + "ORDER BY f.shown DESC, f.question_id, f.revision";

    record DaySteps(LocalDate day, long scans, long welcomes, long questionsChosen, long modesChosen) {}

    record DayHourSessions(LocalDate day, int hourOfWeek, long sessions) {}

    record SessionSummary(
            long sessions,
            Double medianMinutes,
            Double medianCards,
            long dual,
            long dualJoined,
            long fifth,
            long tenth,
            long endedByGuest) {}

    record LengthCount(String length, long count) {}

    record TableFigures(String label, long scans, long sessions, Double medianCards) {}

    record QuestionFigures(
            int questionId,
            int revision,
            String context,
            String text,
            long shown,
            long liked,
            long disliked,
            long advanced,
            long quick) {}

    record QuestionSeconds(int questionId, int revision, int seconds, long count) {}

    record ScoreCount(int score, long count) {}

    /** Every figure of a range, read in one transaction. */
    record Figures(
            List<DaySteps> steps,
            List<DayHourSessions> sessionsByDayAndHour,
            SessionSummary sessions,
            List<LengthCount> lengths,
            List<TableFigures> tables,
            List<QuestionFigures> questions,
            List<QuestionSeconds> questionSeconds,
            List<ScoreCount> recommend) {}

    /** The figures of one restaurant ({@code all} false) or of the platform, whose tables are none. */
    @Transaction
    default Figures read(boolean all, long restaurant, LocalDate from, LocalDate to) {
        withoutJit();
        return new Figures(
                steps(all, restaurant, from, to),
                sessionsByDayAndHour(all, restaurant, from, to),
                sessions(all, restaurant, from, to),
                lengths(all, restaurant, from, to),
                all ? List.of() : tables(restaurant, from, to),
                all ? platformQuestions(from, to) : questions(false, restaurant, from, to),
                all ? platformQuestionSeconds(from, to) : questionSeconds(false, restaurant, from, to),
                recommend(all, restaurant, from, to));
    }

    /** As in {@link InsightRollups#withoutJit}: compiling costs more than these statements take. */
    @SqlUpdate("SET LOCAL jit = off")
    void withoutJit();

    @SqlQuery("SELECT day, sum(scans) AS scans, sum(welcomes) AS welcomes, sum(questions_chosen) AS questions_chosen, "
            + "sum(modes_chosen) AS modes_chosen FROM insight_days WHERE " + IN_RANGE + " GROUP BY day")
    @RegisterConstructorMapper(DaySteps.class)
    List<DaySteps> steps(
            @Bind("all") boolean all,
            @Bind("restaurant") long restaurant,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to);

    @SqlQuery("SELECT day, hour_of_week, count(*) AS sessions FROM insight_sessions WHERE " + IN_RANGE
            + " GROUP BY day, hour_of_week")
    @RegisterConstructorMapper(DayHourSessions.class)
    List<DayHourSessions> sessionsByDayAndHour(
            @Bind("all") boolean all,
            @Bind("restaurant") long restaurant,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to);

    @SqlQuery("SELECT count(*) AS sessions, "
            + "percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) AS median_minutes, "
            + "percentile_cont(0.5) WITHIN GROUP (ORDER BY cards) AS median_cards, "
            + "count(*) FILTER (WHERE dual) AS dual, count(*) FILTER (WHERE dual AND joined) AS dual_joined, "
            + "count(*) FILTER (WHERE reached_fifth) AS fifth, count(*) FILTER (WHERE reached_tenth) AS tenth, "
            + "count(*) FILTER (WHERE ended_by_guest) AS ended_by_guest FROM insight_sessions WHERE " + IN_RANGE)
    @RegisterConstructorMapper(SessionSummary.class)
    SessionSummary sessions(
            @Bind("all") boolean all,
            @Bind("restaurant") long restaurant,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to);

    @SqlQuery("SELECT length, count(*) AS count FROM insight_sessions WHERE " + IN_RANGE
            + " AND length IS NOT NULL GROUP BY length")
    @RegisterConstructorMapper(LengthCount.class)
    List<LengthCount> lengths(
            @Bind("all") boolean all,
            @Bind("restaurant") long restaurant,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to);

    /** Every table of the restaurant, in the console's label order, with its figures (zeros included). */
    @SqlQuery("WITH scans AS (SELECT table_id, sum(scans) AS scans FROM insight_table_scans "
            + "  WHERE scope_id = :restaurant AND day BETWEEN :from AND :to GROUP BY table_id), "
            + "played AS (SELECT table_id, count(*) AS sessions, "
            + "  percentile_cont(0.5) WITHIN GROUP (ORDER BY cards) AS median_cards FROM insight_sessions "
            + "  WHERE scope_id = :restaurant AND day BETWEEN :from AND :to AND table_id IS NOT NULL GROUP BY table_id) "
            + "SELECT t.label, COALESCE(s.scans, 0) AS scans, COALESCE(p.sessions, 0) AS sessions, p.median_cards "
            + "FROM restaurant_tables t LEFT JOIN scans s ON s.table_id = t.id LEFT JOIN played p ON p.table_id = t.id "
            + "WHERE t.restaurant_id = :restaurant "
            + "ORDER BY (t.label ~ '^[0-9]{1,9}$') DESC, CASE WHEN t.label ~ '^[0-9]{1,9}$' THEN t.label::bigint END, "
            + "t.label")
    @RegisterConstructorMapper(TableFigures.class)
    List<TableFigures> tables(
            @Bind("restaurant") long restaurant, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** Most shown first; the text is the question's when its revision is the one shown, else null. */
    @SqlQuery(QUESTION_SUMS + "insight_questions WHERE " + IN_RANGE + QUESTION_TEXTS)
    @RegisterConstructorMapper(QuestionFigures.class)
    List<QuestionFigures> questions(
            @Bind("all") boolean all,
            @Bind("restaurant") long restaurant,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to);

    @SqlQuery("SELECT question_id, revision, seconds, sum(n) AS count FROM insight_question_seconds WHERE " + IN_RANGE
            + " GROUP BY question_id, revision, seconds ORDER BY question_id, revision, seconds")
    @RegisterConstructorMapper(QuestionSeconds.class)
    List<QuestionSeconds> questionSeconds(
            @Bind("all") boolean all,
            @Bind("restaurant") long restaurant,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to);

    /** The platform's, from its own sums per day. */
    @SqlQuery(QUESTION_SUMS + "insight_platform_questions WHERE day BETWEEN :from AND :to" + QUESTION_TEXTS)
    @RegisterConstructorMapper(QuestionFigures.class)
    List<QuestionFigures> platformQuestions(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    @SqlQuery(
            "SELECT question_id, revision, seconds, sum(n) AS count FROM insight_platform_question_seconds WHERE day BETWEEN :from AND :to "
                    + "GROUP BY question_id, revision, seconds ORDER BY question_id, revision, seconds")
    @RegisterConstructorMapper(QuestionSeconds.class)
    List<QuestionSeconds> platformQuestionSeconds(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    @SqlQuery("SELECT score, sum(n) AS count FROM insight_recommend WHERE " + IN_RANGE + " GROUP BY score")
    @RegisterConstructorMapper(ScoreCount.class)
    List<ScoreCount> recommend(
            @Bind("all") boolean all,
            @Bind("restaurant") long restaurant,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to);
}
