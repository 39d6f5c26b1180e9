import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setUnauthorizedHandler } from '../api/client';
import { clearToken, getToken, saveToken, userFromToken, type SessionUser } from './session';

interface Session {
  user: SessionUser | null;
  signIn(token: string): SessionUser | null;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(() => userFromToken(getToken()));
  const signOut = useCallback(() => {
    clearToken();
    setUser(null);
  }, []);
  const signIn = useCallback((token: string) => {
    const u = userFromToken(token);
    if (u) {
      saveToken(token);
      setUser(u);
    }
    return u;
  }, []);
  // An expired or revoked token (401 from the API) returns to sign-in.
  useEffect(() => setUnauthorizedHandler(signOut), [signOut]);
  const value = useMemo(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; pages under the layout are only rendered with one. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('no user signed in');
  return user;
}
