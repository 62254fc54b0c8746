import { createContext, useRef, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, toApiError, type ApiError } from './client';
import { invalidate } from './useApi';
import { clearPersonalData } from '../lib/storage';
import type { RegisterBody, SessionPayload, SignUpAnswer, SignUpPending, TwoFactorChallenge, User } from './types';

export type { RegisterBody };


interface SessionValue {
  /** `loading` until GET /auth/me has answered once. */
  status: 'loading' | 'ready';
  user: User | null;
  csrfToken: string | null;
  /** Set when /auth/me failed for a reason other than "not signed in" (e.g. offline). */
  error: ApiError | null;
  /**
   * The password step: the signed-in user, or — for an account with two-factor sign-in — the
   * challenge `completeSignIn` answers. @throws {ApiError} INVALID_CREDENTIALS, ACCOUNT_LOCKED, rate limit, network.
   */
  signIn: (login: string, password: string) => Promise<User | TwoFactorChallenge>;
  /** The second step. @throws {ApiError} TWO_FACTOR_CODE_INVALID, TWO_FACTOR_CHALLENGE_EXPIRED, ACCOUNT_LOCKED */
  completeSignIn: (challenge: string, code: string) => Promise<User & { recoveryCodesLeft: number | null }>;
  /** Step 1 of sign-up: a code is sent, nothing is opened yet. @throws {ApiError} CCCD_INVALID, MST_INVALID, PHONE_INVALID, ACCOUNT_EXISTS, OTP_RATE_LIMITED, VALIDATION_FAILED… */
  register: (body: RegisterBody) => Promise<SignUpPending>;
  /** Step 2: the code; signs in. @throws {ApiError} OTP_INVALID, OTP_EXPIRED, SIGN_UP_NOT_FOUND, ACCOUNT_EXISTS */
  confirmSignUp: (signUpId: string, code: string) => Promise<User>;
  /** @throws {ApiError} when the server cannot be reached (the session is then kept). */
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ status: 'loading' | 'ready'; user: User | null; csrfToken: string | null; error: ApiError | null }>({
    status: 'loading',
    user: null,
    csrfToken: null,
    error: null,
  });

  // Every change of session (sign-in, sign-out, a refresh) takes a new generation; an answer that
  // arrives after a newer change started is stale and ignored (a slow first /auth/session must not
  // sign out someone who has just signed in).
  const generation = useRef(0);
  const apply = useCallback((payload: SessionPayload | null, error: ApiError | null = null) => {
    setCsrfToken(payload?.csrfToken ?? null);
    setState({ status: 'ready', user: payload?.user ?? null, csrfToken: payload?.csrfToken ?? null, error });
  }, []);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    try {
      // /auth/session answers 200 for visitors too (no error in the console for anonymous pages).
      const payload = await api.get<{ user: SessionPayload['user'] | null; csrfToken: string | null }>('/auth/session');
      if (mine === generation.current) apply(payload.user ? (payload as SessionPayload) : null);
    } catch (e) {
      const err = toApiError(e);
      if (mine === generation.current) apply(null, err.status === 401 ? null : err);
    }
  }, [apply]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Any 401 from another call means the session has ended (expired, signed out elsewhere).
  useEffect(() => {
    const onExpired = () => setState((s) => (s.user ? { ...s, user: null, csrfToken: null } : s));
    window.addEventListener('nts:unauthenticated', onExpired);
    return () => window.removeEventListener('nts:unauthenticated', onExpired);
  }, []);

  const signIn = useCallback(
    async (login: string, password: string) => {
      generation.current++;
      const payload = await api.post<SessionPayload | { twoFactor: TwoFactorChallenge }>('/auth/login', { login, password });
      if ('twoFactor' in payload) return payload.twoFactor;
      generation.current++;
      invalidate();
      apply(payload);
      return payload.user;
    },
    [apply],
  );

  const completeSignIn = useCallback(
    async (challenge: string, code: string) => {
      generation.current++;
      const payload = await api.post<SessionPayload & { recoveryCodesLeft: number | null }>('/auth/login/two-factor', { challenge, code });
      generation.current++;
      invalidate();
      apply(payload);
      return { ...payload.user, recoveryCodesLeft: payload.recoveryCodesLeft };
    },
    [apply],
  );

  const register = useCallback(async (body: RegisterBody) => (await api.post<SignUpAnswer>('/auth/register', body)).signUp, []);

  const confirmSignUp = useCallback(
    async (signUpId: string, code: string) => {
      generation.current++;
      const payload = await api.post<SessionPayload>('/auth/register/confirm', { signUpId, code });
      generation.current++;
      invalidate();
      apply(payload);
      return payload.user;
    },
    [apply],
  );

  const signOut = useCallback(async () => {
    generation.current++;
    await api.post<void>('/auth/logout');
    generation.current++;
    invalidate();
    // On a shared computer the next person must not find this person's drafts.
    clearPersonalData();
    apply(null);
  }, [apply]);

  const value = useMemo<SessionValue>(
    () => ({ ...state, signIn, completeSignIn, register, confirmSignUp, signOut, refresh }),
    [state, signIn, completeSignIn, register, confirmSignUp, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in user (or null), the CSRF token and sign-in/out helpers. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() must be used inside <SessionProvider>');
  return value;
}
