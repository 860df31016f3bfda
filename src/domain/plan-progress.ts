/**
 * How far the year has come, for the home dashboard: each 區 전략목표's achievement so far (the mean
 * of its indicators' latest achievement rates, each capped at 100% as the score caps it by default)
 * with a band for the strategy map's colour, and the year's results by workflow status. Derived from
 * the plan document only; the evaluation (features/evaluation) is what scores, this only shows.
 */
import type { PlanDocument } from '../contracts/interchange.js';
import { achievementRate, capRate, comparePeriods, parsePeriod, resultValue } from './achievement.js';

/** Bands of the strategy map: 90% and over is on track, 70% and over needs attention, below is behind. */
export const PROGRESS_BANDS = Object.freeze({ good: 90, fair: 70 });
export type ProgressBand = 'good' | 'fair' | 'poor';

export function progressBand(rate: number | null): ProgressBand | null {
  if (rate === null) return null;
  return rate >= PROGRESS_BANDS.good ? 'good' : rate >= PROGRESS_BANDS.fair ? 'fair' : 'poor';
}

export interface GoalProgress {
  code: string;
  name: string;
  indicators: number;
  /** Indicators with at least one result that gives a rate. */
  rated: number;
  /** Mean capped rate in percent over the rated indicators; null when none is rated. */
  rate: number | null;
  band: ProgressBand | null;
}

export interface PlanProgress {
  goals: GoalProgress[];
  results: Record<'draft' | 'submitted' | 'approved' | 'verified', number>;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/**
 * An indicator's rate so far: for each department that reported it, its latest result's rate
 * (capped at 100%), averaged over those departments (a common indicator has one per department).
 */
export function indicatorProgressRate(doc: PlanDocument, code: string): number | null {
  const indicator = doc.indicators.find((i) => i.code === code);
  if (!indicator) return null;
  const latest = new Map<string, { period: ReturnType<typeof parsePeriod>; value: number }>();
  for (const r of doc.results) {
    if (r.indicator !== code) continue;
    const period = parsePeriod(r.period);
    const value = resultValue(indicator, r);
    if (!period || value === null) continue;
    const seen = latest.get(r.department);
    if (!seen || comparePeriods(seen.period!, period) < 0) latest.set(r.department, { period, value });
  }
  const rates = [...latest.values()].flatMap(({ value }) => {
    const outcome = achievementRate(indicator, value);
    return outcome.ok ? [capRate(outcome.rate, 100)] : [];
  });
  return mean(rates);
}

export function planProgress(doc: PlanDocument): PlanProgress {
  const opg = new Map(doc.orgPerformanceGoals.map((g) => [g.code, g.orgStrategicGoal]));
  const dsg = new Map(doc.deptStrategicGoals.map((g) => [g.code, opg.get(g.orgPerformanceGoal)]));
  const dpg = new Map(doc.deptPerformanceGoals.map((g) => [g.code, dsg.get(g.deptStrategicGoal)]));
  const goals = doc.orgStrategicGoals.map((g): GoalProgress => {
    const indicators = doc.indicators.filter((i) => dpg.get(i.deptPerformanceGoal) === g.code);
    const rates = indicators.flatMap((i) => {
      const rate = indicatorProgressRate(doc, i.code);
      return rate === null ? [] : [rate];
    });
    const rate = mean(rates);
    return {
      code: g.code,
      name: g.name,
      indicators: indicators.length,
      rated: rates.length,
      rate,
      band: progressBand(rate),
    };
  });
  const results = { draft: 0, submitted: 0, approved: 0, verified: 0 };
  for (const r of doc.results) results[r.status] += 1;
  return { goals, results };
}
