/** The plan administration API (docs/plan-admin.md): one item per request, and the roll-over. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Level } from './types';

/** The document list of each tree level (the API's `:level`, and the plan checks' paths). */
export const LIST_OF: Record<Level, AdminLevel> = {
  orgStrategicGoal: 'orgStrategicGoals',
  orgPerformanceGoal: 'orgPerformanceGoals',
  deptStrategicGoal: 'deptStrategicGoals',
  deptPerformanceGoal: 'deptPerformanceGoals',
  indicator: 'indicators',
  task: 'tasks',
};
export type AdminLevel =
  'orgStrategicGoals' | 'orgPerformanceGoals' | 'deptStrategicGoals' | 'deptPerformanceGoals' | 'indicators' | 'tasks';
export const LEVEL_OF = Object.fromEntries(Object.entries(LIST_OF).map(([k, v]) => [v, k])) as Record<
  AdminLevel,
  Level
>;
/** The level below each level (where "add child" adds). */
export const CHILD_OF: Partial<Record<Level, Level>> = {
  orgStrategicGoal: 'orgPerformanceGoal',
  orgPerformanceGoal: 'deptStrategicGoal',
  deptStrategicGoal: 'deptPerformanceGoal',
  deptPerformanceGoal: 'indicator',
  indicator: 'task',
};
/** The field of a row that names its parent. */
export const PARENT_FIELD: Partial<Record<Level, string>> = {
  orgPerformanceGoal: 'orgStrategicGoal',
  deptStrategicGoal: 'orgPerformanceGoal',
  deptPerformanceGoal: 'deptStrategicGoal',
  indicator: 'deptPerformanceGoal',
  task: 'indicator',
};

export type ItemValues = Record<string, unknown>;

export interface ItemResponse {
  year: number;
  level: AdminLevel;
  code: string;
  item: ItemValues;
  version: string;
  dependents: Record<string, number>;
  departments: string[];
  planStatus: string;
}

export interface WriteResponse {
  year: number;
  level: AdminLevel;
  code: string;
  item: ItemValues;
  version: string;
  changed?: string[];
}

export interface RolloverResponse {
  from: number;
  year: number;
  title: string;
  status: string;
  counts: Record<string, number>;
}

const enc = encodeURIComponent;
const itemPath = (year: number, level: AdminLevel, code: string) => `/plans/${year}/items/${level}/${enc(code)}`;
export const adminKeys = {
  item: (year: number, level: AdminLevel, code: string) => ['plans', year, 'admin-item', level, code] as const,
};

export function useItem(year: number | undefined, level: AdminLevel | undefined, code: string | undefined) {
  return useQuery({
    queryKey: adminKeys.item(year ?? 0, level ?? 'indicators', code ?? ''),
    queryFn: ({ signal }) => api<ItemResponse>(itemPath(year!, level!, code!), { signal }),
    enabled: year !== undefined && !!level && !!code,
  });
}

/** After any change the year's reads (tree, checks, indicator pages, items) are refetched. */
function useInvalidateYear() {
  const qc = useQueryClient();
  return (year: number) => qc.invalidateQueries({ queryKey: ['plans', year] });
}

export function useSaveItem(year: number) {
  const invalidate = useInvalidateYear();
  return useMutation({
    mutationFn: (v: { level: AdminLevel; code: string; version: string; changes: ItemValues }) =>
      api<WriteResponse>(itemPath(year, v.level, v.code), {
        method: 'PATCH',
        body: { version: v.version, ...v.changes },
      }),
    onSuccess: () => invalidate(year),
  });
}

export function useCreateItem(year: number) {
  const invalidate = useInvalidateYear();
  return useMutation({
    mutationFn: (v: { level: AdminLevel; row: ItemValues }) =>
      api<WriteResponse>(`/plans/${year}/items/${v.level}`, { method: 'POST', body: v.row }),
    onSuccess: () => invalidate(year),
  });
}

export function useDeleteItem(year: number) {
  const invalidate = useInvalidateYear();
  return useMutation({
    mutationFn: (v: { level: AdminLevel; code: string; version: string }) =>
      api<{ deleted: boolean }>(itemPath(year, v.level, v.code), { method: 'DELETE', query: { version: v.version } }),
    onSuccess: () => invalidate(year),
  });
}

export function useRollover(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<RolloverResponse>(`/plans/${year}/rollover`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['plans'] }),
  });
}
