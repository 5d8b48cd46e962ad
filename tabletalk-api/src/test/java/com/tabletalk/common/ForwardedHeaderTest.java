package com.tabletalk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedHeaderTest {

    @Test
    void linesAreReadInOrderAsOneList() {
        assertThat(ForwardedHeader.trustedEntry(List.of("10.0.0.1, 10.0.0.2", "192.0.2.1"), 1))
                .contains("192.0.2.1");
        assertThat(ForwardedHeader.trustedEntry(List.of("10.0.0.1, 10.0.0.2", "192.0.2.1"), 2))
                .contains("10.0.0.2");
    }

    @Test
    void fewerEntriesThanHopsGiveTheLeftmost() {
        assertThat(ForwardedHeader.trustedEntry(List.of("192.0.2.1"), 3)).contains("192.0.2.1");
    }

    @Test
    void blankEntriesAndLinesAreSkipped() {
        assertThat(ForwardedHeader.trustedEntry(List.of("https, ,", " ", "http "), 1))
                .contains("http");
        assertThat(ForwardedHeader.trustedEntry(List.of(" , "), 1)).isEmpty();
    }

    @Test
    void withoutTrustedProxiesNothingIsBelieved() {
        assertThat(ForwardedHeader.trustedEntry(List.of("192.0.2.1"), 0)).isEmpty();
        assertThat(ForwardedHeader.trustedEntry(null, 1)).isEmpty();
        assertThat(ForwardedHeader.trustedEntry(List.of(), 1)).isEmpty();
    }
}
