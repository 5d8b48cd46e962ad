package com.tabletalk.session;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.tabletalk.common.ApiException;

/**
 * What a participant asks of a session, over REST or the live channel. Every command names the version it was
 * sent against; a command against any other version changes nothing.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Command.Next.class, name = "next"),
    @JsonSubTypes.Type(value = Command.Reveal.class, name = "reveal"),
    @JsonSubTypes.Type(value = Command.Ready.class, name = "ready"),
    @JsonSubTypes.Type(value = Command.Answer.class, name = "answer"),
    @JsonSubTypes.Type(value = Command.End.class, name = "end"),
    @JsonSubTypes.Type(value = Command.Seek.class, name = "seek"),
})
public sealed interface Command {

    Long version();

    /** Java 17 has no pattern switch: a visitor keeps every use of commands exhaustive. */
    <R> R accept(Visitor<R> visitor);

    interface Visitor<R> {
        R next(Next next);

        R reveal(Reveal reveal);

        R ready(Ready ready);

        R answer(Answer answer);

        R end(End end);

        R seek(Seek seek);
    }

    /** The wire name, as in {@code "type"}. */
    String type();

    /** Checks what Jackson cannot: required fields and their ranges. */
    default void validate() {
        if (version() == null) {
            throw ApiException.invalid("version is required.");
        }
        if (version() < 1) {
            throw ApiException.invalid("version must be a positive number.");
        }
    }

    record Next(Long version) implements Command {
        @Override
        public String type() {
            return "next";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.next(this);
        }
    }

    record Reveal(Long version) implements Command {
        @Override
        public String type() {
            return "reveal";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.reveal(this);
        }
    }

    record Ready(Boolean ready, Long version) implements Command {
        @Override
        public String type() {
            return "ready";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ready(this);
        }

        @Override
        public void validate() {
            Command.super.validate();
            if (ready == null) {
                throw ApiException.invalid("ready must be true or false.");
            }
        }
    }

    /**
     * Locks in a pick on a choice card. On two phones each phone answers for itself and {@code seat} is absent. On
     * one phone the diners pass it between them: {@code seat} is {@code "first"} (or absent) for the one holding it
     * first, {@code "second"} for the partner it was passed to.
     */
    record Answer(String optionId, String seat, Long version) implements Command {
        public static final String FIRST = "first";
        public static final String SECOND = "second";

        @Override
        public String type() {
            return "answer";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.answer(this);
        }

        @Override
        public void validate() {
            Command.super.validate();
            if (optionId == null || !optionId.matches("[a-d]")) {
                throw ApiException.invalid("optionId must be the id of one of the card's options.");
            }
            if (seat != null && !seat.equals(FIRST) && !seat.equals(SECOND)) {
                throw ApiException.invalid("seat must be first or second.");
            }
        }

        /** The partner's pick on a shared phone. */
        public boolean bySecondSeat() {
            return SECOND.equals(seat);
        }
    }

    record End(Long version) implements Command {
        @Override
        public String type() {
            return "end";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.end(this);
        }
    }

    /**
     * One-phone sessions only: moves the card forward to {@code position} of the deck in one step, for a phone
     * that went on through the cards while it was offline and has come back.
     */
    record Seek(Integer position, Long version) implements Command {
        @Override
        public String type() {
            return "seek";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.seek(this);
        }

        @Override
        public void validate() {
            Command.super.validate();
            if (position == null) {
                throw ApiException.invalid("position is required: the deck position to move forward to.");
            }
            if (position < 0) {
                throw ApiException.invalid("position must be a deck position (0 or more).");
            }
        }
    }
}
