/**
 * The evaluation as JSON: what `bsc evaluate --json` prints, what the API returns and what a frozen
 * snapshot stores — one shape, made here once. Scores at full precision (`display` carries the
 * two-decimal figures screens show); the scheme with every setting's Korean label and whether it
 * is the default. The result is plain JSON (no undefined, no class instances), so a stored
 * snapshot read back deep-equals what was computed.
 */
import type { PlanDocument } from '../../contracts/interchange.js';
import { displayScores, type DepartmentEvaluation, type Evaluation } from '../../domain/evaluation/evaluate.js';
import { describeScheme, schemeOverrides } from '../../domain/evaluation/scheme.js';
import { rankChanges, type SchemeComparison } from '../../domain/evaluation/what-if.js';
import { round2 } from '../../domain/evaluation/round.js';
import type { ExplanationNode } from '../../domain/evaluation/explanation.js';

const MODE_KO = { final: '최종평가', provisional: '잠정평가' } as const;

export interface PresentedDepartment {
  department: string;
  group: string;
  rankingGroup: string;
  achievement: number;
  quality: number;
  qualitative: number;
  bonus: number;
  penalty: number;
  total: number;
  rank: number;
  grade: string;
  /** The same scores rounded for display (two decimals, half up). */
  display: Record<'achievement' | 'quality' | 'qualitative' | 'bonus' | 'penalty' | 'total', number>;
  explanation: DepartmentEvaluation['explanation'];
  indicators: DepartmentEvaluation['indicators'];
}

export interface PresentedEvaluation {
  year: number;
  organization: string;
  mode: Evaluation['mode'];
  modeLabel: string;
  asOfPeriod: string | null;
  scheme: Evaluation['scheme'];
  /** Only the settings that differ from the defaults. */
  schemeOverrides: Record<string, unknown>;
  /** Every setting: Korean label, value, default, whether the default is used, and the basis. */
  schemeSettings: ReturnType<typeof describeScheme>;
  rankingGroups: Evaluation['rankingGroups'];
  warnings: Evaluation['warnings'];
  departments: PresentedDepartment[];
}

/** Plain JSON: drops undefined, turns -0 into 0, as storing and reading back would. */
export const plainJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function presentDepartment(d: DepartmentEvaluation): PresentedDepartment {
  return {
    department: d.department,
    group: d.group,
    rankingGroup: d.rankingGroup,
    achievement: d.achievement,
    quality: d.quality,
    qualitative: d.qualitative,
    bonus: d.bonus,
    penalty: d.penalty,
    total: d.total,
    rank: d.rank,
    grade: d.grade,
    display: displayScores(d),
    explanation: d.explanation,
    indicators: d.indicators,
  };
}

export function presentEvaluation(e: Evaluation): PresentedEvaluation {
  return plainJson({
    year: e.year,
    organization: e.organization,
    mode: e.mode,
    modeLabel: MODE_KO[e.mode],
    asOfPeriod: e.asOfPeriod,
    scheme: e.scheme,
    schemeOverrides: schemeOverrides(e.scheme),
    schemeSettings: describeScheme(e.scheme),
    rankingGroups: e.rankingGroups,
    warnings: e.warnings,
    departments: e.departments.map(presentDepartment),
  });
}

/** Keeps only the departments the reader may see (ranks stay those of the whole ranking group). */
export function onlyDepartments(e: PresentedEvaluation, names: ReadonlySet<string> | null): PresentedEvaluation {
  if (!names) return e;
  return { ...e, departments: e.departments.filter((d) => names.has(d.department)) };
}

export interface WhatIfRow {
  department: string;
  group: string;
  base: { total: number; rank: number; grade: string; rankingGroup: string; display: number };
  alt: { total: number; rank: number; grade: string; rankingGroup: string; display: number };
  totalDiff: number;
  /** Positive: the department moves up under the alternative scheme. */
  rankChange: number;
  gradeChanged: boolean;
}

export interface PresentedWhatIf {
  year: number;
  mode: Evaluation['mode'];
  modeLabel: string;
  asOfPeriod: string | null;
  /** The settings that differ between the two schemes, with their Korean labels. */
  changedSettings: SchemeComparison['changedSettings'];
  baseScheme: Evaluation['scheme'];
  altScheme: Evaluation['scheme'];
  /** Side by side, in the base evaluation's order. */
  departments: WhatIfRow[];
  /** Departments whose rank or grade changes, biggest moves first. */
  rankChanges: WhatIfRow[];
  /** Nothing of the what-if is stored. */
  saved: false;
}

export function presentWhatIf(c: SchemeComparison, names: ReadonlySet<string> | null = null): PresentedWhatIf {
  const row = (r: SchemeComparison['departments'][number]): WhatIfRow => ({
    department: r.department,
    group: r.group,
    base: { ...r.base, display: round2(r.base.total) },
    alt: { ...r.alt, display: round2(r.alt.total) },
    totalDiff: r.totalDiff,
    rankChange: r.rankChange,
    gradeChanged: r.gradeChanged,
  });
  const visible = (r: { department: string }) => !names || names.has(r.department);
  return plainJson({
    year: c.year,
    mode: c.mode,
    modeLabel: MODE_KO[c.mode],
    asOfPeriod: c.asOfPeriod,
    changedSettings: c.changedSettings,
    baseScheme: c.base.scheme,
    altScheme: c.alt.scheme,
    departments: c.departments.filter(visible).map(row),
    rankChanges: rankChanges(c).filter(visible).map(row),
    saved: false as const,
  });
}

/** Counts of what a document carries for the evaluation (for messages and the audit trail). */
export function inputCounts(doc: PlanDocument) {
  const ei = doc.evaluationInputs;
  return {
    departments: doc.departments.filter((d) => d.evaluated).length,
    indicators: doc.indicators.length,
    results: doc.results.length,
    ratings: ei.ratings.length,
    raterAssignments: ei.raterAssignments.length,
    bonusAwards: ei.bonusAwards.length,
    qualitativeScores: ei.qualitativeScores.length,
    penaltyCases: ei.penaltyCases.length,
  };
}

/**
 * The same evaluation with the raters' names replaced by "평가위원 1", "평가위원 2" … (one alias per
 * rater across the year, by name order): for readers who may see scores but not who gave them —
 * the evaluated departments, and anyone but the planner while rating is open.
 */
export function anonymizeRaters(e: PresentedEvaluation): PresentedEvaluation {
  const names = new Set<string>();
  for (const d of e.departments)
    for (const i of d.indicators ?? []) for (const r of i.quality.ratings) names.add(r.rater);
  if (names.size === 0) return e;
  const alias = new Map([...names].sort().map((n, k) => [n, `평가위원 ${k + 1}`]));
  const rename = (n: string) => alias.get(n) ?? '평가위원';
  const node = (n: ExplanationNode): ExplanationNode => ({
    ...n,
    ...(n.sources
      ? {
          sources: n.sources.map((s) => {
            if (s.kind !== 'rating') return s;
            const at = s.ref.lastIndexOf(' · ');
            return { ...s, ref: at < 0 ? rename(s.ref) : `${s.ref.slice(0, at)} · ${rename(s.ref.slice(at + 3))}` };
          }),
        }
      : {}),
    children: n.children.map(node),
  });
  return {
    ...e,
    departments: e.departments.map((d) => ({
      ...d,
      explanation: d.explanation ? node(d.explanation) : d.explanation,
      indicators: d.indicators?.map((i) => ({
        ...i,
        quality: { ...i.quality, ratings: i.quality.ratings.map((r) => ({ ...r, rater: rename(r.rater) })) },
      })),
    })),
  };
}
