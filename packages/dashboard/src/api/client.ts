import { ApiError } from './api-error';

export const API_BASE = '/api/v1';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

/**
 * The one way the dashboard talks to Snag: same-origin fetches carrying the
 * httpOnly session cookie, and the CSRF token (kept in memory only) on every
 * request that changes something. Nothing about the session touches storage.
 */
let csrfToken: string | undefined;
const unauthorizedListeners = new Set<() => void>();

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called whenever an API call answers 401, so the app can return to sign-in. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function apiUrl(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return `${API_BASE}${path}${query ? `?${query}` : ''}`;
}

async function request(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  if (!response.ok) throw await toApiError(response, url);
  return response;
}

async function toApiError(response: Response, url: string): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = response.statusText || `request failed with status ${response.status}`;
  try {
    const body = (await response.json()) as { error?: string; message?: string };
    code = body.error ?? code;
    message = body.message ?? message;
  } catch {
    // Not JSON (a proxy's error page): keep the status line.
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  if (response.status === 401 && !url.startsWith(`${API_BASE}/auth/`)) {
    for (const listener of unauthorizedListeners) listener();
  }
  return new ApiError(response.status, code, message, Number.isFinite(retryAfter) ? retryAfter : undefined);
}

export async function apiGet<T>(path: string, params?: QueryParams, signal?: AbortSignal): Promise<T> {
  const response = await request('GET', apiUrl(path, params), undefined, signal);
  return (await response.json()) as T;
}

export async function apiGetText(path: string, params?: QueryParams): Promise<string> {
  const response = await request('GET', apiUrl(path, params));
  return response.text();
}

export async function apiSend<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await request(method, apiUrl(path), body);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A public, unauthenticated Snag URL (share links). */
export async function publicGet<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' });
  if (!response.ok) throw await toApiError(response, url);
  return (await response.json()) as T;
}
