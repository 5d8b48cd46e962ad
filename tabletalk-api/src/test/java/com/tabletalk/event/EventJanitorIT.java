package com.tabletalk.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.util.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The event log's monthly partitions are made ahead, old months go with a retention, and rows never change. */
@ExtendWith(DropwizardExtensionsSupport.class)
class EventJanitorIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP =
            TestApp.extension(DB, ConfigOverride.config("events.partitionsAheadMonths", "6"));

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy_MM");

    private static List<String> partitions() {
        return DB.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                                        + "WHERE i.inhparent = 'visit_events'::regclass")
                                .mapTo(String.class)
                                .list());
    }

    private static void insertAt(String occurredAt, UUID visit) {
        DB.jdbi()
                .useHandle(h -> h.createUpdate("INSERT INTO visit_events (occurred_at, type, visit_id) "
                                + "VALUES (CAST(:at AS timestamptz), 'scan', :visit)")
                        .bind("at", occurredAt)
                        .bind("visit", visit)
                        .execute());
    }

    private static long rowsOf(UUID visit) {
        return DB.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM visit_events WHERE visit_id = :visit")
                        .bind("visit", visit)
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void theAppMakesPartitionsForTheComingMonths() throws Exception {
        LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        List<String> expected = IntStream.rangeClosed(0, 6)
                .mapToObj(ahead -> "visit_events_" + thisMonth.plusMonths(ahead).format(MONTH))
                .toList();

        for (int i = 0; i < 100 && !partitions().containsAll(expected); i++) {
            Thread.sleep(100);
        }

        assertThat(partitions()).containsAll(expected).contains("visit_events_default");
    }

    @Test
    void upkeepWithoutRetentionMakesNothingTwiceAndDropsNothing() {
        Jdbi jdbi = DB.jdbi();
        EventJanitor janitor = new EventJanitor(jdbi, new EventsConfig(6, null, null), Clock.systemUTC());
        janitor.run();
        List<String> before = partitions();

        EventJanitor.Upkeep again = janitor.run();

        assertThat(again.made()).isZero();
        assertThat(again.dropped()).isEmpty();
        assertThat(partitions()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void withARetentionOldMonthsAreDroppedAndNewerDataStays() {
        DB.jdbi()
                .useHandle(h -> h.createQuery("SELECT visit_events_ensure_partitions('2023-01-01', '2023-02-28')")
                        .mapTo(Integer.class)
                        .one());
        UUID january = UUID.randomUUID();
        UUID february = UUID.randomUUID();
        UUID now = UUID.randomUUID();
        UUID withoutPartition = UUID.randomUUID();
        insertAt("2023-01-15T12:00:00Z", january);
        insertAt("2023-02-20T12:00:00Z", february);
        insertAt(Instant.now().toString(), now);
        insertAt("2019-06-01T00:00:00Z", withoutPartition);
        // 400 days before 10 March 2024 is 4 February 2023: January 2023 has ended by then, February has not.
        Clock march2024 = Clock.fixed(Instant.parse("2024-03-10T08:00:00Z"), ZoneOffset.UTC);
        EventJanitor janitor = new EventJanitor(DB.jdbi(), new EventsConfig(1, Duration.days(400), null), march2024);

        EventJanitor.Upkeep upkeep = janitor.run();

        assertThat(upkeep.dropped()).containsExactly("visit_events_2023_01");
        assertThat(partitions())
                .doesNotContain("visit_events_2023_01")
                .contains("visit_events_2023_02", "visit_events_default");
        assertThat(rowsOf(january)).isZero();
        assertThat(rowsOf(february)).isOne();
        assertThat(rowsOf(now)).isOne();
        assertThat(rowsOf(withoutPartition))
                .as("the default partition is never dropped")
                .isOne();
        assertThat(janitor.run().dropped())
                .as("a second round finds nothing more")
                .isEmpty();
    }

    @Test
    void rowsCannotBeUpdatedOrDeleted() {
        UUID visit = UUID.randomUUID();
        insertAt(Instant.now().toString(), visit);

        assertThatThrownBy(() -> DB.jdbi()
                        .useHandle(h -> h.createUpdate(
                                        "UPDATE visit_events SET type = 'welcome_viewed' " + "WHERE visit_id = :visit")
                                .bind("visit", visit)
                                .execute()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> DB.jdbi()
                        .useHandle(h -> h.createUpdate("DELETE FROM visit_events WHERE visit_id = :visit")
                                .bind("visit", visit)
                                .execute()))
                .hasMessageContaining("append-only");
        assertThat(rowsOf(visit)).isOne();
    }
}
