package com.tabletalk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class FrontendLinksTest {

    private final FrontendLinks links = new FrontendLinks("https://tt.example");

    @Test
    void aRegisteredTablesLabelIsPercentEncodedWithSpacesAsPercentTwenty() {
        assertThat(links.restaurantTable("luigis", "Patio 3")).isEqualTo("https://tt.example/r/luigis/t/Patio%203");
        assertThat(links.restaurantTable("luigis", "7")).isEqualTo("https://tt.example/r/luigis/t/7");
        assertThat(links.restaurantTable("luigis", "a/b?c#d+é"))
                .isEqualTo("https://tt.example/r/luigis/t/a%2Fb%3Fc%23d%2B%C3%A9");
    }

    @Test
    void walkInTablesSessionsAndConsoleLinksLeadToTheWebAppsRoutes() {
        UUID session = UUID.fromString("0b8f3a52-61a4-4d6e-9b1c-2f5e8d7a9c10");

        assertThat(links.table(new TableToken("table-4"))).isEqualTo("https://tt.example/t/table-4");
        assertThat(links.join(session)).isEqualTo("https://tt.example/s/" + session + "/join");
        assertThat(links.consoleInvite("abc_-1")).isEqualTo("https://tt.example/console/invite/abc_-1");
        assertThat(links.consoleReset("abc_-1")).isEqualTo("https://tt.example/console/reset/abc_-1");
    }
}
