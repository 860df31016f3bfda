/**
 * 달성률 — the achievement rate of an indicator, and the yearly value it is computed from.
 *
 * Every achievement number the product shows (evaluation, dashboards, reports) is computed by the
 * functions of this module, once. Pure: no I/O. The rules, their edge cases and the settings are
 * documented in docs/scoring.md (section "달성률 / Achievement rate").
 *
 * Vocabulary:
 * - *value*: the number an indicator's rate is computed from. For a quantitative indicator it is the
 *   actual (실적치); for a milestone-based one it is the completed milestones' weight.
 * - *rate*: the achievement rate in percent, uncapped (the cap is a scoring matter: `capRate`).
 */
import type { IndicatorRow, ResultRow } from '../contracts/interchange.js';
import { fmt } from './evaluation/round.js';

// ───────────────────────────── rates ─────────────────────────────

/** How a lower-is-better indicator's rate is computed: target ÷ actual (ratio) or (2 − actual ÷ target) (difference). */
export type LowerIsBetterFormula = 'ratio' | 'difference';

export interface RateSettings {
  /** Default 'ratio': target ÷ actual × 100. */
  lowerIsBetterFormula: LowerIsBetterFormula;
  /** Rate given to a lower-is-better indicator whose actual is 0 (or below) while its target is above 0. Default 200. */
  zeroActualLowerRate: number;
}

export const DEFAULT_RATE_SETTINGS: RateSettings = Object.freeze({
  lowerIsBetterFormula: 'ratio',
  zeroActualLowerRate: 200,
});

/** Which rule produced a rate (stable ids, shown in explanations and docs/scoring.md). */
export type RateRule =
  | 'higher.ratio'
  | 'higher.zeroTarget'
  | 'lower.ratio'
  | 'lower.difference'
  | 'lower.zeroActual'
  | 'lower.zeroTarget'
  | 'milestone.weightShare';

/** Why an indicator has no rate. */
export type NoRateReason = 'no_result' | 'no_target' | 'negative_target' | 'no_milestones';

export type RateOutcome =
  { ok: true; rate: number; rule: RateRule; formula: string } | { ok: false; reason: NoRateReason; message: string };

const NO_RATE_MESSAGES: Record<NoRateReason, string> = {
  no_result: '반영할 실적이 없습니다',
  no_target: '목표치가 없습니다',
  negative_target: '목표치가 음수여서 달성률을 계산할 수 없습니다',
  no_milestones: '마일스톤이 정의되지 않았습니다',
};

/**
 * Numeric guard: rates are held to at most 1,000,000% so that a degenerate target (1e-300) cannot
 * turn a score into Infinity. Any real over-achievement is far below it.
 */
export const MAX_RATE = 1_000_000;

const bounded = (rate: number) => (rate > MAX_RATE ? MAX_RATE : rate);

export function noRate(reason: NoRateReason): RateOutcome {
  return { ok: false, reason, message: NO_RATE_MESSAGES[reason] };
}

/**
 * Higher is better: actual ÷ target × 100.
 * - target < 0: no rate (a ratio against a negative target has no meaning);
 * - target = 0: 100 when actual ≥ 0 (the target is met), else 0;
 * - a negative result (actual < 0 < target) gives 0: a rate is never below 0.
 */
export function rateHigherIsBetter(actual: number, target: number): RateOutcome {
  if (target < 0) return noRate('negative_target');
  if (target === 0) {
    const rate = actual >= 0 ? 100 : 0;
    return { ok: true, rate, rule: 'higher.zeroTarget', formula: `목표치 0, 실적 ${fmt(actual)} → ${rate}%` };
  }
  const raw = (actual * 100) / target;
  const rate = bounded(Math.max(0, raw));
  return {
    ok: true,
    rate,
    rule: 'higher.ratio',
    formula: `실적 ${fmt(actual)} ÷ 목표 ${fmt(target)} × 100 = ${fmt(raw)}%${raw < 0 ? ' → 0%' : ''}`,
  };
}

/**
 * Lower is better: target ÷ actual × 100 ('ratio', default) or (2 − actual ÷ target) × 100 ('difference').
 * - target < 0: no rate;
 * - an actual below 0 counts as 0 (nothing is lower than none);
 * - target = 0: 100 when actual is 0, else 0 (both formulas);
 * - actual = 0 with target > 0 under 'ratio' (division by zero): `zeroActualLowerRate` (default 200,
 *   the value the difference formula gives; 200 is not *above* 200%, so no over-achievement penalty);
 * - 'difference' never goes below 0.
 */
export function rateLowerIsBetter(
  actual: number,
  target: number,
  settings: RateSettings = DEFAULT_RATE_SETTINGS,
): RateOutcome {
  if (target < 0) return noRate('negative_target');
  const a = Math.max(0, actual);
  const neg = actual < 0 ? ` (음수 실적 ${fmt(actual)} → 0으로 봄)` : '';
  if (target === 0) {
    const rate = a === 0 ? 100 : 0;
    return { ok: true, rate, rule: 'lower.zeroTarget', formula: `목표치 0, 실적 ${fmt(a)}${neg} → ${rate}%` };
  }
  if (settings.lowerIsBetterFormula === 'difference') {
    const raw = 200 - (a * 100) / target;
    const rate = bounded(Math.max(0, raw));
    return {
      ok: true,
      rate,
      rule: 'lower.difference',
      formula: `(2 − 실적 ${fmt(a)} ÷ 목표 ${fmt(target)}) × 100 = ${fmt(raw)}%${raw < 0 ? ' → 0%' : ''}${neg}`,
    };
  }
  if (a === 0) {
    const rate = settings.zeroActualLowerRate;
    return {
      ok: true,
      rate,
      rule: 'lower.zeroActual',
      formula: `실적 0 (목표 ${fmt(target)}, 낮을수록 좋음) → ${fmt(rate)}%${neg}`,
    };
  }
  const rate = bounded((target * 100) / a);
  return { ok: true, rate, rule: 'lower.ratio', formula: `목표 ${fmt(target)} ÷ 실적 ${fmt(a)} × 100 = ${fmt(rate)}%` };
}

export interface MilestoneCompletion {
  /** Weight of the defined milestones reported as completed (each definition counted once). */
  completedWeight: number;
  totalWeight: number;
  /** Names of the defined milestones counted as completed, in definition order. */
  completed: string[];
  /** Names reported as completed that the indicator does not define (ignored). */
  unknown: string[];
}

/** Completed milestones' weight, matching names exactly (after trimming). */
export function milestoneCompletion(
  milestones: readonly { name: string; weight: number }[],
  done: readonly string[],
): MilestoneCompletion {
  const doneSet = new Set(done.map((d) => d.trim()));
  const defined = new Set(milestones.map((m) => m.name.trim()));
  let completedWeight = 0;
  let totalWeight = 0;
  const completed: string[] = [];
  for (const m of milestones) {
    totalWeight += m.weight;
    if (doneSet.has(m.name.trim())) {
      completedWeight += m.weight;
      completed.push(m.name.trim());
    }
  }
  const unknown = [...doneSet].filter((d) => !defined.has(d)).sort();
  return { completedWeight, totalWeight, completed, unknown };
}

/** Milestone-based: completed weight ÷ total weight × 100. No milestones defined → no rate. */
export function rateMilestones(completedWeight: number, totalWeight: number): RateOutcome {
  if (!(totalWeight > 0)) return noRate('no_milestones');
  const rate = bounded((Math.max(0, completedWeight) * 100) / totalWeight);
  return {
    ok: true,
    rate,
    rule: 'milestone.weightShare',
    formula: `완료 마일스톤 가중치 ${fmt(completedWeight)} ÷ 전체 ${fmt(totalWeight)} × 100 = ${fmt(rate)}%`,
  };
}

export type RateIndicator = Pick<IndicatorRow, 'direction' | 'measurement' | 'target' | 'milestones'>;

/**
 * The achievement rate of an indicator for a value (see the module comment: the actual, or the
 * completed milestone weight for milestone-based indicators). `value` null → no rate ('no_result').
 */
export function achievementRate(
  indicator: RateIndicator,
  value: number | null,
  settings: RateSettings = DEFAULT_RATE_SETTINGS,
): RateOutcome {
  if (indicator.measurement === 'milestone') {
    const total = indicator.milestones.reduce((s, m) => s + m.weight, 0);
    if (!(total > 0)) return noRate('no_milestones');
    if (value === null) return noRate('no_result');
    return rateMilestones(value, total);
  }
  if (indicator.target === null) return noRate('no_target');
  if (indicator.target < 0) return noRate('negative_target');
  if (value === null) return noRate('no_result');
  return indicator.direction === 'lower'
    ? rateLowerIsBetter(value, indicator.target, settings)
    : rateHigherIsBetter(value, indicator.target);
}

/** The value one result row gives: its actual, or its completed milestones' weight. */
export function resultValue(
  indicator: Pick<IndicatorRow, 'measurement' | 'milestones'>,
  result: Pick<ResultRow, 'actual' | 'milestonesDone'>,
): number | null {
  if (indicator.measurement === 'milestone')
    return milestoneCompletion(indicator.milestones, result.milestonesDone).completedWeight;
  return result.actual;
}

/** The rate counted for the score: at most `cap` percent (null: no cap). */
export function capRate(rate: number, cap: number | null): number {
  return cap === null ? rate : Math.min(rate, cap);
}

/**
 * Rates closer than this are equal: binary floating point makes 0.69 ÷ 0.345 × 100 come out as
 * 200.00000000000003, which must not count as "above 200%".
 */
export const RATE_EPSILON = 1e-9;

/** True when the (uncapped) rate is above the over-achievement threshold (default 200%: strictly above, beyond rounding noise). */
export function isOverAchieved(rate: number, thresholdPercent = 200): boolean {
  return rate > thresholdPercent + RATE_EPSILON;
}

// ───────────────────────────── periods ─────────────────────────────

export type PeriodGranularity = 'year' | 'half' | 'quarter' | 'month';

export interface ParsedPeriod {
  key: string;
  year: number;
  granularity: PeriodGranularity;
  /** 1-based index within the year (1 for the year itself). */
  index: number;
  /** Last month covered (1–12). */
  endMonth: number;
}

const GRANULARITY_ORDER: Record<PeriodGranularity, number> = { year: 0, half: 1, quarter: 2, month: 3 };

/** Parses 2020, 2020-H1, 2020-Q3, 2020-M07; anything else → null. */
export function parsePeriod(key: string): ParsedPeriod | null {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|M(?:0[1-9]|1[0-2])))?$/.exec(key.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const part = m[2];
  if (!part) return { key, year, granularity: 'year', index: 1, endMonth: 12 };
  const n = Number(part.slice(1));
  if (part[0] === 'H') return { key, year, granularity: 'half', index: n, endMonth: n * 6 };
  if (part[0] === 'Q') return { key, year, granularity: 'quarter', index: n, endMonth: n * 3 };
  return { key, year, granularity: 'month', index: n, endMonth: n };
}

/**
 * Orders periods by when they end; periods ending together (2020-Q1 and 2020-M03, or 2020 and
 * 2020-H2) put the finer one first, so the coarser — the official figure — is "later".
 */
export function comparePeriods(a: ParsedPeriod, b: ParsedPeriod): number {
  return (
    a.year * 12 + a.endMonth - (b.year * 12 + b.endMonth) ||
    GRANULARITY_ORDER[b.granularity] - GRANULARITY_ORDER[a.granularity]
  );
}

/** True when `period` ends no later than `asOf` ends. */
export function periodEndsBy(period: ParsedPeriod, asOf: ParsedPeriod): boolean {
  return period.year * 12 + period.endMonth <= asOf.year * 12 + asOf.endMonth;
}

// ───────────────────────────── yearly values ─────────────────────────────

export type ResultStatus = ResultRow['status'];
export type EvaluationMode = 'final' | 'provisional';

/** How the yearly value is taken from period results when there is no result for the year period itself. */
export type PeriodAggregation = 'cumulative' | 'sum' | 'average';

export interface YearlyValueSettings {
  /** Default 'cumulative': values are cumulative, the latest period reported is the year's value. */
  periodAggregation: PeriodAggregation;
  /** Which workflow statuses count, per mode. Default final: verified; provisional: submitted, approved, verified. */
  countedStatuses: Record<EvaluationMode, readonly ResultStatus[]>;
}

export const DEFAULT_YEARLY_VALUE_SETTINGS: YearlyValueSettings = Object.freeze({
  periodAggregation: 'cumulative',
  countedStatuses: Object.freeze({
    final: Object.freeze(['verified'] as ResultStatus[]),
    provisional: Object.freeze(['submitted', 'approved', 'verified'] as ResultStatus[]),
  }),
});

export interface ValueContext {
  /** The plan year: results of other years never count. */
  year: number;
  mode: EvaluationMode;
  /** Only periods ending by this one count (provisional scores "as of" a period). */
  asOfPeriod?: string | null;
  settings: YearlyValueSettings;
}

/** A result row an indicator's value was taken from. */
export interface UsedResult {
  indicator: string;
  department: string;
  period: string;
  status: ResultStatus;
  actual: number | null;
  milestonesDone: string[];
}

export type ValueMethod =
  | 'year_period'
  | 'latest_period'
  | 'sum_of_periods'
  | 'average_of_periods'
  | 'convergence_sum'
  | 'convergence_average'
  | 'convergence_lead'
  | 'none';

/** One department's yearly value of an indicator. */
export interface DepartmentValue {
  indicator: string;
  department: string;
  /** null when no counted result gives a value. */
  value: number | null;
  method: ValueMethod;
  /** For milestone-based indicators: the completed milestones (union over the used results). */
  milestonesDone: string[];
  results: UsedResult[];
  formula: string;
}

/** The value an indicator is evaluated on for one evaluated department (own, derived by convergence, or common instance). */
export interface IndicatorValue extends DepartmentValue {
  /** For convergence indicators: each contributing department's value. */
  contributions: DepartmentValue[];
  /** Contributing departments (lead + participants) with no value. */
  missingContributors: string[];
}

const STATUS_ORDER: Record<ResultStatus, number> = { draft: 0, submitted: 1, approved: 2, verified: 3 };

function toUsed(r: ResultRow): UsedResult {
  return {
    indicator: r.indicator,
    department: r.department,
    period: r.period,
    status: r.status,
    actual: r.actual,
    milestonesDone: [...r.milestonesDone],
  };
}

/**
 * The results of one indicator and department that count: status counted in the mode, period of
 * the plan year, ending by `asOfPeriod` when given. Quantitative rows without an actual do not count.
 * Several rows for one period (should not happen): the most advanced status, then the larger value.
 * Returned in period order (earliest first), with their parsed periods.
 */
export function countedResults(
  indicator: Pick<IndicatorRow, 'code' | 'measurement'>,
  department: string,
  results: readonly ResultRow[],
  ctx: ValueContext,
): { result: ResultRow; period: ParsedPeriod }[] {
  const statuses = new Set(ctx.settings.countedStatuses[ctx.mode]);
  const asOf = ctx.asOfPeriod ? parsePeriod(ctx.asOfPeriod) : null;
  const byPeriod = new Map<string, { result: ResultRow; period: ParsedPeriod }>();
  for (const r of results) {
    if (r.indicator !== indicator.code || r.department !== department || !statuses.has(r.status)) continue;
    if (indicator.measurement !== 'milestone' && r.actual === null) continue;
    const p = parsePeriod(r.period);
    if (!p || p.year !== ctx.year) continue;
    if (asOf && !periodEndsBy(p, asOf)) continue;
    const prev = byPeriod.get(p.key);
    if (!prev || preferResult(r, prev.result) > 0) byPeriod.set(p.key, { result: r, period: p });
  }
  return [...byPeriod.values()].sort((a, b) => comparePeriods(a.period, b.period));
}

function preferResult(a: ResultRow, b: ResultRow): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    (a.actual ?? -Infinity) - (b.actual ?? -Infinity) ||
    a.milestonesDone.length - b.milestonesDone.length ||
    compareText(a.milestonesDone.join('\u0000'), b.milestonesDone.join('\u0000')) ||
    compareText(a.comment, b.comment)
  );
}

/** Code-unit order (locale-independent, so the same everywhere). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const GRANULARITY_OF_FREQUENCY: Record<IndicatorRow['frequency'], PeriodGranularity> = {
  monthly: 'month',
  quarterly: 'quarter',
  half_yearly: 'half',
  yearly: 'year',
};

const STATUS_KO: Record<ResultStatus, string> = {
  draft: '작성중',
  submitted: '제출',
  approved: '승인',
  verified: '검증',
};

/**
 * One department's yearly value of an indicator, from its own results:
 * - the result of the year period (e.g. "2020") when there is one;
 * - otherwise by `periodAggregation`: 'cumulative' (default) — the latest period reported;
 *   'sum' / 'average' — over the periods of the indicator's frequency (or, if none, of the finest
 *   granularity reported). Milestone-based indicators are always cumulative.
 * No counted result → value null.
 */
export function departmentYearlyValue(
  indicator: Pick<IndicatorRow, 'code' | 'measurement' | 'milestones' | 'frequency'>,
  department: string,
  results: readonly ResultRow[],
  ctx: ValueContext,
): DepartmentValue {
  const rows = countedResults(indicator, department, results, ctx);
  const base = { indicator: indicator.code, department };
  if (rows.length === 0) {
    return {
      ...base,
      value: null,
      method: 'none',
      milestonesDone: [],
      results: [],
      formula: `${department}: 반영할 실적 없음`,
    };
  }
  const valueOf = (r: ResultRow) => resultValue(indicator, r) as number;
  const describe = (r: ResultRow) => `${r.period}(${STATUS_KO[r.status]}) ${fmt(valueOf(r))}`;
  const milestonesOf = (r: ResultRow) =>
    indicator.measurement === 'milestone' ? milestoneCompletion(indicator.milestones, r.milestonesDone).completed : [];
  const yearRow = rows.find((x) => x.period.granularity === 'year');
  const aggregation = indicator.measurement === 'milestone' ? 'cumulative' : ctx.settings.periodAggregation;
  if (yearRow || aggregation === 'cumulative') {
    const pick = (yearRow ?? rows[rows.length - 1])!.result;
    return {
      ...base,
      value: valueOf(pick),
      method: yearRow ? 'year_period' : 'latest_period',
      milestonesDone: milestonesOf(pick),
      results: [toUsed(pick)],
      formula: yearRow ? `연간 실적 ${describe(pick)}` : `최근 기간 누계 실적 ${describe(pick)}`,
    };
  }
  const wanted = GRANULARITY_OF_FREQUENCY[indicator.frequency];
  let group = rows.filter((x) => x.period.granularity === wanted);
  if (group.length === 0) {
    const finest = rows.reduce((g, x) => Math.max(g, GRANULARITY_ORDER[x.period.granularity]), 0);
    group = rows.filter((x) => GRANULARITY_ORDER[x.period.granularity] === finest);
  }
  const sum = group.reduce((s, x) => s + valueOf(x.result), 0);
  const value = aggregation === 'sum' ? sum : sum / group.length;
  const parts = group.map((x) => describe(x.result)).join(' + ');
  return {
    ...base,
    value,
    method: aggregation === 'sum' ? 'sum_of_periods' : 'average_of_periods',
    milestonesDone: [],
    results: group.map((x) => toUsed(x.result)),
    formula:
      aggregation === 'sum'
        ? `기간 실적 합계 ${parts} = ${fmt(value)}`
        : `기간 실적 평균 (${parts}) ÷ ${group.length} = ${fmt(value)}`,
  };
}

export type ConvergenceIndicator = Pick<
  IndicatorRow,
  'code' | 'measurement' | 'milestones' | 'frequency' | 'leadDepartment' | 'participants' | 'convergenceRule'
>;

/** The departments contributing to a convergence indicator: the lead first, then the participants (deduplicated, sorted). */
export function contributors(indicator: Pick<IndicatorRow, 'leadDepartment' | 'participants'>): string[] {
  return [...new Set([indicator.leadDepartment, ...[...indicator.participants].sort(compareText)])];
}

/**
 * The lead department's value of a convergence indicator, from the contributors' yearly values, by
 * the indicator's `convergenceRule`:
 * - 'sum': sum of the contributors that have a value (milestone-based: a milestone completed by any contributor counts once);
 * - 'average': mean over the contributors that have a value (milestone-based: mean completed weight);
 * - 'lead': the lead department's own figure.
 * Contributors without a value are listed in `missingContributors`; none with a value → null.
 */
export function convergeContributions(
  indicator: ConvergenceIndicator,
  contributions: readonly DepartmentValue[],
): IndicatorValue {
  const lead = indicator.leadDepartment;
  const present = contributions.filter((c) => c.value !== null);
  const missingContributors = contributions.filter((c) => c.value === null).map((c) => c.department);
  const results = present.flatMap((c) => c.results);
  const base = {
    indicator: indicator.code,
    department: lead,
    contributions: [...contributions],
    missingContributors,
  };
  if (indicator.convergenceRule === 'lead') {
    const own = contributions.find((c) => c.department === lead);
    return {
      ...base,
      value: own?.value ?? null,
      method: own && own.value !== null ? 'convergence_lead' : 'none',
      milestonesDone: own?.milestonesDone ?? [],
      results: own?.results ?? [],
      formula: `융합지표(주관부서 실적): ${own && own.value !== null ? fmt(own.value) : '실적 없음'}`,
    };
  }
  if (present.length === 0) {
    return {
      ...base,
      value: null,
      method: 'none',
      milestonesDone: [],
      results: [],
      formula: '융합지표: 참여부서 실적 없음',
    };
  }
  const parts = present.map((c) => `${c.department} ${fmt(c.value as number)}`).join(' + ');
  if (indicator.convergenceRule === 'sum') {
    if (indicator.measurement === 'milestone') {
      const union = [...new Set(present.flatMap((c) => c.milestonesDone))];
      const done = milestoneCompletion(indicator.milestones, union);
      return {
        ...base,
        value: done.completedWeight,
        method: 'convergence_sum',
        milestonesDone: done.completed,
        results,
        formula: `융합지표(합계): 참여부서가 완료한 마일스톤 가중치 ${fmt(done.completedWeight)} (${done.completed.join(', ') || '없음'})`,
      };
    }
    const value = present.reduce((s, c) => s + (c.value as number), 0);
    return {
      ...base,
      value,
      method: 'convergence_sum',
      milestonesDone: [],
      results,
      formula: `융합지표(합계): ${parts} = ${fmt(value)}`,
    };
  }
  const value = present.reduce((s, c) => s + (c.value as number), 0) / present.length;
  return {
    ...base,
    value,
    method: 'convergence_average',
    milestonesDone: [],
    results,
    formula: `융합지표(평균): (${parts}) ÷ ${present.length} = ${fmt(value)}`,
  };
}

/** How an indicator is evaluated for a department. */
export type IndicatorInstance = 'own' | 'lead' | 'common';

/**
 * The indicators a department is evaluated on: its own unique ones, the convergence ones it leads,
 * and (its own instance of) every common one. Sorted by code.
 */
export function indicatorsEvaluatedFor<I extends Pick<IndicatorRow, 'code' | 'kind' | 'leadDepartment'>>(
  department: string,
  indicators: readonly I[],
): { indicator: I; instance: IndicatorInstance }[] {
  const out: { indicator: I; instance: IndicatorInstance }[] = [];
  for (const indicator of indicators) {
    if (indicator.kind === 'common') out.push({ indicator, instance: 'common' });
    else if (indicator.leadDepartment === department)
      out.push({ indicator, instance: indicator.kind === 'convergence' ? 'lead' : 'own' });
  }
  return out.sort((a, b) => compareText(a.indicator.code, b.indicator.code));
}

/**
 * The value an indicator is evaluated on for `department`:
 * unique → the owner's own results; convergence → derived for the lead from the contributions;
 * common → the department's own instance (results with department = that department).
 */
export function indicatorValue(
  indicator: ConvergenceIndicator & Pick<IndicatorRow, 'kind'>,
  department: string,
  results: readonly ResultRow[],
  ctx: ValueContext,
): IndicatorValue {
  if (indicator.kind === 'convergence') {
    const contributions = contributors(indicator).map((d) => departmentYearlyValue(indicator, d, results, ctx));
    return convergeContributions(indicator, contributions);
  }
  const own = departmentYearlyValue(indicator, department, results, ctx);
  return { ...own, contributions: [], missingContributors: own.value === null ? [department] : [] };
}

/** Shortcut: the rate of an indicator for a department over the year (or as of a period). */
export function indicatorRate(
  indicator: IndicatorRow,
  department: string,
  results: readonly ResultRow[],
  ctx: ValueContext,
  settings: RateSettings = DEFAULT_RATE_SETTINGS,
): { value: IndicatorValue; rate: RateOutcome } {
  const value = indicatorValue(indicator, department, results, ctx);
  return { value, rate: achievementRate(indicator, value.value, settings) };
}
