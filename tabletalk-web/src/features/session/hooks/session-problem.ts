import { ApiError } from '@/lib/api-client';
import type { Mode } from '@/lib/messages';

/** Why a session cannot be played on this phone; each kind has its own screen. */
export type SessionProblem =
  | { kind: 'not_found' }
  | { kind: 'ended'; tableToken?: string | undefined; endedHere?: boolean }
  | { kind: 'expired'; tableToken?: string | undefined }
  /**
   * `mode` when known: a one-phone session is "full" with its first phone. `seatAway`: a two-phone session
   * whose seats are both taken but one phone is away, so that this phone may take the seat back.
   */
  | { kind: 'full'; tableToken?: string | undefined; mode?: Mode | undefined; seatAway?: boolean }
  | { kind: 'unauthorized'; tableToken?: string | undefined }
  | { kind: 'unreachable'; failures: number; retryAfterSeconds?: number | undefined };

export function problemFromError(error: unknown, tableToken: string | undefined, failures: number): SessionProblem {
  if (!(error instanceof ApiError)) return { kind: 'unreachable', failures };
  switch (error.code) {
    case 'not_found':
    case 'invalid_request': // a malformed session id in the path
      return { kind: 'not_found' };
    case 'session_ended':
      return { kind: 'ended', tableToken };
    case 'session_expired':
      return { kind: 'expired', tableToken };
    case 'session_full':
      return { kind: 'full', tableToken };
    case 'unauthorized':
      return { kind: 'unauthorized', tableToken };
    default:
      return { kind: 'unreachable', failures, retryAfterSeconds: error.retryAfterSeconds };
  }
}
