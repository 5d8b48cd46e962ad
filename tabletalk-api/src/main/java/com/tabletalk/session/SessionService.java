package com.tabletalk.session;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import com.tabletalk.common.TableToken;
import com.tabletalk.deck.DeckShuffler;
import com.tabletalk.question.Context;
import com.tabletalk.question.Question;
import com.tabletalk.question.QuestionCatalog;
import com.tabletalk.question.RelationshipLength;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Creating, joining and playing sessions. The database row is the truth; this class holds no session state. */
public class SessionService {

    private static final String[] PARTICIPANT_IDS = {"A", "B"};
    private static final int JOIN_ATTEMPTS = 5;
    private static final int PRESENCE_ATTEMPTS = 20;

    private final SessionDao sessions;
    private final QuestionCatalog questions;
    private final SessionEvents events;
    private final SessionsConfig config;
    private final Clock clock;
    private final MetricRegistry metrics;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final WatchedSessions watched = new WatchedSessions();
    private final Counter readsAgain;

    public SessionService(
            SessionDao sessions,
            QuestionCatalog questions,
            SessionEvents events,
            SessionsConfig config,
            Clock clock,
            MetricRegistry metrics) {
        this.sessions = sessions;
        this.questions = questions;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        // Registered up front so that dashboards show zeros, not gaps, before the first event.
        for (Context context : Context.values()) {
            for (Mode mode : Mode.values()) {
                metrics.counter(MetricRegistry.name("sessions.created", context.wire(), mode.wire()));
            }
        }
        for (String type : List.of("next", "reveal", "ready", "answer", "end", "seek")) {
            metrics.meter("commands." + type);
        }
        metrics.counter("commands.conflicts");
        // Commands on a watched session that its kept row could not settle (changed elsewhere since, or the command
        // was refused or changed nothing on it), worked out again on a fresh read.
        this.readsAgain = metrics.counter("commands.read_again");
        metrics.register("sessions.active", new CachedGauge<Long>(15, TimeUnit.SECONDS) {
            @Override
            protected Long loadValue() {
                try {
                    return sessions.countOpen();
                } catch (RuntimeException databaseAway) {
                    return -1L;
                }
            }
        });
    }

    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    /**
     * What the diners chose for a new session: a context, or a relationship length that configuration maps to one
     * (never both), a mode, and the visit the session starts (null if the phone sent none).
     */
    public record Choice(String context, String relationshipLength, String mode, UUID visit) {

        Context resolve(SessionsConfig config) {
            return resolve(config, List.of(Context.values()));
        }

        /**
         * The context among those {@code offered}: one asked for by name must be offered (400 if not); a
         * relationship length whose mapped context is not offered plays the first offered one.
         */
        Context resolve(SessionsConfig config, List<Context> offered) {
            if (context != null && relationshipLength != null) {
                throw ApiException.invalid("Send either context or relationshipLength, not both.");
            }
            if (relationshipLength != null) {
                Context mapped = config.contextFor(RelationshipLength.fromWire(relationshipLength));
                return offered.contains(mapped) ? mapped : offered.get(0);
            }
            Context chosen = Context.fromWire(context);
            if (!offered.contains(chosen)) {
                throw ApiException.invalid("This table does not offer " + chosen.wire() + " questions; choose one of "
                        + offered.stream().map(Context::wire).collect(Collectors.joining(", ")) + ".");
            }
            return chosen;
        }
    }

    /** A new session with its participant A. */
    public Joined create(TableToken table, Choice choice) {
        String tableToken = table.value();
        Context context = choice.resolve(config);
        Mode mode = Mode.fromWire(choice.mode());
        String seed = DeckShuffler.seed(tableToken, context.wire(), serviceDay());
        return create(tableToken, null, context, mode, seed, choice);
    }

    /**
     * A new session at a restaurant's registered table, with its participant A. Its table token, which the
     * walk-in flow and older clients read, is made from the restaurant's slug and the table's label.
     */
    public Joined createAtTable(RegisteredTable table, Choice choice) {
        Context context = choice.resolve(config, table.contexts());
        Mode mode = Mode.fromWire(choice.mode());
        String seed = DeckShuffler.seedAtTable(table.restaurantId(), table.tableId(), context.wire(), serviceDay());
        return create(tokenOf(table), table, context, mode, seed, choice);
    }

    private Joined create(
            String tableToken, RegisteredTable at, Context context, Mode mode, String seed, Choice choice) {
        Map<Integer, Integer> active = questions.activeRevisions(context);
        if (active.isEmpty()) {
            throw new IllegalStateException("The question bank has no active questions for " + context.wire());
        }
        List<Integer> deck = DeckShuffler.shuffle(List.copyOf(active.keySet()), seed);
        String token = ParticipantTokens.newToken();
        List<ParticipantRow> participants =
                List.of(ParticipantRow.joined(PARTICIPANT_IDS[0], ParticipantTokens.hash(token)));
        SessionStatus status = mode == Mode.DUAL ? SessionStatus.WAITING : SessionStatus.ACTIVE;
        SessionRow created = sessions.insert(
                UUID.randomUUID(),
                tableToken,
                at == null ? null : at.restaurantId(),
                at == null ? null : at.tableId(),
                context.wire(),
                mode.wire(),
                status.wire(),
                seed,
                deck.stream().mapToInt(Integer::intValue).toArray(),
                deck.stream().mapToInt(active::get).toArray(),
                SessionDao.Mapper.write(participants),
                config.idleTimeout().toSeconds(),
                config.maxLifetime().toSeconds(),
                choice.visit());
        if (mode == Mode.DUAL) {
            JoinCodes.assign(sessions, created.id());
        }
        metrics.counter(MetricRegistry.name("sessions.created", context.wire(), mode.wire()))
                .inc();
        events.created(created, choice.relationshipLength());
        return new Joined(view(created), PARTICIPANT_IDS[0], token, true);
    }

    private LocalDate serviceDay() {
        return LocalDate.now(clock.withZone(config.serviceZone()));
    }

    /** {@code <slug>-<label>} with anything but letters, digits, '-' and '_' as '_', cut to a table token's length. */
    private static String tokenOf(RegisteredTable table) {
        String token = (table.restaurantSlug() + "-" + table.tableLabel()).replaceAll("[^A-Za-z0-9_-]", "_");
        return token.length() > 64 ? token.substring(0, 64) : token;
    }

    /**
     * Joins a session as its next participant, or, given the token of an existing participant, returns that
     * participant again (how a reloaded page rejoins).
     */
    public Joined join(UUID id, Optional<String> presentedToken) {
        for (int attempt = 0; attempt < JOIN_ATTEMPTS; attempt++) {
            SessionRow session = open(id);
            if (presentedToken.isPresent()) {
                String token = presentedToken.get();
                ParticipantRow existing = participantFor(session, token)
                        .orElseThrow(() -> new ApiException(
                                ErrorCode.UNAUTHORIZED, "That token does not belong to this session."));
                return new Joined(view(session), existing.id(), token, false);
            }
            if (session.participants().size() >= session.mode().seats()) {
                throw new ApiException(
                        ErrorCode.SESSION_FULL,
                        session.mode() == Mode.SINGLE
                                ? "This is a one-phone session; it cannot be joined from another phone."
                                : "Two phones are already in this session.");
            }
            String participantId = PARTICIPANT_IDS[session.participants().size()];
            String token = ParticipantTokens.newToken();
            List<ParticipantRow> participants = new ArrayList<>(session.participants());
            participants.add(ParticipantRow.joined(participantId, ParticipantTokens.hash(token)));
            SessionStatus status =
                    participants.size() == session.mode().seats() ? SessionStatus.ACTIVE : session.status();
            Optional<SessionRow> written =
                    write(session, session.with(status, session.position(), session.revealed(), participants));
            if (written.isPresent()) {
                events.partnerJoined(written.get(), participantId);
                return new Joined(view(written.get()), participantId, token, true);
            }
            // Another phone joined or played at the same moment: read again and retry.
        }
        throw new VersionConflict("The session is changing too fast to join; try again.", current(id));
    }

    /** The current state; 404 for an unknown id and 410 for one that has ended or expired. */
    public SessionView get(UUID id) {
        return view(open(id));
    }

    /** The state whatever its status, for the live channel's last word; empty when the session is gone. */
    public Optional<SessionView> find(UUID id) {
        return sessions.find(id).map(this::view);
    }

    /** Which participant a token belongs to, if it belongs to this session. */
    public Optional<String> authenticate(SessionRow session, String token) {
        return participantFor(session, token).map(ParticipantRow::id);
    }

    /** The session's row as the database has it now; a watched session's newest row is kept for its commands. */
    public Optional<SessionRow> row(UUID id) {
        Optional<SessionRow> found = sessions.find(id);
        found.ifPresent(watched::remember);
        return found;
    }

    /**
     * Keeps the newest row of a session with live sockets on this instance, so that their commands need not read it
     * first; see {@link WatchedSessions}. Called when the session's first socket here registers.
     */
    public void watch(UUID id) {
        watched.watch(id);
    }

    /** Called when the session's last socket here has gone. */
    public void unwatch(UUID id) {
        watched.unwatch(id);
    }

    /**
     * Another instance's change of a session watched here, as its notice carried it: the kept row is brought up to
     * it, so that neither the sockets here nor their next command need to read the row. Without a kept row there is
     * nothing to apply it to, and the change is left for a read.
     */
    public void heard(SessionChange change) {
        watched.latest(change.id())
                .filter(kept -> kept.version() < change.version())
                .ifPresent(kept -> watched.remember(change.appliedTo(kept)));
    }

    /** The kept row of a watched session, if it is at {@code version} or newer. */
    public Optional<SessionRow> keptAtLeast(UUID id, long version) {
        return watched.latest(id).filter(kept -> kept.version() >= version);
    }

    /** Applies one command sent by the holder of {@code token}. */
    public SessionView command(UUID id, String token, Command command) {
        command.validate();
        metrics.meter("commands." + command.type()).mark();
        Optional<SessionRow> guess = watched.latest(id).filter(row -> row.version() == command.version());
        if (guess.isPresent()) {
            Optional<SessionView> confirmed = confirmGuess(guess.get(), token, command);
            if (confirmed.isPresent()) {
                return confirmed.get();
            }
            readsAgain.inc();
        }
        SessionRow session = row(id).orElseThrow(SessionService::unknown);
        Judged judged = judge(session, token, command);
        if (sameState(session, judged.next())) {
            return view(session);
        }
        SessionRow written = write(session, judged.next()).orElseThrow(() -> {
            SessionRow now = sessions.find(id).orElseThrow(SessionService::unknown);
            ensureOpen(now);
            return conflict(now);
        });
        return recorded(session, written, judged.senderId(), command);
    }

    /**
     * The command worked out on the newest row this instance has seen, if the write proves that row current. Only a
     * successful compare-and-set does; anything else (a rule refusing the command, a command that changes nothing,
     * a write that finds the row moved on) leaves the command to be worked out again on a fresh read, so a guess
     * never answers a phone by itself.
     */
    private Optional<SessionView> confirmGuess(SessionRow guess, String token, Command command) {
        Judged judged;
        try {
            judged = judge(guess, token, command);
        } catch (ApiException refusedOnAGuess) {
            return Optional.empty();
        }
        if (sameState(guess, judged.next())) {
            return Optional.empty();
        }
        return write(guess, judged.next()).map(written -> recorded(guess, written, judged.senderId(), command));
    }

    /** Who sent the command and the state it leads to; the session must be open and at the command's version. */
    private Judged judge(SessionRow session, String token, Command command) {
        String senderId = participantFor(session, token)
                .map(ParticipantRow::id)
                .orElseThrow(
                        () -> new ApiException(ErrorCode.UNAUTHORIZED, "That token does not belong to this session."));
        ensureOpen(session);
        if (command.version() != session.version()) {
            throw conflict(session);
        }
        return new Judged(senderId, SessionRules.apply(session, senderId, command, card(session)));
    }

    private record Judged(String senderId, SessionRow next) {}

    /** Logs a command's written change and gives its new state. */
    private SessionView recorded(SessionRow before, SessionRow written, String senderId, Command command) {
        if (command instanceof Command.Seek) {
            events.caughtUp(before, written, senderId);
        } else {
            events.changed(
                    before,
                    written,
                    senderId,
                    command instanceof Command.Answer answer
                            ? new SessionEvents.Answered(SessionRules.answeredBy(senderId, answer), answer.optionId())
                            : null);
        }
        return view(written);
    }

    /**
     * The rest of the deck of a one-phone session, for the holder of {@code token} to play on without the network.
     * 404 for an unknown session, 401 for a token not of it, 410 once it is over, 409 for a two-phone session.
     */
    public SessionDeck deck(UUID id, String token) {
        SessionRow session = sessions.find(id).orElseThrow(SessionService::unknown);
        participantFor(session, token)
                .orElseThrow(
                        () -> new ApiException(ErrorCode.UNAUTHORIZED, "That token does not belong to this session."));
        ensureOpen(session);
        if (session.mode() != Mode.SINGLE) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Only a one-phone session can play on without the network; two phones need to reach each other.");
        }
        List<SessionView.Card> cards = new ArrayList<>();
        for (int position = session.position(); position < session.deck().size(); position++) {
            cards.add(SessionView.card(cardAt(session, position), true));
        }
        return new SessionDeck(
                session.id(),
                session.version(),
                session.position(),
                session.deck().size(),
                cards);
    }

    /**
     * Shows exactly the participants that {@code connected} reports as connected. A change of presence is a change
     * of the session like any other (a new version that every phone receives); closed sessions are left alone.
     * The presence is read after the row on every attempt, so a reconcile working from an older reading can
     * never overwrite a newer one: its compare-and-set fails and it reads both again. A watched session starts from
     * its kept row, which only a successful write confirms: when that row calls for no change, or its write fails,
     * the row is read afresh. Returns the session as it stands afterwards (empty if it is gone).
     */
    public Optional<SessionRow> updatePresence(UUID id, Supplier<Set<String>> connected) {
        Optional<SessionRow> kept =
                watched.latest(id).filter(row -> row.effectiveStatus().isOpen());
        if (kept.isPresent()) {
            SessionRow session = kept.get();
            List<ParticipantRow> participants = shownAs(session, connected.get());
            if (!participants.equals(session.participants())) {
                Optional<SessionRow> written = writePresence(session, participants);
                if (written.isPresent()) {
                    return written;
                }
            }
        }
        for (int attempt = 0; attempt < PRESENCE_ATTEMPTS; attempt++) {
            Optional<SessionRow> found = row(id);
            if (found.isEmpty()
                    || found.get().effectiveStatus() != found.get().status()
                    || !found.get().status().isOpen()) {
                return found;
            }
            SessionRow session = found.get();
            List<ParticipantRow> participants = shownAs(session, connected.get());
            if (participants.equals(session.participants())) {
                return found;
            }
            Optional<SessionRow> written = writePresence(session, participants);
            if (written.isPresent()) {
                return written;
            }
        }
        return sessions.find(id);
    }

    private static List<ParticipantRow> shownAs(SessionRow session, Set<String> present) {
        return session.participants().stream()
                .map(p -> p.withConnected(present.contains(p.id())))
                .toList();
    }

    private Optional<SessionRow> writePresence(SessionRow session, List<ParticipantRow> participants) {
        Optional<SessionRow> written =
                write(session, session.with(session.status(), session.position(), session.revealed(), participants));
        written.ifPresent(after -> recordReturns(session, after));
        return written;
    }

    /**
     * The participant whose token this is, in a session that still exists whatever its status: feedback is welcome
     * after a session has ended. 404 for an unknown session, 401 for a token not of it.
     */
    public Participant participant(UUID id, String token) {
        SessionRow session = sessions.find(id).orElseThrow(SessionService::unknown);
        String participantId = participantFor(session, token)
                .map(ParticipantRow::id)
                .orElseThrow(
                        () -> new ApiException(ErrorCode.UNAUTHORIZED, "That token does not belong to this session."));
        return new Participant(session, participantId);
    }

    /**
     * The last state of an ended session for one of its own phones, so that a reloaded phone shows the ending again.
     * 404 for an unknown session, 401 for a token not of it, 410 for an expired one, 409 for one still going.
     */
    public SessionView ending(UUID id, String token) {
        SessionRow session = participant(id, token).session();
        if (session.effectiveStatus() == SessionStatus.ENDED) {
            return view(session);
        }
        ensureOpen(session);
        throw new ApiException(ErrorCode.CONFLICT, "This session has not ended; rejoin it to play on.");
    }

    /** A participant's rating of a card the session has dealt (in its deck, at or before the current position). */
    public void rate(Participant participant, int questionId, SessionEvents.Rating rating) {
        SessionRow session = participant.session();
        int dealtAt = session.deck().indexOf(questionId);
        if (dealtAt < 0 || dealtAt > session.position()) {
            throw ApiException.notFound("That question has not been dealt in this session.");
        }
        events.rated(session, participant.id(), questionId, session.revisionAt(dealtAt), rating);
    }

    /** A participant's answer to whether they would recommend Table-Talk: 0 to 10, or null for skipped. */
    public void recommend(Participant participant, Integer score) {
        events.recommendAnswered(participant.session(), participant.id(), score);
    }

    /** Marks sessions whose time is up as expired, so that their phones hear of it. */
    public int expireDue(int limit) {
        List<SessionRow> expired = sessions.expireDue(limit);
        for (SessionRow session : expired) {
            events.expired(session);
            notifyListeners(session);
        }
        return expired.size();
    }

    public int deleteClosed(int limit) {
        return sessions.deleteClosedBefore(config.retention().toSeconds(), limit);
    }

    public long countOpen() {
        return sessions.countOpen();
    }

    public SessionView view(SessionRow session) {
        return SessionView.of(session, card(session), config.recommendAfterCards());
    }

    Optional<SessionRow> write(SessionRow before, SessionRow after) {
        Optional<SessionRow> written = sessions.compareAndSet(
                        before.id(),
                        before.version(),
                        after.status().wire(),
                        after.position(),
                        after.revealed(),
                        SessionDao.Mapper.write(after.participants()),
                        after.endedBy(),
                        config.idleTimeout().toSeconds(),
                        config.maxLifetime().toSeconds())
                .map(decided -> after.written(
                        decided.version(), decided.expiresAt(), decided.cardShownAt(), decided.closedAt()));
        written.ifPresent(this::notifyListeners);
        return written;
    }

    private void notifyListeners(SessionRow session) {
        watched.remember(session);
        for (SessionListener listener : listeners) {
            listener.changed(session);
        }
    }

    /** A participant shown connected again after having been shown away has come back. */
    private void recordReturns(SessionRow before, SessionRow after) {
        for (ParticipantRow now : after.participants()) {
            before.participants().stream()
                    .filter(was -> was.id().equals(now.id()) && now.cameBackFrom(was))
                    .findFirst()
                    .ifPresent(was -> events.reconnected(after, now.id()));
        }
    }

    /** The current card with the wording it was dealt with, however the library has changed since. */
    private Question card(SessionRow session) {
        return cardAt(session, session.position());
    }

    private Question cardAt(SessionRow session, int position) {
        int questionId = session.deck().get(position);
        int revision = session.revisionAt(position);
        return questions
                .find(questionId, revision)
                .orElseThrow(() -> new IllegalStateException(
                        "Revision " + revision + " of question " + questionId + " of a deck is missing"));
    }

    SessionRow open(UUID id) {
        SessionRow session = sessions.find(id).orElseThrow(SessionService::unknown);
        ensureOpen(session);
        return session;
    }

    private static void ensureOpen(SessionRow session) {
        SessionStatus status = session.effectiveStatus();
        if (status == SessionStatus.ENDED) {
            throw new ApiException(
                    ErrorCode.SESSION_ENDED, "This session has ended. Scan the table's code to start a new one.");
        }
        if (status == SessionStatus.EXPIRED) {
            throw new ApiException(
                    ErrorCode.SESSION_EXPIRED, "This session has expired. Scan the table's code to start a new one.");
        }
    }

    private VersionConflict conflict(SessionRow current) {
        metrics.counter("commands.conflicts").inc();
        return new VersionConflict(
                "The session has moved on (it is at version " + current.version() + "); here is its current state.",
                view(current));
    }

    private SessionView current(UUID id) {
        return view(sessions.find(id).orElseThrow(SessionService::unknown));
    }

    private static ApiException unknown() {
        return ApiException.notFound("No session has that id.");
    }

    static Optional<ParticipantRow> participantFor(SessionRow session, String token) {
        if (!ParticipantTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return session.participants().stream()
                .filter(p -> ParticipantTokens.matches(token, p.tokenHash()))
                .findFirst();
    }

    private static boolean sameState(SessionRow a, SessionRow b) {
        return a.status() == b.status()
                && a.position() == b.position()
                && a.revealed() == b.revealed()
                && a.participants().equals(b.participants());
    }

    /** One participant of a session, as its token showed. */
    public record Participant(SessionRow session, String id) {}

    /** A participant's place in a session: its id and token, and whether it was new. */
    public record Joined(SessionView session, String participantId, String token, boolean created) {}
}
