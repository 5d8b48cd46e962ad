import type { CommandIntent, CommandType, ParticipantCredentials, SessionState } from '@/lib/messages';
import type { LiveStatus } from '@/lib/socket-client';
import type { SessionProblem } from '../hooks/session-problem';

/** Everything the session screen shows, as one immutable value per change. */
export interface LiveSessionSnapshot {
  readonly state: SessionState | null;
  readonly me: ParticipantCredentials | null;
  readonly connection: LiveStatus;
  /** The command on its way, if any (its buttons show as busy). */
  readonly pending: CommandType | null;
  /** A short, polite note about the last command (conflict, offline…). */
  readonly notice: string | null;
  readonly problem: SessionProblem | null;
  /** This phone holds no participant for the session: it has to join first. */
  readonly needsJoin: boolean;
  /** This phone ended the session (it says goodbye rather than "has ended"). */
  readonly endedHere: boolean;
  /**
   * One-phone sessions without the network: the state this phone plays on from its kept deck, shown instead of
   * `state` (the service's last word) until the service has caught up.
   */
  readonly offline: SessionState | null;
}

/** Plays a one-phone session on this phone while the network is gone (see offline-play.ts, loaded on demand). */
export interface LocalPlay {
  /** Plays the tap on this phone when it is offline; returns whether it did (then nothing is sent). */
  tap(intent: CommandIntent): boolean;
  /** A tap could not reach the service: plays it on this phone instead, if it can; returns whether it did. */
  unreachable(intent: CommandIntent): boolean;
  /** The browser says the network is gone. */
  wentOffline(): void;
  /** The network or the live channel is back: catch the service up with this phone. */
  back(): void;
  stop(): void;
}

/** What may change besides the state, which only `show` sets. */
export type SnapshotChange = Partial<Omit<LiveSessionSnapshot, 'state'>>;

export interface LiveSessionStore {
  get(): LiveSessionSnapshot;
  subscribe(listener: () => void): () => void;
  /**
   * Shows `incoming` unless a newer state is on screen, wherever either came from (join, live channel,
   * command answer, conflict): `version` only grows on the server. Returns whether it was shown.
   */
  show(incoming: SessionState): boolean;
  update(change: SnapshotChange): void;
  /**
   * Shows a notice that the service could not be reached; it goes again as soon as the service is heard
   * from (a state arrives, or the live channel is live), since it would no longer be true.
   */
  noteOutOfReach(notice: string): void;
  /** Starts over for a fresh opening of the session; `tableToken` is the table this phone came from. */
  reset(tableToken?: string): void;
  /** The table of the session, for the "start a new one" links. */
  readonly tableToken: string | undefined;
  /** Counts a failed opening and returns how many failed in a row (the retry wait grows with it). */
  countFailure(): number;
  clearFailures(): void;
  /** Offline play for a one-phone session, once loaded; null otherwise. */
  local: LocalPlay | null;
}

export function isOver(state: SessionState): boolean {
  return state.status === 'ended' || state.status === 'expired';
}

export function createLiveSessionStore(): LiveSessionStore {
  let snapshot: LiveSessionSnapshot = {
    state: null,
    me: null,
    connection: 'connecting',
    pending: null,
    notice: null,
    problem: null,
    needsJoin: false,
    endedHere: false,
    offline: null,
  };
  let tableToken: string | undefined;
  let failures = 0;
  let noticeIsOutOfReach = false;
  const listeners = new Set<() => void>();

  function publish(next: LiveSessionSnapshot) {
    snapshot = next;
    listeners.forEach((listener) => listener());
  }

  return {
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    show(incoming) {
      const current = snapshot.state;
      if (current && incoming.version < current.version) return false;
      tableToken = incoming.tableToken;
      // A note about the last tap belongs to the card it was about.
      const movedOn = current !== null && current.position !== incoming.position;
      const notice = movedOn || noticeIsOutOfReach ? null : snapshot.notice;
      noticeIsOutOfReach = false;
      publish({ ...snapshot, state: incoming, notice });
      return true;
    },
    update(change) {
      if ('notice' in change) noticeIsOutOfReach = false;
      if (change.connection === 'live' && noticeIsOutOfReach) {
        noticeIsOutOfReach = false;
        publish({ ...snapshot, ...change, notice: null });
        return;
      }
      publish({ ...snapshot, ...change });
    },
    noteOutOfReach(notice) {
      noticeIsOutOfReach = true;
      publish({ ...snapshot, notice });
    },
    reset(table) {
      tableToken = table;
      noticeIsOutOfReach = false;
      publish({
        ...snapshot,
        state: null,
        me: null,
        problem: null,
        needsJoin: false,
        notice: null,
        connection: 'connecting',
        offline: null,
      });
    },
    get tableToken() {
      return tableToken;
    },
    countFailure: () => ++failures,
    clearFailures() {
      failures = 0;
    },
    local: null,
  };
}
