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

/**
 * Sends a file as the request body (its own Content-Type), reporting the share sent so far
 * (0–1): XMLHttpRequest, because fetch tells nothing of an upload's progress.
 */
export function uploadFile<T>(path: string, file: Blob, mediaType: string, onProgress: (sent: number) => void): Promise<T> {
  const token = getToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiBase + path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', mediaType);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'Network error', undefined));
    xhr.onload = () => {
      let body: { title?: string; detail?: string; errors?: FieldError[] } | undefined;
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        body = undefined;
      }
      if (xhr.status === 401) onUnauthorized();
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, body?.title ?? xhr.statusText, body?.detail, body?.errors ?? []));
    };
    xhr.send(file);
  });
}

/** The file name a download's Content-Disposition offers (RFC 6266: `filename*` first). */
function offeredName(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!);
    } catch {
      // fall back to the plain name
    }
  }
  // A quoted string, or a bare token (`filename=report.pdf`, as servers write plain ASCII names).
  const plain = /filename=(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(disposition);
  return plain ? (plain[1]?.replace(/\\(.)/g, '$1') ?? plain[2]) : undefined;
}

/** Downloads an authenticated file under the name the server offers (an attachment). */
export async function downloadOffered(path: string, fallbackName: string): Promise<void> {
  const token = getToken();
  const res = await fetch(apiBase + path, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  if (res.status === 401) onUnauthorized();
  if (!res.ok) throw await toError(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = offeredName(res.headers.get('content-disposition')) ?? fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
