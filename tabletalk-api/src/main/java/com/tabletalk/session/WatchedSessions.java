package com.tabletalk.session;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest row this instance has seen of each session that has live sockets here, so that a phone's command can
 * be worked out without reading the row first. A row here is only ever a guess: every write is a compare-and-set on
 * the version, so a command worked out on a row that another instance has changed since fails to write, and the
 * service works it out again on a fresh read. Rows are kept only while a session is watched (from its first socket
 * here until its last one leaves), so this holds as many rows as there are live sessions here, and no more.
 */
final class WatchedSessions {

    /** A watched session's newest row, or none yet. */
    private record Slot(SessionRow row) {
        static final Slot EMPTY = new Slot(null);
    }

    private final ConcurrentHashMap<UUID, Slot> slots = new ConcurrentHashMap<>();

    void watch(UUID id) {
        slots.putIfAbsent(id, Slot.EMPTY);
    }

    void unwatch(UUID id) {
        slots.remove(id);
    }

    /** Keeps {@code row} if its session is watched and it is not older than the row already kept. */
    void remember(SessionRow row) {
        slots.computeIfPresent(
                row.id(),
                (id, slot) -> slot.row() == null || row.version() >= slot.row().version() ? new Slot(row) : slot);
    }

    Optional<SessionRow> latest(UUID id) {
        Slot slot = slots.get(id);
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.row());
    }
}
