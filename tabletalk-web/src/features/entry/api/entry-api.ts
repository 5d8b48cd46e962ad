import { apiRequest } from '@/lib/api-client';
import { type ContextId, type JoinedSession, type Mode, parseContextList, parseJoinedSession } from '@/lib/messages';

export async function fetchContexts(signal?: AbortSignal) {
  const response = await apiRequest('/contexts', { parse: parseContextList, signal });
  return response.data;
}

export async function createSession(request: {
  tableToken: string;
  context: ContextId;
  mode: Mode;
}): Promise<JoinedSession> {
  const response = await apiRequest('/sessions', { method: 'POST', body: request, parse: parseJoinedSession });
  return response.data;
}
