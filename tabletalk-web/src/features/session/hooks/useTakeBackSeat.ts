import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, isRetryable } from '@/lib/api-client';
import { paths } from '@/lib/links';
import { saveParticipant } from '@/lib/participant-store';
import { claimSeat, requestSeat } from '../api/rejoin-api';
import { problemFromError, type SessionProblem } from './session-problem';

/** How often a waiting phone checks whether it has been let in. */
export const claimIntervalMs = 2000;

export type TakeBackSeatView =
  /** A seat's phone is away: this phone may ask for it. */
  | { phase: 'offer'; busy: boolean }
  /** Asked: the phone at the table is asked to let this one in; `grantsAt` if nobody answers. */
  | { phase: 'waiting'; grantsAt: string }
  /** The phone at the table said not now, or the seat's phone came back. */
  | { phase: 'declined'; busy: boolean }
  /** Both phones are at the table again. */
  | { phase: 'full' }
  | { phase: 'problem'; problem: SessionProblem };

type Asked = { token: string; grantsAt: string };

/**
 * A new phone taking back the seat of a phone that is away: asks once, then checks every few seconds until
 * it is let in (and goes on to play, at the same card) or turned away.
 */
export function useTakeBackSeat(
  sessionId: string,
  tableToken: string | undefined,
  onSeatFree: () => void,
): { view: TakeBackSeatView; ask: () => void } {
  const navigate = useNavigate();
  const [asked, setAsked] = useState<Asked | null>(null);
  const [view, setView] = useState<TakeBackSeatView>({ phase: 'offer', busy: false });

  const fail = useCallback(
    (error: unknown) => {
      setAsked(null);
      if (error instanceof ApiError && error.code === 'session_full') setView({ phase: 'full' });
      else if (error instanceof ApiError && error.code === 'conflict') setView({ phase: 'declined', busy: false });
      else setView({ phase: 'problem', problem: problemFromError(error, tableToken, 1) });
    },
    [tableToken],
  );

  const ask = useCallback(() => {
    setView((current) => (current.phase === 'declined' ? { ...current, busy: true } : { phase: 'offer', busy: true }));
    requestSeat(sessionId).then(
      (request) => {
        if (!request.token) throw new ApiError('bad_response', 'A seat request without its token');
        setAsked({ token: request.token, grantsAt: request.grantsAt });
        setView({ phase: 'waiting', grantsAt: request.grantsAt });
      },
      (error: unknown) => {
        // A seat came free meanwhile: joining the ordinary way takes it.
        if (error instanceof ApiError && error.code === 'conflict') onSeatFree();
        else fail(error);
      },
    );
  }, [sessionId, onSeatFree, fail]);

  useEffect(() => {
    if (!asked) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      claimSeat(sessionId, asked.token, controller.signal).then(
        (claim) => {
          if (controller.signal.aborted) return;
          if (claim.granted) {
            const { session, participant } = claim.joined;
            saveParticipant(sessionId, { ...participant, tableToken: session.tableToken });
            navigate(paths.session(sessionId), { replace: true });
            return;
          }
          setView({ phase: 'waiting', grantsAt: claim.request.grantsAt });
          timer = setTimeout(check, claimIntervalMs);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          if (isRetryable(error)) timer = setTimeout(check, claimIntervalMs);
          else fail(error);
        },
      );
    };
    timer = setTimeout(check, claimIntervalMs);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [asked, sessionId, navigate, fail]);

  return { view, ask };
}
