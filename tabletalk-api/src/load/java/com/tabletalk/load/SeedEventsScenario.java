package com.tabletalk.load;

import com.tabletalk.app.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code seed-events}: a realistic month of the event log in the database given by {@code --database-url} (already
 * migrated): {@code --restaurants} restaurants named {@code <prefix>-NNN} in several time zones (half-hour ones
 * included) with about 20 tables each, and about {@code --events} events over the last 30 days, shaped like
 * visits: a scan, some stopping at the welcome, a relationship length, a mode, a session with its cards, hints,
 * answers, ratings and a recommend score, and its end; more in the evening and at weekends, a few walk-ins without
 * a restaurant. Everything is generated inside PostgreSQL, one chunk of visits per statement, on
 * {@code --parallel} connections. Runs again append another month's worth.
 */
final class SeedEventsScenario implements Scenario {

    /** Diners' evenings and weekends: how often a visit starts in each local hour (0..23) and weekday. */
    private static final int[] HOUR_WEIGHTS = {1, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 3, 6, 6, 3, 2, 2, 3, 7, 9, 10, 8, 4, 2};

    private static final Map<DayOfWeek, Integer> DAY_WEIGHTS = Map.of(
            DayOfWeek.MONDAY, 2,
            DayOfWeek.TUESDAY, 2,
            DayOfWeek.WEDNESDAY, 2,
            DayOfWeek.THURSDAY, 3,
            DayOfWeek.FRIDAY, 4,
            DayOfWeek.SATURDAY, 5,
            DayOfWeek.SUNDAY, 3);

    /** The wire values of relationship lengths, each as often as diners pick it. */
    private static final Map<String, Integer> LENGTH_WEIGHTS = new LinkedHashMap<>();

    static {
        LENGTH_WEIGHTS.put("under_6_months", 20);
        LENGTH_WEIGHTS.put("6_months_to_2_years", 30);
        LENGTH_WEIGHTS.put("2_to_10_years", 30);
        LENGTH_WEIGHTS.put("over_10_years", 12);
        LENGTH_WEIGHTS.put("friends_or_family", 8);
    }

    /** Zones in turn: whole-hour ones both sides of UTC and the half- and three-quarter-hour ones. */
    private static final List<String> TIME_ZONES = List.of(
            "Europe/Berlin",
            "America/New_York",
            "Asia/Kolkata",
            "Europe/London",
            "America/Los_Angeles",
            "Australia/Adelaide",
            "Asia/Tokyo",
            "America/St_Johns",
            "UTC",
            "Asia/Kathmandu");

    private static final List<String> TABLE_LABELS = tableLabels();

    private static final String SQL = """
            WITH
            q AS MATERIALIZED (
                SELECT context, array_agg(id ORDER BY id) AS ids, array_agg(revision ORDER BY id) AS revs,
                       array_agg(type = 'choice' ORDER BY id) AS choice, count(*)::int AS n
                FROM questions WHERE active GROUP BY context),
            place AS MATERIALIZED (
                SELECT row_number() OVER (ORDER BY r.slug)::int AS i, r.id, r.time_zone,
                       (SELECT array_agg(t.id ORDER BY t.id) FROM restaurant_tables t
                        WHERE t.restaurant_id = r.id AND t.active) AS tables
                FROM restaurants r WHERE r.slug = ANY (?)),
            g AS (
                SELECT CASE WHEN random() < ? THEN NULL
                            ELSE 1 + floor((SELECT count(*) FROM place) * random() ^ 1.6)::int END AS ri,
                       (%1$s)[1 + floor(random() * cardinality(%1$s))::int] AS day,
                       (%2$s)[1 + floor(random() * cardinality(%2$s))::int] AS hour,
                       (%3$s)[1 + floor(random() * cardinality(%3$s))::int] AS length,
                       random() AS u_minute, random() AS u_table, random() AS u_speed, random() AS u_welcome,
                       random() AS u_choose, random() AS u_by_length, random() AS u_context, random() AS u_mode,
                       random() AS u_dual, random() AS u_session, random() AS u_join, random() AS u_cards,
                       random() AS u_pace, random() AS u_end, random() AS u_reconnect, random() AS u_deck
                FROM generate_series(1, ?)),
            v AS MATERIALIZED (
                SELECT gen_random_uuid() AS visit, p.id AS restaurant,
                       p.tables[1 + floor(g.u_table * cardinality(p.tables))::int] AS table_id,
                       (g.day + make_interval(hours => g.hour) + g.u_minute * interval '1 hour')
                           AT TIME ZONE coalesce(p.time_zone, 'UTC') AS t0,
                       (0.5 + 1.5 * g.u_speed) * interval '1 second' AS sp,
                       g.u_welcome < 0.85 AS welcomed,
                       g.u_welcome < 0.85 AND g.u_choose < 0.88 AS chose,
                       g.u_by_length < 0.93 AS by_length,
                       g.length,
                       CASE WHEN g.u_by_length >= 0.93
                            THEN (ARRAY['exploring', 'established', 'mature'])[1 + floor(g.u_context * 3)::int]
                            WHEN g.length = '2_to_10_years' THEN 'established'
                            WHEN g.length = 'over_10_years' THEN 'mature'
                            ELSE 'exploring' END AS context,
                       g.u_welcome < 0.85 AND g.u_choose < 0.88 AND g.u_mode < 0.92 AS moded,
                       CASE WHEN g.u_dual < 0.65 THEN 'dual' ELSE 'single' END AS mode,
                       g.u_welcome < 0.85 AND g.u_choose < 0.88 AND g.u_mode < 0.92 AND g.u_session < 0.95
                           AS created,
                       g.u_dual < 0.65 AND g.u_join < 0.8 AS joined,
                       least(40, 1 + floor(-ln(1 - g.u_cards) * 7))::int AS k,
                       8000 + 50000 * g.u_pace AS pace,
                       CASE WHEN g.u_end < 0.55 THEN 'ended_by_guest' WHEN g.u_end < 0.96 THEN 'idle_expired'
                            ELSE 'max_lifetime' END AS reason,
                       g.u_reconnect < 0.1 AS reconnects,
                       g.u_deck
                FROM g LEFT JOIN place p ON p.i = g.ri),
            s AS MATERIALIZED (
                SELECT v.*, gen_random_uuid() AS session, v.t0 + 32 * v.sp AS t_session,
                       q.ids, q.revs, q.choice, q.n, floor(v.u_deck * q.n)::int AS deck_offset
                -- A session whose end could still lie ahead is left out whole (its visit stops at the mode), so
                -- that every seeded session has its start and its end.
                FROM v JOIN q ON q.context = v.context WHERE v.created AND v.t0 < now() - interval '12 hours'),
            c AS MATERIALIZED (
                SELECT s.visit, s.restaurant, s.table_id, s.session, s.joined, s.k, s.reason, s.t_session,
                       x.p, x.ms, x.before_ms, s.t_session + x.before_ms * interval '1 millisecond' AS shown_at,
                       s.ids[1 + (s.deck_offset + x.p) %% s.n] AS question,
                       s.revs[1 + (s.deck_offset + x.p) %% s.n] AS revision,
                       s.choice[1 + (s.deck_offset + x.p) %% s.n] AS choice,
                       CASE WHEN s.joined AND x.p > 0 AND random() < 0.5 THEN 'B' ELSE 'A' END AS who,
                       random() AS u_hint, random() AS u_answer, random() AS u_rate, random() AS u_rating,
                       random() AS u_recommend_a, random() AS u_recommend_b
                FROM s, LATERAL (
                    SELECT y.p, y.ms, (sum(y.ms) OVER (ORDER BY y.p) - y.ms)::bigint AS before_ms
                    FROM (SELECT p, (1000 + s.pace * -ln(1 - random()))::int AS ms
                          FROM generate_series(0, s.k - 1) AS p) y) x),
            e (occurred_at, type, restaurant_id, table_id, session_id, visit_id, participant, question_id, payload) AS (
                SELECT t0, 'scan', restaurant, table_id, NULL::uuid, visit, NULL, NULL::int, '{}'::jsonb FROM v
                UNION ALL
                SELECT t0 + 4 * sp, 'welcome_viewed', restaurant, table_id, NULL, visit, NULL, NULL, '{}'
                FROM v WHERE welcomed
                UNION ALL
                SELECT t0 + 20 * sp, CASE WHEN by_length THEN 'relationship_length_chosen' ELSE 'context_chosen' END,
                       restaurant, table_id, NULL, visit, NULL, NULL,
                       CASE WHEN by_length THEN jsonb_build_object('length', length)
                            ELSE jsonb_build_object('context', context) END
                FROM v WHERE chose
                UNION ALL
                SELECT t0 + 30 * sp, 'mode_chosen', restaurant, table_id, NULL, visit, NULL, NULL,
                       jsonb_build_object('mode', mode)
                FROM v WHERE moded
                UNION ALL
                SELECT t_session, 'session_created', restaurant, table_id, session, visit, 'A', NULL,
                       jsonb_strip_nulls(jsonb_build_object('context', context, 'mode', mode,
                           'relationshipLength', CASE WHEN by_length THEN length END))
                FROM s
                UNION ALL
                SELECT t_session + 3 * sp, 'partner_joined', restaurant, table_id, session, visit, 'B', NULL, '{}'
                FROM s WHERE joined
                UNION ALL
                SELECT t_session + 60 * sp, 'reconnected', restaurant, table_id, session, visit,
                       CASE WHEN joined AND u_deck < 0.5 THEN 'B' ELSE 'A' END, NULL, '{}'
                FROM s WHERE reconnects
                UNION ALL
                SELECT shown_at, 'card_shown', restaurant, table_id, session, visit, NULL, question,
                       jsonb_build_object('position', p, 'revision', revision)
                FROM c
                UNION ALL
                SELECT shown_at + (ms - 1) * interval '1 millisecond', 'card_advanced', restaurant, table_id, session, visit,
                       who, question, jsonb_build_object('position', p, 'revision', revision, 'shownMs', ms)
                FROM c WHERE p < k - 1
                UNION ALL
                SELECT shown_at + ms * 0.3 * interval '1 millisecond', 'hint_revealed', restaurant, table_id, session,
                       visit, who, question, jsonb_build_object('position', p)
                FROM c WHERE u_hint < 0.3
                UNION ALL
                SELECT shown_at + ms * 0.5 * interval '1 millisecond', 'answer_given', restaurant, table_id, session,
                       visit, who, question,
                       jsonb_build_object('position', p, 'optionId', chr(97 + floor(u_answer * 4 / 0.6)::int))
                FROM c WHERE choice AND u_answer < 0.6
                UNION ALL
                SELECT shown_at + ms * 0.8 * interval '1 millisecond', 'card_rated', restaurant, table_id, session,
                       visit, who, question,
                       jsonb_build_object('revision', revision, 'rating',
                           CASE WHEN u_rating < 0.7 THEN 'up' WHEN u_rating < 0.9 THEN 'down' ELSE 'none' END)
                FROM c WHERE u_rate < 0.15
                UNION ALL
                SELECT shown_at + interval '5 seconds', 'recommend_answered', restaurant, table_id, session, visit,
                       'A', NULL,
                       CASE WHEN u_recommend_a < 0.55
                            THEN jsonb_build_object('score', least(10, floor(11 * (1 - (u_recommend_a / 0.55) ^ 2.5))::int))
                            ELSE jsonb_build_object('skipped', true) END
                FROM c WHERE p = 5 AND u_recommend_a < 0.75
                UNION ALL
                SELECT shown_at + interval '8 seconds', 'recommend_answered', restaurant, table_id, session, visit,
                       'B', NULL,
                       CASE WHEN u_recommend_b < 0.5
                            THEN jsonb_build_object('score', least(10, floor(11 * (1 - (u_recommend_b / 0.5) ^ 2))::int))
                            ELSE jsonb_build_object('skipped', true) END
                FROM c WHERE p = 5 AND joined AND u_recommend_b < 0.7
                UNION ALL
                SELECT shown_at + (ms + CASE WHEN reason = 'ended_by_guest' THEN 0 ELSE 1800000 END)
                           * interval '1 millisecond',
                       'session_ended', restaurant, table_id, session, visit,
                       CASE WHEN reason = 'ended_by_guest' THEN who END, NULL,
                       jsonb_build_object('reason', reason, 'cards', k, 'durationMs',
                           before_ms + ms + CASE WHEN reason = 'ended_by_guest' THEN 0 ELSE 1800000 END)
                FROM c WHERE p = k - 1)
            INSERT INTO visit_events
                (occurred_at, type, restaurant_id, table_id, session_id, visit_id, participant, question_id, payload)
            SELECT * FROM e WHERE occurred_at < now()
            """;

    @Override
    public void run(Options options, Report report) throws Exception {
        DatabaseUrl url = DatabaseUrl.parse(options.databaseUrl());
        int restaurants = options.integer("restaurants", 100);
        long events = Long.parseLong(options.text("events", "10000000"));
        String prefix = options.text("prefix", "bench");
        double walkIns = options.number("walk-ins", 0.05);
        int parallel = options.integer("parallel", 2);
        long chunkEvents = Long.parseLong(options.text("chunk", "500000"));
        if (!prefix.matches("[a-z0-9]{1,20}") || restaurants < 1 || restaurants > 9999 || events < 1) {
            throw new IllegalArgumentException(
                    "--prefix is 1-20 lower-case letters or digits, --restaurants 1..9999, --events at least 1");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long begin = System.nanoTime();
        List<String> slugs;
        try (Connection connection = connect(url)) {
            slugs = makeRestaurants(connection, prefix, restaurants);
            try (PreparedStatement ensure =
                    connection.prepareStatement("SELECT visit_events_ensure_partitions(?::date, ?::date)")) {
                ensure.setString(1, today.minusDays(32).toString());
                ensure.setString(2, today.plusDays(1).toString());
                ensure.execute();
            }
        }
        double setupSeconds = (System.nanoTime() - begin) / 1e9;
        String sql = SQL.formatted(daysArray(today), hoursArray(), lengthsArray());

        AtomicLong remaining = new AtomicLong(events);
        AtomicLong inserted = new AtomicLong();
        AtomicLong visits = new AtomicLong();
        // Events per visit, learned from the chunks done so far, to size the next chunk's visits.
        AtomicLong perVisitMilli = new AtomicLong(18_000);
        long insertBegin = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, Rig.daemon("seed"));
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < parallel; w++) {
                workers.add(pool.submit(() -> {
                    try (Connection connection = connect(url);
                            PreparedStatement insert = connection.prepareStatement(sql)) {
                        insert.setArray(1, connection.createArrayOf("text", slugs.toArray()));
                        insert.setDouble(2, walkIns);
                        while (true) {
                            long budget = claim(remaining, chunkEvents);
                            if (budget == 0) {
                                return null;
                            }
                            // A little under the budget: what falls short goes back to be made by a later chunk.
                            // Visits vary in length, so once less than a chunk is left beyond this one, a chunk
                            // aims at half its budget: it then overshoots what was asked only if its visits run
                            // twice as long as the average so far, and the last chunks shrink to a single visit
                            // (at most some 150 events).
                            long aimPerMille = remaining.get() < chunkEvents ? 500 : 900;
                            long chunkVisits = Math.max(1, budget * aimPerMille / perVisitMilli.get());
                            insert.setLong(3, chunkVisits);
                            long rows = insert.executeUpdate();
                            remaining.addAndGet(budget - rows);
                            long total = inserted.addAndGet(rows);
                            long allVisits = visits.addAndGet(chunkVisits);
                            perVisitMilli.set(Math.max(1000, total * 1000 / allVisits));
                            double seconds = (System.nanoTime() - insertBegin) / 1e9;
                            System.out.printf("  %,d of %,d events (%,.0f rows/s)%n", total, events, total / seconds);
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double insertSeconds = (System.nanoTime() - insertBegin) / 1e9;
        long analyzeBegin = System.nanoTime();
        double analyzeSeconds;
        Map<String, Long> byType = new TreeMap<>();
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE visit_events");
            analyzeSeconds = (System.nanoTime() - analyzeBegin) / 1e9;
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM ONLY visit_events_default")) {
                rows.next();
                report.check(
                        "every row in its month's partition",
                        rows.getLong(1) == 0,
                        rows.getLong(1) + " rows in visit_events_default");
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT type, count(*) FROM visit_events WHERE occurred_at >= now() - interval '31 days' "
                            + "GROUP BY type")) {
                while (rows.next()) {
                    byType.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        double totalSeconds = (System.nanoTime() - begin) / 1e9;
        report.put(
                "restaurants",
                restaurants + " (" + slugs.get(0) + " .. " + slugs.get(slugs.size() - 1) + ", " + TABLE_LABELS.size()
                        + " tables each, zones " + String.join(" ", TIME_ZONES) + ")");
        report.put("visits generated", visits.get());
        report.put("events inserted", inserted.get());
        report.put("events asked for", events);
        report.put("events per visit", inserted.get() / (double) Math.max(1, visits.get()));
        report.put("days", today.minusDays(30) + " .. " + today.minusDays(1) + " (local days, UTC dates)");
        report.put("parallel connections", parallel);
        report.put("setup (s)", setupSeconds);
        report.put("insert (s)", insertSeconds);
        report.put("insert rows per second", inserted.get() / insertSeconds);
        report.put("analyze (s)", analyzeSeconds);
        report.put("total, with the checks and counts (s)", totalSeconds);
        report.check(
                "made what was asked",
                // The last chunk is at least one visit, and one long session is at most some 150 events.
                Math.abs(inserted.get() - events) <= Math.max(200, events / 1000),
                inserted.get() + " of " + events);
        if (!byType.isEmpty()) {
            report.put("events by type in the log, last 31 days", byType);
        }
    }

    /** Up to {@code chunk} events of what is left, or 0 when (nearly) nothing is. */
    private static long claim(AtomicLong remaining, long chunk) {
        while (true) {
            long left = remaining.get();
            if (left <= 0) {
                return 0;
            }
            long take = Math.min(left, chunk);
            if (remaining.compareAndSet(left, left - take)) {
                return take;
            }
        }
    }

    static Connection connect(DatabaseUrl url) throws SQLException {
        Properties properties = new Properties();
        url.user().ifPresent(user -> properties.setProperty("user", user));
        url.password().ifPresent(password -> properties.setProperty("password", password));
        Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TIME ZONE 'UTC'");
            // A generated month can be made again; waiting for each chunk's WAL flush only slows it down.
            statement.execute("SET synchronous_commit = off");
        }
        return connection;
    }

    /** The restaurants and their tables, made unless they exist; returns the slugs in order. */
    private static List<String> makeRestaurants(Connection connection, String prefix, int count) throws SQLException {
        List<String> slugs = new ArrayList<>();
        try (PreparedStatement restaurant = connection.prepareStatement(
                        "INSERT INTO restaurants (slug, name, time_zone) VALUES (?, ?, ?) ON CONFLICT (slug) DO NOTHING");
                PreparedStatement tables = connection.prepareStatement(
                        "INSERT INTO restaurant_tables (restaurant_id, label) SELECT r.id, l FROM restaurants r, "
                                + "unnest(?::text[]) AS l WHERE r.slug = ? ON CONFLICT (restaurant_id, label) DO NOTHING")) {
            for (int i = 1; i <= count; i++) {
                String slug = String.format("%s-%03d", prefix, i);
                slugs.add(slug);
                restaurant.setString(1, slug);
                restaurant.setString(2, "Bench Bistro " + String.format("%03d", i));
                restaurant.setString(3, TIME_ZONES.get((i - 1) % TIME_ZONES.size()));
                restaurant.addBatch();
                tables.setArray(1, connection.createArrayOf("text", TABLE_LABELS.toArray()));
                tables.setString(2, slug);
                tables.addBatch();
            }
            restaurant.executeBatch();
            tables.executeBatch();
        }
        return slugs;
    }

    private static List<String> tableLabels() {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= 17; i++) {
            labels.add(Integer.toString(i));
        }
        labels.add("Bar 1");
        labels.add("Bar 2");
        labels.add("Patio 1");
        return List.copyOf(labels);
    }

    /** The last 30 dates before today, each repeated as often as its weekday is busy. */
    private static String daysArray(LocalDate today) {
        StringJoiner days = new StringJoiner(",", "ARRAY[", "]::timestamp[]");
        for (int back = 1; back <= 30; back++) {
            LocalDate day = today.minusDays(back);
            for (int n = 0; n < DAY_WEIGHTS.get(day.getDayOfWeek()); n++) {
                days.add("'" + day + "'");
            }
        }
        return days.toString();
    }

    private static String hoursArray() {
        StringJoiner hours = new StringJoiner(",", "ARRAY[", "]::int[]");
        for (int hour = 0; hour < 24; hour++) {
            for (int n = 0; n < HOUR_WEIGHTS[hour]; n++) {
                hours.add(Integer.toString(hour));
            }
        }
        return hours.toString();
    }

    private static String lengthsArray() {
        StringJoiner lengths = new StringJoiner(",", "ARRAY[", "]::text[]");
        LENGTH_WEIGHTS.forEach((length, weight) -> {
            for (int n = 0; n < weight; n++) {
                lengths.add("'" + length + "'");
            }
        });
        return lengths.toString();
    }
}
