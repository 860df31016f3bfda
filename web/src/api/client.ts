/**
 * The one place that talks HTTP to the server. Every request goes through `api()`:
 * - sends the session cookie (`credentials: 'same-origin'`),
 * - on a state-changing request adds the CSRF header with the token the session endpoint gave
 *   (`x-csrf-token`; see session.ts),
 * - on 401 sends the browser to /login?next=<where it was> (except for the auth calls themselves),
 * - turns the server's error body `{ error: { code, message, details, ...extra } }` into an ApiError
 *   with the server's Korean message; the other fields (e.g. a 409's `current`, the value now stored)
 *   are kept in `extra`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The server's field errors of a failed request (`details[].path` → message; the first message of a path wins); {} for anything else. */
export function fieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (e instanceof ApiError) for (const d of e.details) out[d.path] ??= d.message;
  return out;
}

/** The server's error body `{ error: {...} }` (or anything else) as an ApiError. */
export function apiErrorOf(status: number, fallback: string, body: unknown): ApiError {
  const err = (body as { error?: Record<string, unknown> } | null)?.error;
  if (!err || typeof err !== 'object') return new ApiError(status, `http_${status}`, fallback);
  const { code, message, details, ...extra } = err as {
    code?: string;
    message?: string;
    details?: ApiError['details'];
  } & Record<string, unknown>;
  return new ApiError(status, code ?? `http_${status}`, message ?? fallback, details ?? [], extra);
}

export const API_BASE = '/api/v1';
export const CSRF_HEADER = 'x-csrf-token';

let csrfToken: string | null = null;

/** When the server last saw this browser act (every API call but the session probe resets its idle timer). */
let lastActivity = Date.now();
export const getLastActivity = () => lastActivity;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
/** For the few requests made outside api() (file transfers with progress, XMLHttpRequest). */
export const getCsrfToken = () => csrfToken;
export function noteActivity() {
  lastActivity = Date.now();
}

let onUnauthorized: () => void = () => {
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname !== '/login') window.location.assign(`/login?next=${encodeURIComponent(here)}`);
};
/** The router replaces the full-page redirect with a client-side navigation. */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}
export const handleUnauthorized = () => onUnauthorized();

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  /** Do not redirect to the login page on 401 (the session probe and the login call). */
  allowUnauthorized?: boolean;
}

export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  let url = path.startsWith('/api/') ? path : `${API_BASE}${path}`;
  if (opts.query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.query)) if (v !== undefined) q.set(k, String(v));
    const s = q.toString();
    if (s) url += `?${s}`;
  }
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: opts.signal,
  });
  if (res.status === 401 && !opts.allowUnauthorized) onUnauthorized();
  if (res.ok && !url.startsWith(`${API_BASE}/auth/session`)) lastActivity = Date.now();
  if (res.ok && url === `${API_BASE}/auth/session/extend`) lastActivity = Date.now();
  if (!res.ok) {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      /* not JSON */
    }
    throw apiErrorOf(res.status, res.statusText || `HTTP ${res.status}`, body);
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
