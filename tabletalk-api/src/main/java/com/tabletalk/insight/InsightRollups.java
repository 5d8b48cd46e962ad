package com.tabletalk.insight;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Recomputes the rollup tables from visit_events for the days of a scope (a restaurant's id, or 0 for walk-in tables)
 * that are not final yet. Idempotent: a day's rows are deleted and made again from the raw events in one
 * transaction, and the day's row in insight_days is locked first, so instances recomputing at once take turns.
 */
@RegisterConstructorMapper(InsightRollups.ScopeDay.class)
public interface InsightRollups {

    /** Scope 0 holds walk-in tables, whose days are UTC days. */
    long WALK_IN = 0;

    record ScopeDay(long scopeId, LocalDate day) {}

    /** The walk-in tables' scope and every restaurant's. */
    @SqlQuery("SELECT 0 UNION ALL SELECT id FROM restaurants ORDER BY 1")
    List<Long> scopeIds();

    /** The scopes of the call: every restaurant and the walk-in tables, or the one (0: the walk-in tables). */
    String SCOPES = "(SELECT id AS scope_id, time_zone AS tz FROM restaurants WHERE :all OR id = :restaurant "
            + "UNION ALL SELECT 0, 'UTC' WHERE :all OR :restaurant = 0)";

    /**
     * Claims the days from..to (up to each scope's local today) that are missing or not final and were last
     * computed more than {@code maxAgeSeconds} before this transaction began, locking their rows; returns them. Rows go in key order so that two
     * claims never wait on each other crosswise.
     */
    @SqlQuery("INSERT INTO insight_days (scope_id, day, computed_at) "
            + "SELECT s.scope_id, d.day::date, now() FROM " + SCOPES + " s "
            + "CROSS JOIN LATERAL generate_series(CAST(:from AS date), "
            + "LEAST(CAST(:to AS date), (now() AT TIME ZONE s.tz)::date), INTERVAL '1 day') AS d(day) "
            // Days with nothing to do are left alone without locking their rows; ON CONFLICT settles races.
            + "WHERE NOT EXISTS (SELECT 1 FROM insight_days x WHERE x.scope_id = s.scope_id AND x.day = d.day::date "
            + "  AND (x.final OR x.computed_at >= now() - make_interval(secs => :maxAgeSeconds))) "
            + "ORDER BY 1, 2 "
            + "ON CONFLICT (scope_id, day) DO UPDATE SET computed_at = excluded.computed_at "
            + "WHERE NOT insight_days.final "
            + "AND insight_days.computed_at < excluded.computed_at - make_interval(secs => :maxAgeSeconds) "
            + "RETURNING scope_id, day")
    List<ScopeDay> claim(
            @Bind("maxAgeSeconds") int maxAgeSeconds,
            @Bind("all") boolean all,
            @Bind("restaurant") long restaurant,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to);

    String CLAIMED = "(scope_id, day) IN (SELECT * FROM unnest(CAST(:scopes AS bigint[]), CAST(:days AS date[])))";

    @SqlUpdate("DELETE FROM insight_sessions WHERE " + CLAIMED)
    void clearSessions(@Bind("scopes") long[] scopes, @Bind("days") String[] days);

    @SqlUpdate("DELETE FROM insight_table_scans WHERE " + CLAIMED)
    void clearTableScans(@Bind("scopes") long[] scopes, @Bind("days") String[] days);

    @SqlUpdate("DELETE FROM insight_questions WHERE " + CLAIMED)
    void clearQuestions(@Bind("scopes") long[] scopes, @Bind("days") String[] days);

    @SqlUpdate("DELETE FROM insight_question_seconds WHERE " + CLAIMED)
    void clearQuestionSeconds(@Bind("scopes") long[] scopes, @Bind("days") String[] days);

    @SqlUpdate("DELETE FROM insight_recommend WHERE " + CLAIMED)
    void clearRecommend(@Bind("scopes") long[] scopes, @Bind("days") String[] days);

    /**
     * Makes every rollup row of the claimed days in one statement. {@code ev} holds each claimed day's window: its
     * own events ({@code on_day}) and those of the next six hours, the longest a session lives, where its last
     * sessions may still be going on. A day is final once its window ended an hour ago (the event writer's batches
     * have landed by then), so a dashboard read recomputes today and, until early morning, yesterday.
     */
    @SqlUpdate("WITH t AS ("
            + "  SELECT u.scope_id, u.day, z.tz, (u.day::timestamp AT TIME ZONE z.tz) AS day_start,"
            + "         ((u.day + 1)::timestamp AT TIME ZONE z.tz) AS day_end,"
            + "         ((u.day + 1)::timestamp AT TIME ZONE z.tz) + INTERVAL '6 hours' AS window_end"
            + "  FROM unnest(CAST(:scopes AS bigint[]), CAST(:days AS date[])) AS u(scope_id, day)"
            + "  CROSS JOIN LATERAL (SELECT COALESCE((SELECT time_zone FROM restaurants r WHERE r.id = u.scope_id),"
            + "                                      'UTC') AS tz) z"
            + "), ev AS MATERIALIZED ("
            + "  SELECT t.scope_id, t.day, t.tz, e.occurred_at < t.day_end AS on_day, e.id, e.occurred_at, e.type,"
            + "         e.table_id, e.session_id, e.visit_id, e.participant, e.question_id, e.payload"
            + "  FROM t JOIN visit_events e ON e.restaurant_id = t.scope_id"
            + "   AND e.occurred_at >= t.day_start AND e.occurred_at < t.window_end"
            + "  UNION ALL"
            + "  SELECT t.scope_id, t.day, t.tz, e.occurred_at < t.day_end, e.id, e.occurred_at, e.type,"
            + "         e.table_id, e.session_id, e.visit_id, e.participant, e.question_id, e.payload"
            + "  FROM t JOIN visit_events e ON t.scope_id = 0 AND e.restaurant_id IS NULL"
            + "   AND e.occurred_at >= t.day_start AND e.occurred_at < t.window_end"
            + "), created AS ("
            + "  SELECT DISTINCT ON (scope_id, day, session_id) scope_id, day, session_id, table_id, occurred_at, tz,"
            + "         payload"
            + "  FROM ev WHERE on_day AND type = 'session_created' AND session_id IS NOT NULL"
            + "  ORDER BY scope_id, day, session_id, occurred_at, id"
            + "), sev AS ("
            + "  SELECT ev.* FROM ev JOIN created c USING (scope_id, day, session_id)"
            + "), per_session AS ("
            + "  SELECT scope_id, day, session_id,"
            + "         bool_or(type = 'partner_joined') AS joined,"
            + "         max(insight_number(payload, 'position')) FILTER (WHERE type = 'card_shown') AS top_position,"
            + "         bool_or(type = 'card_shown' AND insight_number(payload, 'position') = 4) AS fifth,"
            + "         bool_or(type = 'card_shown' AND insight_number(payload, 'position') = 9) AS tenth,"
            + "         max(insight_number(payload, 'cards')) FILTER (WHERE type = 'session_ended') AS ended_cards,"
            + "         bool_or(type = 'session_ended' AND payload ->> 'reason' = 'ended_by_guest') AS by_guest,"
            + "         max(insight_number(payload, 'durationMs')) FILTER (WHERE type = 'session_ended') AS duration_ms"
            + "  FROM sev GROUP BY scope_id, day, session_id"
            + "), sessions_made AS ("
            + "  INSERT INTO insight_sessions (scope_id, day, session_id, table_id, hour_of_week, dual, joined, length,"
            + "                                cards, reached_fifth, reached_tenth, ended_by_guest, minutes)"
            + "  SELECT c.scope_id, c.day, c.session_id, c.table_id,"
            + "         (extract(isodow FROM c.occurred_at AT TIME ZONE c.tz)::int - 1) * 24"
            + "           + extract(hour FROM c.occurred_at AT TIME ZONE c.tz)::int,"
            + "         COALESCE(c.payload ->> 'mode' = 'dual', FALSE), p.joined,"
            + "         CASE WHEN c.payload ->> 'relationshipLength' IN ('under_6_months', '6_months_to_2_years',"
            + "              '2_to_10_years', 'over_10_years', 'friends_or_family')"
            + "              THEN c.payload ->> 'relationshipLength' END,"
            + "         COALESCE(GREATEST(p.top_position + 1, p.ended_cards), 1)::int, p.fifth, p.tenth, p.by_guest,"
            + "         p.duration_ms / 60000.0"
            + "  FROM created c JOIN per_session p USING (scope_id, day, session_id)"
            + "), scans_made AS ("
            + "  INSERT INTO insight_table_scans (scope_id, day, table_id, scans)"
            + "  SELECT scope_id, day, table_id, count(DISTINCT visit_id) FROM ev"
            + "  WHERE on_day AND type = 'scan' AND table_id IS NOT NULL AND visit_id IS NOT NULL"
            + "  GROUP BY scope_id, day, table_id"
            + "), ratings AS ("
            + "  SELECT DISTINCT ON (scope_id, day, session_id, participant, question_id) scope_id, day, question_id,"
            + "         COALESCE(insight_number(payload, 'revision')::int, 1) AS revision, payload ->> 'rating' AS rating"
            + "  FROM sev WHERE type = 'card_rated' AND question_id IS NOT NULL"
            + "  ORDER BY scope_id, day, session_id, participant, question_id, occurred_at DESC, id DESC"
            + "), advances AS ("
            + "  SELECT scope_id, day, question_id, COALESCE(insight_number(payload, 'revision')::int, 1) AS revision,"
            + "         insight_number(payload, 'shownMs') AS shown_ms"
            + "  FROM sev WHERE type = 'card_advanced' AND question_id IS NOT NULL"
            + "), question_parts AS ("
            + "  SELECT scope_id, day, question_id, COALESCE(insight_number(payload, 'revision')::int, 1) AS revision,"
            + "         count(DISTINCT session_id) AS shown, 0 AS liked, 0 AS disliked, 0 AS advanced, 0 AS quick"
            + "  FROM sev WHERE type = 'card_shown' AND question_id IS NOT NULL GROUP BY 1, 2, 3, 4"
            + "  UNION ALL"
            + "  SELECT scope_id, day, question_id, revision, 0, count(*) FILTER (WHERE rating = 'up'),"
            + "         count(*) FILTER (WHERE rating = 'down'), 0, 0 FROM ratings GROUP BY 1, 2, 3, 4"
            + "  UNION ALL"
            + "  SELECT scope_id, day, question_id, revision, 0, 0, 0, count(*), count(*) FILTER (WHERE shown_ms < 5000)"
            + "  FROM advances WHERE shown_ms >= 0 GROUP BY 1, 2, 3, 4"
            + "), questions_made AS ("
            + "  INSERT INTO insight_questions (scope_id, day, question_id, revision, shown, liked, disliked, advanced,"
            + "                                 quick)"
            + "  SELECT scope_id, day, question_id, revision, sum(shown), sum(liked), sum(disliked), sum(advanced),"
            + "         sum(quick)"
            + "  FROM question_parts GROUP BY 1, 2, 3, 4"
            + "), seconds_made AS ("
            + "  INSERT INTO insight_question_seconds (scope_id, day, question_id, revision, seconds, n)"
            + "  SELECT scope_id, day, question_id, revision, round(shown_ms / 1000)::int, count(*) FROM advances"
            + "  WHERE shown_ms >= 0 AND shown_ms < 2e9 GROUP BY 1, 2, 3, 4, 5"
            + "), recommends AS ("
            + "  SELECT DISTINCT ON (scope_id, day, session_id, participant) scope_id, day,"
            + "         insight_number(payload, 'score') AS score"
            + "  FROM sev WHERE type = 'recommend_answered'"
            + "  ORDER BY scope_id, day, session_id, participant, occurred_at DESC, id DESC"
            + "), recommend_made AS ("
            + "  INSERT INTO insight_recommend (scope_id, day, score, n)"
            + "  SELECT scope_id, day, score::smallint, count(*) FROM recommends"
            + "  WHERE score IN (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10) GROUP BY 1, 2, 3"
            + "), steps AS ("
            + "  SELECT scope_id, day,"
            + "         count(DISTINCT visit_id) FILTER (WHERE type = 'scan') AS scans,"
            + "         count(DISTINCT visit_id) FILTER (WHERE type = 'welcome_viewed') AS welcomes,"
            + "         count(DISTINCT visit_id) FILTER (WHERE type IN ('relationship_length_chosen', 'context_chosen'))"
            + "           AS questions_chosen,"
            + "         count(DISTINCT visit_id) FILTER (WHERE type = 'mode_chosen') AS modes_chosen"
            + "  FROM ev WHERE on_day AND type IN ('scan', 'welcome_viewed', 'relationship_length_chosen',"
            + "                                   'context_chosen', 'mode_chosen')"
            + "  GROUP BY scope_id, day"
            + ")"
            + "UPDATE insight_days d SET scans = COALESCE(s.scans, 0), welcomes = COALESCE(s.welcomes, 0),"
            + "  questions_chosen = COALESCE(s.questions_chosen, 0), modes_chosen = COALESCE(s.modes_chosen, 0),"
            + "  final = now() >= t.window_end + INTERVAL '1 hour'"
            + " FROM t LEFT JOIN steps s USING (scope_id, day)"
            + " WHERE d.scope_id = t.scope_id AND d.day = t.day")
    void compute(@Bind("scopes") long[] scopes, @Bind("days") String[] days);

    /**
     * The days from..to whose platform question figures are missing, or older than a recomputed day of a scope and
     * than {@code maxAgeSeconds}; {@code always} names every day of the range that has figures.
     */
    @SqlQuery("SELECT d.day FROM insight_days d LEFT JOIN insight_platform_days p ON p.day = d.day "
            + "WHERE d.day BETWEEN :from AND :to GROUP BY d.day, p.built_at "
            + "HAVING :always OR p.built_at IS NULL OR (max(d.computed_at) >= p.built_at "
            + "AND p.built_at < now() - make_interval(secs => :maxAgeSeconds)) ORDER BY d.day")
    List<LocalDate> stalePlatformDays(
            @Bind("always") boolean always,
            @Bind("maxAgeSeconds") int maxAgeSeconds,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to);

    String PLATFORM_DAYS = "day = ANY(CAST(:days AS date[]))";

    @SqlUpdate("INSERT INTO insight_platform_days (day, built_at) SELECT d, now() FROM unnest(CAST(:days AS date[])) d "
            + "ORDER BY d ON CONFLICT (day) DO UPDATE SET built_at = excluded.built_at")
    void claimPlatformDays(@Bind("days") String[] days);

    @SqlUpdate("DELETE FROM insight_platform_questions WHERE " + PLATFORM_DAYS)
    void clearPlatformQuestions(@Bind("days") String[] days);

    @SqlUpdate("DELETE FROM insight_platform_question_seconds WHERE " + PLATFORM_DAYS)
    void clearPlatformQuestionSeconds(@Bind("days") String[] days);

    @SqlUpdate("INSERT INTO insight_platform_questions (day, question_id, revision, shown, liked, disliked, advanced, "
            + "quick) SELECT day, question_id, revision, sum(shown), sum(liked), sum(disliked), sum(advanced), "
            + "sum(quick) FROM insight_questions WHERE " + PLATFORM_DAYS + " GROUP BY day, question_id, revision")
    void buildPlatformQuestions(@Bind("days") String[] days);

    @SqlUpdate("INSERT INTO insight_platform_question_seconds (day, question_id, revision, seconds, n) "
            + "SELECT day, question_id, revision, seconds, sum(n) FROM insight_question_seconds WHERE " + PLATFORM_DAYS
            + " GROUP BY day, question_id, revision, seconds")
    void buildPlatformQuestionSeconds(@Bind("days") String[] days);

    /** Rebuilds the platform's question figures of the days from..to that are stale (or all, {@code always}). */
    @Transaction
    default int refreshPlatform(boolean always, int maxAgeSeconds, LocalDate from, LocalDate to) {
        withoutJit();
        String[] days = stalePlatformDays(always, maxAgeSeconds, from, to).stream()
                .map(LocalDate::toString)
                .toArray(String[]::new);
        if (days.length == 0) {
            return 0;
        }
        claimPlatformDays(days);
        clearPlatformQuestions(days);
        clearPlatformQuestionSeconds(days);
        buildPlatformQuestions(days);
        buildPlatformQuestionSeconds(days);
        return days.length;
    }

    /**
     * JIT compilation costs these statements several times what they take to run (100+ ms against 20 ms for a
     * restaurant's day): the planner's cost guesses over the rollups and a window of events reach its threshold.
     */
    @SqlUpdate("SET LOCAL jit = off")
    void withoutJit();

    /** Makes the days from..to of every scope open again, so that they are recomputed from the raw events. */
    @SqlUpdate("UPDATE insight_days SET final = FALSE WHERE day BETWEEN :from AND :to AND final")
    int reopen(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /**
     * Brings the days from..to of the scope up to date, but for those computed less than {@code maxAgeSeconds}
     * ago; returns how many days were recomputed.
     */
    @Transaction
    default int refresh(int maxAgeSeconds, boolean all, long restaurant, LocalDate from, LocalDate to) {
        withoutJit();
        List<ScopeDay> claimed = claim(maxAgeSeconds, all, restaurant, from, to);
        if (claimed.isEmpty()) {
            return 0;
        }
        long[] scopes = claimed.stream().mapToLong(ScopeDay::scopeId).toArray();
        String[] days = claimed.stream().map(claim -> claim.day().toString()).toArray(String[]::new);
        clearSessions(scopes, days);
        clearTableScans(scopes, days);
        clearQuestions(scopes, days);
        clearQuestionSeconds(scopes, days);
        clearRecommend(scopes, days);
        compute(scopes, days);
        return claimed.size();
    }
}
