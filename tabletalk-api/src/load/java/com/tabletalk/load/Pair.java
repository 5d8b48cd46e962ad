package com.tabletalk.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Two phones at one table, playing one step at a time: a phone sends a command against the version it shows,
 * and the step is done when both phones show a newer version. The delay from the send to the other phone's
 * receipt is one phone-to-phone sample. A move is the steps it takes until the card changes (in dual mode,
 * both phones send {@code next}).
 */
final class Pair {

    enum Kind {
        MOVE,
        REVEAL,
        READY,
        ANSWER
    }

    final String sessionId;
    final Phone a;
    final Phone b;
    private final Rig rig;
    private final int deckSize;
    private Consumer<Pair> onIdle = p -> {};

    private boolean busy;
    private Kind kind;
    private boolean stepOpen;
    private Phone sender;
    private long sentVersion;
    private long sentNanos;
    private boolean senderSaw;
    private boolean receiverSaw;
    private int moveStartPosition;
    private int stepsInAction;
    private boolean startWithA = true;
    /** The card position after the last move this pair saw complete; the database must agree at the end. */
    volatile int confirmedPosition;
    /** Steps cut short (timeout, dropped socket) since the last confirmed move: each may still have moved the card. */
    volatile int unconfirmed;

    volatile long moves;
    volatile long actions;
    volatile long doubleMoves;

    Pair(Rig rig, String sessionId, Phone a, Phone b, int deckSize, int position) {
        this.rig = rig;
        this.sessionId = sessionId;
        this.a = a;
        this.b = b;
        this.deckSize = deckSize;
        this.confirmedPosition = position;
        a.attach(this);
        b.attach(this);
    }

    void onIdle(Consumer<Pair> callback) {
        this.onIdle = callback;
    }

    synchronized boolean isBusy() {
        return busy;
    }

    /** Both phones have a state and show the same version. */
    boolean settled() {
        return a.latest != null && a.lastVersion == b.lastVersion;
    }

    /** Both phones' sockets are open, yet the state shows a participant away (the service lost a presence change). */
    boolean presenceWrong() {
        JsonNode state = a.latest;
        return state != null
                && a.isOpen()
                && b.isOpen()
                && !(state.at("/participants/0/connected").asBoolean()
                        && state.at("/participants/1/connected").asBoolean());
    }

    /** Starts one move (hold) or one random action (mixed play). */
    synchronized void start(boolean mixed) {
        if (busy) {
            return;
        }
        busy = true;
        stepsInAction = 0;
        JsonNode state = freshest();
        kind = mixed ? pickAction(state) : Kind.MOVE;
        moveStartPosition = state.path("position").asInt();
        startWithA = !startWithA;
        step(state);
    }

    private JsonNode freshest() {
        return a.lastVersion >= b.lastVersion ? a.latest : b.latest;
    }

    private Kind pickAction(JsonNode state) {
        int roll = ThreadLocalRandom.current().nextInt(10);
        if (roll < 4) {
            return Kind.MOVE;
        }
        if (roll < 6 && !state.path("revealed").asBoolean()) {
            return Kind.REVEAL;
        }
        if (roll < 8 && "choice".equals(state.at("/card/type").asText())) {
            return Kind.ANSWER;
        }
        return Kind.READY;
    }

    private void step(JsonNode state) {
        Phone first = startWithA ? a : b;
        Phone second = startWithA ? b : a;
        String command;
        switch (kind) {
            case MOVE -> {
                // The phone that does not yet want the next card asks for it; the second such step moves the card.
                sender = wants(state, first) ? second : first;
                command = "{\"type\":\"next\",\"version\":%d}";
            }
            case REVEAL -> {
                sender = first;
                command = "{\"type\":\"reveal\",\"version\":%d}";
            }
            case ANSWER -> {
                sender = answered(state, first) ? second : first;
                if (answered(state, sender)) {
                    finish();
                    return;
                }
                String option = state.at("/card/options/0/id").asText("a");
                command = "{\"type\":\"answer\",\"optionId\":\"" + option + "\",\"version\":%d}";
            }
            default -> {
                sender = first;
                command = "{\"type\":\"ready\",\"ready\":" + !flag(state, first, "ready") + ",\"version\":%d}";
            }
        }
        stepsInAction++;
        sentVersion = sender.lastVersion;
        sentNanos = System.nanoTime();
        senderSaw = false;
        receiverSaw = other(sender).lastVersion > sentVersion;
        if (receiverSaw) {
            rig.count("step.sent_on_stale_version");
        }
        stepOpen = true;
        sender.send(String.format(command, sentVersion));
        rig.count("commands.sent");
        if (racesThisStep()) {
            // Both phones at the same version at the same instant: exactly one change may come of it.
            other(sender).send(String.format(command, sentVersion));
            rig.count("commands.sent");
            rig.count("move.raced");
        }
    }

    private boolean racesThisStep() {
        int every = rig.raceEvery;
        return kind == Kind.MOVE
                && stepsInAction == 1
                && every > 0
                && moves % every == every - 1
                && a.lastVersion == b.lastVersion;
    }

    private Phone other(Phone phone) {
        return phone == a ? b : a;
    }

    private static boolean wants(JsonNode state, Phone phone) {
        return flag(state, phone, "wantsNext");
    }

    private static boolean answered(JsonNode state, Phone phone) {
        return flag(state, phone, "answered");
    }

    private static boolean flag(JsonNode state, Phone phone, String field) {
        for (JsonNode participant : state.path("participants")) {
            if (participant.path("id").asText().equals(phone.participantId)) {
                return participant.path(field).asBoolean();
            }
        }
        return false;
    }

    /** Called by a phone for every state newer than the one it showed. */
    synchronized void onState(Phone phone, JsonNode previous, JsonNode state, long version, long nanos) {
        if (previous != null && previous.path("version").asLong() == version - 1) {
            int distance = Math.floorMod(
                    state.path("position").asInt() - previous.path("position").asInt(), deckSize);
            if (distance > 1) {
                // One change of the session moved the card by more than one.
                doubleMoves++;
            }
        }
        if (!stepOpen || version <= sentVersion) {
            return;
        }
        if (phone == sender) {
            senderSaw = true;
        } else if (!receiverSaw) {
            receiverSaw = true;
            if (phone.connectedAtNanos < sentNanos) {
                rig.recordMicros(rig.phoneToPhone, nanos - sentNanos);
            }
        }
        if (senderSaw && receiverSaw) {
            stepOpen = false;
            if (version > sentVersion + 1 && a.lastVersion == b.lastVersion) {
                rig.count("step.extra_versions");
            }
            afterStep(freshest());
        }
    }

    private void afterStep(JsonNode state) {
        if (kind != Kind.MOVE) {
            actions++;
            finish();
            return;
        }
        int position = state.path("position").asInt();
        if (position == moveStartPosition) {
            if (stepsInAction >= 6) {
                rig.count("move.gave_up");
                unconfirmed++;
                finish();
                return;
            }
            step(state);
            return;
        }
        int distance = Math.floorMod(position - moveStartPosition, deckSize);
        if (distance > 1 + unconfirmed) {
            // More moves than this pair asked for, even counting the ones it gave up on.
            doubleMoves++;
        }
        confirmedPosition = position;
        unconfirmed = 0;
        moves++;
        actions++;
        finish();
    }

    private void finish() {
        busy = false;
        stepOpen = false;
        onIdle.accept(this);
    }

    /** A step that got no answer in time: resync both phones and free the pair. */
    synchronized boolean expire(long nowNanos, long timeoutNanos) {
        if (!busy || !stepOpen || nowNanos - sentNanos < timeoutNanos) {
            return false;
        }
        rig.count("step.timeout");
        if (kind == Kind.MOVE) {
            unconfirmed++;
        }
        stepOpen = false;
        busy = false;
        if (a.isOpen()) {
            a.hello();
        }
        if (b.isOpen()) {
            b.hello();
        }
        rig.scheduler.schedule(() -> onIdle.accept(this), 500, java.util.concurrent.TimeUnit.MILLISECONDS);
        return true;
    }

    /**
     * The service refused the step's command as too busy: the step is over without an answer (the card may still
     * have moved if the other phone's command of a raced step went through), and the pair is free again shortly.
     */
    synchronized void onBusy(Phone phone) {
        if (!stepOpen || phone != sender) {
            return;
        }
        if (kind == Kind.MOVE) {
            unconfirmed++;
        }
        stepOpen = false;
        busy = false;
        rig.scheduler.schedule(() -> onIdle.accept(this), 500, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void onDrop(Phone phone) {
        synchronized (this) {
            if (stepOpen && kind == Kind.MOVE) {
                unconfirmed++;
            }
        }
    }

    void close() {
        a.close();
        b.close();
    }
}
