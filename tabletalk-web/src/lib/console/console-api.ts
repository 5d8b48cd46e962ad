// The console's side of the API client: every request carries the sign-in cookie, and downloads
// are plain links to the same endpoints (the browser sends the cookie with them too).
import { apiRequest, type ApiResponse, type RequestOptions } from '../api-client';
import { apiUrl } from '../env';
import type { ParseResult } from '../parse';

export type ConsoleRequestOptions<T> = Omit<RequestOptions<T>, 'credentials' | 'token'>;

/** A request to `/api/console{path}` with the sign-in cookie. */
export function consoleRequest<T>(path: string, options: ConsoleRequestOptions<T>): Promise<ApiResponse<T>> {
  return apiRequest(`/console${path}`, { ...options, credentials: 'include' });
}

/** For answers whose body the screen does not need (204, or a change it reloads after). */
export const anyBody = (): ParseResult<null> => ({ ok: true, value: null });

/** The absolute URL of a console endpoint, for links and downloads. */
export function consoleUrl(path: string): string {
  return apiUrl(`/console${path}`).toString();
}
