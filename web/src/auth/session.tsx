import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from '../api';

export interface OrgUnitRef {
  id: string;
  name: string;
  nameEn: string;
  kind: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  kind: 'staff' | 'person' | 'enterprise';
  orgUnit: OrgUnitRef | null;
  roles: { role: string; orgUnit: OrgUnitRef }[];
  csrfToken: string;
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedIn'; me: Me }
  | { status: 'signedOut' }
  | { status: 'error'; error: ApiError };

interface SessionContextValue {
  session: SessionState;
  reload: () => void;
  signIn: (username: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

function signedIn(me: Me): SessionState {
  setCsrfToken(me.csrfToken);
  return { status: 'signedIn', me };
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<Me>('/api/v1/me', controller.signal)
      .then((me) => setSession(signedIn(me)))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = asApiError(error);
        setSession(
          apiError.status === 401 ? { status: 'signedOut' } : { status: 'error', error: apiError },
        );
      });
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => {
    setSession({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const me = await api.post<Me>('/api/v1/auth/login', { username, password });
    setSession(signedIn(me));
    return me;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post<void>('/api/v1/auth/logout');
    } catch (error) {
      // A 401 means the session had already ended, which is the outcome we wanted.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setCsrfToken(null);
    setSession({ status: 'signedOut' });
  }, []);

  const value = useMemo(
    () => ({ session, reload, signIn, signOut }),
    [session, reload, signIn, signOut],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('SessionProvider is missing');
  return value;
}
