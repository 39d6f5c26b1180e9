/**
 * The one HTTP client of the UI: JSON over /api/v1 with the session's bearer token, RFC 9457
 * problem documents turned into `ApiError`s that keep the field errors for forms.
 */
import { getToken } from '../auth/session';
import type { components } from './schema';

/** One refused field of a problem document: path, English message, and the `code` the UI translates. */
export type FieldError = NonNullable<components['schemas']['Problem']['errors']>[number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[] = [],
  ) {
    super(detail ?? title);
  }
}

/** Called on every 401 so the app can return to sign-in. */
let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export const apiBase = '/api/v1';

async function toError(res: Response): Promise<ApiError> {
  let body: { title?: string; detail?: string; errors?: FieldError[] } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not a problem document
  }
  return new ApiError(res.status, body.title ?? res.statusText, body.detail, body.errors ?? []);
}

export async function request<T>(method: string, path: string, body?: unknown, init: { token?: string; headers?: Record<string, string> } = {}): Promise<T> {
  const token = init.token ?? getToken();
  const res = await fetch(apiBase + path, {
    method,
    headers: {
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (res.status === 401 && !init.token) onUnauthorized();
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
};

/** Query string from the defined values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Downloads an authenticated resource as a file (the browser cannot send the header by link). */
export async function download(path: string, filename: string, accept = 'application/json'): Promise<void> {
  const token = getToken();
  const res = await fetch(apiBase + path, { headers: { accept, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  if (!res.ok) throw await toError(res);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An authenticated resource as text (the minutes' HTML document). */
export async function fetchText(path: string, accept: string): Promise<string> {
  const token = getToken();
  const res = await fetch(apiBase + path, { headers: { accept, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  if (!res.ok) throw await toError(res);
  return res.text();
}
