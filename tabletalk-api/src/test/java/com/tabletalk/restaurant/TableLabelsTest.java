package com.tabletalk.restaurant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tabletalk.common.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableLabelsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "7",
                "Patio 3",
                "Ørsted 寿司",
                "Terrasse-2.B",
                "a;b?c#d&e+f",
                "#12",
                "=1+1",
                "'; DROP TABLE x; --",
                "😀"
            })
    void labelsAPersonWouldPrintAreValid(String label) {
        assertThat(TableLabels.isValid(label)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "1,2",
                "a/b",
                "a\\b",
                "50%",
                ".",
                "..",
                "...",
                "two  spaces",
                " 7",
                "a\u0000b",
                "a\nb",
                "a\tb",
                "a\u202eb",
                "a\u200bb",
                "12345678901234567890123456789012345678901"
            })
    void labelsThatHideBreakOrSplitTextAreNot(String label) {
        assertThat(TableLabels.isValid(label)).isFalse();
    }

    @Test
    void cleaningDropsSurroundingSpacesAndRefusesTheRest() {
        assertThat(TableLabels.clean("  Patio 3 ")).isEqualTo("Patio 3");
        assertThat(TableLabels.isValid("寿".repeat(40))).isTrue();
        assertThatThrownBy(() -> TableLabels.clean(null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> TableLabels.clean("a\u0007")).isInstanceOf(ApiException.class);
    }
}
