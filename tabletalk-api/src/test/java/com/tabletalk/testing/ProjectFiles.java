package com.tabletalk.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's top level from wherever the JVM was started inside it. */
public final class ProjectFiles {

    private ProjectFiles() {}

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("config.yml"))
                    && Files.isDirectory(candidate.resolve("migrations"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Run this inside the Table-Talk repository (no config.yml above " + dir + ")");
    }

    public static Path config() {
        return root().resolve("config.yml");
    }
}
