package com.tabletalk.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options after the scenario name; every option has a default that suits a quick run. */
final class Options {

    private final String scenario;
    private final Map<String, String> values = new LinkedHashMap<>();

    private Options(String scenario) {
        this.scenario = scenario;
    }

    static Options parse(String[] args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            // exec:java passes -Dload.args as one string; split it here so both forms work.
            words.addAll(Arrays.asList(arg.trim().split("\\s+")));
        }
        words.removeIf(String::isEmpty);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("name a scenario: " + LoadMain.SCENARIOS);
        }
        Options options = new Options(words.get(0));
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + word);
            }
            String name = word.substring(2);
            int eq = name.indexOf('=');
            if (eq > 0) {
                options.values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                options.values.put(name, words.get(++i));
            } else {
                options.values.put(name, "true");
            }
        }
        return options;
    }

    String scenario() {
        return scenario;
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    double number(String name, double fallback) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    Duration seconds(String name, double fallback) {
        return Duration.ofMillis((long) (number(name, fallback) * 1000));
    }

    List<String> list(String name, String fallback) {
        return Arrays.stream(text(name, fallback).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    Map<String, String> all() {
        return values;
    }
}
