package com.tabletalk.load;

import com.tabletalk.testing.ProjectFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario name and its {@code --name value} options; every option has a default that suits a quick run. The
 * options several scenarios share (targets, admin ports, the jar to launch) are read here, once.
 */
record Options(String scenario, Map<String, String> values) {

    static Options parse(String... args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            // exec:java passes -Dload.args as one string; split it here so both forms work.
            words.addAll(Arrays.asList(arg.trim().split("\\s+")));
        }
        words.removeIf(String::isEmpty);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("name a scenario: " + Scenarios.names());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + word);
            }
            String name = word.substring(2);
            int eq = name.indexOf('=');
            if (eq > 0) {
                values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                values.put(name, words.get(++i));
            } else {
                values.put(name, "true");
            }
        }
        return new Options(words.get(0), Collections.unmodifiableMap(values));
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
        return Arrays.stream(text(name, fallback).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** {@code --target}: the instances' public addresses, comma-separated. */
    List<String> targets() {
        return list("target", "http://127.0.0.1:8080");
    }

    String target() {
        return targets().get(0);
    }

    /** {@code --admin}: the instances' admin addresses, in the order of {@code --target}. */
    List<Admin> admins() {
        return list("admin", "http://127.0.0.1:8081").stream().map(Admin::new).toList();
    }

    /** For the scenarios that launch instances themselves, as ops would. */
    Path jar() {
        return Path.of(text("jar", "tabletalk-api/target/tabletalk-api.jar"));
    }

    Path config() {
        return Path.of(text("config", "config.yml"));
    }

    String databaseUrl() {
        return text("database-url", System.getenv().getOrDefault("DATABASE_URL", ""));
    }

    int port() {
        return integer("port", 18480);
    }

    Path log() {
        return Path.of(text("log", "/tmp/load-" + scenario + ".log"));
    }

    List<String> jvmArgs() {
        return List.of("-Xmx" + text("xmx", "256m"));
    }

    Path out() {
        return Path.of(text("out", ProjectFiles.root().resolve(".local/load").toString()));
    }
}
