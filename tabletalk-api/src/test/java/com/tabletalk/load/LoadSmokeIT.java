package com.tabletalk.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.testing.TwoInstances;
import java.nio.file.Path;
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
     * Malformed REST bodies, paths, headers, methods, raw request bytes and WebSocket messages (replayed stale
     * versions included) against live sessions on both instances: no 5xx, no internal error, abusive sockets
     * closed, and no session changed.
     */
    @Test
    void fuzzingNeverAnswers5xxAndChangesNoSession() throws Exception {
        run("fuzz --sessions 4 --requests 1500 --raw-rounds 3 --sockets 50 --seed 20260101");
    }
}
