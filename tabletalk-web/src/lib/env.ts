// The only place that reads build-time configuration.
const configuredApiUrl = import.meta.env.VITE_API_URL;

/** The API base without a trailing slash: `/api` unless VITE_API_URL says otherwise at build time. */
export const apiBaseUrl: string = (
  configuredApiUrl && configuredApiUrl.trim() !== '' ? configuredApiUrl : '/api'
).replace(/\/+$/, '');

/** An absolute http(s) URL for an API path, resolved against the page when the base is relative. */
export function apiUrl(path: string, base: string = apiBaseUrl, page: string = window.location.href): URL {
  return new URL(`${base}${path}`, page);
}

/** The ws(s) URL for an API path: same host as the API, scheme switched to match http/https. */
export function apiWebSocketUrl(path: string, base: string = apiBaseUrl, page: string = window.location.href): string {
  const url = apiUrl(path, base, page);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
