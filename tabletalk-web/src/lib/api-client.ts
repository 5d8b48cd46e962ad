// The one HTTP client: JSON in and out, every body parsed, every failure turned into an ApiError
// whose `code` the screens can switch on.
import { apiUrl } from './env';
import { type ApiErrorCode, type ParseResult, parseErrorEnvelope, type SessionState } from './messages';

/**
 * `unreachable`: no answer (offline, DNS, timeout) or a gateway error without our envelope.
 * `bad_response`: the server answered something that does not match the contract.
 */
export type ApiFailureCode = ApiErrorCode | 'unreachable' | 'bad_response';

export class ApiError extends Error {
  readonly code: ApiFailureCode;
  /** HTTP status, 0 when no response arrived. */
  readonly status: number;
  /** From Retry-After on 429, in seconds. */
  readonly retryAfterSeconds: number | undefined;
  /** The current state carried by a version_conflict. */
  readonly session: SessionState | undefined;
  /** The id under which the service logged an unexpected failure (`internal`), for a diner to quote. */
  readonly incident: string | undefined;

  constructor(
    code: ApiFailureCode,
    message: string,
    options: {
      status?: number;
      retryAfterSeconds?: number | undefined;
      session?: SessionState | undefined;
      incident?: string | undefined;
    } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = options.status ?? 0;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.session = options.session;
    this.incident = options.incident;
  }
}

export function isApiError(error: unknown, ...codes: ApiFailureCode[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

/** For answers whose body does not matter (204, or an acknowledgement nothing reads). */
export const ignoreBody = (): ParseResult<undefined> => ({ ok: true, value: undefined });

/** Failures worth one more try a little later: no answer, too many requests, or the service having a moment. */
export function isRetryable(error: unknown): boolean {
  return isApiError(error, 'unreachable', 'rate_limited', 'internal', 'unavailable');
}

/**
 * Sends something the diner should never wait for or hear about (feedback, a step logged): one quiet retry
 * after a pause when the failure may pass, then it gives up. Resolves true when it got through; never rejects.
 */
export async function sendQuietly(send: () => Promise<unknown>, retryDelayMs = 4000): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await send();
      return true;
    } catch (error) {
      if (attempt >= 2 || !isRetryable(error)) return false;
      const retryAfterMs = error instanceof ApiError && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : 0;
      await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(retryDelayMs, retryAfterMs), 60_000)));
    }
  }
}

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sent as it is under its own Content-Type instead of a JSON `body` (a CSV file the console uploads). */
  rawBody?: { contentType: string; content: string };
  /** Participant token, sent as `Authorization: Bearer`. */
  token?: string | undefined;
  parse: (json: unknown) => ParseResult<T>;
  signal?: AbortSignal | undefined;
  /** The diner side sends no cookies; the console sends its sign-in cookie with `include`. */
  credentials?: RequestCredentials;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
}

const requestTimeoutMs = 10_000;

// Statuses a proxy or load balancer answers while the service is away; treated as "unreachable".
const gatewayStatuses = new Set([502, 503, 504]);

function fallbackCode(status: number): ApiFailureCode {
  if (gatewayStatuses.has(status)) return 'unreachable';
  switch (status) {
    case 400:
      return 'invalid_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 414:
      return 'uri_too_long';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'rate_limited';
    case 431:
      return 'headers_too_large';
    default:
      return status >= 500 ? 'internal' : 'bad_response';
  }
}

function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

// The service's incident ids are eight hex digits; a little room either way, nothing that could be a sentence.
const incidentPattern = /^[A-Za-z0-9-]{1,36}$/;

/** The envelope's optional `incident`; anything else in its place is ignored, never shown. */
function incidentOf(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || !('incident' in json)) return undefined;
  const { incident } = json;
  return typeof incident === 'string' && incidentPattern.test(incident) ? incident : undefined;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions<T>): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.rawBody !== undefined) headers['Content-Type'] = options.rawBody.contentType;
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;

  // One controller for both the timeout and the caller's signal (AbortSignal.any is too new for
  // some phones still in use).
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), requestTimeoutMs);
  const forwardAbort = () => controller.abort();
  options.signal?.addEventListener('abort', forwardAbort);

  let response: Response;
  let json: unknown;
  try {
    response = await fetch(apiUrl(path), {
      method: options.method ?? 'GET',
      headers,
      body: options.rawBody?.content ?? (options.body === undefined ? null : JSON.stringify(options.body)),
      signal: controller.signal,
      credentials: options.credentials ?? 'omit',
      cache: 'no-store',
    });
    json = await readJson(response);
  } catch (cause) {
    // A caller's own abort is not a failure of the server; let it through unchanged.
    if (options.signal?.aborted) throw cause;
    throw new ApiError('unreachable', 'The server could not be reached.');
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', forwardAbort);
  }

  if (response.ok) {
    const parsed = options.parse(json);
    if (!parsed.ok) {
      throw new ApiError('bad_response', `Unexpected answer from the server (${parsed.reason}).`, {
        status: response.status,
      });
    }
    return { status: response.status, data: parsed.value };
  }

  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  const envelope = parseErrorEnvelope(json);
  if (envelope.ok) {
    throw new ApiError(envelope.value.error, envelope.value.message, {
      status: response.status,
      retryAfterSeconds,
      session: envelope.value.session,
      incident: incidentOf(json),
    });
  }
  throw new ApiError(fallbackCode(response.status), `The server answered ${response.status}.`, {
    status: response.status,
    retryAfterSeconds,
  });
}
