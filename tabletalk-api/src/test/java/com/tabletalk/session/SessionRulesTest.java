package com.tabletalk.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.tabletalk.common.ApiException;
import com.tabletalk.question.Context;
import com.tabletalk.question.Question;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionRulesTest {

    private static final Question OPEN =
            new Question(1, 1, Context.EXPLORING, true, "easy", "food", "open", "Open?", "Hint", List.of());
    private static final Question CHOICE = new Question(
            2,
            1,
            Context.EXPLORING,
            true,
            "easy",
            "food",
            "choice",
            "Choice?",
            "Hint",
            List.of(new Question.Option("a", "Tea"), new Question.Option("b", "Coffee")));

    /** A session fixture: {@code aSession().withMode(Mode.DUAL).withPartnerAway().build()}. */
    static final class SessionBuilder {
        private Mode mode = Mode.SINGLE;
        private int position;
        private boolean partnerConnected = true;

        SessionBuilder withMode(Mode value) {
            mode = value;
            return this;
        }

        SessionBuilder at(int value) {
            position = value;
            return this;
        }

        SessionBuilder withPartnerAway() {
            partnerConnected = false;
            return this;
        }

        SessionRow build() {
            List<ParticipantRow> participants = new ArrayList<>(List.of(ParticipantRow.joined("A", "hashA")));
            if (mode == Mode.DUAL) {
                participants.add(ParticipantRow.joined("B", "hashB").withConnected(partnerConnected));
            }
            return new SessionRow(
                    UUID.randomUUID(),
                    "t1",
                    Context.EXPLORING,
                    mode,
                    SessionStatus.ACTIVE,
                    5,
                    "seed",
                    List.of(1, 2, 3),
                    null,
                    position,
                    false,
                    participants,
                    Instant.now(),
                    Instant.now(),
                    false,
                    null,
                    null,
                    null,
                    null,
                    Instant.now(),
                    null,
                    null,
                    null);
        }
    }

    static SessionBuilder aSession() {
        return new SessionBuilder();
    }

    @Test
    void singleNextMovesAndClearsTheCard() {
        SessionRow session = aSession()
                .build()
                .with(
                        SessionStatus.ACTIVE,
                        0,
                        true,
                        List.of(ParticipantRow.joined("A", "h").withReady(true)));

        SessionRow next = SessionRules.apply(session, "A", new Command.Next(5L), OPEN);

        assertThat(next.position()).isEqualTo(1);
        assertThat(next.revealed()).isFalse();
        assertThat(next.participants().get(0).ready()).isFalse();
    }

    @Test
    void seekMovesAOnePhoneSessionForwardInOneStepAndClearsTheCard() {
        SessionRow session = aSession()
                .build()
                .with(
                        SessionStatus.ACTIVE,
                        0,
                        true,
                        List.of(ParticipantRow.joined("A", "h").withReady(true)));

        SessionRow sought = SessionRules.apply(session, "A", new Command.Seek(2, 5L), OPEN);

        assertThat(sought.position()).isEqualTo(2);
        assertThat(sought.revealed()).isFalse();
        assertThat(sought.participants().get(0).ready()).isFalse();
    }

    @Test
    void seekGoesOnlyForwardWithinTheDeckAndOnlyForOnePhone() {
        assertThatThrownBy(() -> SessionRules.apply(aSession().at(1).build(), "A", new Command.Seek(1, 5L), OPEN))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> SessionRules.apply(aSession().at(2).build(), "A", new Command.Seek(0, 5L), OPEN))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> SessionRules.apply(aSession().build(), "A", new Command.Seek(3, 5L), OPEN))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("beyond this deck of 3 cards");
        assertThatThrownBy(() ->
                        SessionRules.apply(aSession().withMode(Mode.DUAL).build(), "A", new Command.Seek(1, 5L), OPEN))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("Only a one-phone session");
    }

    @Test
    void nextAfterTheLastCardStartsOver() {
        SessionRow next = SessionRules.apply(aSession().at(2).build(), "A", new Command.Next(5L), OPEN);

        assertThat(next.position()).isZero();
    }

    @Test
    void dualNextWaitsForTheConnectedPartner() {
        SessionRow next = SessionRules.apply(aSession().withMode(Mode.DUAL).build(), "A", new Command.Next(5L), OPEN);

        assertThat(next.position()).isZero();
        assertThat(next.participants().get(0).wantsNext()).isTrue();
    }

    @Test
    void dualNextGoesOnAloneWhenThePartnerIsAway() {
        SessionRow next = SessionRules.apply(
                aSession().withMode(Mode.DUAL).withPartnerAway().build(), "A", new Command.Next(5L), OPEN);

        assertThat(next.position()).isEqualTo(1);
    }

    @Test
    void readyOfEveryoneRevealsTheHint() {
        SessionRow one =
                SessionRules.apply(aSession().withMode(Mode.DUAL).build(), "A", new Command.Ready(true, 5L), OPEN);
        SessionRow both = SessionRules.apply(one, "B", new Command.Ready(true, 5L), OPEN);

        assertThat(one.revealed()).isFalse();
        assertThat(both.revealed()).isTrue();
    }

    @Test
    void answersShowOnlyOnceEveryoneAnswered() {
        SessionRow one = SessionRules.apply(
                aSession().withMode(Mode.DUAL).build(), "A", new Command.Answer("a", null, 5L), CHOICE);
        SessionRow both = SessionRules.apply(one, "B", new Command.Answer("b", null, 5L), CHOICE);

        assertThat(SessionRules.answersVisible(one)).isFalse();
        assertThat(SessionRules.answersVisible(both)).isTrue();
    }

    @Test
    void answersAreRefusedOnOpenCardsUnknownOptionsAndTwice() {
        SessionRow session = aSession().build();

        assertThatThrownBy(() -> SessionRules.apply(session, "A", new Command.Answer("a", null, 5L), OPEN))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> SessionRules.apply(session, "A", new Command.Answer("c", null, 5L), CHOICE))
                .isInstanceOf(ApiException.class);
        SessionRow answered = SessionRules.apply(session, "A", new Command.Answer("a", null, 5L), CHOICE);
        assertThatThrownBy(() -> SessionRules.apply(answered, "A", new Command.Answer("b", null, 5L), CHOICE))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void onOnePhoneBothPickInTurnAndThePicksShowAfterTheSecond() {
        SessionRow first = SessionRules.apply(aSession().build(), "A", new Command.Answer("a", "first", 5L), CHOICE);
        SessionRow second = SessionRules.apply(first, "A", new Command.Answer("b", "second", 5L), CHOICE);

        assertThat(SessionRules.answersVisible(first)).isFalse();
        assertThat(SessionRules.visibleAnswers(first)).isEmpty();
        assertThat(SessionRules.answersVisible(second)).isTrue();
        assertThat(SessionRules.visibleAnswers(second)).containsExactly(entry("A", "a"), entry("B", "b"));
    }

    @Test
    void onOnePhoneAPickWithoutASeatIsTheFirst() {
        SessionRow first = SessionRules.apply(aSession().build(), "A", new Command.Answer("b", null, 5L), CHOICE);

        assertThat(first.participants().get(0).answer()).isEqualTo("b");
        assertThat(first.participants().get(0).partnerAnswer()).isNull();
    }

    @Test
    void theSecondPickNeedsTheFirstAndComesOnce() {
        SessionRow session = aSession().build();

        assertThatThrownBy(() -> SessionRules.apply(session, "A", new Command.Answer("a", "second", 5L), CHOICE))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("first pick comes before the second");
        SessionRow both = SessionRules.apply(
                SessionRules.apply(session, "A", new Command.Answer("a", "first", 5L), CHOICE),
                "A",
                new Command.Answer("a", "second", 5L),
                CHOICE);
        assertThatThrownBy(() -> SessionRules.apply(both, "A", new Command.Answer("b", "second", 5L), CHOICE))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("already locked in");
        assertThatThrownBy(() -> SessionRules.apply(both, "A", new Command.Answer("b", "first", 5L), CHOICE))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("already locked in");
    }

    @Test
    void twoPhonesTakeNoSeat() {
        SessionRow dual = aSession().withMode(Mode.DUAL).build();

        for (String seat : List.of("first", "second")) {
            assertThatThrownBy(() -> SessionRules.apply(dual, "A", new Command.Answer("a", seat, 5L), CHOICE))
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("only for one-phone sessions");
        }
    }

    @Test
    void theNextCardForgetsBothPicksOfAPassedPhone() {
        SessionRow both = SessionRules.apply(
                SessionRules.apply(aSession().build(), "A", new Command.Answer("a", "first", 5L), CHOICE),
                "A",
                new Command.Answer("b", "second", 5L),
                CHOICE);

        SessionRow next = SessionRules.apply(both, "A", new Command.Next(5L), CHOICE);

        assertThat(next.participants().get(0).answer()).isNull();
        assertThat(next.participants().get(0).partnerAnswer()).isNull();
        assertThat(SessionRules.visibleAnswers(next)).isEmpty();
    }

    @Test
    void theSecondSeatAnswersAsTheSamePhonesPartner() {
        assertThat(SessionRules.answeredBy("A", new Command.Answer("a", "second", 5L)))
                .isEqualTo("B");
        assertThat(SessionRules.answeredBy("A", new Command.Answer("a", "first", 5L)))
                .isEqualTo("A");
        assertThat(SessionRules.answeredBy("B", new Command.Answer("a", null, 5L)))
                .isEqualTo("B");
    }

    @Test
    void endEnds() {
        assertThat(SessionRules.apply(aSession().build(), "A", new Command.End(5L), OPEN)
                        .status())
                .isEqualTo(SessionStatus.ENDED);
    }

    @Test
    void endRemembersWhoEndedItAndKeepsTheCard() {
        SessionRow session = aSession().withMode(Mode.DUAL).at(2).build();

        SessionRow ended = SessionRules.apply(session, "B", new Command.End(5L), OPEN);

        assertThat(ended.status()).isEqualTo(SessionStatus.ENDED);
        assertThat(ended.endedBy()).isEqualTo("B");
        assertThat(ended.position()).isEqualTo(2);
        assertThat(session.endedBy()).isNull();
        assertThat(SessionRules.apply(session, "A", new Command.Next(5L), OPEN).endedBy())
                .isNull();
    }
}
