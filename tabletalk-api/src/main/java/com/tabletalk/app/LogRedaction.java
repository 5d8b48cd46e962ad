package com.tabletalk.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes what identifies a diner out of a finished log line: session ids (UUIDs), participant tokens (long
 * base64url runs) and network addresses. It works on the text, not on what a logger meant to say, so Jetty's and
 * Jersey's lines at any level, which echo request targets, headers and endpoints, are covered as well as ours.
 * Short ids, such as an incident's eight hex digits, stay readable.
 */
final class LogRedaction {

    static final String REDACTED = "[redacted]";

    private static final Pattern UUID =
            Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Participant tokens are 43 characters; no word of a log line is a run this long without a dot. */
    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])");

    private static final Pattern IPV4 = Pattern.compile("(?<![0-9])(?:\\d{1,3}\\.){3}\\d{1,3}(?![0-9])");
    /** Colon-separated hex groups; only those with "::" or all eight groups are addresses, not clock times. */
    private static final Pattern IPV6_CANDIDATE =
            Pattern.compile("(?<![0-9A-Za-z:])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(?![0-9A-Za-z:])");

    private LogRedaction() {}

    static String redact(String line) {
        String redacted = UUID.matcher(line).replaceAll(REDACTED);
        redacted = TOKEN.matcher(redacted).replaceAll(REDACTED);
        redacted = IPV4.matcher(redacted).replaceAll(REDACTED);
        return redactIpv6(redacted);
    }

    private static String redactIpv6(String line) {
        Matcher candidates = IPV6_CANDIDATE.matcher(line);
        StringBuilder out = new StringBuilder(line.length());
        while (candidates.find()) {
            String candidate = candidates.group();
            boolean address = candidate.contains("::")
                    || candidate.chars().filter(c -> c == ':').count() == 7;
            candidates.appendReplacement(out, Matcher.quoteReplacement(address ? REDACTED : candidate));
        }
        candidates.appendTail(out);
        return out.toString();
    }
}
