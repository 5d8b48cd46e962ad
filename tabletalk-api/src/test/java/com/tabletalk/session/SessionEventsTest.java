package com.tabletalk.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.event.EventType;
import com.tabletalk.event.LoggedEvent;
import com.tabletalk.question.Context;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the server logs for a session, built from its row alone. */
class SessionEventsTest {

    private static final Instant CREATED = Instant.parse("2026-11-22T19:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-22T20:00:00Z");
    private static final UUID VISIT = UUID.randomUUID();

    private final List<LoggedEvent> logged = new ArrayList<>();
    private final SessionEvents events = new SessionEvents(logged::add, config(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static SessionsConfig config() {
        try {
            ObjectMapper json = Jackson.newObjectMapper();
            return json.readValue("{\"idleTimeout\": \"60m\", \"maxLifetime\": \"6h\"}", SessionsConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SessionRow session(int position, Instant expiresAt, Instant cardShownAt) {
        return new SessionRow(
                UUID.randomUUID(),
                "t1",
                Context.EXPLORING,
                Mode.SINGLE,
                SessionStatus.ACTIVE,
                3,
                "seed",
                List.of(11, 12),
                List.of(3, 1),
                position,
                false,
                List.of(ParticipantRow.joined("A", "hash")),
                CREATED,
                expiresAt,
                false,
                null,
                4L,
                9L,
                VISIT,
                cardShownAt,
                null,
                null,
                null);
    }

    @Test
    void aMovedCardIsLeftWithItsRevisionAndTimeUpAndTheNextIsShown() {
        SessionRow before = session(0, NOW.plusSeconds(600), NOW.minusSeconds(42));
        SessionRow after = before.with(SessionStatus.ACTIVE, 1, false, before.participants());
        SessionRow written = new SessionRow(
                after.id(),
                after.tableToken(),
                after.context(),
                after.mode(),
                after.status(),
                4,
                after.deckSeed(),
                after.deck(),
                after.deckRevisions(),
                1,
                false,
                after.participants(),
                CREATED,
                after.expiresAt(),
                false,
                null,
                4L,
                9L,
                VISIT,
                NOW,
                null,
                null,
                null);

        events.changed(before, written, "A", null);

        assertThat(logged).extracting(LoggedEvent::type).containsExactly(EventType.CARD_ADVANCED, EventType.CARD_SHOWN);
        assertThat(logged.get(0).questionId()).isEqualTo(11);
        assertThat(logged.get(0).payload()).isEqualTo(Map.of("position", 0, "revision", 3, "shownMs", 42_000L));
        assertThat(logged.get(1).questionId()).isEqualTo(12);
        assertThat(logged.get(1).payload()).isEqualTo(Map.of("position", 1, "revision", 1));
        assertThat(logged.get(1).participant()).isNull();
        assertThat(logged).allSatisfy(event -> {
            assertThat(event.restaurantId()).isEqualTo(4L);
            assertThat(event.tableId()).isEqualTo(9L);
            assertThat(event.visitId()).isEqualTo(VISIT);
        });
    }

    @Test
    void aSessionFromBeforeCardTimesWereKeptLeavesTheTimeOut() {
        SessionRow before = session(0, NOW.plusSeconds(600), null);

        events.changed(before, before.with(SessionStatus.ACTIVE, 1, false, before.participants()), "A", null);

        assertThat(logged.get(0).payload()).isEqualTo(Map.of("position", 0, "revision", 3));
    }

    @Test
    void anExpiryShortOfTheLifetimeIsIdleAndOneAtItIsTheLifetime() {
        events.expired(session(1, CREATED.plus(Duration.ofHours(6)).minusSeconds(5), null));
        events.expired(session(0, CREATED.plus(Duration.ofHours(6)), null));

        assertThat(logged.get(0).payload())
                .isEqualTo(Map.of("reason", "idle_expired", "cards", 2, "durationMs", 6 * 3_600_000L - 5_000L));
        assertThat(logged.get(1).payload())
                .isEqualTo(Map.of("reason", "max_lifetime", "cards", 1, "durationMs", 6 * 3_600_000L));
        assertThat(logged).extracting(LoggedEvent::participant).containsOnlyNulls();
    }

    @Test
    void aRatingCarriesTheRevisionTheCardWasDealtWith() {
        events.rated(session(1, NOW.plusSeconds(600), NOW), "A", 11, 3, SessionEvents.Rating.UP);

        assertThat(logged.get(0).payload()).isEqualTo(Map.of("revision", 3, "rating", "up"));
    }

    @Test
    void aSessionDealtBeforeRevisionsWereKeptReadsEveryCardAsRevisionOne() {
        SessionRow old = session(0, NOW.plusSeconds(600), null);
        SessionRow unrevised = new SessionRow(
                old.id(),
                old.tableToken(),
                old.context(),
                old.mode(),
                old.status(),
                old.version(),
                old.deckSeed(),
                old.deck(),
                null,
                0,
                false,
                old.participants(),
                CREATED,
                old.expiresAt(),
                false,
                null,
                4L,
                9L,
                VISIT,
                null,
                null,
                null,
                null);

        assertThat(unrevised.deckRevisions()).containsExactly(1, 1);
        assertThat(unrevised.currentRevision()).isEqualTo(1);
    }
}
