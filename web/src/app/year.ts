/**
 * The plan year the user looks at. The URL is the source of truth (`?year=2020`), so a link or a
 * printed address shows the same year; without it the latest plan in force is shown.
 */
import { useCallback } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { usePlans } from '../api/plans';
import type { PlanListItem } from '../api/types';

export function defaultYear(plans: PlanListItem[]): number | undefined {
  const years = plans.map((p) => p.year).sort((a, b) => b - a);
  const active = plans
    .filter((p) => p.status === 'active')
    .map((p) => p.year)
    .sort((a, b) => b - a);
  return active[0] ?? years[0];
}

export function useYear(): {
  year: number | undefined;
  plans: PlanListItem[];
  plan: PlanListItem | undefined;
  loading: boolean;
} {
  const [params] = useSearchParams();
  const q = usePlans();
  const plans = q.data?.plans ?? [];
  const asked = Number(params.get('year'));
  const year = plans.some((p) => p.year === asked) ? asked : defaultYear(plans);
  return { year, plans, plan: plans.find((p) => p.year === year), loading: q.isPending };
}

/** Builds an in-app link that keeps the chosen year. */
export function useHref() {
  const [params] = useSearchParams();
  const year = params.get('year');
  return useCallback(
    (path: string, extra: Record<string, string> = {}) => {
      const q = new URLSearchParams();
      if (year) q.set('year', year);
      for (const [k, v] of Object.entries(extra)) q.set(k, v);
      const s = q.toString();
      return s ? `${path}?${s}` : path;
    },
    [year],
  );
}

export function useSetYear() {
  const navigate = useNavigate();
  const location = useLocation();
  return useCallback(
    (year: number) => {
      const q = new URLSearchParams(location.search);
      q.set('year', String(year));
      navigate({ pathname: location.pathname, search: `?${q.toString()}` });
    },
    [navigate, location],
  );
}
