import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { App } from 'antd';
import type { StaffUser } from '@mc/shared';
import { api, clearToken, getToken, setToken, setUnauthorizedHandler } from './api';

export type AuthStatus = 'loading' | 'anonymous' | 'authenticated' | 'error';

interface AuthContextValue {
  status: AuthStatus;
  staff: StaffUser | null;
  /** Set when restoring the session failed for a reason other than 401 (server down). */
  error: string | null;
  login(username: string, password: string): Promise<StaffUser>;
  logout(): void;
  /** Retry restoring the session from the stored token. */
  reload(): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

interface LoginResponse {
  token: string;
  staff: StaffUser;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const { message } = App.useApp();
  const [staff, setStaff] = useState<StaffUser | null>(null);
  const [status, setStatus] = useState<AuthStatus>(() => (getToken() ? 'loading' : 'anonymous'));
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const signedIn = useRef(false);
  signedIn.current = staff !== null;

  // Restore the session from the stored token: GET /api/admin/me.
  useEffect(() => {
    if (!getToken()) {
      setStatus('anonymous');
      return;
    }
    let cancelled = false;
    setStatus('loading');
    api
      .get<StaffUser>('/api/admin/me')
      .then((me) => {
        if (cancelled) return;
        setStaff(me);
        setError(null);
        setStatus('authenticated');
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        if (!getToken()) {
          // 401: api.ts cleared the token; the login page takes over.
          setStaff(null);
          setStatus('anonymous');
        } else {
          setError(e instanceof Error ? e.message : '无法连接服务器');
          setStatus('error');
        }
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  // A 401 anywhere (expired or revoked token): back to anonymous; route guards show the login page.
  useEffect(
    () =>
      setUnauthorizedHandler(() => {
        if (signedIn.current) message.warning('登录已失效，请重新登录');
        setStaff(null);
        setStatus('anonymous');
      }),
    [message],
  );

  const login = useCallback(async (username: string, password: string) => {
    const res = await api.post<LoginResponse>('/api/admin/auth/login', { username, password }, { auth: false });
    setToken(res.token);
    setStaff(res.staff);
    setError(null);
    setStatus('authenticated');
    return res.staff;
  }, []);

  const logout = useCallback(() => {
    clearToken();
    setStaff(null);
    setStatus('anonymous');
  }, []);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const value = useMemo(() => ({ status, staff, error, login, logout, reload }), [status, staff, error, login, logout, reload]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}

/** The signed-in staff member; only for components rendered behind the login guard. */
export function useStaff(): StaffUser {
  const { staff } = useAuth();
  if (!staff) throw new Error('useStaff called without a signed-in staff member');
  return staff;
}
