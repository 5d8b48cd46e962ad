package com.tabletalk.load;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every scenario of the suite, by the name given on the command line. */
final class Scenarios {

    private static final Map<String, Scenario> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("hold", new HoldScenario(false));
        BY_NAME.put("create", new CreateScenario());
        BY_NAME.put("start", new StartScenario());
        BY_NAME.put("soak", new HoldScenario(true));
        BY_NAME.put("kill", new KillScenario());
        BY_NAME.put("pgrestart", new PgRestartScenario());
        BY_NAME.put("slowreader", new SlowReaderScenario());
        BY_NAME.put("storm", new StormScenario());
        BY_NAME.put("fuzz", new FuzzScenario());
        BY_NAME.put("seed-events", new SeedEventsScenario());
        BY_NAME.put("insights", new InsightsScenario());
        BY_NAME.put("ingest", new IngestScenario());
    }

    private Scenarios() {}

    static Scenario named(String name) {
        Scenario scenario = BY_NAME.get(name);
        if (scenario == null) {
            throw new IllegalArgumentException("unknown scenario " + name + "; one of " + names());
        }
        return scenario;
    }

    static String names() {
        return String.join(", ", BY_NAME.keySet());
    }
}
