import { apiRequest } from '@/lib/api-client';
import { apiUrl, apiWebSocketUrl } from '@/lib/env';
import {
  type Command,
  type JoinedSession,
  parseJoinedSession,
  parseSessionDeck,
  parseSessionState,
  type SessionDeck,
  type SessionState,
} from '@/lib/messages';

const sessionPath = (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}`;

/**
 * Joins a session. With the token this phone already holds, the server answers 200 with the same
 * participant (how a reload rejoins); without one it adds a participant (201) or answers session_full.
 */
export async function joinSession(sessionId: string, token?: string, signal?: AbortSignal): Promise<JoinedSession> {
  const response = await apiRequest(`${sessionPath(sessionId)}/participants`, {
    method: 'POST',
    token,
    parse: parseJoinedSession,
    signal,
  });
  return response.data;
}

export async function getSession(sessionId: string, signal?: AbortSignal): Promise<SessionState> {
  const response = await apiRequest(sessionPath(sessionId), { parse: parseSessionState, signal });
  return response.data;
}

/** The last state of an ended session, for one of its own phones (how a reload shows the ending again). */
export async function getEnding(sessionId: string, token: string, signal?: AbortSignal): Promise<SessionState> {
  const response = await apiRequest(`${sessionPath(sessionId)}/ending`, { token, parse: parseSessionState, signal });
  return response.data;
}

export async function sendCommand(sessionId: string, token: string, command: Command): Promise<SessionState> {
  const response = await apiRequest(`${sessionPath(sessionId)}/commands`, {
    method: 'POST',
    token,
    body: command,
    parse: parseSessionState,
  });
  return response.data;
}

/** One-phone sessions: the rest of the deck, kept on the phone in case the network goes. */
export async function getSessionDeck(sessionId: string, token: string): Promise<SessionDeck> {
  const response = await apiRequest(`${sessionPath(sessionId)}/deck`, { token, parse: parseSessionDeck });
  return response.data;
}

export function sessionJoinQrUrl(sessionId: string): string {
  return apiUrl(`${sessionPath(sessionId)}/qr.svg`).toString();
}

export function sessionLiveUrl(sessionId: string): string {
  return apiWebSocketUrl(`${sessionPath(sessionId)}/live`);
}
