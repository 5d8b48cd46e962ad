package com.tabletalk.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tabletalk.question.Context;
import com.tabletalk.session.Mode;
import com.tabletalk.session.ParticipantRow;
import com.tabletalk.session.SessionChange;
import com.tabletalk.session.SessionRow;
import com.tabletalk.session.SessionStatus;
import io.dropwizard.jackson.Jackson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The payloads on {@code session_changes}, as one instance writes them and every instance reads them. */
class ChangeNoticesTest {

    private final ChangeNotices sender = new ChangeNotices(Jackson.newObjectMapper());
    private final ChangeNotices receiver = new ChangeNotices(Jackson.newObjectMapper());
    private static final Instant CREATED = Instant.parse("2026-11-30T19:00:00.123456Z");
    private static final UUID VISIT = UUID.randomUUID();

    private static SessionRow row(UUID id, long version, int position, String answer) {
        return new SessionRow(
                id,
                "t1",
                Context.ESTABLISHED,
                Mode.DUAL,
                SessionStatus.ACTIVE,
                version,
                "seed",
                List.of(11, 12, 13),
                List.of(1, 2, 1),
                position,
                true,
                List.of(
                        new ParticipantRow("A", "a".repeat(64), true, true, true, false, answer, null, null),
                        new ParticipantRow(
                                "B",
                                "b".repeat(64),
                                false,
                                true,
                                false,
                                true,
                                null,
                                null,
                                new ParticipantRow.Reclaim("c".repeat(64), 1_796_000_000_000L))),
                CREATED,
                CREATED.plusSeconds(3_600 + version),
                false,
                null,
                7L,
                9L,
                VISIT,
                CREATED.plusSeconds(version),
                4,
                null,
                null);
    }

    @Test
    void aNoticeCarriesEveryFieldAWriteSetsAndRebuildsTheRowFromAnOlderOne() {
        UUID id = UUID.randomUUID();
        SessionRow older = row(id, 3, 0, null);
        SessionRow newer = row(id, 5, 2, "opt-2");

        List<String> payloads =
                sender.payloads(List.of(new ChangeNotice(id, 5, 1_796_000_000_123L, SessionChange.of(newer))));
        List<ChangeNotice> read = receiver.read(payloads.get(0));

        assertThat(payloads).hasSize(1);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).version()).isEqualTo(5);
        assertThat(read.get(0).at()).isEqualTo(1_796_000_000_123L);
        assertThat(read.get(0).state()).isEqualTo(SessionChange.of(newer));
        assertThat(read.get(0).state().appliedTo(older)).isEqualTo(newer);
    }

    @Test
    void anInstancePassesOverItsOwnPayloadsWhichItsSocketsHaveHadAlready() {
        UUID id = UUID.randomUUID();
        List<String> payloads =
                sender.payloads(List.of(new ChangeNotice(id, 2, 1L, SessionChange.of(row(id, 2, 1, null)))));

        assertThat(sender.read(payloads.get(0))).isEmpty();
        assertThat(receiver.read(payloads.get(0))).hasSize(1);
        assertThat(sender.payloads(List.of())).isEmpty();
    }

    @Test
    void aChangeAppliesOnlyToItsOwnSession() {
        SessionChange change = SessionChange.of(row(UUID.randomUUID(), 5, 1, null));
        SessionRow other = row(UUID.randomUUID(), 3, 0, null);

        assertThatThrownBy(() -> change.appliedTo(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyNoticesAreSplitIntoPayloadsUnderTheLimitInOrder() {
        List<ChangeNotice> notices = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> {
            UUID id = UUID.randomUUID();
            notices.add(new ChangeNotice(id, i + 1, 1L, SessionChange.of(row(id, i + 1, 1, "ä-" + i))));
        });

        List<String> payloads = sender.payloads(notices);

        assertThat(payloads).hasSizeGreaterThan(1);
        assertThat(payloads)
                .allSatisfy(payload -> assertThat(payload.getBytes(StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(ChangeNotices.MAX_PAYLOAD_BYTES));
        List<ChangeNotice> read = payloads.stream()
                .flatMap(payload -> receiver.read(payload).stream())
                .toList();
        assertThat(read).isEqualTo(notices);
    }

    @Test
    void aStateTooBigForAPayloadIsLeftOutSoThatTheRowIsRead() {
        UUID id = UUID.randomUUID();
        ChangeNotice huge = new ChangeNotice(id, 5, 1L, SessionChange.of(row(id, 5, 1, "x".repeat(8_000))));

        List<String> payloads = sender.payloads(List.of(huge));

        assertThat(payloads).hasSize(1);
        assertThat(receiver.read(payloads.get(0))).containsExactly(new ChangeNotice(id, 5, 1L, null));
    }

    @Test
    void aStateThatCannotBeReadOrNamesAnotherSessionIsDroppedButTheNoticeKept() {
        UUID id = UUID.randomUUID();
        String fromANewerInstance =
                "{\"id\":\"" + id + "\",\"version\":4,\"state\":{\"id\":\"" + id + "\",\"status\":\"SOMETHING_NEW\"}}";
        UUID other = UUID.randomUUID();
        // The notice names one session and its state another: the notice's own id comes first in the JSON.
        String misaddressed = sender.payloads(
                        List.of(new ChangeNotice(other, 4, 0, SessionChange.of(row(other, 4, 1, null)))))
                .get(0)
                .replaceFirst(other.toString(), id.toString());

        assertThat(receiver.read(fromANewerInstance)).containsExactly(new ChangeNotice(id, 4, 0, null));
        assertThat(receiver.read(misaddressed)).containsExactly(new ChangeNotice(id, 4, 0, null));
    }

    @Test
    void oneUnreadableStateInAPayloadCostsOnlyItsOwnNoticeItsState() {
        UUID id = UUID.randomUUID();
        ChangeNotice good = new ChangeNotice(id, 6, 1L, SessionChange.of(row(id, 6, 2, "opt-1")));
        UUID newer = UUID.randomUUID();
        String payload = sender.payloads(List.of(good))
                .get(0)
                .replaceFirst("]$", ",{\"id\":\"" + newer + "\",\"version\":2,\"at\":3,\"state\":{\"status\":7}}]");

        assertThat(receiver.read(payload)).containsExactly(good, new ChangeNotice(newer, 2, 3L, null));
    }

    @Test
    void aPayloadThatIsNotNoticesIsRefused() {
        for (String payload : List.of(
                "",
                "not json",
                "[{\"version\":1}]",
                "{\"id\":5,\"version\":1}",
                "[{\"id\":\"x\"}]",
                "[]",
                "[{\"id\":\"" + UUID.randomUUID() + "\",\"version\":0}]")) {
            assertThatThrownBy(() -> receiver.read(payload)).as(payload).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
