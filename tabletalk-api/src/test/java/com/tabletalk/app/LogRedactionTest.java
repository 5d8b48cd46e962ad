package com.tabletalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogRedactionTest {

    @Test
    void sessionIdsTokensAndAddressesAreRedacted() {
        String line = "{\"thread\":\"dw-42 - POST /api/sessions/0f8e4b8c-3c1d-4c5e-9a7b-2f1e0d9c8b7a/participants\","
                + "\"message\":\"Bearer Zm9vYmFyYmF6cXV4LXRva2VuX3dpdGhfNDNfY2hhcnM "
                + "from 203.0.113.9:51234 via [2001:db8::7] and fe80:0:0:0:0:0:0:1\"}";

        String redacted = LogRedaction.redact(line);

        assertThat(redacted)
                .doesNotContain("0f8e4b8c")
                .doesNotContain("Zm9vYmFy")
                .doesNotContain("203.0.113.9")
                .doesNotContain("2001:db8")
                .doesNotContain("fe80")
                .contains("/api/sessions/[redacted]/participants")
                .contains("Bearer [redacted]");
    }

    @Test
    void anAddressInsideADottedNameIsRedactedToo() {
        String line = "metrics:name=org.eclipse.jetty.server.HttpConnectionFactory.127.0.0.1.0.connections";

        assertThat(LogRedaction.redact(line)).doesNotContain("127.0.0.1").startsWith("metrics:name=org.eclipse.jetty.");
    }

    @Test
    void ordinaryLineTextStaysReadable() {
        String line = "{\"timestamp\":\"2026-11-29T19:45:08.123+0000\",\"level\":\"ERROR\","
                + "\"logger\":\"org.eclipse.jetty.server.handler.ContextHandler\","
                + "\"message\":\"Unexpected error, incident 1a2b3c4d at 12:30:45 on jetty-12.0.16\"}";

        assertThat(LogRedaction.redact(line)).isEqualTo(line);
    }
}
