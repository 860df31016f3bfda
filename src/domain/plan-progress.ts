/**
 * How far the year has come, for the home dashboard: each 區 전략목표's achievement so far (the mean
 * of its indicators' latest achievement rates, each capped at 100% as the score caps it by default)
 * with a band for the strategy map's colour, and the year's results by workflow status; `planHome` joins
 * them with the summary's counts into the one answer the dashboard asks for. Also one department's scorecard. Derived from
 * the plan document only; the evaluation (features/evaluation) is what scores, this only shows.
 */
import type { PlanDocument } from '../contracts/interchange.js';
import { achievementRate, capRate, comparePeriods, parsePeriod, resultValue } from './achievement.js';
import { summarizePlan, type PlanSummary } from './summary.js';

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

type Result = PlanDocument['results'][number];
type Indicator = PlanDocument['indicators'][number];

/** Results in period order (by when a period ends, domain/achievement); keys that are no period are left out. */
function inPeriodOrder(results: Result[]): Result[] {
  return results
    .flatMap((r) => {
      const period = parsePeriod(r.period);
      return period ? [{ r, period }] : [];
    })
    .sort((a, b) => comparePeriods(a.period, b.period))
    .map(({ r }) => r);
}

/** The latest of `results` (one department's, any order) that has a value, with that value. */
function latestValued(indicator: Indicator, results: Result[]): { result: Result; value: number } | undefined {
  const ordered = inPeriodOrder(results);
  for (let i = ordered.length - 1; i >= 0; i--) {
    const value = resultValue(indicator, ordered[i]!);
    if (value !== null) return { result: ordered[i]!, value };
  }
  return undefined;
}

/** An achievement rate by the plan's rule, or null when there is none. */
function rateOf(indicator: Indicator, value: number): number | null {
  const outcome = achievementRate(indicator, value);
  return outcome.ok ? outcome.rate : null;
}

/** The rate so far of `indicator` from its results (any order): see indicatorProgressRate. */
function progressRate(indicator: Indicator, results: readonly Result[]): number | null {
  const byDepartment = new Map<string, Result[]>();
  for (const r of results) byDepartment.set(r.department, [...(byDepartment.get(r.department) ?? []), r]);
  const rates = [...byDepartment.values()].flatMap((own) => {
    const latest = latestValued(indicator, own);
    const rate = latest ? rateOf(indicator, latest.value) : null;
    return rate === null ? [] : [capRate(rate, 100)];
  });
  return mean(rates);
}

/** The year's results grouped by indicator code, in one pass. */
function resultsByIndicator(doc: PlanDocument): Map<string, Result[]> {
  const by = new Map<string, Result[]>();
  for (const r of doc.results) {
    const list = by.get(r.indicator);
    if (list) list.push(r);
    else by.set(r.indicator, [r]);
  }
  return by;
}

/**
 * An indicator's rate so far: for each department that reported it, its latest result's rate
 * (capped at 100%), averaged over those departments (a common indicator has one per department).
 */
export function indicatorProgressRate(doc: PlanDocument, code: string): number | null {
  const indicator = doc.indicators.find((i) => i.code === code);
  if (!indicator) return null;
  return progressRate(
    indicator,
    doc.results.filter((r) => r.indicator === code),
  );
}

/**
 * One department's scorecard: for each of `codes` (the indicators of its part of the tree), the
 * results that show its progress (the department's own; for an indicator it only takes part in
 * without own results, the lead department's), in period order, and the latest of them with a value
 * with its achievement rate, uncapped (the page shows the rate, the evaluation caps it).
 */
export function departmentScorecard(doc: PlanDocument, department: string, codes: ReadonlySet<string>) {
  return doc.indicators
    .filter((i) => codes.has(i.code))
    .map((indicator) => {
      const all = doc.results.filter((r) => r.indicator === indicator.code);
      const own = all.filter((r) => r.department === department);
      const shown = inPeriodOrder(own.length ? own : all.filter((r) => r.department === indicator.leadDepartment));
      const latest = latestValued(indicator, shown);
      return {
        indicator,
        tasks: doc.tasks.filter((t) => t.indicator === indicator.code).length,
        results: shown,
        latest: latest
          ? {
              period: latest.result.period,
              department: latest.result.department,
              actual: latest.result.actual,
              status: latest.result.status,
              rate: rateOf(indicator, latest.value),
            }
          : null,
      };
    });
}

export function planProgress(doc: PlanDocument): PlanProgress {
  const opg = new Map(doc.orgPerformanceGoals.map((g) => [g.code, g.orgStrategicGoal]));
  const dsg = new Map(doc.deptStrategicGoals.map((g) => [g.code, opg.get(g.orgPerformanceGoal)]));
  const dpg = new Map(doc.deptPerformanceGoals.map((g) => [g.code, dsg.get(g.deptStrategicGoal)]));
  // One pass over the results instead of one per indicator (the dashboard asks on every visit).
  const results = resultsByIndicator(doc);
  const goals = doc.orgStrategicGoals.map((g): GoalProgress => {
    const indicators = doc.indicators.filter((i) => dpg.get(i.deptPerformanceGoal) === g.code);
    const rates = indicators.flatMap((i) => {
      const rate = progressRate(i, results.get(i.code) ?? []);
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
  const byStatus = { draft: 0, submitted: 0, approved: 0, verified: 0 };
  for (const r of doc.results) byStatus[r.status] += 1;
  return { goals, results: byStatus };
}

/** One goal card of the home dashboard's strategy map. */
export interface StrategyGoal {
  code: string;
  name: string;
  visionPillar: string | null;
  orgPerformanceGoals: number;
  /** As the summary's 區 전략목표별 지표·과제 현황 row. */
  indicators: number;
  convergenceIndicators: number;
  tasks: number;
  progress: Omit<GoalProgress, 'code' | 'name'>;
}

/** Everything the home dashboard shows of the plan, from one document: no second read. */
export interface PlanHome {
  year: number;
  vision: { name: string; slogan: string };
  counts: PlanSummary['counts'];
  /** In plan order; consecutive goals of one vision pillar form a row of the map. */
  goals: StrategyGoal[];
  results: PlanProgress['results'];
}

export function planHome(doc: PlanDocument): PlanHome {
  const summary = summarizePlan(doc);
  const progress = planProgress(doc);
  const opgCount = new Map<string, number>();
  for (const g of doc.orgPerformanceGoals)
    opgCount.set(g.orgStrategicGoal, (opgCount.get(g.orgStrategicGoal) ?? 0) + 1);
  return {
    year: doc.plan.year,
    vision: { name: doc.plan.visionName, slogan: doc.plan.visionSlogan },
    counts: summary.counts,
    // summarizePlan and planProgress both give one row per doc.orgStrategicGoals entry, in its order.
    goals: doc.orgStrategicGoals.map((g, i): StrategyGoal => {
      const row = summary.byOrgStrategicGoal[i]!;
      const { code: _code, name: _name, ...p } = progress.goals[i]!;
      return {
        code: g.code,
        name: g.name,
        visionPillar: g.visionPillar,
        orgPerformanceGoals: opgCount.get(g.code) ?? 0,
        indicators: row.indicators,
        convergenceIndicators: row.convergenceIndicators,
        tasks: row.tasks,
        progress: p,
      };
    }),
    results: progress.results,
  };
}
