// Joining by short code, and taking back a seat whose phone is away.
import { apiRequest } from '@/lib/api-client';
import {
  type JoinCode,
  type JoinedSession,
  parseJoinCode,
  parseJoinCodeMatch,
  parseJoinedSession,
  parseSeatRequest,
  parseSessionState,
  type SeatRequest,
  type SessionState,
} from '@/lib/messages';

const reclaimsPath = (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}/reclaims`;

/** The open session a typed join code belongs to (`not_found` for none, `rate_limited` after many tries). */
export async function lookUpJoinCode(code: string, signal?: AbortSignal): Promise<string> {
  const response = await apiRequest(`/join-codes/${encodeURIComponent(code)}`, {
    parse: parseJoinCodeMatch,
    signal,
  });
  return response.data.sessionId;
}

/** A two-phone session's short code and link (`not_found` for a session without one). */
export async function getJoinCode(sessionId: string, signal?: AbortSignal): Promise<JoinCode> {
  const response = await apiRequest(`/sessions/${encodeURIComponent(sessionId)}/join-code`, {
    parse: parseJoinCode,
    signal,
  });
  return response.data;
}

/** Asks for the seat whose phone is away; the answer carries the token this phone holds once let in. */
export async function requestSeat(sessionId: string): Promise<SeatRequest> {
  const response = await apiRequest(reclaimsPath(sessionId), { method: 'POST', parse: parseSeatRequest });
  return response.data;
}

/** Let in (the seat's session and credentials) or still waiting (when at the latest). */
export type SeatClaim = { granted: true; joined: JoinedSession } | { granted: false; request: SeatRequest };

export async function claimSeat(sessionId: string, token: string, signal?: AbortSignal): Promise<SeatClaim> {
  const response = await apiRequest(`${reclaimsPath(sessionId)}/claim`, {
    method: 'POST',
    token,
    signal,
    parse: (json: unknown) => {
      const joined = parseJoinedSession(json);
      if (joined.ok) return { ok: true, value: { granted: true, joined: joined.value } as SeatClaim };
      const waiting = parseSeatRequest(json);
      return waiting.ok ? { ok: true, value: { granted: false, request: waiting.value } as SeatClaim } : waiting;
    },
  });
  return response.data;
}

/** The phone at the table lets the new phone in, or not now. */
export async function answerSeatRequest(sessionId: string, token: string, letIn: boolean): Promise<SessionState> {
  const response = await apiRequest(`${reclaimsPath(sessionId)}/answer`, {
    method: 'POST',
    token,
    body: { letIn },
    parse: parseSessionState,
  });
  return response.data;
}
