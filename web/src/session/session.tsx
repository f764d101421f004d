import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { InstanceDto, Language, Permission, SessionDto, SessionUserDto } from '@kinga/shared';
import { getInstance, getSession, logout, onUnauthorized, setCsrfToken, updateProfile } from '../api/client.ts';
import { useLanguage } from '../i18n/i18n.tsx';

interface SessionContextValue {
  instance: InstanceDto;
  user: SessionUserDto | null;
  /** True once the session ended by itself (expired or revoked), so sign-in can say why. */
  sessionEnded: boolean;
  /** True after the user signed out here: the next sign-in starts at home, not at the last page (a shared phone). */
  signedOut: boolean;
  /** Takes over a session answered by the login endpoint. */
  startSession: (session: SessionDto) => void;
  signOut: () => Promise<void>;
  /** Reloads the session from the server, e.g. after the second factor was set up. */
  refreshSession: () => Promise<void>;
  /** Switches the language and, when signed in, saves it to the profile. */
  chooseLanguage: (language: Language) => Promise<void>;
  can: (permission: Permission) => boolean;
}

const SessionContext = createContext<SessionContextValue | null>(null);

type BootState =
  { phase: 'loading' } | { phase: 'failed' } | { phase: 'ready'; instance: InstanceDto; user: SessionUserDto | null };

/** Loads the instance profile and the current session, then provides both to the app. */
export function SessionProvider({
  children,
  loading,
  failed,
}: {
  children: ReactNode;
  loading: ReactNode;
  failed: ReactNode;
}) {
  const { setLanguage } = useLanguage();
  const [state, setState] = useState<BootState>({ phase: 'loading' });
  const [sessionEnded, setSessionEnded] = useState(false);
  const [signedOut, setSignedOut] = useState(false);

  const applyUser = useCallback(
    (user: SessionUserDto | null) => {
      setState((prev) => (prev.phase === 'ready' ? { ...prev, user } : prev));
      if (user) setLanguage(user.language);
    },
    [setLanguage],
  );

  useEffect(() => {
    let cancelled = false;
    Promise.all([getInstance(), getSession()])
      .then(([instance, session]) => {
        if (cancelled) return;
        setCsrfToken(session?.csrfToken ?? null);
        if (session) setLanguage(session.user.language);
        setState({ phase: 'ready', instance, user: session?.user ?? null });
      })
      .catch(() => {
        if (!cancelled) setState({ phase: 'failed' });
      });
    return () => {
      cancelled = true;
    };
  }, [setLanguage]);

  useEffect(() => {
    onUnauthorized(() => {
      setCsrfToken(null);
      setSessionEnded(true);
      setState((prev) => (prev.phase === 'ready' ? { ...prev, user: null } : prev));
    });
    return () => onUnauthorized(null);
  }, []);

  const startSession = useCallback(
    (session: SessionDto) => {
      setCsrfToken(session.csrfToken);
      setSessionEnded(false);
      setSignedOut(false);
      applyUser(session.user);
    },
    [applyUser],
  );

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      setCsrfToken(null);
      setSessionEnded(false);
      setSignedOut(true);
      applyUser(null);
    }
  }, [applyUser]);

  const refreshSession = useCallback(async () => {
    const session = await getSession();
    setCsrfToken(session?.csrfToken ?? null);
    applyUser(session?.user ?? null);
  }, [applyUser]);

  const user = state.phase === 'ready' ? state.user : null;

  const chooseLanguage = useCallback(
    async (language: Language) => {
      setLanguage(language);
      if (user && user.language !== language) {
        const updated = await updateProfile({ language });
        applyUser(updated);
      }
    },
    [setLanguage, user, applyUser],
  );

  const value = useMemo<SessionContextValue | null>(() => {
    if (state.phase !== 'ready') return null;
    return {
      instance: state.instance,
      user: state.user,
      sessionEnded,
      signedOut,
      startSession,
      signOut,
      refreshSession,
      chooseLanguage,
      can: (permission) => state.user?.permissions.includes(permission) ?? false,
    };
  }, [state, sessionEnded, signedOut, startSession, signOut, refreshSession, chooseLanguage]);

  if (state.phase === 'loading') return <>{loading}</>;
  if (state.phase === 'failed' || !value) return <>{failed}</>;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The instance profile and the signed-in user (or null). */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

/** The signed-in user; only for pages behind the sign-in guard. */
export function useUser(): SessionUserDto {
  const { user } = useSession();
  if (!user) throw new Error('useUser needs a signed-in user');
  return user;
}
