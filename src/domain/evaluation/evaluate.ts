/**
 * 부서 성과평가 — the evaluation engine. Takes one year's plan document (plan, results, evaluation
 * inputs) and a scheme, and returns each evaluated department's score out of 100, its rank and
 * grade within its ranking group, and the explanation tree of every point. Pure: no I/O, nothing
 * saved. Full precision throughout; `round2` is for display only. The result does not depend on
 * the order of any input list. Rules: docs/scoring.md.
 *
 *   total = achievement + quality + qualitative + bonus − penalty   (never below scheme.total.minimum)
 */
import type { DepartmentRow, IndicatorRow, PlanDocument, ResultRow } from '../../contracts/interchange.js';
import {
  achievementRate,
  capRate,
  compareText,
  indicatorValue,
  indicatorsEvaluatedFor,
  isOverAchieved,
  parsePeriod,
  periodEndsBy,
  type EvaluationMode,
  type IndicatorInstance,
  type IndicatorValue,
  type ParsedPeriod,
  type RateOutcome,
  type RateSettings,
  type ValueContext,
} from '../achievement.js';
import { canonicalJson } from '../canonical-json.js';
import { validationError, type ProblemDetail } from '../errors.js';
import type { ExplanationNode, ExplanationSource } from './explanation.js';
import { fmt, round2 } from './round.js';
import { resolveScheme, type EvaluationScheme, type EvaluationSchemeInput } from './scheme.js';

export { round2 } from './round.js';

/** Two totals closer than this are equal (they share a rank). */
export const TIE_EPSILON = 1e-9;

export interface EvaluateOptions {
  mode: EvaluationMode;
  /** Provisional scores as of this period (2020-Q2 …): later results and cases do not count. */
  asOfPeriod?: string | null;
}

export type BonusItem = PlanDocument['evaluationInputs']['bonusAwards'][number]['item'];
export type PenaltyKind = PlanDocument['evaluationInputs']['penaltyCases'][number]['kind'];

/** The five bonus items in the plan's order, with their Korean names. */
export const BONUS_ITEMS: readonly { item: BonusItem; label: string }[] = Object.freeze([
  { item: 'training', label: '성과관리 교육 참여도' },
  { item: 'convergence', label: '융합지표 협력 우수부서' },
  { item: 'external', label: '대외기관 경쟁력 제고 우수부서' },
  { item: 'best_practice', label: '우수사례' },
  { item: 'effort', label: '성과관리 부서 노력도' },
]);

export const PENALTY_KIND_LABELS: Readonly<Record<PenaltyKind, string>> = Object.freeze({
  late_entry: '실적 입력시기 미준수',
  missing_evidence: '증빙자료 미제출',
});

const STATUS_KO: Record<ResultRow['status'], string> = {
  draft: '작성중',
  submitted: '제출',
  approved: '승인',
  verified: '검증',
};
const MODE_KO: Record<EvaluationMode, string> = { final: '최종평가', provisional: '잠정평가' };

// ───────────────────────────── result types ─────────────────────────────

export interface RatingUse {
  rater: string;
  representativeness: number | null;
  difficulty: number | null;
  completeness: number | null;
  /** cR·R + cD·D + cC·C, or null when a criterion is missing. */
  score: number | null;
  /** counted; trimmed (dropped by the trimmed mean); incomplete (a criterion missing); unassigned (rater not assigned to the indicator). */
  status: 'counted' | 'trimmed' | 'incomplete' | 'unassigned';
}

export interface IndicatorQuality {
  indicator: string;
  /** 0–100, or null when no counted rating. */
  score: number | null;
  method: 'mean' | 'trimmed_mean' | 'none';
  ratings: RatingUse[];
  formula: string;
}

export interface IndicatorEvaluation {
  indicator: string;
  name: string;
  kind: IndicatorRow['kind'];
  /** own (unique, owner), lead (convergence, lead department), common (the department's own instance). */
  instance: IndicatorInstance;
  weight: number;
  value: IndicatorValue;
  rate: RateOutcome;
  /** How the indicator enters the achievement score. */
  counted: 'rate' | 'zero' | 'excluded';
  /** The rate counted for the score (capped; 0 when counted as zero; null when excluded). */
  scoredRate: number | null;
  achievementPoints: number;
  /** Uncapped rate above the over-achievement threshold. */
  overAchieved: boolean;
  quality: IndicatorQuality;
  /** How the indicator enters the quality score. */
  qualityCounted: 'rated' | 'zero' | 'excluded';
  qualityPoints: number;
}

export interface DepartmentEvaluation {
  department: string;
  /** The department's group (본청, 박물관, 보건소 …). */
  group: string;
  /** The group it is ranked in ('전체' when all departments are ranked together). */
  rankingGroup: string;
  achievement: number;
  quality: number;
  qualitative: number;
  bonus: number;
  /** Points deducted (a positive number). */
  penalty: number;
  total: number;
  rank: number;
  grade: string;
  indicators: IndicatorEvaluation[];
  explanation: ExplanationNode;
}

export interface RankingGroupSummary {
  name: string;
  size: number;
  /** Per grade, the cumulative number of ranks it covers (rank ≤ upTo gets the grade, best grade first). */
  gradeCutoffs: { grade: string; upTo: number }[];
  /** Departments per grade (ties can put more departments in a better grade). */
  gradeCounts: Record<string, number>;
}

export interface Evaluation {
  year: number;
  organization: string;
  mode: EvaluationMode;
  asOfPeriod: string | null;
  scheme: EvaluationScheme;
  /** Ordered by ranking group, rank, name. */
  departments: DepartmentEvaluation[];
  rankingGroups: RankingGroupSummary[];
  /** Data problems met (unknown department names, duplicates …); they never stop the evaluation. */
  warnings: ProblemDetail[];
}

/** Rows in a fixed order whatever the input order: by their canonical JSON text. */
const byCanonical = <T>(rows: readonly T[]) =>
  rows
    .map((r) => ({ r, key: canonicalJson(r) }))
    .sort((a, b) => compareText(a.key, b.key))
    .map((x) => x.r);

// ───────────────────────────── quality ─────────────────────────────

type RatingRow = PlanDocument['evaluationInputs']['ratings'][number];

/**
 * An indicator's quality (0–100) from its raters: per rater cR·R + cD·D + cC·C; raters averaged
 * (trimmed mean when set and enough raters: drop one highest and one lowest). Ratings with a
 * missing criterion do not count; with `assignedRatersOnly`, neither do raters not assigned to
 * the indicator (when it has assignments). Several ratings by one rater: their scores are averaged.
 */
export function indicatorQuality(
  indicator: string,
  ratings: readonly RatingRow[],
  assignedRaters: ReadonlySet<string> | null,
  settings: EvaluationScheme['quality'],
): IndicatorQuality {
  const { representativeness: cR, difficulty: cD, completeness: cC } = settings.criteria;
  const uses: RatingUse[] = [];
  const byRater = new Map<string, number[]>();
  const sorted = byCanonical(ratings.filter((r) => r.indicator === indicator)).sort((a, b) =>
    compareText(a.rater.trim(), b.rater.trim()),
  );
  for (const r of sorted) {
    const rater = r.rater.trim();
    const base = {
      rater,
      representativeness: r.representativeness,
      difficulty: r.difficulty,
      completeness: r.completeness,
    };
    if (settings.assignedRatersOnly && assignedRaters && assignedRaters.size > 0 && !assignedRaters.has(rater)) {
      uses.push({ ...base, score: null, status: 'unassigned' });
      continue;
    }
    if (r.representativeness === null || r.difficulty === null || r.completeness === null) {
      uses.push({ ...base, score: null, status: 'incomplete' });
      continue;
    }
    const score = cR * r.representativeness + cD * r.difficulty + cC * r.completeness;
    uses.push({ ...base, score, status: 'counted' });
    byRater.set(rater, [...(byRater.get(rater) ?? []), score]);
  }
  const perRater = [...byRater.entries()]
    .map(([rater, scores]) => ({ rater, score: scores.reduce((s, x) => s + x, 0) / scores.length }))
    .sort((a, b) => a.score - b.score || compareText(a.rater, b.rater));
  if (perRater.length === 0)
    return { indicator, score: null, method: 'none', ratings: uses, formula: '유효한 품질평가 없음' };
  let kept = perRater;
  let method: IndicatorQuality['method'] = 'mean';
  if (settings.trimmedMean && perRater.length >= settings.trimmedMeanMinRaters) {
    const low = perRater[0]!.rater;
    const high = perRater[perRater.length - 1]!.rater;
    kept = perRater.slice(1, -1);
    method = 'trimmed_mean';
    for (const u of uses) if (u.status === 'counted' && (u.rater === low || u.rater === high)) u.status = 'trimmed';
  }
  const score = kept.reduce((s, x) => s + x.score, 0) / kept.length;
  const parts = kept.map((k) => fmt(k.score)).join(' + ');
  const formula =
    method === 'trimmed_mean'
      ? `절사평균(최고 ${fmt(perRater[perRater.length - 1]!.score)}·최저 ${fmt(perRater[0]!.score)} 제외): (${parts}) ÷ ${kept.length} = ${fmt(score)}`
      : kept.length === 1
        ? `평가위원 1명: ${fmt(score)}`
        : `평균: (${parts}) ÷ ${kept.length} = ${fmt(score)}`;
  return { indicator, score, method, ratings: uses, formula };
}

// ───────────────────────────── grades ─────────────────────────────

function roundCount(x: number, rounding: EvaluationScheme['grades']['rounding']): number {
  if (rounding === 'floor') return Math.floor(x + 1e-9);
  if (rounding === 'ceil') return Math.ceil(x - 1e-9);
  return Math.floor(x + 0.5 + 1e-9);
}

/**
 * Cumulative rank cut-offs of the grades for a group of `size`: the best grade covers ranks up to
 * round(size × share₁), the next up to round(size × (share₁ + share₂)), …; the last covers all.
 */
export function gradeCutoffs(size: number, grades: EvaluationScheme['grades']): { grade: string; upTo: number }[] {
  let cumulative = 0;
  return grades.shares.map((g, i) => {
    cumulative += g.share;
    const upTo =
      i === grades.shares.length - 1 ? size : Math.min(size, roundCount((size * cumulative) / 100, grades.rounding));
    return { grade: g.grade, upTo };
  });
}

/** The grade of a rank: the first grade whose cut-off reaches it (tied departments share rank, so grade). */
export function gradeOfRank(rank: number, cutoffs: readonly { grade: string; upTo: number }[]): string {
  return (cutoffs.find((c) => rank <= c.upTo) ?? cutoffs[cutoffs.length - 1])?.grade ?? '';
}

/** Competition ranking (1, 2, 2, 4): one more than the number of totals above this one by more than TIE_EPSILON. */
export function rankOf(total: number, totals: readonly number[]): number {
  return 1 + totals.filter((t) => t > total + TIE_EPSILON).length;
}

// ───────────────────────────── the engine ─────────────────────────────

interface Prepared {
  doc: PlanDocument;
  scheme: EvaluationScheme;
  mode: EvaluationMode;
  asOf: ParsedPeriod | null;
  ctx: ValueContext;
  rateSettings: RateSettings;
  departments: DepartmentRow[];
  indicators: IndicatorRow[];
  commonIndicators: IndicatorRow[];
  /** Unique and convergence indicators by their owner / lead department. */
  indicatorsByLead: Map<string, IndicatorRow[]>;
  /** Results by indicator code, and by indicator code + NUL + department. */
  resultsByIndicator: Map<string, ResultRow[]>;
  quality: Map<string, IndicatorQuality>;
  warnings: ProblemDetail[];
  /** Evaluation inputs by (canonical) department name. */
  byDepartment: {
    bonusAwards: Map<string, Inputs['bonusAwards']>;
    qualitativeScores: Map<string, Inputs['qualitativeScores']>;
    penaltyCases: Map<string, Inputs['penaltyCases']>;
  };
}

type Inputs = PlanDocument['evaluationInputs'];

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    if (k === null) continue;
    const list = out.get(k) ?? [];
    list.push(r);
    out.set(k, list);
  }
  return out;
}

function prepare(
  doc: PlanDocument,
  schemeInput: EvaluationScheme | EvaluationSchemeInput | undefined,
  options: EvaluateOptions,
): Prepared {
  const scheme = resolveScheme(schemeInput ?? doc.plan.evaluationScheme);
  const mode = options.mode;
  if (mode !== 'final' && mode !== 'provisional')
    throw validationError('평가 방식은 final 또는 provisional이어야 합니다.', [
      { path: 'mode', message: `알 수 없는 평가 방식: ${String(mode)}` },
    ]);
  let asOf: ParsedPeriod | null = null;
  if (options.asOfPeriod) {
    asOf = parsePeriod(options.asOfPeriod);
    if (!asOf)
      throw validationError('기준 기간이 올바르지 않습니다.', [
        { path: 'asOfPeriod', message: '기간은 2020, 2020-H1, 2020-Q3, 2020-M07 형식이어야 합니다' },
      ]);
  }
  const warnings: ProblemDetail[] = [];

  // Departments: one row per name (duplicates: the first in canonical order), former names as aliases.
  const departments: DepartmentRow[] = [];
  const seen = new Set<string>();
  for (const d of byCanonical(doc.departments)) {
    const name = d.name.trim();
    if (seen.has(name)) {
      warnings.push({
        path: 'departments',
        code: 'duplicate_department',
        message: `부서 '${name}'이(가) 두 번 있습니다: 하나만 반영합니다`,
      });
      continue;
    }
    seen.add(name);
    departments.push({ ...d, name });
  }
  departments.sort((a, b) => compareText(a.name, b.name));
  const alias = new Map<string, string>();
  for (const d of departments) for (const f of d.formerNames) if (!seen.has(f.trim())) alias.set(f.trim(), d.name);
  const canon = (name: string): string | null => {
    const n = name.trim();
    return seen.has(n) ? n : (alias.get(n) ?? null);
  };
  const canonOrKeep = (name: string) => canon(name) ?? name.trim();
  const unknown = new Set<string>();
  const noteUnknown = (name: string, where: string) => {
    if (canon(name) !== null || unknown.has(`${where}:${name}`)) return;
    unknown.add(`${where}:${name}`);
    warnings.push({
      path: where,
      code: 'unknown_department',
      message: `${where}의 부서 '${name}'이(가) 부서 목록에 없습니다: 반영하지 않습니다`,
    });
  };

  // Indicators: one per code, department names resolved.
  const indicators: IndicatorRow[] = [];
  const codes = new Set<string>();
  for (const i of byCanonical(doc.indicators)) {
    if (codes.has(i.code)) {
      warnings.push({
        path: 'indicators',
        code: 'duplicate_indicator',
        message: `지표 코드 '${i.code}'가 두 번 있습니다: 하나만 반영합니다`,
      });
      continue;
    }
    codes.add(i.code);
    indicators.push({
      ...i,
      leadDepartment: canonOrKeep(i.leadDepartment),
      participants: i.participants.map(canonOrKeep),
    });
  }
  indicators.sort((a, b) => compareText(a.code, b.code));
  const evaluatedNames = new Set(departments.filter((d) => d.evaluated).map((d) => d.name));
  for (const i of indicators) {
    if (i.kind !== 'common' && !evaluatedNames.has(i.leadDepartment))
      warnings.push({
        path: `indicators.${i.code}`,
        code: 'lead_not_evaluated',
        message: `지표 '${i.code}'의 ${i.kind === 'unique' ? '소관' : '주관'}부서 '${i.leadDepartment}'은(는) 평가대상이 아니어서 이 지표는 평가에 반영되지 않습니다`,
      });
  }

  const resultsByIndicator = new Map<string, ResultRow[]>();
  for (const r of doc.results) {
    if (!codes.has(r.indicator)) continue;
    noteUnknown(r.department, 'results');
    const row = { ...r, department: canonOrKeep(r.department) };
    for (const key of [r.indicator, `${r.indicator}\u0000${row.department}`]) {
      const list = resultsByIndicator.get(key) ?? [];
      list.push(row);
      resultsByIndicator.set(key, list);
    }
  }

  const inputs = doc.evaluationInputs;
  const assigned = new Map<string, Set<string>>();
  for (const a of inputs.raterAssignments) {
    const s = assigned.get(a.indicator) ?? new Set<string>();
    s.add(a.rater.trim());
    assigned.set(a.indicator, s);
  }
  const ratingsBy = new Map<string, RatingRow[]>();
  for (const r of inputs.ratings) ratingsBy.set(r.indicator, [...(ratingsBy.get(r.indicator) ?? []), r]);
  const quality = new Map<string, IndicatorQuality>();
  for (const i of indicators) {
    const q = indicatorQuality(i.code, ratingsBy.get(i.code) ?? [], assigned.get(i.code) ?? null, scheme.quality);
    const raters = q.ratings.filter((u) => u.status === 'counted' || u.status === 'trimmed').map((u) => u.rater);
    if (new Set(raters).size !== raters.length)
      warnings.push({
        path: `ratings.${i.code}`,
        code: 'duplicate_rating',
        message: `지표 '${i.code}'에 같은 평가위원의 점수가 여럿 있습니다: 평균을 반영합니다`,
      });
    quality.set(i.code, q);
  }
  for (const x of inputs.bonusAwards) noteUnknown(x.department, 'bonusAwards');
  for (const x of inputs.qualitativeScores) noteUnknown(x.department, 'qualitativeScores');
  for (const x of inputs.penaltyCases) noteUnknown(x.department, 'penaltyCases');

  return {
    doc,
    scheme,
    mode,
    asOf,
    ctx: {
      year: doc.plan.year,
      mode,
      asOfPeriod: asOf?.key ?? null,
      settings: {
        periodAggregation: scheme.achievement.periodAggregation,
        countedStatuses: scheme.achievement.countedStatuses,
      },
    },
    rateSettings: {
      lowerIsBetterFormula: scheme.achievement.lowerIsBetterFormula,
      zeroActualLowerRate: scheme.achievement.zeroActualLowerRate,
    },
    departments,
    indicators,
    commonIndicators: indicators.filter((i) => i.kind === 'common'),
    indicatorsByLead: groupBy(
      indicators.filter((i) => i.kind !== 'common'),
      (i) => i.leadDepartment,
    ),
    resultsByIndicator,
    quality,
    warnings,
    byDepartment: {
      bonusAwards: groupBy(inputs.bonusAwards, (r) => canon(r.department)),
      qualitativeScores: groupBy(inputs.qualitativeScores, (r) => canon(r.department)),
      penaltyCases: groupBy(inputs.penaltyCases, (r) => canon(r.department)),
    },
  };
}

const setting = (path: string, value: unknown): ExplanationSource => ({
  kind: 'setting',
  ref: path,
  value: typeof value === 'object' ? JSON.stringify(value) : (value as number | string | boolean | null),
});

function resultRef(r: { indicator: string; department: string; period: string; status: ResultRow['status'] }): string {
  return `${r.indicator} · ${r.department} · ${r.period} (${STATUS_KO[r.status]})`;
}

function resultSources(v: IndicatorValue): ExplanationSource[] {
  return v.results.map((r) => ({
    kind: 'result' as const,
    ref: resultRef(r),
    label: r.milestonesDone.length > 0 || r.actual === null ? '완료 마일스톤' : '실적',
    value: r.actual ?? r.milestonesDone.join(', '),
  }));
}

interface AchievementPart {
  indicators: IndicatorEvaluation[];
  achievement: number;
  node: ExplanationNode;
}

function evaluateAchievement(p: Prepared, department: string): AchievementPart {
  const { scheme, mode } = p;
  const cap = scheme.achievement.cap;
  const weight = scheme.achievement.weight;
  const missingRule = scheme.achievement.missingRate[mode];
  const rows = indicatorsEvaluatedFor(department, [
    ...p.commonIndicators,
    ...(p.indicatorsByLead.get(department) ?? []),
  ]).map(({ indicator, instance }) => {
    // Convergence: every contributor's rows; otherwise only the department's own rows.
    const key = indicator.kind === 'convergence' ? indicator.code : `${indicator.code}\u0000${department}`;
    const value = indicatorValue(indicator, department, p.resultsByIndicator.get(key) ?? [], p.ctx);
    const rate = achievementRate(indicator, value.value, p.rateSettings);
    const counted: IndicatorEvaluation['counted'] = rate.ok ? 'rate' : missingRule === 'zero' ? 'zero' : 'excluded';
    const scoredRate = rate.ok ? capRate(rate.rate, cap) : counted === 'zero' ? 0 : null;
    return { indicator, instance, value, rate, counted, scoredRate };
  });
  const countedRows = rows.filter((r) => r.counted !== 'excluded');
  const sumW = countedRows.reduce((s, r) => s + r.indicator.weight, 0);
  const sumWR = countedRows.reduce((s, r) => s + r.indicator.weight * (r.scoredRate as number), 0);
  const achievement = sumW > 0 ? (sumWR * weight) / (sumW * 100) : 0;

  const children: ExplanationNode[] = [];
  const indicators: IndicatorEvaluation[] = rows.map((r) => {
    const ind = r.indicator;
    const points =
      r.counted === 'excluded' || sumW <= 0 ? 0 : (ind.weight * (r.scoredRate as number) * weight) / (sumW * 100);
    const overAchieved = r.rate.ok && isOverAchieved(r.rate.rate, scheme.penalties.overAchievementThreshold);
    const label = `${ind.code} ${ind.name}${r.instance === 'common' ? ' (공통지표)' : r.instance === 'lead' ? ' (융합지표 주관)' : ''}`;
    const source: ExplanationSource = { kind: 'indicator', ref: ind.code, label: ind.name };
    const sources = resultSources(r.value);
    const valueNote =
      r.value.missingContributors.length > 0 && ind.kind === 'convergence'
        ? `${r.value.formula} (실적 없는 참여부서: ${r.value.missingContributors.join(', ')})`
        : r.value.formula;
    if (r.rate.ok) {
      const capped = cap !== null && r.rate.rate > cap;
      children.push({
        label,
        rule: 'achievement.indicator',
        value: points,
        formula: `가중치 ${fmt(ind.weight)} × 인정 달성률 ${fmt(r.scoredRate as number)}%${capped ? ` (달성률 ${fmt(r.rate.rate)}%, 상한 ${fmt(cap)}%)` : ''} ÷ Σ가중치 ${fmt(sumW)} ÷ 100 × ${fmt(weight)} = ${fmt(points)}`,
        source,
        sources,
        note: `${r.rate.formula} [${r.rate.rule}]; ${valueNote}`,
        children: [],
      });
    } else {
      children.push({
        label,
        rule: r.counted === 'zero' ? 'achievement.indicator.zero' : 'achievement.indicator.excluded',
        value: points,
        formula:
          r.counted === 'zero'
            ? `가중치 ${fmt(ind.weight)} × 0% ÷ Σ가중치 ${fmt(sumW)} × ${fmt(weight)} = 0`
            : '달성도 계산에서 제외',
        source,
        sources: [...sources, setting(`achievement.missingRate.${mode}`, missingRule)],
        note: `${r.rate.message} → ${MODE_KO[mode]}에서 ${r.counted === 'zero' ? '0%로 반영' : '제외'}`,
        children: [],
      });
    }
    return {
      indicator: ind.code,
      name: ind.name,
      kind: ind.kind,
      instance: r.instance,
      weight: ind.weight,
      value: r.value,
      rate: r.rate,
      counted: r.counted,
      scoredRate: r.scoredRate,
      achievementPoints: points,
      overAchieved,
      quality: p.quality.get(ind.code)!,
      qualityCounted: 'excluded',
      qualityPoints: 0,
    };
  });

  const node: ExplanationNode = {
    label: '지표 달성도',
    rule: 'achievement.weightedMean',
    value: achievement,
    formula:
      sumW > 0
        ? `Σ(가중치 × 인정 달성률) ${fmt(sumWR)} ÷ Σ가중치 ${fmt(sumW)} ÷ 100 × ${fmt(weight)} = ${fmt(achievement)}`
        : '반영할 지표가 없어 0점',
    sources: [
      setting('achievement.weight', weight),
      setting('achievement.cap', cap),
      setting(`achievement.missingRate.${mode}`, missingRule),
    ],
    note:
      rows.length === 0
        ? '평가대상 지표가 없습니다'
        : sumW > 0
          ? undefined
          : '달성률을 반영할 지표가 없습니다 (가중치 합 0)',
    children,
  };
  if (node.note === undefined) delete node.note;
  return { indicators, achievement, node };
}

function evaluateQuality(p: Prepared, indicators: IndicatorEvaluation[]): { quality: number; node: ExplanationNode } {
  const { scheme } = p;
  const weight = scheme.quality.weight;
  const unrated = scheme.quality.unratedIndicator;
  for (const i of indicators)
    i.qualityCounted = i.quality.score !== null ? 'rated' : unrated === 'zero' ? 'zero' : 'excluded';
  const counted = indicators.filter((i) => i.qualityCounted !== 'excluded');
  const rated = indicators.filter((i) => i.qualityCounted === 'rated');
  const sumW = counted.reduce((s, i) => s + i.weight, 0);
  const sumWQ = counted.reduce((s, i) => s + i.weight * (i.quality.score ?? 0), 0);
  const quality = rated.length > 0 && sumW > 0 ? (sumWQ * weight) / (sumW * 100) : 0;
  const children: ExplanationNode[] = indicators.map((i) => {
    const points =
      i.qualityCounted === 'excluded' || quality === 0 || sumW <= 0
        ? 0
        : (i.weight * (i.quality.score ?? 0) * weight) / (sumW * 100);
    i.qualityPoints = points;
    const sources: ExplanationSource[] = i.quality.ratings.map((u) => ({
      kind: 'rating',
      ref: `${i.indicator} · ${u.rater}`,
      label:
        u.status === 'counted'
          ? `품질점수 (대표성 ${u.representativeness}, 난이도 ${u.difficulty}, 완성도 ${u.completeness})`
          : u.status === 'trimmed'
            ? '절사평균에서 제외된 점수'
            : u.status === 'incomplete'
              ? '항목 점수가 빠져 반영하지 않음'
              : '배정되지 않은 평가위원이어서 반영하지 않음',
      value: u.score,
    }));
    const label = `${i.indicator} ${i.name}`;
    const source: ExplanationSource = { kind: 'indicator', ref: i.indicator, label: i.name };
    if (i.qualityCounted === 'rated')
      return {
        label,
        rule: 'quality.indicator',
        value: points,
        formula: `가중치 ${fmt(i.weight)} × 품질점수 ${fmt(i.quality.score as number)} ÷ Σ가중치 ${fmt(sumW)} ÷ 100 × ${fmt(weight)} = ${fmt(points)}`,
        source,
        sources,
        note: i.quality.formula,
        children: [],
      };
    return {
      label,
      rule: i.qualityCounted === 'zero' ? 'quality.indicator.zero' : 'quality.indicator.unrated',
      value: points,
      formula: i.qualityCounted === 'zero' ? '품질평가 없음 → 0점으로 반영' : '품질평가 없음 → 제외',
      source,
      sources: [...sources, setting('quality.unratedIndicator', unrated)],
      children: [],
    };
  });
  const { representativeness: cR, difficulty: cD, completeness: cC } = scheme.quality.criteria;
  const node: ExplanationNode = {
    label: '지표 성격',
    rule: 'quality.weightedMean',
    value: quality,
    formula:
      quality > 0 || (rated.length > 0 && sumW > 0)
        ? `Σ(가중치 × 품질점수) ${fmt(sumWQ)} ÷ Σ가중치 ${fmt(sumW)} ÷ 100 × ${fmt(weight)} = ${fmt(quality)} (품질점수 = ${cR}×대표성 + ${cD}×난이도 + ${cC}×완성도)`
        : rated.length > 0
          ? '품질평가된 지표의 가중치 합이 0이어서 0점'
          : '품질평가된 지표가 없어 0점',
    sources: [
      setting('quality.weight', weight),
      setting('quality.criteria', scheme.quality.criteria),
      setting('quality.trimmedMean', scheme.quality.trimmedMean),
    ],
    children,
  };
  if (rated.length === 0) node.note = '품질평가된 지표가 하나도 없는 부서는 지표 성격 0점입니다';
  return { quality, node };
}

function evaluateQualitative(p: Prepared, department: string): { qualitative: number; node: ExplanationNode } {
  const weight = p.scheme.qualitative.weight;
  const scores = byCanonical(p.byDepartment.qualitativeScores.get(department) ?? []);
  if (scores.length === 0)
    return {
      qualitative: 0,
      node: {
        label: '정성평가',
        rule: 'qualitative',
        value: 0,
        formula: '정성평가 점수 없음 → 0',
        sources: [setting('qualitative.weight', weight)],
        children: [],
      },
    };
  const points = scores.reduce((s, x) => s + x.points, 0) / scores.length;
  if (scores.length > 1)
    p.warnings.push({
      path: 'qualitativeScores',
      code: 'duplicate_qualitative',
      message: `부서 '${department}'의 정성평가 점수가 ${scores.length}개 있습니다: 평균을 반영합니다`,
    });
  const qualitative = (points / 5) * weight;
  return {
    qualitative,
    node: {
      label: '정성평가',
      rule: 'qualitative',
      value: qualitative,
      formula:
        weight === 5
          ? `구청장 평점 ${fmt(points)}점`
          : `평점 ${fmt(points)} ÷ 5 × ${fmt(weight)} = ${fmt(qualitative)}`,
      source: {
        kind: 'qualitative',
        ref: department,
        label:
          scores
            .map((s) => s.givenBy)
            .filter(Boolean)
            .join(', ') || '정성평가',
        value: points,
      },
      ...(scores.length > 1
        ? {
            sources: scores.map((s) => ({
              kind: 'qualitative' as const,
              ref: department,
              label: s.comment || s.givenBy,
              value: s.points,
            })),
            note: `점수 ${scores.length}개의 평균`,
          }
        : {}),
      children: [],
    },
  };
}

function evaluateBonus(p: Prepared, department: string): { bonus: number; node: ExplanationNode } {
  const { itemMax, totalMax } = p.scheme.bonus;
  const awards = byCanonical(p.byDepartment.bonusAwards.get(department) ?? []);
  const items: ExplanationNode[] = [];
  let raw = 0;
  for (const { item, label } of BONUS_ITEMS) {
    const mine = awards.filter((a) => a.item === item);
    if (mine.length === 0) continue;
    const sum = mine.reduce((s, a) => s + a.points, 0);
    const value = Math.min(sum, itemMax);
    const children: ExplanationNode[] = mine.map((a) => ({
      label: `${label}: ${a.reason}`,
      rule: 'bonus.award',
      value: a.points,
      formula: `+${fmt(a.points)}`,
      source: {
        kind: 'award',
        ref: `${department} · ${item} · ${a.reason}`,
        label: a.grantedBy || label,
        value: a.points,
      },
      children: [],
    }));
    if (sum > itemMax)
      children.push({
        label: `${label} 항목 상한 ${fmt(itemMax)}점`,
        rule: 'bonus.itemCap',
        value: value - sum,
        formula: `${fmt(sum)} → ${fmt(itemMax)}`,
        source: setting('bonus.itemMax', itemMax),
        children: [],
      });
    items.push({ label, rule: 'bonus.item', value, formula: `${fmt(value)}점`, children });
    raw += value;
  }
  const bonus = Math.min(raw, totalMax);
  if (raw > totalMax)
    items.push({
      label: `가점 총 상한 ${fmt(totalMax)}점`,
      rule: 'bonus.totalCap',
      value: bonus - raw,
      formula: `${fmt(raw)} → ${fmt(totalMax)}`,
      source: setting('bonus.totalMax', totalMax),
      children: [],
    });
  return {
    bonus,
    node: {
      label: '가점',
      rule: 'bonus.total',
      value: bonus,
      formula:
        items.length > 0
          ? `항목별 가점 합 ${fmt(raw)}${raw > totalMax ? ` → 상한 ${fmt(totalMax)}` : ''} = ${fmt(bonus)}`
          : '가점 없음',
      sources: [setting('bonus.itemMax', itemMax), setting('bonus.totalMax', totalMax)],
      children: items,
    },
  };
}

function evaluatePenalty(
  p: Prepared,
  department: string,
  indicators: IndicatorEvaluation[],
): { penalty: number; node: ExplanationNode } {
  const pen = p.scheme.penalties;
  const children: ExplanationNode[] = [];
  for (const i of indicators) {
    if (!i.overAchieved || !i.rate.ok) continue;
    children.push({
      label: `목표초과달성: ${i.indicator} ${i.name}`,
      rule: 'penalty.overAchievement',
      value: -pen.overAchievementPoints,
      formula: `달성률 ${fmt(i.rate.rate)}% > ${fmt(pen.overAchievementThreshold)}% → −${fmt(pen.overAchievementPoints)}`,
      source: { kind: 'indicator', ref: i.indicator, label: i.name, value: i.rate.rate },
      sources: [setting('penalties.overAchievementThreshold', pen.overAchievementThreshold)],
      children: [],
    });
  }
  const cases = byCanonical(p.byDepartment.penaltyCases.get(department) ?? []).sort(
    (a, b) =>
      compareText(a.kind, b.kind) ||
      compareText(a.period, b.period) ||
      compareText(a.indicator ?? '', b.indicator ?? ''),
  );
  for (const c of cases) {
    const period = parsePeriod(c.period);
    if (p.asOf && period && !periodEndsBy(period, p.asOf)) continue;
    const kindLabel = PENALTY_KIND_LABELS[c.kind];
    const pts = c.kind === 'late_entry' ? pen.lateEntryPoints : pen.missingEvidencePoints;
    const source: ExplanationSource = {
      kind: 'case',
      ref: [department, kindLabel, c.period || '기간 없음', c.indicator].filter(Boolean).join(' · '),
      label: c.detail || kindLabel,
    };
    if (c.waived) {
      children.push({
        label: `${kindLabel} (면제)`,
        rule: 'penalty.waived',
        value: 0,
        formula: '면제된 건은 감점하지 않음',
        source,
        note: c.waivedReason ? `면제 사유: ${c.waivedReason}` : '면제',
        children: [],
      });
      continue;
    }
    children.push({
      label: kindLabel,
      rule: c.kind === 'late_entry' ? 'penalty.lateEntry' : 'penalty.missingEvidence',
      value: -pts,
      formula: `건당 −${fmt(pts)}`,
      source,
      children: [],
    });
  }
  const total = children.reduce((s, c) => s + c.value, 0);
  const penalty = total === 0 ? 0 : -total;
  return {
    penalty,
    node: {
      label: '감점',
      rule: 'penalty.total',
      value: penalty === 0 ? 0 : -penalty,
      formula: children.some((c) => c.value !== 0)
        ? `${children
            .filter((c) => c.value !== 0)
            .map((c) => fmt(-c.value))
            .join(' + ')} = ${fmt(penalty)}점 감점`
        : '감점 없음',
      sources: [
        setting('penalties.overAchievementPoints', pen.overAchievementPoints),
        setting('penalties.lateEntryPoints', pen.lateEntryPoints),
        setting('penalties.missingEvidencePoints', pen.missingEvidencePoints),
      ],
      children,
    },
  };
}

function evaluateDepartment(
  p: Prepared,
  d: DepartmentRow,
): Omit<DepartmentEvaluation, 'rank' | 'grade' | 'rankingGroup'> {
  const a = evaluateAchievement(p, d.name);
  const q = evaluateQuality(p, a.indicators);
  const ql = evaluateQualitative(p, d.name);
  const b = evaluateBonus(p, d.name);
  const pen = evaluatePenalty(p, d.name, a.indicators);
  const raw = a.achievement + q.quality + ql.qualitative + b.bonus - pen.penalty;
  const minimum = p.scheme.total.minimum;
  const total = minimum !== null && raw < minimum ? minimum : raw;
  const children = [a.node, q.node, ql.node, b.node, pen.node];
  if (total !== raw)
    children.push({
      label: `총점 하한 ${fmt(minimum as number)}점`,
      rule: 'total.minimum',
      value: total - raw,
      formula: `${fmt(raw)} → ${fmt(total)}`,
      source: setting('total.minimum', minimum),
      children: [],
    });
  const explanation: ExplanationNode = {
    label: `${d.name} 종합점수`,
    rule: 'total',
    value: total,
    formula: `달성도 ${fmt(a.achievement)} + 지표성격 ${fmt(q.quality)} + 정성 ${fmt(ql.qualitative)} + 가점 ${fmt(b.bonus)} − 감점 ${fmt(pen.penalty)} = ${fmt(raw)}${total !== raw ? ` → 하한 적용 ${fmt(total)}` : ''}`,
    note: `${MODE_KO[p.mode]}${p.asOf ? ` (${p.asOf.key} 기준)` : ''}`,
    children,
  };
  return {
    department: d.name,
    group: d.group,
    achievement: a.achievement,
    quality: q.quality,
    qualitative: ql.qualitative,
    bonus: b.bonus,
    penalty: pen.penalty,
    total,
    indicators: a.indicators,
    explanation,
  };
}

/** The ranking group of a department under the scheme. */
export function rankingGroupOf(department: Pick<DepartmentRow, 'group'>, ranking: EvaluationScheme['ranking']): string {
  if (ranking.by === 'all') return '전체';
  return ranking.groupMap[department.group] ?? department.group;
}

/**
 * Evaluates every evaluated department of the plan for the year.
 * `scheme`: a resolved scheme, a partial one (defaults filled), or undefined for the plan's own
 * `plan.evaluationScheme`.
 */
export function evaluatePlan(
  doc: PlanDocument,
  scheme: EvaluationScheme | EvaluationSchemeInput | undefined,
  options: EvaluateOptions,
): Evaluation {
  const p = prepare(doc, scheme, options);
  const evaluated = p.departments
    .filter((d) => d.evaluated)
    .map((d) => ({ ...evaluateDepartment(p, d), rankingGroup: rankingGroupOf(d, p.scheme.ranking) }));

  const groups = new Map<string, typeof evaluated>();
  for (const e of evaluated) groups.set(e.rankingGroup, [...(groups.get(e.rankingGroup) ?? []), e]);
  const departments: DepartmentEvaluation[] = [];
  const rankingGroups: RankingGroupSummary[] = [];
  for (const name of [...groups.keys()].sort(compareText)) {
    const members = groups.get(name)!;
    const totals = members.map((m) => m.total);
    const cutoffs = gradeCutoffs(members.length, p.scheme.grades);
    const ranked = members
      .map((m) => {
        const rank = rankOf(m.total, totals);
        return { ...m, rank, grade: gradeOfRank(rank, cutoffs) };
      })
      .sort((a, b) => a.rank - b.rank || compareText(a.department, b.department));
    const gradeCounts: Record<string, number> = Object.fromEntries(p.scheme.grades.shares.map((g) => [g.grade, 0]));
    for (const r of ranked) gradeCounts[r.grade] = (gradeCounts[r.grade] ?? 0) + 1;
    rankingGroups.push({ name, size: members.length, gradeCutoffs: cutoffs, gradeCounts });
    for (const r of ranked) {
      r.explanation.note = `${r.explanation.note}; ${name} ${members.length}개 부서 중 ${r.rank}위, ${r.grade}등급`;
      departments.push({
        department: r.department,
        group: r.group,
        rankingGroup: r.rankingGroup,
        achievement: r.achievement,
        quality: r.quality,
        qualitative: r.qualitative,
        bonus: r.bonus,
        penalty: r.penalty,
        total: r.total,
        rank: r.rank,
        grade: r.grade,
        indicators: r.indicators,
        explanation: r.explanation,
      });
    }
  }
  return {
    year: doc.plan.year,
    organization: doc.organization.name,
    mode: p.mode,
    asOfPeriod: p.asOf?.key ?? null,
    scheme: p.scheme,
    departments,
    rankingGroups,
    warnings: dedupeWarnings(p.warnings),
  };
}

function dedupeWarnings(ws: ProblemDetail[]): ProblemDetail[] {
  const seen = new Set<string>();
  return ws
    .filter((w) => {
      const k = `${w.code}|${w.path}|${w.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort(
      (a, b) =>
        compareText(a.code ?? '', b.code ?? '') || compareText(a.path, b.path) || compareText(a.message, b.message),
    );
}

/** One department's evaluation, rounded for display (two decimals); the explanation is left as is. */
export function displayScores(
  d: DepartmentEvaluation,
): Record<'achievement' | 'quality' | 'qualitative' | 'bonus' | 'penalty' | 'total', number> {
  return {
    achievement: round2(d.achievement),
    quality: round2(d.quality),
    qualitative: round2(d.qualitative),
    bonus: round2(d.bonus),
    penalty: round2(d.penalty),
    total: round2(d.total),
  };
}
