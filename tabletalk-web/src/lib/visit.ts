// A visit: one pass of a diner through a table's steps, from opening its link to starting a session, in one
// browser tab. Its id is random, made on this phone and kept for the tab only (sessionStorage); it names the
// steps logged for the visit and the session it starts. Nothing about the diner goes into it.
import { boolean, nonEmptyString, object, optional, type Parsed, safeParse } from './parse';
import { readTab, writeTab } from './tab-storage';

/** A walk-in table's code, or a table registered by a restaurant. */
export type VisitTable = { tableToken: string } | { restaurant: string; table: string };

const visitParser = object({
  id: nonEmptyString,
  /** Which table the visit is at (see keyOf). */
  key: nonEmptyString,
  /** A registered table, sent with every step logged. */
  restaurant: optional(nonEmptyString),
  table: optional(nonEmptyString),
  welcomed: optional(boolean),
  /** The visit has started its session: opening a table's link again starts a new visit. */
  started: optional(boolean),
});
export type Visit = Parsed<typeof visitParser>;

const storageKey = 'tabletalk.visit';
// When storage is switched off, the tab still has one visit until it is reloaded.
let inMemory: Visit | null = null;

function keyOf(table: VisitTable): string {
  return 'tableToken' in table ? `t/${table.tableToken}` : `r/${table.restaurant}/${table.table}`;
}

export function currentVisit(): Visit | null {
  const raw = readTab(storageKey);
  if (raw === null) return inMemory;
  try {
    const parsed = safeParse(visitParser, JSON.parse(raw));
    return parsed.ok ? parsed.value : null;
  } catch {
    return null;
  }
}

function save(visit: Visit): void {
  inMemory = visit;
  writeTab(storageKey, JSON.stringify(visit));
}

/**
 * The visit at this table: the tab's current one, or a new one when the tab has none, was at another table or
 * has already started its session. `isNew` says a visit began (a refresh or the next step keeps the same one).
 */
export function enterTable(table: VisitTable): { visit: Visit; isNew: boolean } {
  const current = currentVisit();
  const key = keyOf(table);
  if (current && current.key === key && !current.started) return { visit: current, isNew: false };
  const visit: Visit = { id: randomId(), key };
  if ('restaurant' in table) {
    visit.restaurant = table.restaurant;
    visit.table = table.table;
  }
  save(visit);
  return { visit, isNew: true };
}

/** Marks the welcome as shown; true the first time for this visit. */
export function markWelcomed(): boolean {
  const current = currentVisit();
  if (!current || current.welcomed) return false;
  save({ ...current, welcomed: true });
  return true;
}

/** The visit has started a session; the next table link opened in this tab starts a new visit. */
export function markStarted(): void {
  const current = currentVisit();
  if (current) save({ ...current, started: true });
}

/** Forgets the tab's visit (tests start from a fresh tab). */
export function forgetVisit(): void {
  inMemory = null;
  writeTab(storageKey, null);
}

/** A version 4 UUID; randomUUID only exists on secure pages, so a page served over plain http builds its own. */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
