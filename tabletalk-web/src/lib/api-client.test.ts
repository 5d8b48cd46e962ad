import { describe, expect, it, vi } from 'vitest';
import { apiError, fakeApi } from '@/test/fake-api';
import { aSession } from '@/test/fixtures';
import { ApiError, apiRequest } from './api-client';
import { parseSessionState } from './messages';

const getState = (token?: string) => apiRequest('/sessions/x', { parse: parseSessionState, token });

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('apiRequest', () => {
  it('returns the parsed body and sends JSON with the bearer token', async () => {
    const { requests } = fakeApi({ 'POST /api/sessions': { status: 201, body: aSession() } });
    const response = await apiRequest('/sessions', {
      method: 'POST',
      body: { tableToken: 't7' },
      token: 'secret',
      parse: parseSessionState,
    });
    expect(response).toEqual({ status: 201, data: aSession() });
    expect(requests).toEqual([
      { method: 'POST', path: '/api/sessions', authorization: 'Bearer secret', body: { tableToken: 't7' } },
    ]);
  });

  it('fails with bad_response when a success body breaks the contract', async () => {
    fakeApi({ 'GET /api/sessions/x': { status: 200, body: { id: 'x' } } });
    const error = await failureOf(getState());
    expect(error.code).toBe('bad_response');
  });

  it.each([
    [400, 'invalid_request'],
    [401, 'unauthorized'],
    [404, 'not_found'],
    [409, 'session_full'],
    [410, 'session_expired'],
    [410, 'session_ended'],
    [413, 'payload_too_large'],
    [500, 'internal'],
  ] as const)('turns %i %s into an ApiError with that code', async (status, code) => {
    fakeApi({ 'GET /api/sessions/x': apiError(status, code) });
    const error = await failureOf(getState());
    expect(error).toMatchObject({ code, status, message: `Test says ${code}.` });
  });

  it('carries the current state of a version conflict', async () => {
    fakeApi({ 'GET /api/sessions/x': apiError(409, 'version_conflict', { session: aSession({ version: 8 }) }) });
    const error = await failureOf(getState());
    expect(error.code).toBe('version_conflict');
    expect(error.session?.version).toBe(8);
  });

  it('carries the incident id of an unexpected failure, and ignores one that is not an id', async () => {
    fakeApi({ 'GET /api/sessions/x': apiError(500, 'internal', { incident: '1a2b3c4d' }) });
    expect(await failureOf(getState())).toMatchObject({ code: 'internal', incident: '1a2b3c4d' });
    fakeApi({ 'GET /api/sessions/x': apiError(500, 'internal', { incident: 'call us on <b>0800</b>' }) });
    expect((await failureOf(getState())).incident).toBeUndefined();
    fakeApi({ 'GET /api/sessions/x': apiError(500, 'internal', { incident: 42 }) });
    expect((await failureOf(getState())).incident).toBeUndefined();
  });

  it('reads Retry-After on rate_limited', async () => {
    fakeApi({ 'GET /api/sessions/x': { ...apiError(429, 'rate_limited'), headers: { 'Retry-After': '7' } } });
    const error = await failureOf(getState());
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 7 });
  });

  it('tells a busy service (503 with our envelope) from an unreachable one', async () => {
    fakeApi({ 'GET /api/sessions/x': { ...apiError(503, 'unavailable'), headers: { 'Retry-After': '2' } } });
    const error = await failureOf(getState());
    expect(error).toMatchObject({ code: 'unavailable', status: 503, retryAfterSeconds: 2 });
  });

  it('treats a gateway error without our envelope as unreachable', async () => {
    fakeApi({ 'GET /api/sessions/x': { status: 502 } });
    expect((await failureOf(getState())).code).toBe('unreachable');
  });

  it('falls back on the status when the error body is not the envelope', async () => {
    fakeApi({ 'GET /api/sessions/x': { status: 404, body: { code: 404, message: 'HTTP 404 Not Found' } } });
    expect((await failureOf(getState())).code).toBe('not_found');
  });

  it('reports a network failure as unreachable', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await failureOf(getState());
    expect(error).toMatchObject({ code: 'unreachable', status: 0 });
  });

  it('gives up after 10 s without an answer', async () => {
    vi.useFakeTimers();
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
          ),
      ),
    );
    const failure = failureOf(getState());
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await failure).code).toBe('unreachable');
    vi.useRealTimers();
  });

  it('lets a caller abort without calling it a server failure', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
          ),
      ),
    );
    const controller = new AbortController();
    const request = apiRequest('/sessions/x', { parse: parseSessionState, signal: controller.signal });
    controller.abort();
    await expect(request).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('apiRequest credentials', () => {
  it('sends no cookies unless asked, and the console’s cookie when asked', async () => {
    const { fetchMock } = fakeApi({ 'GET /api/sessions/x': { status: 200, body: aSession() } });
    await getState();
    await apiRequest('/sessions/x', { parse: parseSessionState, credentials: 'include' });
    expect(fetchMock.mock.calls.map(([, init]) => init?.credentials)).toEqual(['omit', 'include']);
  });

  it.each([
    [403, 'forbidden'],
    [409, 'conflict'],
  ] as const)('names a bare %i %s', async (status, code) => {
    fakeApi({ 'GET /api/sessions/x': { status } });
    expect((await failureOf(getState())).code).toBe(code);
  });
});
