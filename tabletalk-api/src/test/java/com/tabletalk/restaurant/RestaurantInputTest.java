package com.tabletalk.restaurant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tabletalk.common.ApiException;
import com.tabletalk.question.Context;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestaurantInputTest {

    @Test
    void slugsAreMadeFromNames() {
        assertThat(RestaurantInput.slugFrom("Luigi's Trattoria")).isEqualTo("luigis-trattoria");
        assertThat(RestaurantInput.slugFrom("  Café  Müller & Söhne  ")).isEqualTo("cafe-muller-sohne");
        assertThat(RestaurantInput.slugFrom("Bistro 21")).isEqualTo("bistro-21");
        assertThat(RestaurantInput.slugFrom("x".repeat(60) + " y")).hasSize(48);
        assertThat(RestaurantInput.slugFrom("a".repeat(47) + " b")).isEqualTo("a".repeat(47));
    }

    @Test
    void aNameWithoutLettersOrDigitsNeedsAGivenSlug() {
        assertThatThrownBy(() -> RestaurantInput.slugFrom("🍕 🍝"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("slug");
    }

    @Test
    void givenSlugsMustFitTheUrlShape() {
        assertThat(RestaurantInput.slug("luigis-2")).isEqualTo("luigis-2");
        for (String bad : new String[] {"Luigis", "-luigis", "luigis-", "lu gis", "a".repeat(49), "", "ü"}) {
            assertThatThrownBy(() -> RestaurantInput.slug(bad)).as(bad).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void contextsAreKnownGivenOnceAndComeBackInTheirOwnOrder() {
        assertThat(RestaurantInput.contexts(List.of("mature", "exploring")))
                .containsExactly(Context.EXPLORING, Context.MATURE);
        assertThat(RestaurantInput.contexts(List.of("established"))).containsExactly(Context.ESTABLISHED);
        List<List<String>> bad = List.of(
                List.of(),
                List.of("exploring", "exploring"),
                List.of("casual"),
                List.of("EXPLORING"),
                Arrays.asList("exploring", null),
                List.of("exploring", "established", "mature", "mature"));
        for (List<String> values : bad) {
            assertThatThrownBy(() -> RestaurantInput.contexts(values))
                    .as(String.valueOf(values))
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("contexts");
        }
    }

    @Test
    void timeZonesMustBeKnownRegions() {
        assertThat(RestaurantInput.timeZone("Europe/Rome")).isEqualTo("Europe/Rome");
        for (String bad : new String[] {"Mars/Olympus", "+02:00", "", "europe/rome"}) {
            assertThatThrownBy(() -> RestaurantInput.timeZone(bad)).as(bad).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void namesAreTrimmedAndKeptUnicode() {
        assertThat(RestaurantInput.name("  Trattoria Dà Lùigi 🍕 ")).isEqualTo("Trattoria Dà Lùigi 🍕");
        assertThatThrownBy(() -> RestaurantInput.name("Tab\there")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> RestaurantInput.name("x".repeat(101))).isInstanceOf(ApiException.class);
    }
}
