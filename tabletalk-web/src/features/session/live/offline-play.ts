// A one-phone session plays on without the network: the rest of its deck is kept in memory and in the tab's
// storage, taps move through it on this phone, and once the service answers again one `seek` brings the
// session to where this phone got to. Loaded on demand by the live channel, only for one-phone sessions.
import { isApiError } from '@/lib/api-client';
import {
  type Command,
  type CommandIntent,
  type ParticipantCredentials,
  parseSessionDeck,
  parseSessionState,
  type SessionDeck,
  type SessionState,
} from '@/lib/messages';
import { readTab, writeTab } from '@/lib/tab-storage';
import { getSessionDeck, sendCommand } from '../api/session-api';
import { problemFromError } from '../hooks/session-problem';
import { isOver, type LiveSessionStore, type LocalPlay } from './session-store';

/** Where this phone is while it plays on offline. */
export interface OfflinePlace {
  readonly position: number;
  readonly revealed: boolean;
  /** This phone's pick on a choice card, if it made one. */
  readonly answer: string | null;
}

export function placeOf(state: SessionState, me: string): OfflinePlace {
  return { position: state.position, revealed: state.revealed, answer: state.answers?.[me] ?? null };
}

/** Whether the kept deck has the card at `position`. */
export function holdsCard(deck: SessionDeck, position: number): boolean {
  return position >= deck.from && position - deck.from < deck.cards.length;
}

/**
 * The state this phone shows offline: the service's last state, moved to `place` with the kept card, as the
 * service would show it there (the hint only once revealed; a pick shown at once, as one phone answers alone).
 */
export function offlineState(
  server: SessionState,
  deck: SessionDeck,
  place: OfflinePlace,
  me: string,
): SessionState | null {
  const card = holdsCard(deck, place.position) ? deck.cards[place.position - deck.from] : undefined;
  if (!card) return null;
  return {
    ...server,
    position: place.position,
    card: { ...card, hint: place.revealed ? card.hint : undefined },
    revealed: place.revealed,
    participants: server.participants.map((participant) =>
      participant.id === me
        ? { ...participant, ready: false, wantsNext: false, answered: place.answer !== null }
        : participant,
    ),
    answers: place.answer === null ? undefined : { [me]: place.answer },
  };
}

/** Where a tap takes this phone offline; null when it cannot be played without the service. */
export function playTap(deck: SessionDeck, place: OfflinePlace, intent: CommandIntent): OfflinePlace | null {
  switch (intent.type) {
    case 'next':
      return holdsCard(deck, place.position + 1)
        ? { position: place.position + 1, revealed: false, answer: null }
        : null;
    case 'reveal':
      return { ...place, revealed: true };
    case 'ready':
      return place;
    case 'answer': {
      const card = deck.cards[place.position - deck.from];
      if (place.answer !== null || !card?.options?.some((option) => option.id === intent.optionId)) return null;
      return { ...place, answer: intent.optionId };
    }
    case 'end':
      return null;
  }
}

/** The one command that brings the service to `place`, or null when it is there already or further on. */
export function catchUpCommand(server: SessionState, place: OfflinePlace): Command | null {
  if (place.position <= server.position) return null;
  return { type: 'seek', position: place.position, version: server.version };
}

const deckKey = (sessionId: string) => `tabletalk.deck.${sessionId}`;

/** The deck kept in this tab for the session, if any (anything unreadable counts as none). */
export function loadDeck(sessionId: string): SessionDeck | null {
  const raw = readTab(deckKey(sessionId));
  if (raw === null) return null;
  try {
    const parsed = parseSessionDeck(JSON.parse(raw));
    return parsed.ok && parsed.value.sessionId === sessionId ? parsed.value : null;
  } catch {
    return null;
  }
}

export function saveDeck(deck: SessionDeck): void {
  writeTab(deckKey(deck.sessionId), JSON.stringify(deck));
}

const progressKey = (sessionId: string) => `tabletalk.offline.${sessionId}`;

/** What a reload needs to go on offline: the service's last state and this phone's place beyond it. */
interface Progress {
  readonly state: SessionState;
  readonly place: OfflinePlace;
}

function saveProgress(sessionId: string, progress: Progress | null): void {
  writeTab(progressKey(sessionId), progress === null ? null : JSON.stringify(progress));
}

function isPlace(value: unknown): value is OfflinePlace {
  if (typeof value !== 'object' || value === null) return false;
  const { position, revealed, answer } = value as Record<string, unknown>;
  return (
    Number.isInteger(position) &&
    typeof revealed === 'boolean' &&
    (answer === null || (typeof answer === 'string' && answer !== ''))
  );
}

/** The progress kept in this tab for the session, if any and readable. */
export function loadProgress(sessionId: string): Progress | null {
  const raw = readTab(progressKey(sessionId));
  if (raw === null) return null;
  try {
    const { state, place } = JSON.parse(raw) as { state?: unknown; place?: unknown };
    const parsed = parseSessionState(state);
    return parsed.ok && parsed.value.id === sessionId && isPlace(place) ? { state: parsed.value, place } : null;
  } catch {
    return null;
  }
}

/**
 * A reload without the network: goes on from the progress and the deck kept in this tab, as `me`. Returns
 * whether it could (else the page says the service cannot be reached).
 */
export function resumeOffline(sessionId: string, store: LiveSessionStore, me: ParticipantCredentials): boolean {
  const progress = loadProgress(sessionId);
  const deck = loadDeck(sessionId);
  if (!progress || !deck || !holdsCard(deck, progress.place.position)) return false;
  store.update({ me: { id: me.id, token: me.token } });
  store.show(progress.state);
  store.local = startOfflinePlay(sessionId, store);
  return true;
}

/** How often a catch-up that lost a race (a newer version) is tried again with the newer state. */
const catchUpAttempts = 3;

/** Starts keeping the deck of a one-phone session and plays it on this phone while the network is gone. */
export function startOfflinePlay(sessionId: string, store: LiveSessionStore): LocalPlay {
  let deck = loadDeck(sessionId);
  // Cards this phone went through offline before a reload still count.
  let place: OfflinePlace | null = deck ? (loadProgress(sessionId)?.place ?? null) : null;
  let fetching = false;
  let catchingUp = false;
  let stopped = false;

  function show() {
    const { state, me } = store.get();
    const shown = place && deck && state && me ? offlineState(state, deck, place, me.id) : null;
    saveProgress(sessionId, shown && state && place ? { state, place } : null);
    store.update({ offline: shown });
  }

  function finish() {
    place = null;
    saveProgress(sessionId, null);
    store.update({ offline: null });
  }

  async function keepDeck() {
    const { state, me } = store.get();
    if (fetching || stopped || !state || !me || state.mode !== 'single' || isOver(state)) return;
    if (deck && holdsCard(deck, state.position)) return;
    fetching = true;
    try {
      const fetched = await getSessionDeck(sessionId, me.token);
      if (stopped) return;
      deck = fetched;
      saveDeck(fetched);
    } catch {
      // Without a kept deck the session plays online only; the next return of the network tries again.
    } finally {
      fetching = false;
    }
  }

  /** Starts playing on this phone from the service's last state, if the kept deck has its card. */
  function goOffline(): boolean {
    if (place) return true;
    const { state, me } = store.get();
    if (stopped || !deck || !state || !me || state.mode !== 'single' || isOver(state)) return false;
    if (!holdsCard(deck, state.position)) return false;
    place = placeOf(state, me.id);
    show();
    return true;
  }

  function play(intent: CommandIntent): boolean {
    if (!place || !deck) return false;
    const next = playTap(deck, place, intent);
    if (!next) return false;
    place = next;
    show();
    return true;
  }

  async function catchUp() {
    if (catchingUp || stopped) return;
    catchingUp = true;
    try {
      for (let attempt = 0; place && attempt < catchUpAttempts && !stopped; attempt++) {
        const { state, me } = store.get();
        if (!state || !me) return;
        const sent = place;
        const command = catchUpCommand(state, sent);
        if (command) {
          try {
            store.show(await sendCommand(sessionId, me.token, command));
          } catch (error) {
            if (isApiError(error, 'version_conflict') && error.session) {
              store.show(error.session);
              continue;
            }
            if (isApiError(error, 'unreachable', 'unavailable', 'rate_limited', 'internal')) return;
            if (isApiError(error, 'unauthorized', 'not_found', 'session_ended', 'session_expired')) {
              store.update({ problem: problemFromError(error, store.tableToken, 0) });
            }
            // Anything else was refused: the service's state stands.
            finish();
            return;
          }
        }
        // A tap made while the catch-up was on its way goes in the next round.
        if (place !== sent) continue;
        const hintShown = sent.revealed && !store.get().state?.revealed;
        finish();
        const caughtUp = store.get().state;
        if (hintShown && caughtUp && caughtUp.position === sent.position) {
          // The hint this phone showed offline stays shown; not worth a notice if it fails.
          sendCommand(sessionId, me.token, { type: 'reveal', version: caughtUp.version }).then(
            (revealed) => store.show(revealed),
            () => {},
          );
        }
        return;
      }
    } finally {
      catchingUp = false;
    }
  }

  void keepDeck();
  if (place) {
    show();
    void catchUp();
  } else if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    goOffline();
  }

  return {
    tap(intent) {
      if (!place && !(typeof navigator !== 'undefined' && navigator.onLine === false)) return false;
      return goOffline() && play(intent);
    },
    unreachable(intent) {
      return goOffline() && play(intent);
    },
    wentOffline() {
      goOffline();
    },
    back() {
      if (place) void catchUp();
      else void keepDeck();
    },
    stop() {
      stopped = true;
    },
  };
}
