import { apiRequest } from '@/lib/api-client';
import {
  type ContextId,
  type JoinedSession,
  type Mode,
  parseContextList,
  parseJoinedSession,
  type RelationshipLength,
} from '@/lib/messages';
import { array, nonEmptyString, object, optional, type Parsed, safeParse } from '@/lib/parse';

export async function fetchContexts(signal?: AbortSignal) {
  const response = await apiRequest('/contexts', { parse: parseContextList, signal });
  return response.data;
}

/** A walk-in table's code, or a table registered by a restaurant. */
export type TableRef = { tableToken: string } | { restaurant: string; table: string };

/**
 * Either the kind of questions or how long the two have been together (the service picks the kind from it);
 * `visit` names the tab's visit that started the session.
 */
export type NewSession = TableRef &
  ({ context: ContextId } | { relationshipLength: RelationshipLength }) & { mode: Mode; visit?: string };

export async function createSession(request: NewSession): Promise<JoinedSession> {
  const response = await apiRequest('/sessions', { method: 'POST', body: request, parse: parseJoinedSession });
  return response.data;
}

const registeredTableParser = object({
  restaurant: object({ slug: nonEmptyString, name: nonEmptyString }),
  table: object({ label: nonEmptyString }),
  /** The kinds of questions the restaurant offers at its tables; absent from older services (all of them). */
  contexts: optional(array(nonEmptyString)),
});
export type RegisteredTable = Parsed<typeof registeredTableParser>;

/** A restaurant's table; fails with not_found when unknown and status 410 when deactivated. */
export async function fetchRegisteredTable(slug: string, label: string, signal?: AbortSignal) {
  const response = await apiRequest(`/restaurants/${encodeURIComponent(slug)}/tables/${encodeURIComponent(label)}`, {
    parse: (json) => safeParse(registeredTableParser, json),
    signal,
  });
  return response.data;
}
