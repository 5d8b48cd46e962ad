import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { CommandIntent, CommandType, SessionState } from '@/lib/messages';
import type { LiveStatus } from '@/lib/socket-client';
import { createCommandSender } from '../live/command-sender';
import { openLiveChannel } from '../live/live-channel';
import { createLiveSessionStore, type LiveSessionSnapshot } from '../live/session-store';
import type { SessionProblem } from './session-problem';

export type LiveSessionView =
  | { phase: 'loading' }
  /** This phone holds no participant for the session: it has to join first. */
  | { phase: 'needs_join' }
  | { phase: 'problem'; problem: SessionProblem; retry: () => void }
  /** The session has ended: this phone says how (`me` is this phone's participant, when known). */
  | { phase: 'ended'; state: SessionState; me: string | null; endedHere: boolean }
  | {
      phase: 'playing';
      state: SessionState;
      me: string;
      connection: LiveStatus;
      /** The command on its way, if any (its buttons show as busy). */
      pending: CommandType | null;
      /** A short, polite note about the last command (conflict, offline…). */
      notice: string | null;
      /** One phone playing on from its kept deck without the network; `state` is this phone's own. */
      offline: boolean;
      send: (intent: CommandIntent) => void;
    };

function viewOf(
  { state, me, connection, pending, notice, problem, needsJoin, endedHere, offline }: LiveSessionSnapshot,
  send: (intent: CommandIntent) => void,
  retry: () => void,
): LiveSessionView {
  if (problem) return { phase: 'problem', problem, retry };
  if (needsJoin) return { phase: 'needs_join' };
  if (state && state.status === 'ended') return { phase: 'ended', state, me: me?.id ?? null, endedHere };
  if (state && state.status === 'expired') {
    return { phase: 'problem', problem: { kind: 'expired', tableToken: state.tableToken }, retry };
  }
  if (!state || !me) return { phase: 'loading' };
  return {
    phase: 'playing',
    state: offline ?? state,
    me: me.id,
    connection,
    pending,
    notice,
    offline: !!offline,
    send,
  };
}

/**
 * `/s/{id}`: rejoins with this phone's stored participant, keeps the live channel open, and sends
 * commands over REST. The server's state is the only truth; the store never shows an older one.
 */
export function useLiveSession(sessionId: string): LiveSessionView {
  const [store] = useState(createLiveSessionStore);
  const [attempt, setAttempt] = useState(0);
  const snapshot = useSyncExternalStore(store.subscribe, store.get);

  useEffect(() => openLiveChannel(sessionId, store), [sessionId, attempt, store]);

  const send = useMemo(() => createCommandSender(sessionId, store), [sessionId, store]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return viewOf(snapshot, send, retry);
}
