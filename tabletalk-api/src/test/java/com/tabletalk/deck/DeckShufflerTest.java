package com.tabletalk.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeckShufflerTest {

    private static final List<Integer> IDS =
            IntStream.rangeClosed(1001, 1066).boxed().toList();
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    @Test
    void seedIsTheSha256OfTableContextAndDay() {
        // printf 't7|exploring|2026-11-22' | sha256sum
        assertThat(DeckShuffler.seed("t7", "exploring", DAY))
                .isEqualTo("47795c4bb6963dd5d9984abe2ea93288d3f91183d8e82fe8695d13c7764ce760");
    }

    @Test
    void aRegisteredTablesSeedHoldsItsRestaurantAndTable() {
        // printf 'restaurant/3/table/7|exploring|2026-11-22' | sha256sum
        assertThat(DeckShuffler.seedAtTable(3, 7, "exploring", DAY))
                .isEqualTo("b26d349218120b2d8c7851f2e40a32f9faee1a844e1a3510dc1ccae62ca59867");
        assertThat(DeckShuffler.seedAtTable(4, 7, "exploring", DAY))
                .isNotEqualTo(DeckShuffler.seedAtTable(3, 7, "exploring", DAY));
        assertThat(DeckShuffler.seedAtTable(3, 8, "exploring", DAY))
                .isNotEqualTo(DeckShuffler.seedAtTable(3, 7, "exploring", DAY));
    }

    @Test
    void theSameTableContextAndDayGiveTheSameOrder() {
        String seed = DeckShuffler.seed("t7", "exploring", DAY);

        assertThat(DeckShuffler.shuffle(IDS, seed))
                .isEqualTo(DeckShuffler.shuffle(IDS, DeckShuffler.seed("t7", "exploring", DAY)));
    }

    @Test
    void aShuffleIsAPermutationThatMovesCards() {
        List<Integer> deck = DeckShuffler.shuffle(IDS, DeckShuffler.seed("t7", "exploring", DAY));

        assertThat(deck).containsExactlyInAnyOrderElementsOf(IDS).isNotEqualTo(IDS);
    }

    @Test
    void anotherTableContextOrDayGivesAnotherOrder() {
        List<Integer> base = DeckShuffler.shuffle(IDS, DeckShuffler.seed("t7", "exploring", DAY));

        assertThat(DeckShuffler.shuffle(IDS, DeckShuffler.seed("t8", "exploring", DAY)))
                .isNotEqualTo(base);
        assertThat(DeckShuffler.shuffle(IDS, DeckShuffler.seed("t7", "mature", DAY)))
                .isNotEqualTo(base);
        assertThat(DeckShuffler.shuffle(IDS, DeckShuffler.seed("t7", "exploring", DAY.plusDays(1))))
                .isNotEqualTo(base);
    }

    @Test
    void theOrderIsFixedAcrossReleases() {
        // A recorded deck: if this changes, every table's deck of the day changes with a deploy.
        List<Integer> deck =
                DeckShuffler.shuffle(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), DeckShuffler.seed("t7", "exploring", DAY));

        assertThat(deck).isEqualTo(RECORDED);
    }

    private static final List<Integer> RECORDED = List.of(5, 4, 9, 1, 2, 3, 10, 8, 7, 6);
}
