// Restaurants, their tables and managers, the audit log, and the printable table codes.
import { anyBody, consoleRequest, consoleUrl } from '@/lib/console/console-api';
import {
  array,
  boolean,
  count,
  either,
  nonEmptyString,
  nullish,
  object,
  oneOf,
  optional,
  type Parsed,
  type Parser,
  safeParse,
  string,
} from '@/lib/parse';

/** The kinds of questions a restaurant can offer, in the order diners see them. */
export const restaurantContexts = ['exploring', 'established', 'mature'] as const;
export type RestaurantContext = (typeof restaurantContexts)[number];

const restaurantParser = object({
  slug: nonEmptyString,
  name: nonEmptyString,
  timeZone: string,
  active: boolean,
  /** After how many cards diners are asked whether they'd recommend the restaurant; 0 never, absent the default. */
  recommendAfterCards: nullish(count),
  /** The platform's default for the above. */
  defaultRecommendAfterCards: optional(count),
  /** The kinds of questions diners may choose here (at least one); absent from an older service. */
  contexts: optional(array(oneOf(restaurantContexts))),
});
export type Restaurant = Parsed<typeof restaurantParser>;

const tableParser = object({ label: nonEmptyString, url: nonEmptyString, active: boolean });
export type RestaurantTable = Parsed<typeof tableParser>;

const role: Parser<string> = (input, path) => nonEmptyString(input, path).toLowerCase();
// Everyone listed manages the restaurant; a role is shown once the service sends one (a later staff role).
const managerParser = object({ email: nonEmptyString, role: optional(role) });
export type Manager = Parsed<typeof managerParser>;

/** Audit details are whatever the action recorded; kept as untyped JSON and only ever shown as text. */
const anyJson: Parser<unknown> = (input) => input;

// Who acted and where may come as a bare email or slug, or as a small object naming them.
const actorParser = either(string, object({ email: nonEmptyString }), 'an email');
const auditRestaurantParser = either(string, object({ slug: nonEmptyString, name: optional(string) }), 'a restaurant');

const auditEntryParser = object({
  id: either(count, nonEmptyString, 'an entry id'),
  at: nonEmptyString,
  actor: nullish(actorParser),
  action: nonEmptyString,
  restaurant: nullish(auditRestaurantParser),
  details: anyJson,
});
export type AuditEntry = Parsed<typeof auditEntryParser>;

export function auditActorName(actor: AuditEntry['actor']): string {
  if (actor === undefined) return '—';
  return typeof actor === 'string' ? actor : actor.email;
}

export function auditRestaurantName(restaurant: AuditEntry['restaurant']): string {
  if (restaurant === undefined) return '—';
  return typeof restaurant === 'string' ? restaurant : (restaurant.name ?? restaurant.slug);
}

const parserOf =
  <T>(parser: Parser<T>) =>
  (json: unknown) =>
    safeParse(parser, json);

const restaurantAnswer = parserOf(object({ restaurant: restaurantParser }));
const slugPath = (slug: string) => `/restaurants/${encodeURIComponent(slug)}`;
// Labels such as "Patio 3" travel as %20, never "+".
const labelPath = (slug: string, label: string) => `${slugPath(slug)}/tables/${encodeURIComponent(label)}`;

export async function listRestaurants(signal?: AbortSignal): Promise<Restaurant[]> {
  const response = await consoleRequest('/restaurants', {
    parse: parserOf(object({ restaurants: array(restaurantParser) })),
    signal,
  });
  return response.data.restaurants;
}

export interface NewRestaurant {
  name: string;
  /** Left out, the server derives one from the name. */
  slug?: string;
  timeZone: string;
}

export async function createRestaurant(restaurant: NewRestaurant): Promise<Restaurant> {
  const response = await consoleRequest('/restaurants', { method: 'POST', body: restaurant, parse: restaurantAnswer });
  return response.data.restaurant;
}

export async function fetchRestaurant(slug: string, signal?: AbortSignal): Promise<Restaurant> {
  const response = await consoleRequest(slugPath(slug), { parse: restaurantAnswer, signal });
  return response.data.restaurant;
}

export async function updateRestaurant(
  slug: string,
  change: {
    name?: string;
    timeZone?: string;
    active?: boolean;
    recommendAfterCards?: number | null;
    contexts?: RestaurantContext[];
  },
): Promise<Restaurant> {
  const response = await consoleRequest(slugPath(slug), { method: 'PATCH', body: change, parse: restaurantAnswer });
  return response.data.restaurant;
}

export async function listTables(slug: string, signal?: AbortSignal): Promise<RestaurantTable[]> {
  const response = await consoleRequest(`${slugPath(slug)}/tables`, {
    parse: parserOf(object({ tables: array(tableParser) })),
    signal,
  });
  return response.data.tables;
}

/** `count`: that many tables numbered after the highest number; `labels`: exactly these. The screen reloads after. */
export async function addTables(slug: string, tables: { count: number } | { labels: string[] }): Promise<void> {
  await consoleRequest(`${slugPath(slug)}/tables`, { method: 'POST', body: tables, parse: anyBody });
}

export async function updateTable(slug: string, label: string, change: { label?: string; active?: boolean }) {
  await consoleRequest(labelPath(slug, label), { method: 'PATCH', body: change, parse: anyBody });
}

export async function listManagers(slug: string, signal?: AbortSignal): Promise<Manager[]> {
  const response = await consoleRequest(`${slugPath(slug)}/managers`, {
    parse: parserOf(object({ managers: array(managerParser) })),
    signal,
  });
  return response.data.managers;
}

const inviteParser = object({ link: nonEmptyString, emailed: boolean });
export type Invite = Parsed<typeof inviteParser>;

export async function inviteManager(slug: string, email: string): Promise<Invite> {
  const response = await consoleRequest(`${slugPath(slug)}/invites`, {
    method: 'POST',
    body: { email },
    parse: parserOf(inviteParser),
  });
  return response.data;
}

export async function removeManager(slug: string, email: string): Promise<void> {
  await consoleRequest(`${slugPath(slug)}/managers/${encodeURIComponent(email)}`, {
    method: 'DELETE',
    parse: anyBody,
  });
}

/** One page of the audit log, newest first; `before` continues after the last entry shown. */
export async function listAuditEntries(before?: string | number, signal?: AbortSignal): Promise<AuditEntry[]> {
  const query = before === undefined ? '' : `?before=${encodeURIComponent(String(before))}`;
  const response = await consoleRequest(`/audit${query}`, {
    parse: parserOf(object({ entries: array(auditEntryParser) })),
    signal,
  });
  return response.data.entries;
}

export const papers = ['a4', 'letter'] as const;
export type Paper = (typeof papers)[number];
export const perPageChoices = [1, 2, 4, 6] as const;
export type PerPage = (typeof perPageChoices)[number];

/** `tables`: the selected labels; empty means every active table. */
export function downloadUrls(slug: string, tables: string[], sheet: { paper: Paper; perPage: PerPage }) {
  const selection = tables.length > 0 ? `tables=${tables.map(encodeURIComponent).join(',')}` : '';
  const query = (...parts: string[]) => {
    const text = parts.filter(Boolean).join('&');
    return text ? `?${text}` : '';
  };
  return {
    csv: consoleUrl(`${slugPath(slug)}/tables.csv${query(selection)}`),
    zip: consoleUrl(`${slugPath(slug)}/qr-codes.zip${query(selection)}`),
    pdf: consoleUrl(
      `${slugPath(slug)}/qr-sheet.pdf${query(`paper=${sheet.paper}`, `perPage=${sheet.perPage}`, selection)}`,
    ),
  };
}
