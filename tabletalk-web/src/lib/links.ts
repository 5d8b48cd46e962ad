// The app's URLs, and what counts as a valid table code or session id in them.
import type { ContextId, RelationshipLength } from './messages';

/** What the diner answered on the first step: how long they have been together, or a kind of questions. */
export type TableChoice = ContextId | RelationshipLength;

const tableTokenPattern = /^[A-Za-z0-9_-]{1,64}$/;
const sessionIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A session's short join code: six of these characters (no 0/O, 1/I/L or U/V look-alikes).
const joinCodePattern = /^[2-9A-HJKMNP-TV-Z]{6}$/;

/** A typed join code as the service stores it (capitals, no spaces or dashes), or null if it cannot be one. */
export function normaliseJoinCode(typed: string): string | null {
  const code = typed.replace(/[\s-]+/g, '').toUpperCase();
  return joinCodePattern.test(code) ? code : null;
}

export function isValidTableToken(value: string): boolean {
  return tableTokenPattern.test(value);
}

export function isValidSessionId(value: string): boolean {
  return sessionIdPattern.test(value);
}

export const paths = {
  home: () => '/',
  table: (tableToken: string) => `/t/${encodeURIComponent(tableToken)}`,
  chooseContext: (tableToken: string) => `/t/${encodeURIComponent(tableToken)}/choose`,
  chooseQuestions: (tableToken: string) => `/t/${encodeURIComponent(tableToken)}/choose/questions`,
  chooseMode: (tableToken: string, choice: TableChoice) => `/t/${encodeURIComponent(tableToken)}/${choice}`,
  restaurantTable: (slug: string, label: string) => `/r/${encodeURIComponent(slug)}/t/${encodeURIComponent(label)}`,
  restaurantTableChoose: (slug: string, label: string) =>
    `/r/${encodeURIComponent(slug)}/t/${encodeURIComponent(label)}/choose`,
  restaurantTableChooseQuestions: (slug: string, label: string) =>
    `/r/${encodeURIComponent(slug)}/t/${encodeURIComponent(label)}/choose/questions`,
  restaurantTableMode: (slug: string, label: string, choice: TableChoice) =>
    `/r/${encodeURIComponent(slug)}/t/${encodeURIComponent(label)}/${choice}`,
  session: (sessionId: string) => `/s/${encodeURIComponent(sessionId)}`,
  join: (sessionId: string) => `/s/${encodeURIComponent(sessionId)}/join`,
  joinCode: (code: string) => `/j/${encodeURIComponent(code)}`,
};

export type ScannedLink =
  | { kind: 'table'; tableToken: string }
  | { kind: 'restaurant-table'; slug: string; label: string }
  | { kind: 'join'; sessionId: string }
  | { kind: 'join-code'; code: string };

const restaurantSlugPattern = /^[a-z0-9-]{1,64}$/;

/** A restaurant's slug, as the service allows it. */
export function isValidRestaurantSlug(value: string): boolean {
  return restaurantSlugPattern.test(value);
}

/** A restaurant table's label: anything non-blank of at most 64 characters ("7", "Patio 3"). */
export function isValidTableLabel(value: string): boolean {
  return value.trim() !== '' && value.length <= 64;
}

/**
 * Makes sense of what a diner scanned or typed: a table's link (`…/t/{token}`), a registered
 * restaurant table's link (`…/r/{slug}/t/{label}`), a join link
 * (`…/s/{id}/join` or `…/s/{id}`), a join code's short link (`…/j/{code}`), or a bare table code, with or without a leading "table". Only the path matters, so a code printed
 * for another host of the same app still works, and nothing outside the app is ever opened.
 */
export function parseScannedLink(raw: string): ScannedLink | null {
  const text = raw.trim();
  if (text === '') return null;
  if (isValidTableToken(text)) return { kind: 'table', tableToken: text };
  // Typed by hand, "Table 7" means the table whose code is 7, as on a walk-in QR code (`/t/7`).
  const spoken = /^table\s+(\S+)$/i.exec(text);
  if (spoken?.[1] && isValidTableToken(spoken[1])) return { kind: 'table', tableToken: spoken[1] };

  let path: string;
  try {
    path = new URL(text, 'https://table.invalid/').pathname;
  } catch {
    return null;
  }
  const table = /^\/t\/([^/]+)\/?$/.exec(path);
  if (table?.[1]) {
    const tableToken = safeDecode(table[1]);
    return tableToken !== null && isValidTableToken(tableToken) ? { kind: 'table', tableToken } : null;
  }
  const registered = /^\/r\/([^/]+)\/t\/([^/]+)\/?$/.exec(path);
  if (registered?.[1] && registered[2]) {
    const slug = safeDecode(registered[1]);
    const label = safeDecode(registered[2]);
    return slug !== null && label !== null && isValidRestaurantSlug(slug) && isValidTableLabel(label)
      ? { kind: 'restaurant-table', slug, label }
      : null;
  }
  const short = /^\/j\/([^/]+)\/?$/.exec(path);
  const code = short?.[1] ? normaliseJoinCode(safeDecode(short[1]) ?? '') : null;
  if (code) return { kind: 'join-code', code };
  const join = /^\/s\/([^/]+)(?:\/join)?\/?$/.exec(path);
  if (join?.[1] && isValidSessionId(join[1])) return { kind: 'join', sessionId: join[1].toLowerCase() };
  return null;
}

export function pathForScannedLink(link: ScannedLink): string {
  switch (link.kind) {
    case 'table':
      return paths.table(link.tableToken);
    case 'restaurant-table':
      return paths.restaurantTable(link.slug, link.label);
    case 'join':
      return paths.join(link.sessionId);
    case 'join-code':
      return paths.joinCode(link.code);
  }
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
