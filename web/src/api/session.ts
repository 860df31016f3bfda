/**
 * The session: who is logged in and the CSRF token for writes. Auth lives on the server
 * (POST /api/v1/auth/login, GET /api/v1/auth/session, POST /api/v1/auth/logout). When the server
 * has no auth routes yet (404), the app runs read-only without a user.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { demoLoginsSchema, sessionInfoSchema } from '../../../src/contracts/accounts.js';
import { ApiError, api, setCsrfToken } from './client';

/** GET /auth/session, POST /auth/login: the user, the CSRF token, abilities, session times. */
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
export type SessionUser = SessionInfo['user'];
export type Role = SessionUser['roles'][number]['role'];

export interface SessionState {
  /** False while the server has no auth routes: everything is read-only and public. */
  authAvailable: boolean;
  user: SessionUser | null;
  abilities: string[];
  session: SessionInfo['session'] | null;
}
type SessionBody = Partial<SessionInfo>;

const sessionKey = ['session'] as const;

function adopt(body: SessionBody | undefined): SessionUser | null {
  if (body?.csrfToken) setCsrfToken(body.csrfToken);
  return body?.user ?? null;
}

export async function fetchSession(): Promise<SessionState> {
  try {
    const body = await api<SessionBody>('/auth/session', { allowUnauthorized: true });
    return { authAvailable: true, user: adopt(body), abilities: body.abilities ?? [], session: body.session ?? null };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404)
      return { authAvailable: false, user: null, abilities: [], session: null };
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return { authAvailable: true, user: null, abilities: [], session: null };
    }
    throw e;
  }
}

/** GET /auth/demo-accounts: the demo accounts the login page offers (none outside the demo). */
export type DemoLogins = z.infer<typeof demoLoginsSchema>;

export function useDemoLogins() {
  return useQuery({
    queryKey: ['demo-logins'],
    queryFn: () => api<DemoLogins>('/auth/demo-accounts', { allowUnauthorized: true }),
    staleTime: Infinity,
    retry: false,
  });
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      api<SessionBody>('/auth/login', { method: 'POST', body: input, allowUnauthorized: true }),
    onSuccess: async (body) => {
      adopt(body);
      qc.setQueryData<SessionState>(sessionKey, {
        authAvailable: true,
        user: body.user ?? null,
        abilities: body.abilities ?? [],
        session: body.session ?? null,
      });
      // Everything cached before login may have been a 401 or a narrower view.
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST', allowUnauthorized: true }),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
    },
  });
}

/** Extends the session's idle time (the expiry warning's button). */
export function useExtendSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<SessionBody>('/auth/session/extend', { method: 'POST' }),
    onSuccess: (body) => {
      adopt(body);
      qc.setQueryData<SessionState>(sessionKey, (prev) =>
        prev ? { ...prev, session: body.session ?? prev.session } : prev,
      );
    },
  });
}

/** Changes one's own password (required first for a temporary one); the server issues a new session. */
export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api<SessionBody>('/auth/password', { method: 'POST', body: input }),
    onSuccess: async (body) => {
      adopt(body);
      await qc.invalidateQueries();
    },
  });
}

/** What the session may do (the server's policy: `abilities` of GET /auth/session). */
export function useAbilities(): { can: (action: string) => boolean; ready: boolean } {
  const s = useSession();
  const list = s.data?.abilities ?? [];
  return { can: (a) => list.includes(a), ready: !s.isPending };
}
