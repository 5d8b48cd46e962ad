import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Card, SessionDeck, SessionState } from '@/lib/messages';
import { readTab } from '@/lib/tab-storage';
import { apiError, fakeApi } from '@/test/fake-api';
import { aChoiceCard, anOpenCard, aSession, sessionId } from '@/test/fixtures';
import {
  catchUpCommand,
  holdsCard,
  loadDeck,
  loadProgress,
  offlineState,
  placeOf,
  playTap,
  resumeOffline,
  saveDeck,
  startOfflinePlay,
} from './offline-play';
import { createLiveSessionStore } from './session-store';

const api = `/api/sessions/${sessionId}`;

function card(n: number, overrides: Partial<Card> = {}): Card {
  return anOpenCard({ questionId: 100 + n, text: `Question number ${n}?`, hint: `Hint ${n}`, ...overrides });
}

/** The kept deck of a session at position 2 with six cards left (positions 2 to 7). */
function aDeck(overrides: Partial<SessionDeck> = {}): SessionDeck {
  return {
    sessionId,
    version: 5,
    from: 2,
    deckSize: 8,
    cards: [2, 3, 4, 5, 6, 7].map((n) => card(n)),
    ...overrides,
  };
}

const atTwo = (overrides: Partial<SessionState> = {}) =>
  aSession({ version: 5, position: 2, deckSize: 8, card: card(2, { hint: undefined }), ...overrides });

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
}

describe('offline play, step by step', () => {
  it('knows which positions the kept deck holds', () => {
    expect(holdsCard(aDeck(), 1)).toBe(false);
    expect(holdsCard(aDeck(), 2)).toBe(true);
    expect(holdsCard(aDeck(), 7)).toBe(true);
    expect(holdsCard(aDeck(), 8)).toBe(false);
  });

  it('shows the kept card at this phone’s place, with the hint only once revealed', () => {
    const place = { position: 4, revealed: false, answer: null };
    const shown = offlineState(atTwo(), aDeck(), place, 'A');
    expect(shown).toMatchObject({ position: 4, version: 5, revealed: false, card: { questionId: 104 } });
    expect(shown?.card?.hint).toBeUndefined();
    expect(offlineState(atTwo(), aDeck(), { ...place, revealed: true }, 'A')?.card?.hint).toBe('Hint 4');
    expect(offlineState(atTwo(), aDeck(), { ...place, position: 9 }, 'A')).toBeNull();
  });

  it('moves on card by card, and stops at the last kept card', () => {
    let place = placeOf(atTwo(), 'A');
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      place = playTap(aDeck(), place, { type: 'next' }) ?? place;
      seen.push(place.position);
    }
    expect(seen).toEqual([3, 4, 5, 6, 7]);
    expect(playTap(aDeck(), place, { type: 'next' })).toBeNull();
  });

  it('reveals, answers a choice card once, and leaves ending to the service', () => {
    const deck = aDeck({ cards: [aChoiceCard({ questionId: 102 }), card(3)] });
    const place = placeOf(atTwo(), 'A');
    expect(playTap(deck, place, { type: 'reveal' })).toEqual({ ...place, revealed: true });
    const answered = playTap(deck, place, { type: 'answer', optionId: 'b' });
    expect(answered).toEqual({ ...place, answer: 'b' });
    expect(offlineState(atTwo(), deck, answered!, 'A')).toMatchObject({
      answers: { A: 'b' },
      participants: [{ id: 'A', answered: true }],
    });
    expect(playTap(deck, answered!, { type: 'answer', optionId: 'a' })).toBeNull();
    expect(playTap(deck, place, { type: 'answer', optionId: 'z' })).toBeNull();
    expect(playTap(deck, place, { type: 'end' })).toBeNull();
  });

  it('catches up with one seek at the version on record, or not at all when the service is as far or further', () => {
    const place = { position: 7, revealed: false, answer: null };
    expect(catchUpCommand(atTwo(), place)).toEqual({ type: 'seek', position: 7, version: 5 });
    expect(catchUpCommand(atTwo({ position: 7 }), place)).toBeNull();
    expect(catchUpCommand(atTwo({ position: 7, version: 9 }), { ...place, position: 4 })).toBeNull();
  });

  it('keeps the deck in the tab, for this session only', () => {
    saveDeck(aDeck());
    expect(loadDeck(sessionId)).toEqual(aDeck());
    expect(loadDeck('another-session')).toBeNull();
    sessionStorage.setItem(`tabletalk.deck.${sessionId}`, '{not json');
    expect(loadDeck(sessionId)).toBeNull();
  });
});

describe('offline play of a one-phone session', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  function aStore(state = atTwo()) {
    const store = createLiveSessionStore();
    store.update({ me: { id: 'A', token: 'tok-a' } });
    store.show(state);
    return store;
  }

  it('fetches the rest of the deck once and keeps it in the tab', async () => {
    const { requests } = fakeApi({ [`GET ${api}/deck`]: { status: 200, body: aDeck() } });
    const play = startOfflinePlay(sessionId, aStore());
    await vi.waitFor(() => expect(readTab(`tabletalk.deck.${sessionId}`)).not.toBeNull());
    expect(loadDeck(sessionId)).toEqual(aDeck());
    play.back();
    expect(requests).toEqual([{ method: 'GET', path: `${api}/deck`, authorization: 'Bearer tok-a', body: undefined }]);
    play.stop();
  });

  it('plays five cards offline without a request, then catches up with one seek', async () => {
    saveDeck(aDeck());
    const { requests } = fakeApi({
      [`POST ${api}/commands`]: { status: 200, body: atTwo({ version: 6, position: 7, card: card(7) }) },
    });
    const store = aStore();
    const play = startOfflinePlay(sessionId, store);
    setOnline(false);
    play.wentOffline();
    for (let i = 0; i < 5; i++) expect(play.tap({ type: 'next' })).toBe(true);

    expect(store.get().offline).toMatchObject({ position: 7, card: { text: 'Question number 7?' } });
    expect(store.get().state?.position).toBe(2);
    expect(requests).toEqual([]);

    setOnline(true);
    play.back();
    await vi.waitFor(() => expect(store.get().offline).toBeNull());
    expect(requests).toEqual([
      {
        method: 'POST',
        path: `${api}/commands`,
        authorization: 'Bearer tok-a',
        body: { type: 'seek', position: 7, version: 5 },
      },
    ]);
    expect(store.get().state).toMatchObject({ position: 7, version: 6 });
    expect(play.tap({ type: 'next' })).toBe(false);
  });

  it('takes over when a tap cannot reach the service, and stays offline while it still cannot', async () => {
    saveDeck(aDeck());
    const { requests } = fakeApi({ [`POST ${api}/commands`]: apiError(503, 'unavailable') });
    const store = aStore();
    const play = startOfflinePlay(sessionId, store);

    expect(play.tap({ type: 'next' })).toBe(false);
    expect(play.unreachable({ type: 'next' })).toBe(true);
    expect(store.get().offline?.position).toBe(3);

    play.back();
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    await Promise.resolve();
    expect(store.get().offline?.position).toBe(3);
  });

  it('after losing a race to a newer version, seeks again from it, or stops when the service is further on', async () => {
    saveDeck(aDeck());
    let calls = 0;
    const { requests } = fakeApi({
      [`POST ${api}/commands`]: () => {
        calls += 1;
        return calls === 1
          ? apiError(409, 'version_conflict', { session: atTwo({ version: 8, position: 3, card: card(3) }) })
          : { status: 200, body: atTwo({ version: 9, position: 5, card: card(5) }) };
      },
    });
    const store = aStore();
    const play = startOfflinePlay(sessionId, store);
    setOnline(false);
    play.wentOffline();
    play.tap({ type: 'next' });
    play.tap({ type: 'next' });
    play.tap({ type: 'next' });
    setOnline(true);
    play.back();

    await vi.waitFor(() => expect(store.get().offline).toBeNull());
    expect(requests.map((request) => request.body)).toEqual([
      { type: 'seek', position: 5, version: 5 },
      { type: 'seek', position: 5, version: 8 },
    ]);
    expect(store.get().state?.position).toBe(5);
  });

  it('sends nothing when the service is already further on than this phone got', async () => {
    saveDeck(aDeck());
    const { requests } = fakeApi({});
    const store = aStore();
    const play = startOfflinePlay(sessionId, store);
    play.unreachable({ type: 'next' });
    store.show(atTwo({ version: 7, position: 6, card: card(6) }));

    play.back();
    await vi.waitFor(() => expect(store.get().offline).toBeNull());
    expect(requests).toEqual([]);
    expect(store.get().state?.position).toBe(6);
  });

  it('plays nothing offline for two phones, or without a kept deck', () => {
    fakeApi({});
    const dual = aStore(atTwo({ mode: 'dual' }));
    saveDeck(aDeck());
    const two = startOfflinePlay(sessionId, dual);
    setOnline(false);
    two.wentOffline();
    expect(two.tap({ type: 'next' })).toBe(false);
    expect(dual.get().offline).toBeNull();

    sessionStorage.clear();
    const single = aStore();
    const none = startOfflinePlay(sessionId, single);
    none.wentOffline();
    expect(none.tap({ type: 'next' })).toBe(false);
    expect(single.get().offline).toBeNull();
  });

  it('keeps its progress in the tab, so a reload without the network goes on from the same card', () => {
    saveDeck(aDeck());
    fakeApi({});
    const store = aStore();
    const play = startOfflinePlay(sessionId, store);
    setOnline(false);
    play.wentOffline();
    play.tap({ type: 'next' });
    play.tap({ type: 'next' });
    play.stop();
    expect(loadProgress(sessionId)).toEqual({ state: atTwo(), place: { position: 4, revealed: false, answer: null } });

    const reloaded = createLiveSessionStore();
    expect(resumeOffline(sessionId, reloaded, { id: 'A', token: 'tok-a' })).toBe(true);
    expect(reloaded.get().me).toEqual({ id: 'A', token: 'tok-a' });
    expect(reloaded.get().state?.position).toBe(2);
    expect(reloaded.get().offline).toMatchObject({ position: 4, card: { text: 'Question number 4?' } });
    expect(reloaded.local?.tap({ type: 'next' })).toBe(true);
    expect(reloaded.get().offline?.position).toBe(5);
  });

  it('cannot go on after a reload without a kept deck', () => {
    fakeApi({});
    expect(resumeOffline(sessionId, createLiveSessionStore(), { id: 'A', token: 'tok-a' })).toBe(false);
  });

  it('catches up what was played offline before a reload once it is back online', async () => {
    saveDeck(aDeck());
    sessionStorage.setItem(
      `tabletalk.offline.${sessionId}`,
      JSON.stringify({ state: atTwo(), place: { position: 6, revealed: false, answer: null } }),
    );
    const { requests } = fakeApi({
      [`POST ${api}/commands`]: { status: 200, body: atTwo({ version: 6, position: 6, card: card(6) }) },
    });
    const store = aStore();
    startOfflinePlay(sessionId, store);

    await vi.waitFor(() => expect(store.get().state?.position).toBe(6));
    expect(requests.map((request) => request.body)).toEqual([{ type: 'seek', position: 6, version: 5 }]);
    expect(store.get().offline).toBeNull();
    expect(loadProgress(sessionId)).toBeNull();
  });
});
