// Keeps each session's participant token on this phone, so a reload rejoins as the same participant.
// Only what the server issued is stored (participant id, token, table code): nothing personal.
import { nonEmptyString, number, object, optional, type Parsed, safeParse, string } from './parse';

const keyPrefix = 'tabletalk.participant.';
// Sessions live for hours at most; older entries are only clutter.
const keepForMs = 7 * 24 * 60 * 60 * 1000;

const storedParticipantParser = object({
  id: nonEmptyString,
  token: nonEmptyString,
  tableToken: optional(string),
  savedAt: optional(number),
});

export type StoredParticipant = Parsed<typeof storedParticipantParser>;

function parseStored(raw: string | null): StoredParticipant | null {
  if (!raw) return null;
  try {
    const parsed = safeParse(storedParticipantParser, JSON.parse(raw));
    return parsed.ok ? parsed.value : null;
  } catch {
    return null; // not JSON
  }
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage can be switched off (private modes, strict settings); the app still works, without rejoin.
    return null;
  }
}

export function loadParticipant(sessionId: string): StoredParticipant | null {
  return parseStored(storage()?.getItem(keyPrefix + sessionId) ?? null);
}

export function saveParticipant(
  sessionId: string,
  participant: { id: string; token: string; tableToken?: string | undefined },
): void {
  const store = storage();
  if (!store) return;
  const record: StoredParticipant = { id: participant.id, token: participant.token, savedAt: Date.now() };
  if (participant.tableToken) record.tableToken = participant.tableToken;
  try {
    store.setItem(keyPrefix + sessionId, JSON.stringify(record));
    pruneOldParticipants(store);
  } catch {
    // Quota exceeded or storage blocked: losing rejoin on reload is acceptable.
  }
}

export function forgetParticipant(sessionId: string): void {
  storage()?.removeItem(keyPrefix + sessionId);
}

function pruneOldParticipants(store: Storage): void {
  const cutoff = Date.now() - keepForMs;
  const stale: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(keyPrefix)) continue;
    const stored = parseStored(store.getItem(key));
    if (!stored || (stored.savedAt ?? 0) < cutoff) stale.push(key);
  }
  stale.forEach((key) => store.removeItem(key));
}
