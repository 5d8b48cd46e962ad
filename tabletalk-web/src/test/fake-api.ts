import { vi } from 'vitest';

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (request: {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}) => FakeResponse | Promise<FakeResponse>;

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | null;
  body: unknown;
}

/** A batch of logged steps, sent by fetch or by sendBeacon. */
export interface SentEvents {
  via: 'fetch' | 'beacon';
  body: unknown;
}

/**
 * A logged batch as the tests compare it: each event must say how long ago it happened (a whole number of
 * milliseconds, as the service requires); the age itself is left out, since it depends on timing.
 */
export function withoutAges(batch: unknown): unknown {
  const { events, ...rest } = batch as { events: { ageMs?: unknown }[] };
  return {
    ...rest,
    events: events.map(({ ageMs, ...event }) => {
      if (!Number.isInteger(ageMs) || (ageMs as number) < 0) throw new Error(`event without a valid ageMs: ${ageMs}`);
      return event;
    }),
  };
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Replaces fetch with a table of routes ("POST /api/sessions" → handler). Unmatched requests fail
 * the test loudly. Returns the requests seen, in order. Logged steps (`POST /api/events`, by fetch or
 * sendBeacon) are accepted unless a route says otherwise, and kept apart in `events`; so are deck requests, in
 * `decks` (see `noOfflineDeck`).
 */
export function fakeApi(routes: Record<string, Handler | FakeResponse>) {
  const requests: RecordedRequest[] = [];
  const events: SentEvents[] = [];
  const decks: string[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : input.toString(), window.location.href);
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    // JSON bodies arrive parsed; anything else (an uploaded CSV file) as its text.
    const body = typeof init.body === 'string' ? jsonOrText(init.body) : undefined;
    const key = `${method} ${url.pathname}`;
    if (key === 'POST /api/events') events.push({ via: 'fetch', body: withoutAges(body) });
    else if (isDeckRequest(key) && !routes[key]) decks.push(url.pathname);
    else requests.push({ method, path: url.pathname, authorization: headers.get('Authorization'), body });
    const route =
      routes[key] ?? (key === 'POST /api/events' ? acceptEvents : isDeckRequest(key) ? noOfflineDeck : undefined);
    if (!route) throw new Error(`unexpected request ${method} ${url.pathname}`);
    const response = typeof route === 'function' ? await route({ method, url, headers, body }) : route;
    return new Response(response.body === undefined ? null : JSON.stringify(response.body), {
      status: response.status,
      headers: { 'Content-Type': 'application/json', ...response.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  const sendBeacon = vi.fn((url: string | URL, data?: BodyInit | null) => {
    if (new URL(url.toString(), window.location.href).pathname !== '/api/events' || typeof data !== 'string') {
      throw new Error(`unexpected beacon to ${url.toString()}`);
    }
    events.push({ via: 'beacon', body: withoutAges(JSON.parse(data)) });
    return true;
  });
  Object.defineProperty(navigator, 'sendBeacon', { value: sendBeacon, configurable: true, writable: true });
  return { requests, events, decks, fetchMock, sendBeacon };
}

/**
 * A one-phone session fetches its deck for offline play in the background; unless a route answers it, the request
 * is kept apart in `decks` (not in `requests`) and refused, so the session plays online only.
 */
const isDeckRequest = (key: string) => /^GET \/api\/sessions\/[^/]+\/deck$/.test(key);
const noOfflineDeck: Handler = () => apiError(409, 'conflict');

const acceptEvents: Handler = ({ body }) => {
  const sent = typeof body === 'object' && body !== null && 'events' in body ? body.events : [];
  return { status: 202, body: { accepted: Array.isArray(sent) ? sent.length : 0 } };
};

export function apiError(status: number, error: string, extra: Record<string, unknown> = {}): FakeResponse {
  return { status, body: { error, message: `Test says ${error}.`, ...extra } };
}
