/**
 * 융합지표 — the lead department's result of a convergence indicator for one period, derived from
 * the participating departments' contributions by the indicator's rule (sum, average, or the lead's
 * own figure). The rule itself is achievement.ts's `convergeContributions`; this only turns one
 * period's result rows into the contributions it takes.
 */
import type { IndicatorRow } from '../../contracts/interchange.js';
import {
  contributors,
  convergeContributions,
  milestoneCompletion,
  resultValue,
  type DepartmentValue,
  type IndicatorValue,
} from '../achievement.js';
import { fmt } from '../evaluation/round.js';
import type { ResultStatus } from './workflow.js';

export interface PeriodResult {
  department: string;
  status: ResultStatus;
  actual: number | null;
  milestonesDone: string[];
}

/** Statuses a contribution counts in by default: anything a department has submitted. */
export const DEFAULT_CONTRIBUTION_STATUSES: readonly ResultStatus[] = ['submitted', 'approved', 'verified'];

export function derivePeriodConvergence(
  indicator: Pick<
    IndicatorRow,
    'code' | 'measurement' | 'milestones' | 'frequency' | 'leadDepartment' | 'participants' | 'convergenceRule'
  >,
  period: string,
  rows: readonly PeriodResult[],
  statuses: readonly ResultStatus[] = DEFAULT_CONTRIBUTION_STATUSES,
): IndicatorValue {
  const counted = new Set(statuses);
  const contributions: DepartmentValue[] = contributors(indicator).map((department) => {
    const r = rows.find((x) => x.department === department && counted.has(x.status));
    const value = r && (indicator.measurement === 'milestone' || r.actual !== null) ? resultValue(indicator, r) : null;
    const base = { indicator: indicator.code, department };
    if (!r || value === null)
      return {
        ...base,
        value: null,
        method: 'none' as const,
        milestonesDone: [],
        results: [],
        formula: `${department}: ${period} 실적 없음`,
      };
    return {
      ...base,
      value,
      method: 'year_period' as const,
      milestonesDone:
        indicator.measurement === 'milestone'
          ? milestoneCompletion(indicator.milestones, r.milestonesDone).completed
          : [],
      results: [
        {
          indicator: indicator.code,
          department,
          period,
          status: r.status,
          actual: r.actual,
          milestonesDone: [...r.milestonesDone],
        },
      ],
      formula: `${department}: ${period} ${fmt(value)}`,
    };
  });
  return convergeContributions(indicator, contributions);
}
