/**
 * 모의평가(what-if) — the same year's data under two schemes, side by side: each department's
 * total, rank and grade under both, the differences and rank changes. Nothing is saved.
 */
import type { PlanDocument } from '../../contracts/interchange.js';
import { compareText } from '../achievement.js';
import { evaluatePlan, type EvaluateOptions, type Evaluation } from './evaluate.js';
import { diffSchemes, resolveScheme, type EvaluationScheme, type EvaluationSchemeInput } from './scheme.js';

export interface SchemeOutcome {
  total: number;
  rank: number;
  grade: string;
  rankingGroup: string;
}

export interface SchemeComparisonRow {
  department: string;
  group: string;
  base: SchemeOutcome;
  alt: SchemeOutcome;
  /** alt.total − base.total (full precision). */
  totalDiff: number;
  /** base.rank − alt.rank: positive when the department moves up under the alternative scheme. */
  rankChange: number;
  gradeChanged: boolean;
}

export interface SchemeComparison {
  year: number;
  mode: Evaluation['mode'];
  asOfPeriod: string | null;
  /** The settings that differ, with both values. */
  changedSettings: { path: string; label: string; base: unknown; alt: unknown }[];
  /** In the base evaluation's order (ranking group, rank, name). */
  departments: SchemeComparisonRow[];
  base: Evaluation;
  alt: Evaluation;
}

/** Evaluates the plan under `baseScheme` and `altScheme` (each resolved or partial) and compares them. */
export function compareSchemes(
  doc: PlanDocument,
  baseScheme: EvaluationScheme | EvaluationSchemeInput | undefined,
  altScheme: EvaluationScheme | EvaluationSchemeInput,
  options: EvaluateOptions,
): SchemeComparison {
  const baseResolved = resolveScheme(baseScheme ?? doc.plan.evaluationScheme);
  const altResolved = resolveScheme(altScheme);
  const base = evaluatePlan(doc, baseResolved, options);
  const alt = evaluatePlan(doc, altResolved, options);
  const altBy = new Map(alt.departments.map((d) => [d.department, d]));
  const departments = base.departments.map((b): SchemeComparisonRow => {
    const a = altBy.get(b.department)!;
    return {
      department: b.department,
      group: b.group,
      base: { total: b.total, rank: b.rank, grade: b.grade, rankingGroup: b.rankingGroup },
      alt: { total: a.total, rank: a.rank, grade: a.grade, rankingGroup: a.rankingGroup },
      totalDiff: a.total - b.total,
      rankChange: b.rank - a.rank,
      gradeChanged: a.grade !== b.grade,
    };
  });
  return {
    year: base.year,
    mode: base.mode,
    asOfPeriod: base.asOfPeriod,
    changedSettings: diffSchemes(baseResolved, altResolved),
    departments,
    base,
    alt,
  };
}

/** The rows whose rank or grade changes, biggest moves first. */
export function rankChanges(comparison: SchemeComparison): SchemeComparisonRow[] {
  return comparison.departments
    .filter((r) => r.rankChange !== 0 || r.gradeChanged)
    .sort((a, b) => Math.abs(b.rankChange) - Math.abs(a.rankChange) || compareText(a.department, b.department));
}
