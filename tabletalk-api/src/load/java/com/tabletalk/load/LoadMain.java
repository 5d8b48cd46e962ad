package com.tabletalk.load;

/**
 * The load, fault and abuse suite. One scenario per run, e.g.
 * {@code hold --pairs 5000 --moves 500 --duration 300 --target http://127.0.0.1:8080 --admin http://127.0.0.1:8081};
 * prints a table and writes {@code .local/load/<scenario>-<time>.json}; exits 1 when a check failed. The
 * scenarios are listed in {@link Scenarios}.
 */
public final class LoadMain {

    private LoadMain() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Report report = run(options);
        report.finish(options.out());
        System.exit(report.failed() ? 1 : 0);
    }

    static Report run(Options options) throws Exception {
        Scenario scenario = Scenarios.named(options.scenario());
        Report report = new Report(options);
        scenario.run(options, report);
        return report;
    }
}
