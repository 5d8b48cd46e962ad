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

/**
 * Replaces fetch with a table of routes ("POST /api/sessions" → handler). Unmatched requests fail
 * the test loudly. Returns the requests seen, in order.
 */
export function fakeApi(routes: Record<string, Handler | FakeResponse>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : input.toString(), window.location.href);
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    requests.push({ method, path: url.pathname, authorization: headers.get('Authorization'), body });
    const route = routes[`${method} ${url.pathname}`];
    if (!route) throw new Error(`unexpected request ${method} ${url.pathname}`);
    const response = typeof route === 'function' ? await route({ method, url, headers, body }) : route;
    return new Response(response.body === undefined ? null : JSON.stringify(response.body), {
      status: response.status,
      headers: { 'Content-Type': 'application/json', ...response.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}

export function apiError(status: number, error: string, extra: Record<string, unknown> = {}): FakeResponse {
  return { status, body: { error, message: `Test says ${error}.`, ...extra } };
}
