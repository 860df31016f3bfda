/** TanStack Query hooks for the read API (src/server/routes/plans.ts). */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanHome } from '../../../src/domain/plan-progress.js';
import { api } from './client';
import type {
  ChecksResponse,
  DiffResponse,
  IndicatorResponse,
  PlanSummary,
  PlansResponse,
  TreeResponse,
} from './types';

const enc = encodeURIComponent;

export const planKeys = {
  plans: ['plans'] as const,
  summary: (year: number) => ['plans', year, 'summary'] as const,
  tree: (year: number) => ['plans', year, 'tree'] as const,
  department: (year: number, name: string) => ['plans', year, 'department', name] as const,
  indicator: (year: number, code: string) => ['plans', year, 'indicator', code] as const,
  checks: (year: number) => ['plans', year, 'checks'] as const,
  home: (year: number) => ['plans', year, 'home'] as const,
  diff: (from: number, to: number) => ['plans', 'diff', from, to] as const,
};

export function usePlans() {
  return useQuery({ queryKey: planKeys.plans, queryFn: ({ signal }) => api<PlansResponse>('/plans', { signal }) });
}

export function useSummary(year: number | undefined) {
  return useQuery({
    queryKey: planKeys.summary(year ?? 0),
    queryFn: ({ signal }) => api<PlanSummary>(`/plans/${year}/summary`, { signal }),
    enabled: year !== undefined,
  });
}

export function useTree(year: number | undefined) {
  return useQuery({
    queryKey: planKeys.tree(year ?? 0),
    queryFn: ({ signal }) => api<TreeResponse>(`/plans/${year}/tree`, { signal }),
    enabled: year !== undefined,
  });
}

export function useDepartment(year: number | undefined, name: string) {
  return useQuery({
    queryKey: planKeys.department(year ?? 0, name),
    queryFn: ({ signal }) => api<TreeResponse>(`/plans/${year}/departments/${enc(name)}`, { signal }),
    enabled: year !== undefined && name !== '',
  });
}

const indicatorQuery = (year: number, code: string) => ({
  queryKey: planKeys.indicator(year, code),
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api<IndicatorResponse>(`/plans/${year}/indicators/${enc(code)}`, { signal }),
});

export function useIndicator(year: number | undefined, code: string) {
  return useQuery({ ...indicatorQuery(year ?? 0, code), enabled: year !== undefined && code !== '' });
}

/** The home dashboard: vision, counts, strategy map with progress, results by status — one request. */
export function useHome(year: number | undefined) {
  const options = {
    queryKey: planKeys.home(year ?? 0),
    queryFn: ({ signal }: { signal: AbortSignal }) => api<PlanHome>(`/plans/${year}/home`, { signal }),
  };
  // Started during render (as usePrefetchQuery does), not in an effect: effects run child first, so the
  // home cards' own queries (to-do, ranking) would reach the server's one database connection first
  // and the page's main content would wait behind them (docs/performance.md, run D).
  const client = useQueryClient();
  if (year !== undefined && !client.getQueryState(options.queryKey)) void client.prefetchQuery(options);
  return useQuery({ ...options, enabled: year !== undefined });
}

export function useChecks(year: number | undefined) {
  return useQuery({
    queryKey: planKeys.checks(year ?? 0),
    queryFn: ({ signal }) => api<ChecksResponse>(`/plans/${year}/checks`, { signal }),
    enabled: year !== undefined,
  });
}

export function useDiff(from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: planKeys.diff(from ?? 0, to ?? 0),
    queryFn: ({ signal }) => api<DiffResponse>('/plans/diff', { query: { from, to }, signal }),
    enabled: from !== undefined && to !== undefined && from !== to,
  });
}
