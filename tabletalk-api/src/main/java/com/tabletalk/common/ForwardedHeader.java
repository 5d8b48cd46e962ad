package com.tabletalk.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a proxy header such as {@code X-Forwarded-For} the way proxies write it: every header line, in order, as one
 * comma-separated list, of which only the entries our own {@code trustedProxyHops} proxies appended (counted from the
 * right) can be believed. A proxy may append a line of its own instead of extending the client's, so reading only
 * the first line would read what the client wrote.
 */
public final class ForwardedHeader {

    private ForwardedHeader() {}

    /** Whether our own proxies say the client reached them over TLS ({@code X-Forwarded-Proto: https}). */
    public static boolean saysHttps(Iterable<String> forwardedProtoLines, int trustedProxyHops) {
        return trustedEntry(forwardedProtoLines, trustedProxyHops)
                .map("https"::equalsIgnoreCase)
                .orElse(false);
    }

    /**
     * The entry {@code trustedProxyHops} places from the right, or the leftmost when there are fewer entries; empty
     * when no proxy is trusted or the header is absent.
     */
    public static Optional<String> trustedEntry(Iterable<String> lines, int trustedProxyHops) {
        if (trustedProxyHops <= 0 || lines == null) {
            return Optional.empty();
        }
        List<String> entries = new ArrayList<>();
        for (String line : lines) {
            if (line == null) {
                continue;
            }
            for (String part : line.split(",")) {
                if (!part.isBlank()) {
                    entries.add(part.strip());
                }
            }
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(entries.get(Math.max(0, entries.size() - trustedProxyHops)));
    }
}
