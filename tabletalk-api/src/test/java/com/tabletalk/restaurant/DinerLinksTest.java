package com.tabletalk.restaurant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DinerLinksTest {

    @Test
    void tableUrlEncodesTheLabelWithPercentTwentyForSpaces() {
        assertThat(DinerLinks.table("https://tt.example", "luigis", "Patio 3")).isEqualTo("https://tt.example/r/luigis/t/Patio%203");
        assertThat(DinerLinks.table("https://tt.example", "luigis", "7")).isEqualTo("https://tt.example/r/luigis/t/7");
        assertThat(DinerLinks.table("https://tt.example", "luigis", "a/b?c#d+é")).isEqualTo("https://tt.example/r/luigis/t/a%2Fb%3Fc%23d%2B%C3%A9");
    }
}
