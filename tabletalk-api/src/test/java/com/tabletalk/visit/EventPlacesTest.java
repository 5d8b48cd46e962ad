package com.tabletalk.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventPlacesTest {

    /** Knows table 7 of luigis and counts the names it is asked for. */
    private static final class FakeDao implements EventPlaceDao {
        final List<List<String>> asked = new ArrayList<>();

        @Override
        public List<PlaceRow> find(String[] slugs, String[] labels) {
            asked.add(Arrays.asList(labels));
            List<PlaceRow> rows = new ArrayList<>();
            for (int i = 0; i < slugs.length; i++) {
                if (slugs[i].equals("luigis") && labels[i].equals("7")) {
                    rows.add(new PlaceRow("luigis", "7", 1, 70));
                }
            }
            return rows;
        }
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T20:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final FakeDao dao = new FakeDao();
    private final MovableClock clock = new MovableClock();
    private final EventPlaces places = new EventPlaces(dao, clock, Duration.ofMinutes(1));

    private static final EventPlaces.Named SEVEN = new EventPlaces.Named("luigis", "7");
    private static final EventPlaces.Named EIGHT = new EventPlaces.Named("luigis", "8");

    @Test
    void knownTablesHaveTheirIdsAndUnknownOnesNone() {
        Map<EventPlaces.Named, Optional<EventPlaces.Place>> found = places.resolve(List.of(SEVEN, EIGHT, SEVEN));

        assertThat(found)
                .containsEntry(SEVEN, Optional.of(new EventPlaces.Place(1, 70)))
                .containsEntry(EIGHT, Optional.empty());
        assertThat(dao.asked).containsExactly(List.of("7", "8"));
    }

    @Test
    void answersAreRememberedForTheirLifetimeOnly() {
        places.resolve(List.of(SEVEN, EIGHT));
        clock.now = clock.now.plusSeconds(59);
        places.resolve(List.of(SEVEN, EIGHT));
        assertThat(dao.asked).hasSize(1);

        clock.now = clock.now.plusSeconds(2);
        places.resolve(List.of(SEVEN));

        assertThat(dao.asked).hasSize(2);
        assertThat(places.resolve(List.of()).isEmpty()).isTrue();
        assertThat(dao.asked).as("nothing to look up asks nothing").hasSize(2);
    }

    @Test
    void aFloodOfMadeUpNamesDoesNotGrowTheMemoryWithoutBound() {
        IntStream.range(0, EventPlaces.MAX_REMEMBERED + 10)
                .forEach(i -> places.resolve(List.of(new EventPlaces.Named("nobody", "t" + i))));

        places.resolve(List.of(new EventPlaces.Named("nobody", "t0")));

        assertThat(dao.asked.get(dao.asked.size() - 1))
                .as("the oldest answers were forgotten")
                .containsExactly("t0");
    }
}
