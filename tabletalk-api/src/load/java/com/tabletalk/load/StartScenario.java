package com.tabletalk.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code start}: process start to the first 200 from /api/health, launching the shaded jar like ops. */
final class StartScenario implements Scenario {

    @Override
    public void run(Options options, Report report) throws Exception {
        int runs = options.integer("runs", 5);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (Instance instance = Instance.launch(
                    options.jar(),
                    options.config(),
                    options.databaseUrl(),
                    options.port(),
                    options.port() + 1,
                    options.jvmArgs(),
                    Map.of(),
                    options.log())) {
                long millis = instance.awaitHealthy(Duration.ofSeconds(60));
                times.add(millis);
                System.out.println("  start " + (i + 1) + ": " + millis + " ms");
            }
        }
        List<Long> sorted = times.stream().sorted().toList();
        report.put("runs", times);
        report.put("start to healthy, median (ms)", sorted.get(sorted.size() / 2));
        report.put("start to healthy, max (ms)", sorted.get(sorted.size() - 1));
        report.limit(
                "start within 5 s",
                sorted.get(sorted.size() - 1) <= 5_000,
                "max " + sorted.get(sorted.size() - 1) + " ms");
    }
}
