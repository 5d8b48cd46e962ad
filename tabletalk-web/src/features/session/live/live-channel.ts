import { isApiError } from '@/lib/api-client';
import { isValidSessionId } from '@/lib/links';
import { forgetParticipant, loadParticipant, saveParticipant } from '@/lib/participant-store';
import { createLiveClient, type LiveClient } from '@/lib/socket-client';
import { getSession, joinSession, sessionLiveUrl } from '../api/session-api';
import { showEndingOrProblem } from './ending';
import { isOver, type LiveSessionStore } from './session-store';

/**
 * Opens a session on this phone: rejoins with the stored participant, then keeps the live channel open
 * and feeds every state it hears into `store`. Returns the function that closes it all again.
 */
export function openLiveChannel(sessionId: string, store: LiveSessionStore): () => void {
  const stored = isValidSessionId(sessionId) ? loadParticipant(sessionId) : null;
  store.reset(stored?.tableToken);
  if (!isValidSessionId(sessionId)) {
    store.update({ problem: { kind: 'not_found' } });
    return () => {};
  }
  if (!stored) {
    store.update({ needsJoin: true });
    return () => {};
  }

  let closed = false;
  let client: LiveClient | null = null;
  let verifying = false;
  const controller = new AbortController();

  // Nothing more to hear once the session is over or cannot be played on this phone.
  const unsubscribe = store.subscribe(() => {
    const { state, problem } = store.get();
    if (problem || (state && isOver(state))) client?.stop();
  });

  // After the live channel closes, ask over REST what became of the session: a socket cannot tell
  // "ended while this phone slept" from "network gone", and an upgrade refused for a finished
  // session only shows up as a close.
  async function verifyOverRest(live: LiveClient) {
    if (verifying) return;
    verifying = true;
    try {
      const latest = await getSession(sessionId);
      if (closed) return;
      store.show(latest);
      if (live.status === 'closed' && !isOver(latest)) live.start();
    } catch (error) {
      if (closed) return;
      if (isApiError(error, 'not_found', 'session_ended', 'session_expired')) {
        await showEndingOrProblem(sessionId, store, error, store.get().me, 0, controller.signal);
      }
      // Unreachable: the live client keeps trying and the banner says so.
    } finally {
      verifying = false;
    }
  }

  // Set while a reload without the network goes on from the tab's kept deck: join once the network is back.
  let resumed = false;

  const join = () =>
    joinSession(sessionId, stored.token, controller.signal).then(
      ({ session, participant }) => {
        if (closed) return;
        store.clearFailures();
        saveParticipant(sessionId, { ...participant, tableToken: session.tableToken });
        store.update({ me: participant });
        store.show(session);
        if (isOver(session)) return;

        const live = createLiveClient({
          url: sessionLiveUrl(sessionId),
          token: participant.token,
          onState: (state) => store.show(state),
          onStatus: (connection) => {
            store.update({ connection });
            if (connection === 'live') store.local?.back();
          },
          onDisconnect: () => void verifyOverRest(live),
        });
        client = live;
        live.start();
        if (session.mode === 'single' && !store.local) {
          void import('./offline-play').then(({ startOfflinePlay }) => {
            if (!closed && !store.local) store.local = startOfflinePlay(sessionId, store);
          });
        }
      },
      (error: unknown) => {
        if (closed) return;
        if (isApiError(error, 'unauthorized')) {
          // The stored token is no longer known: join afresh (a dual session may still have room).
          forgetParticipant(sessionId);
          store.update({ needsJoin: true });
          return;
        }
        const showProblem = () => {
          if (!closed)
            void showEndingOrProblem(sessionId, store, error, stored, store.countFailure(), controller.signal);
        };
        if (!isApiError(error, 'unreachable')) {
          showProblem();
          return;
        }
        if (store.local) {
          // Still without the network after a reload: go on playing offline, and try again when it is back.
          resumed = true;
          return;
        }
        // A one-phone session reloaded without the network goes on from what this tab kept, if it kept it.
        import('./offline-play').then(({ resumeOffline }) => {
          if (closed) return;
          if (resumeOffline(sessionId, store, stored)) resumed = true;
          else showProblem();
        }, showProblem);
      },
    );
  void join();

  const rejoin = () => {
    if (!resumed || client) return false;
    resumed = false;
    void join();
    return true;
  };
  // A phone waking up or coming back online should not wait out the backoff.
  const wake = () => {
    if (document.visibilityState === 'visible' && !rejoin()) client?.reconnectNow();
  };
  const online = () => {
    if (rejoin()) return;
    wake();
    store.local?.back();
  };
  // The browser knows before the socket does: drop it (the partner's phone hears this one is away, and no
  // reconnect is tried until the network is back) and, on one phone, play on from the kept deck.
  const offline = () => {
    client?.drop();
    store.local?.wentOffline();
  };
  document.addEventListener('visibilitychange', wake);
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);

  return () => {
    closed = true;
    controller.abort();
    unsubscribe();
    document.removeEventListener('visibilitychange', wake);
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
    client?.stop();
    client = null;
    store.local?.stop();
    store.local = null;
  };
}
