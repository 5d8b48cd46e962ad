package com.tabletalk.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** What a run measured: printed as a table and written as JSON under {@code .local/load/}. */
final class Report {

    private final String scenario;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> brokenInvariants = new ArrayList<>();

    Report(Options options) {
        this.scenario = options.scenario();
        figures.put("scenario", scenario);
        figures.put("startedAt", Instant.now().toString());
        figures.put("options", new LinkedHashMap<>(options.values()));
        figures.put(
                "machine",
                Map.of(
                        "cores",
                        Runtime.getRuntime().availableProcessors(),
                        "os",
                        System.getProperty("os.name") + " " + System.getProperty("os.version"),
                        "java",
                        System.getProperty("java.version")));
    }

    void put(String name, Object value) {
        figures.put(name, value);
        rows.add(new String[] {name, format(value)});
    }

    /** p50 / p90 / p99 / max in milliseconds of a histogram recorded in microseconds. */
    void latency(String name, Histogram micros) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", micros.getTotalCount());
        summary.put("p50_ms", millis(micros.getValueAtPercentile(50)));
        summary.put("p90_ms", millis(micros.getValueAtPercentile(90)));
        summary.put("p99_ms", millis(micros.getValueAtPercentile(99)));
        summary.put("max_ms", millis(micros.getMaxValue()));
        figures.put(name, summary);
        rows.add(new String[] {
            name,
            micros.getTotalCount() == 0
                    ? "no samples"
                    : String.format(
                            "p50 %.2f  p90 %.2f  p99 %.2f  max %.2f ms  (n=%d)",
                            summary.get("p50_ms"),
                            summary.get("p90_ms"),
                            summary.get("p99_ms"),
                            summary.get("max_ms"),
                            micros.getTotalCount())
        });
    }

    /** An invariant: printed as PASS or FAIL, and the run exits non-zero on any FAIL. */
    void check(String name, boolean ok, String detail) {
        limit(name, ok, detail);
        if (!ok) {
            brokenInvariants.add(name + ": " + detail);
        }
    }

    /**
     * A goal for a figure (a time, a growth): fails the run like a check, but depends on the machine, so the
     * bounded test in CI does not hold it against the service.
     */
    void limit(String name, boolean ok, String detail) {
        @SuppressWarnings("unchecked")
        Map<String, Object> checks =
                (Map<String, Object>) figures.computeIfAbsent("checks", k -> new LinkedHashMap<>());
        checks.put(name, Map.of("ok", ok, "detail", detail));
        rows.add(new String[] {"check: " + name, (ok ? "PASS  " : "FAIL  ") + detail});
        if (!ok) {
            failures.add(name);
        }
    }

    boolean failed() {
        return !failures.isEmpty();
    }

    /** The checks (not the limits) that failed, each with its detail. */
    List<String> brokenInvariants() {
        return List.copyOf(brokenInvariants);
    }

    /** A figure put earlier, or null. */
    Object figure(String name) {
        return figures.get(name);
    }

    static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            return String.format("%.2f", d);
        }
        return String.valueOf(value);
    }

    /** Prints the table and writes the JSON file; returns its path. */
    Path finish(Path directory) throws IOException {
        figures.put("finishedAt", Instant.now().toString());
        figures.put("failures", failures);
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        StringBuilder table = new StringBuilder();
        table.append('\n').append("== ").append(scenario).append(" ==\n");
        for (String[] row : rows) {
            table.append(String.format("%-" + width + "s  %s%n", row[0], row[1]));
        }
        System.out.print(table);
        Files.createDirectories(directory);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        Path file = directory.resolve(scenario + "-" + stamp + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), figures);
        System.out.println("report: " + file.toAbsolutePath());
        return file;
    }
}
