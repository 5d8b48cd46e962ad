package com.tabletalk.app;

import com.codahale.metrics.MetricRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident memory as the kernel counts it ({@code VmRSS}): what a container's memory limit is held
 * against, heap and native buffers (sockets' compressors, direct buffers, thread stacks) alike. -1 where there is
 * no {@code /proc}.
 */
final class ResidentMemory {

    static final String GAUGE = "process.memory.resident";
    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {}

    static void register(MetricRegistry metrics) {
        metrics.gauge(GAUGE, () -> ResidentMemory::bytes);
    }

    static long bytes() {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
