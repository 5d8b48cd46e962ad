package com.tabletalk.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TwoInstances;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The short, bounded version of the load, fault and abuse suite: its own scenarios (src/load/java) with small
 * options against two instances on one database. It fails on a broken invariant (a lost or double move, a 5xx,
 * an abusive socket left open, a session changed by fuzzing) and never on a limit, which depends on the machine.
 */
class LoadSmokeIT {

    @RegisterExtension
    static final TwoInstances instances = TwoInstances.onFreshDatabase();

    /** Runs a scenario as the command line would, against both instances, and holds it to its invariants. */
    private static Report run(String commandLine) throws Exception {
        String targets = " --target http://127.0.0.1:" + instances.firstPort() + ",http://127.0.0.1:"
                + instances.secondPort() + " --admin http://127.0.0.1:" + instances.firstAdminPort()
                + ",http://127.0.0.1:" + instances.secondAdminPort();
        Report report = LoadMain.run(Options.parse(commandLine + targets));
        report.finish(Path.of("target", "load-smoke"));
        assertThat(report.brokenInvariants()).as(commandLine).isEmpty();
        return report;
    }

    /**
     * Pairs play moves with phone A on one instance and B on the other; every third move both phones send
     * {@code next} at the same version at once. At the end every socket must show its session's final version,
     * and the card must stand exactly as many places on as the moves the phones saw.
     */
    @Test
    void hundredsOfSocketsAcrossTwoInstancesLoseNoUpdateAndNeverMoveTwice() throws Exception {
        Report report = run("hold --pairs 150 --moves 300 --duration 5 --race-every 3 --sample-every 5");
        assertThat((long) report.figure("moves completed")).as("moves played").isGreaterThan(150);
    }

    /**
     * A phone that never reads while its session changes as fast as REST allows: the service must cut it off, and
     * the other phone of that session must still end on the final version.
     */
    @Test
    void aPhoneThatNeverReadsIsCutOffWhileTheOtherCarriesOn() throws Exception {
        run("slowreader --duration 10 --control-pairs 5 --control-moves 5");
    }

    /** Every socket cut at once and reconnected at once, half of them to the other instance. */
    @Test
    void aReconnectStormGetsEverySocketItsCurrentState() throws Exception {
        run("storm --pairs 50 --setup-parallel 16");
    }

    /**
     * A small month of the event log generated in the instances' database (on one connection: two would each
     * finish on a chunk of their own, and a small run's last chunks can overshoot by more than the check allows): every visit scanned, every session
     * created once and ended once, its cards in order, and every row in its month's partition.
     */
    @Test
    void seedingMakesAMonthOfVisitsShapedLikeRealOnes() throws Exception {
        Report report = run("seed-events --restaurants 3 --events 3000 --chunk 1000 --parallel 1 --database-url "
                + instances.database().url());
        assertThat((long) report.figure("events inserted")).isBetween(2800L, 3200L);
        Map<String, Long> byType = instances
                .database()
                .jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT type, count(*) AS n FROM visit_events e JOIN restaurants r ON r.id = e.restaurant_id "
                                        + "WHERE r.slug LIKE 'bench-%' GROUP BY type")
                        .reduceRows(new TreeMap<>(), (counts, row) -> {
                            counts.put(row.getColumn("type", String.class), row.getColumn("n", Long.class));
                            return counts;
                        }));
        assertThat(byType).containsKeys("scan", "welcome_viewed", "mode_chosen", "card_shown", "card_advanced");
        assertThat(byType.get("scan")).isGreaterThan(byType.get("welcome_viewed"));
        assertThat(byType.get("session_created")).isEqualTo(byType.get("session_ended"));
        long outOfOrder = instances
                .database()
                .jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT count(*) FROM visit_events a JOIN visit_events b ON a.session_id = b.session_id "
                                        + "WHERE a.type = 'card_shown' AND b.type = 'card_shown' "
                                        + "AND (a.payload->>'position')::int < (b.payload->>'position')::int "
                                        + "AND a.occurred_at > b.occurred_at")
                        .mapTo(Long.class)
                        .one());
        assertThat(outOfOrder).as("cards shown out of order").isZero();
    }

    /**
     * The console's dashboard for every seeded restaurant and the platform, and both exports, each in the
     * contract's shape (the benchmark's own checks), signed in as an admin the scenario makes.
     */
    @Test
    void theDashboardAndTheExportAnswerInShapeOverASeededMonth() throws Exception {
        String database = " --database-url " + instances.database().url();
        run("seed-events --restaurants 2 --events 2000 --chunk 1000 --parallel 1 --prefix smoke" + database);
        Report report = run("insights --prefix smoke --restaurants 2 --warmup-requests 1 --platform-runs 1 --origin "
                + TestApp.FRONTEND + database);
        @SuppressWarnings("unchecked")
        Map<String, Object> csv = (Map<String, Object>) report.figure("export smoke-001 csv");
        assertThat(((Number) csv.get("rows")).longValue()).isPositive();
    }

    /** Phones' steps sent as fast as asked, as JSON and as beacons: all taken in and all written. */
    @Test
    void phonesStepsAreTakenInAndWritten() throws Exception {
        Report report =
                run("ingest --rate 300 --duration 3 --prefix smoke --restaurants 2 --flush-wait 2 --database-url "
                        + instances.database().url());
        long accepted = ((Number) report.figure("events accepted")).longValue();
        assertThat(accepted).isPositive();
        assertThat(((Number) report.figure("phone events stored (database)")).longValue())
                .isGreaterThanOrEqualTo(accepted);
    }

    /**
     * Malformed REST bodies, paths, headers, methods, raw request bytes and WebSocket messages (replayed stale
     * versions included) against live sessions on both instances: no 5xx, no internal error, abusive sockets
     * closed, and no session changed.
     */
    @Test
    void fuzzingNeverAnswers5xxAndChangesNoSession() throws Exception {
        run("fuzz --sessions 4 --requests 1500 --raw-rounds 3 --sockets 50 --seed 20260101");
    }
}
