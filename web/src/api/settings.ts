/**
 * The administration API (설정): accounts and their roles, departments, the audit trail
 * (src/server/routes/users.ts and audit.ts; rules in docs/security.md). Types come from the
 * server's contracts (type-only imports).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  auditEntrySchema,
  departmentSchema,
  importUsersResult,
  userViewSchema,
} from '../../../src/contracts/accounts.js';
import { api } from './client';
import type { Role } from './session';

export type UserView = z.infer<typeof userViewSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type ImportResult = z.infer<typeof importUsersResult>;
export type { Role };

/** A role as the API takes it: the role, and department ids for the department roles. */
export interface GrantInput {
  role: Role;
  departments?: string[];
}

export interface UserFilter {
  q?: string;
  role?: string;
  department?: string;
  /** 'true' | 'false' */
  active?: string;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  category?: string;
  entityType?: string;
  subject?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface AuditPage {
  total: number;
  limit: number;
  offset: number;
  entries: AuditEntry[];
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  firstSeq: number | null;
  lastSeq: number | null;
  headHash: string | null;
  problems: { seq: number; kind: string; message: string }[];
}

const enc = encodeURIComponent;
export const settingsKeys = {
  users: ['settings', 'users'] as const,
  userList: (f: UserFilter) => ['settings', 'users', 'list', f] as const,
  user: (id: string) => ['settings', 'users', 'one', id] as const,
  departments: ['departments'] as const,
  audit: (f: AuditFilter) => ['settings', 'audit', f] as const,
};

export function useUsers(filter: UserFilter) {
  return useQuery({
    queryKey: settingsKeys.userList(filter),
    queryFn: ({ signal }) => api<{ users: UserView[] }>('/users', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: settingsKeys.user(id),
    queryFn: ({ signal }) => api<UserView>(`/users/${enc(id)}`, { signal }),
  });
}

export function useDepartmentList() {
  return useQuery({
    queryKey: settingsKeys.departments,
    queryFn: ({ signal }) => api<{ departments: Department[] }>('/departments', { signal }),
  });
}

/**
 * After a change to accounts (or a refusal, e.g. another administrator's change first), every list
 * and account view is read again (the audit trail too).
 */
function useRefreshSettings() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['settings'] });
}

export function useCreateUser() {
  const refresh = useRefreshSettings();
  return useMutation({
    mutationFn: (body: { username: string; displayName: string; email?: string; roles: GrantInput[] }) =>
      api<{ user: UserView; temporaryPassword: string | null }>('/users', { method: 'POST', body }),
    onSettled: refresh,
  });
}

export function useUpdateUser(id: string) {
  const refresh = useRefreshSettings();
  return useMutation({
    mutationFn: (body: { displayName: string; email: string; version: number }) =>
      api<UserView>(`/users/${enc(id)}`, { method: 'PATCH', body }),
    onSettled: refresh,
  });
}

export function useSetRoles(id: string) {
  const refresh = useRefreshSettings();
  return useMutation({
    mutationFn: (body: { roles: GrantInput[]; version: number }) =>
      api<UserView>(`/users/${enc(id)}/roles`, { method: 'PUT', body }),
    onSettled: refresh,
  });
}

export type AccountAction = 'deactivate' | 'activate' | 'unlock';

export function useAccountAction(id: string) {
  const refresh = useRefreshSettings();
  return useMutation({
    mutationFn: (action: AccountAction) => api<UserView>(`/users/${enc(id)}/${action}`, { method: 'POST', body: {} }),
    onSettled: refresh,
  });
}

export function useResetPassword(id: string) {
  const refresh = useRefreshSettings();
  return useMutation({
    mutationFn: () =>
      api<{ user: UserView; temporaryPassword: string | null }>(`/users/${enc(id)}/reset-password`, {
        method: 'POST',
        body: {},
      }),
    onSettled: refresh,
  });
}

/** CSV import: `dryRun` checks and lists the accounts without creating them. */
export function useImportUsers() {
  const refresh = useRefreshSettings();
  return useMutation({
    mutationFn: (body: { csv: string; dryRun: boolean }) =>
      api<ImportResult>('/users/import', { method: 'POST', body }),
    onSuccess: (r) => (r.dryRun ? undefined : refresh()),
  });
}

export function useSaveDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id?: string;
      name: string;
      group: string;
      evaluated: boolean;
      active?: boolean;
      version?: number;
    }) =>
      id
        ? api<Department>(`/departments/${enc(id)}`, { method: 'PATCH', body })
        : api<Department>('/departments', { method: 'POST', body }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: settingsKeys.departments });
      await qc.invalidateQueries({ queryKey: ['settings'] });
    },
  });
}

export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: settingsKeys.audit(filter),
    queryFn: ({ signal }) => api<AuditPage>('/audit', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Runs the hash-chain check on demand (the 무결성 검증 button). */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api<AuditVerification>('/audit/verify') });
}
