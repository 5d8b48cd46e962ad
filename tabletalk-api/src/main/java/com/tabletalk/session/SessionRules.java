package com.tabletalk.session;

import com.tabletalk.common.ApiException;
import com.tabletalk.question.Question;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What a command does to a session, as a pure function of the session, the sender and the current card. The
 * caller has already checked that the session is open and the version matches; the result is written with one
 * compare-and-set on that version.
 */
public final class SessionRules {

    /**
     * Who the second pick on a one-phone session is, in answers and the event log: the id a second phone would
     * have had.
     */
    public static final String PARTNER_ON_THE_SAME_PHONE = "B";

    private SessionRules() {}

    /** The session after the command, or the same row when the command changes nothing. */
    public static SessionRow apply(SessionRow session, String senderId, Command command, Question card) {
        return command.accept(new Command.Visitor<>() {
            @Override
            public SessionRow next(Command.Next next) {
                return SessionRules.next(session, senderId);
            }

            @Override
            public SessionRow reveal(Command.Reveal reveal) {
                return session.with(session.status(), session.position(), true, session.participants());
            }

            @Override
            public SessionRow ready(Command.Ready ready) {
                return SessionRules.ready(session, senderId, ready.ready());
            }

            @Override
            public SessionRow answer(Command.Answer answer) {
                return SessionRules.answer(session, senderId, answer, card);
            }

            @Override
            public SessionRow end(Command.End end) {
                return session.endedBy(senderId);
            }

            @Override
            public SessionRow seek(Command.Seek seek) {
                return SessionRules.seek(session, seek.position());
            }
        });
    }

    /** In dual mode the card moves once everyone present wants it to; the sender is present by sending. */
    private static SessionRow next(SessionRow session, String senderId) {
        if (session.mode() == Mode.SINGLE) {
            return moveOn(session);
        }
        List<ParticipantRow> participants = update(session.participants(), senderId, p -> p.withWantsNext(true));
        if (everyPresent(participants, senderId, ParticipantRow::wantsNext)) {
            return moveOn(session.with(session.status(), session.position(), session.revealed(), participants));
        }
        return session.with(session.status(), session.position(), session.revealed(), participants);
    }

    private static SessionRow ready(SessionRow session, String senderId, boolean ready) {
        List<ParticipantRow> participants = update(session.participants(), senderId, p -> p.withReady(ready));
        boolean revealed = session.revealed() || everyPresent(participants, senderId, ParticipantRow::ready);
        return session.with(session.status(), session.position(), revealed, participants);
    }

    private static SessionRow answer(SessionRow session, String senderId, Command.Answer answer, Question card) {
        if (!card.isChoice()) {
            throw ApiException.invalid("This card is an open question; it has no options to answer.");
        }
        if (!card.hasOption(answer.optionId())) {
            throw ApiException.invalid("This card has no option '" + answer.optionId() + "'.");
        }
        if (answer.seat() != null && session.mode() != Mode.SINGLE) {
            throw ApiException.invalid(
                    "seat is only for one-phone sessions; on two phones each phone answers for" + " itself.");
        }
        ParticipantRow sender = participant(session, senderId);
        if (answer.bySecondSeat()) {
            if (sender.answer() == null) {
                throw ApiException.invalid("The first pick comes before the second: the phone is passed on once the"
                        + " first person has picked.");
            }
            if (sender.partnerAnswer() != null) {
                throw ApiException.invalid("The second pick on this card is already locked in.");
            }
            return session.with(
                    session.status(),
                    session.position(),
                    session.revealed(),
                    update(session.participants(), senderId, p -> p.withPartnerAnswer(answer.optionId())));
        }
        if (sender.answer() != null) {
            throw ApiException.invalid("Your answer to this card is already locked in.");
        }
        List<ParticipantRow> participants =
                update(session.participants(), senderId, p -> p.withAnswer(answer.optionId()));
        return session.with(session.status(), session.position(), session.revealed(), participants);
    }

    /** Who gave an answer: the sender, or on a shared phone its second seat. */
    public static String answeredBy(String senderId, Command.Answer answer) {
        return answer.bySecondSeat() ? PARTNER_ON_THE_SAME_PHONE : senderId;
    }

    /** Forward only, within the deck, and only where one phone holds the whole session. */
    private static SessionRow seek(SessionRow session, int position) {
        if (session.mode() != Mode.SINGLE) {
            throw ApiException.invalid("Only a one-phone session can move ahead by position; send next instead.");
        }
        if (position >= session.deck().size()) {
            throw ApiException.invalid("position " + position + " is beyond this deck of "
                    + session.deck().size() + " cards.");
        }
        if (position <= session.position()) {
            throw ApiException.invalid(
                    "seek only moves forward: the session is already at position " + session.position() + ".");
        }
        return moveTo(session, position);
    }

    private static SessionRow moveOn(SessionRow session) {
        return moveTo(session, (session.position() + 1) % session.deck().size());
    }

    private static SessionRow moveTo(SessionRow session, int position) {
        List<ParticipantRow> participants =
                session.participants().stream().map(ParticipantRow::forNewCard).toList();
        return session.with(session.status(), position, false, participants);
    }

    /**
     * Answers are shown once everyone present has locked one in; on one phone, once both diners have picked in turn.
     */
    public static boolean answersVisible(SessionRow session) {
        if (session.mode() == Mode.SINGLE) {
            return session.participants().stream().allMatch(p -> p.answer() != null && p.partnerAnswer() != null);
        }
        List<ParticipantRow> present = present(session.participants(), null);
        return !present.isEmpty() && present.stream().allMatch(p -> p.answer() != null);
    }

    /**
     * The answers every phone may see, by who gave them ({@link #answeredBy}); empty until {@link #answersVisible}.
     */
    public static Map<String, String> visibleAnswers(SessionRow session) {
        Map<String, String> answers = new LinkedHashMap<>();
        if (!answersVisible(session)) {
            return answers;
        }
        for (ParticipantRow p : session.participants()) {
            if (p.answer() != null) {
                answers.put(p.id(), p.answer());
            }
            if (p.partnerAnswer() != null) {
                answers.put(PARTNER_ON_THE_SAME_PHONE, p.partnerAnswer());
            }
        }
        return answers;
    }

    private static boolean everyPresent(
            List<ParticipantRow> participants, String senderId, Predicate<ParticipantRow> test) {
        return present(participants, senderId).stream().allMatch(test);
    }

    private static List<ParticipantRow> present(List<ParticipantRow> participants, String senderId) {
        List<ParticipantRow> present = participants.stream()
                .filter(p -> p.connected() || p.id().equals(senderId))
                .toList();
        return present.isEmpty() ? participants : present;
    }

    private static ParticipantRow participant(SessionRow session, String id) {
        return session.participants().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no participant " + id));
    }

    private static List<ParticipantRow> update(
            List<ParticipantRow> participants, String id, UnaryOperator<ParticipantRow> change) {
        return participants.stream()
                .map(p -> p.id().equals(id) ? change.apply(p) : p)
                .toList();
    }
}
