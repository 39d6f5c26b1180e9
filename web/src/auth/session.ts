/**
 * The signed-in user: the bearer token in sessionStorage (gone when the tab closes) and the
 * claims read from it. The UI only reads the claims to shape itself; the API verifies the token.
 */
const key = 'cxgov.token';

export interface SessionUser {
  userId: string;
  name: string;
  roles: string[];
  department?: string;
  expiresAt?: number;
}

export function getToken(): string | null {
  return sessionStorage.getItem(key);
}

export function saveToken(token: string): void {
  sessionStorage.setItem(key, token);
}

export function clearToken(): void {
  sessionStorage.removeItem(key);
}

/** The token's claims, or null when it is not a readable JWT or has expired. */
export function userFromToken(token: string | null): SessionUser | null {
  if (!token) return null;
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = new TextDecoder().decode(Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as { sub?: unknown; name?: unknown; roles?: unknown; department?: unknown; exp?: unknown };
    if (typeof claims.sub !== 'string') return null;
    const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
    if (expiresAt !== undefined && expiresAt < Date.now()) return null;
    return {
      userId: claims.sub,
      name: typeof claims.name === 'string' ? claims.name : claims.sub,
      roles: Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [],
      ...(typeof claims.department === 'string' ? { department: claims.department } : {}),
      ...(expiresAt !== undefined ? { expiresAt } : {}),
    };
  } catch {
    return null;
  }
}

export const hasRole = (u: SessionUser | null, ...roles: string[]) => !!u && roles.some((r) => u.roles.includes(r));
