import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { isValidSessionId, paths } from '@/lib/links';
import type { JoinedSession } from '@/lib/messages';
import { loadParticipant, saveParticipant } from '@/lib/participant-store';
import { getSession, joinSession } from '../api/session-api';
import { problemFromError, type SessionProblem } from './session-problem';

// One join request per session at a time, so a double-run effect (React's StrictMode, a quick
// remount) cannot take both places of a dual session.
const joinsInFlight = new Map<string, Promise<JoinedSession>>();

function joinOnce(sessionId: string): Promise<JoinedSession> {
  let join = joinsInFlight.get(sessionId);
  if (!join) {
    join = joinSession(sessionId).finally(() => joinsInFlight.delete(sessionId));
    joinsInFlight.set(sessionId, join);
  }
  return join;
}

export type JoinView = { phase: 'joining' } | { phase: 'problem'; problem: SessionProblem; retry: () => void };

/** `/s/{id}/join`: becomes a participant (or finds this phone already is one) and goes on to play. */
export function useJoinSession(sessionId: string): JoinView {
  const navigate = useNavigate();
  const [problem, setProblem] = useState<SessionProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const failures = useRef(0);

  useEffect(() => {
    let cancelled = false;
    setProblem(null);
    if (!isValidSessionId(sessionId)) {
      setProblem({ kind: 'not_found' });
      return;
    }
    if (loadParticipant(sessionId)) {
      navigate(paths.session(sessionId), { replace: true });
      return;
    }
    joinOnce(sessionId).then(
      ({ session, participant }) => {
        saveParticipant(sessionId, { ...participant, tableToken: session.tableToken });
        if (!cancelled) navigate(paths.session(sessionId), { replace: true });
      },
      async (error: unknown) => {
        if (cancelled) return;
        failures.current += 1;
        const found = problemFromError(error, undefined, failures.current);
        if (found.kind === 'full') {
          // Knowing the table lets the screen offer a new session there, and the mode lets it say why.
          const session = await getSession(sessionId).catch(() => undefined);
          if (cancelled) return;
          const seatAway =
            session?.mode === 'dual' && session.participants.some((participant) => !participant.connected);
          setProblem({ kind: 'full', tableToken: session?.tableToken, mode: session?.mode, seatAway });
          return;
        }
        setProblem(found);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [sessionId, attempt, navigate]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return problem ? { phase: 'problem', problem, retry } : { phase: 'joining' };
}
