import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { isValidSessionId } from '@/lib/links';
import type { Command, CommandIntent, CommandType, ParticipantCredentials, SessionState } from '@/lib/messages';
import { forgetParticipant, loadParticipant, saveParticipant } from '@/lib/participant-store';
import { createLiveClient, type LiveClient, type LiveStatus } from '@/lib/socket-client';
import { getSession, joinSession, sendCommand, sessionLiveUrl } from '../api/session-api';
import { problemFromError, type SessionProblem } from './session-problem';

export type LiveSessionView =
  | { phase: 'loading' }
  /** This phone holds no participant for the session: it has to join first. */
  | { phase: 'needs_join' }
  | { phase: 'problem'; problem: SessionProblem; retry: () => void }
  | {
      phase: 'playing';
      state: SessionState;
      me: string;
      connection: LiveStatus;
      /** The command on its way, if any (its buttons show as busy). */
      pending: CommandType | null;
      /** A short, polite note about the last command (conflict, offline…). */
      notice: string | null;
      send: (intent: CommandIntent) => void;
    };

/** How often a `next` that lost a race is sent again with the newer version before giving up. */
const nextRetries = 2;

function withVersion(intent: CommandIntent, version: number): Command {
  return { ...intent, version };
}

function sameCard(a: SessionState, b: SessionState): boolean {
  return a.position === b.position && a.card?.questionId === b.card?.questionId;
}

function isOver(state: SessionState): boolean {
  return state.status === 'ended' || state.status === 'expired';
}

function conflictNotice(intent: CommandIntent, before: SessionState, latest: SessionState): string | null {
  if (isOver(latest)) return null;
  switch (intent.type) {
    case 'next':
      return null; // Either the card moved (what was wanted) or this phone already asked for it.
    case 'reveal':
      return latest.revealed ? null : 'That tap crossed with your partner’s. Please tap again.';
    default:
      return sameCard(before, latest)
        ? 'That tap crossed with your partner’s. Please tap again.'
        : 'The card changed just before your tap.';
  }
}

/**
 * `/s/{id}`: rejoins with this phone's stored participant, keeps the live channel open, and sends
 * commands over REST. The server's state is the only truth; states older than the one shown are
 * ignored wherever they come from.
 */
export function useLiveSession(sessionId: string): LiveSessionView {
  const [attempt, setAttempt] = useState(0);
  const [needsJoin, setNeedsJoin] = useState(false);
  const [problem, setProblem] = useState<SessionProblem | null>(null);
  const [state, setState] = useState<SessionState | null>(null);
  const [me, setMe] = useState<ParticipantCredentials | null>(null);
  const [connection, setConnection] = useState<LiveStatus>('connecting');
  const [pending, setPending] = useState<CommandType | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [endedHere, setEndedHere] = useState(false);

  const stateRef = useRef<SessionState | null>(null);
  const meRef = useRef<ParticipantCredentials | null>(null);
  const clientRef = useRef<LiveClient | null>(null);
  const tableTokenRef = useRef<string | undefined>(undefined);
  const failuresRef = useRef(0);
  const verifyingRef = useRef(false);

  const applyState = useCallback((incoming: SessionState) => {
    const current = stateRef.current;
    if (current && incoming.version < current.version) return;
    // A note about the last tap belongs to the card it was about.
    if (current && current.position !== incoming.position) setNotice(null);
    stateRef.current = incoming;
    tableTokenRef.current = incoming.tableToken;
    clientRef.current?.noteShownVersion(incoming.version);
    if (isOver(incoming)) clientRef.current?.stop();
    setState(incoming);
  }, []);

  const showProblem = useCallback((found: SessionProblem) => {
    clientRef.current?.stop();
    setProblem(found);
  }, []);

  // After the live channel closes, ask over REST what became of the session: a socket cannot tell
  // "ended while this phone slept" from "network gone", and an upgrade refused for a finished
  // session only shows up as a close.
  const verifyOverRest = useCallback(async () => {
    const client = clientRef.current;
    if (verifyingRef.current || !client) return;
    verifyingRef.current = true;
    try {
      const latest = await getSession(sessionId);
      if (clientRef.current !== client) return; // left the screen meanwhile
      applyState(latest);
      if (client.status === 'closed' && !isOver(latest)) client.start();
    } catch (error) {
      if (clientRef.current !== client) return;
      if (error instanceof ApiError && ['not_found', 'session_ended', 'session_expired'].includes(error.code)) {
        showProblem(problemFromError(error, tableTokenRef.current, 0));
      }
      // Unreachable: the live client keeps trying and the banner says so.
    } finally {
      verifyingRef.current = false;
    }
  }, [sessionId, applyState, showProblem]);

  useEffect(() => {
    let cancelled = false;
    const controller = new AbortController();
    stateRef.current = null;
    meRef.current = null;
    setState(null);
    setMe(null);
    setProblem(null);
    setNeedsJoin(false);
    setNotice(null);
    setConnection('connecting');

    if (!isValidSessionId(sessionId)) {
      setProblem({ kind: 'not_found' });
      return;
    }
    const stored = loadParticipant(sessionId);
    if (!stored) {
      setNeedsJoin(true);
      return;
    }
    tableTokenRef.current = stored.tableToken;

    joinSession(sessionId, stored.token, controller.signal).then(
      ({ session, participant }) => {
        if (cancelled) return;
        failuresRef.current = 0;
        saveParticipant(sessionId, { ...participant, tableToken: session.tableToken });
        meRef.current = participant;
        setMe(participant);
        applyState(session);
        if (isOver(session)) return;

        const client = createLiveClient({
          url: sessionLiveUrl(sessionId),
          token: participant.token,
          initialVersion: session.version,
          onState: applyState,
          onStatus: setConnection,
          onDisconnect: () => void verifyOverRest(),
        });
        clientRef.current = client;
        client.start();
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.code === 'unauthorized') {
          // The stored token is no longer known: join afresh (a dual session may still have room).
          forgetParticipant(sessionId);
          setNeedsJoin(true);
          return;
        }
        failuresRef.current += 1;
        setProblem(problemFromError(error, stored.tableToken, failuresRef.current));
      },
    );

    return () => {
      cancelled = true;
      controller.abort();
      clientRef.current?.stop();
      clientRef.current = null;
    };
  }, [sessionId, attempt, applyState, verifyOverRest]);

  // A phone waking up or coming back online should not wait out the backoff.
  useEffect(() => {
    const wake = () => {
      if (document.visibilityState === 'visible') clientRef.current?.reconnectNow();
    };
    document.addEventListener('visibilitychange', wake);
    window.addEventListener('online', wake);
    return () => {
      document.removeEventListener('visibilitychange', wake);
      window.removeEventListener('online', wake);
    };
  }, []);

  const sendIntent = useCallback(
    async (intent: CommandIntent, retriesLeft: number): Promise<void> => {
      const credentials = meRef.current;
      const before = stateRef.current;
      if (!credentials || !before) return;
      try {
        applyState(await sendCommand(sessionId, credentials.token, withVersion(intent, before.version)));
      } catch (error) {
        if (!(error instanceof ApiError)) {
          setNotice('That didn’t work. Please try again.');
          return;
        }
        switch (error.code) {
          case 'version_conflict': {
            if (error.session) applyState(error.session);
            const latest = stateRef.current ?? before;
            const mine = latest.participants.find((p) => p.id === credentials.id);
            // Both phones asked for the next card at once: the wish still stands, so ask again.
            if (
              intent.type === 'next' &&
              retriesLeft > 0 &&
              !isOver(latest) &&
              sameCard(before, latest) &&
              !mine?.wantsNext
            ) {
              return sendIntent(intent, retriesLeft - 1);
            }
            setNotice(conflictNotice(intent, before, latest));
            return;
          }
          case 'session_ended':
          case 'session_expired':
          case 'not_found':
            showProblem(problemFromError(error, tableTokenRef.current, 0));
            return;
          case 'unauthorized':
            forgetParticipant(sessionId);
            showProblem({ kind: 'unauthorized', tableToken: tableTokenRef.current });
            return;
          case 'rate_limited':
            setNotice('Easy does it: please wait a moment before tapping again.');
            return;
          case 'unreachable':
            setNotice('We couldn’t reach Table-Talk. Check your connection and tap again.');
            return;
          case 'unavailable':
            setNotice('Table-Talk is very busy for a moment. Please wait a few seconds and tap again.');
            return;
          default:
            setNotice('That didn’t work. Please try again.');
        }
      }
    },
    [sessionId, applyState, showProblem],
  );

  const send = useCallback(
    (intent: CommandIntent) => {
      if (intent.type === 'end') setEndedHere(true);
      setPending(intent.type);
      setNotice(null);
      void sendIntent(intent, nextRetries).finally(() => setPending(null));
    },
    [sendIntent],
  );

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  if (problem) return { phase: 'problem', problem, retry };
  if (needsJoin) return { phase: 'needs_join' };
  if (state && state.status === 'ended') {
    return { phase: 'problem', problem: { kind: 'ended', tableToken: state.tableToken, endedHere }, retry };
  }
  if (state && state.status === 'expired') {
    return { phase: 'problem', problem: { kind: 'expired', tableToken: state.tableToken }, retry };
  }
  if (!state || !me) return { phase: 'loading' };
  return { phase: 'playing', state, me: me.id, connection, pending, notice, send };
}
