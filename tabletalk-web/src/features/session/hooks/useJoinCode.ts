import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '@/lib/api-client';
import { normaliseJoinCode, paths } from '@/lib/links';
import { lookUpJoinCode } from '../api/rejoin-api';

/** Why a typed code leads nowhere: no open session holds it, too many tries, or no answer. */
export type JoinCodeProblem =
  | { kind: 'unknown'; code: string }
  | { kind: 'too_many'; retryAfterSeconds: number | undefined }
  | { kind: 'unreachable'; failures: number; retryAfterSeconds?: number | undefined };

export type JoinCodeView = { phase: 'looking' } | { phase: 'problem'; problem: JoinCodeProblem; retry: () => void };

/** `/j/{code}`: looks the code up and goes on to that session's join page. */
export function useJoinCode(typed: string): JoinCodeView {
  const navigate = useNavigate();
  const [problem, setProblem] = useState<JoinCodeProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const failures = useRef(0);

  useEffect(() => {
    const code = normaliseJoinCode(typed);
    setProblem(null);
    if (!code) {
      setProblem({ kind: 'unknown', code: typed });
      return;
    }
    const controller = new AbortController();
    lookUpJoinCode(code, controller.signal).then(
      (sessionId) => navigate(paths.join(sessionId), { replace: true }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && (error.code === 'not_found' || error.code === 'invalid_request')) {
          setProblem({ kind: 'unknown', code });
        } else if (error instanceof ApiError && error.code === 'rate_limited') {
          setProblem({ kind: 'too_many', retryAfterSeconds: error.retryAfterSeconds });
        } else {
          failures.current += 1;
          setProblem({
            kind: 'unreachable',
            failures: failures.current,
            retryAfterSeconds: error instanceof ApiError ? error.retryAfterSeconds : undefined,
          });
        }
      },
    );
    return () => controller.abort();
  }, [typed, attempt, navigate]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return problem ? { phase: 'problem', problem, retry } : { phase: 'looking' };
}
