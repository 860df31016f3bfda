/**
 * 모의평가 (what-if): the year's data under another scheme, side by side with the year's own scheme,
 * with rank and grade changes. Reads only; nothing is saved. A closed year uses its snapshot's input.
 */
import type { Db } from '../../db/client.js';
import { validationError, type ProblemDetail } from '../../domain/errors.js';
import { safeResolveScheme, type EvaluationScheme } from '../../domain/evaluation/scheme.js';
import { compareSchemes, type SchemeComparison } from '../../domain/evaluation/what-if.js';
import { evaluatePlan } from '../../domain/evaluation/evaluate.js';
import { resolveScheme } from '../../domain/evaluation/scheme.js';
import type { PlanDocument } from '../../contracts/interchange.js';
import { authorizeCaller, DepartmentIndex, organizationOf, type EvaluationCaller } from './context.js';
import { presentWhatIf, type PresentedWhatIf } from './present.js';
import { evaluationOptions, loadEvaluationSource, sourceInfo, type ModeInput, type SourceInfo } from './source.js';

/**
 * A scheme given by a user (partial settings), resolved; otherwise a validation error listing every
 * invalid setting in Korean, with its path under `field` (e.g. "scheme.achievement.cap").
 */
export function resolveUserScheme(partial: unknown, field = 'scheme'): EvaluationScheme {
  if (partial === null || typeof partial !== 'object' || Array.isArray(partial))
    throw validationError('평가체계 설정은 설정 묶음(객체)이어야 합니다.', [
      { path: field, message: '설정 묶음(객체)이어야 합니다', code: 'invalid_type' },
    ]);
  const r = safeResolveScheme(partial);
  if (r.ok) return r.scheme;
  const details: ProblemDetail[] = r.errors.map((e) => ({ ...e, path: e.path ? `${field}.${e.path}` : field }));
  throw validationError(
    `평가체계 설정이 올바르지 않습니다: ${r.errors.map((e) => e.message).join('; ')}`,
    details,
    'invalid_evaluation_scheme',
  );
}

/** The comparison for a document (pure): the command line's `--scheme FILE` and the API share it. */
export function whatIfDocument(
  doc: PlanDocument,
  altScheme: EvaluationScheme,
  mode: ModeInput,
  names: ReadonlySet<string> | null = null,
): PresentedWhatIf {
  const opts = evaluationOptions(mode, doc.plan.year);
  return presentWhatIf(compareSchemes(doc, undefined, altScheme, opts), names);
}

/**
 * Input changes for a what-if (the breakdown screen's "what if this indicator's actual, this bonus, this
 * qualitative score were …"): applied to a copy of the year's document, never saved.
 * - actuals: the indicator's yearly value becomes `actual` (one verified yearly result replaces the
 *   department's results for it; for a convergence indicator, every contributor's, on the lead department).
 * - bonusAwards: the department's bonus for the item becomes `points` (0 removes it).
 * - qualitativeScores: the department's qualitative score becomes `points`.
 */
export interface WhatIfChanges {
  actuals?: { indicator: string; department: string; actual: number }[];
  bonusAwards?: { department: string; item: string; points: number }[];
  qualitativeScores?: { department: string; points: number }[];
}

export function hasChanges(c: WhatIfChanges | undefined): boolean {
  return !!c && (c.actuals?.length ?? 0) + (c.bonusAwards?.length ?? 0) + (c.qualitativeScores?.length ?? 0) > 0;
}

/** A copy of `doc` with the changes applied; a validation error (Korean, field path) for unknown names. */
export function applyWhatIfChanges(doc: PlanDocument, changes: WhatIfChanges): PlanDocument {
  const copy = structuredClone(doc);
  const details: ProblemDetail[] = [];
  const evaluated = new Set(copy.departments.filter((d) => d.evaluated).map((d) => d.name));
  const dept = (name: string, path: string) => {
    if (evaluated.has(name.trim())) return true;
    details.push({ path, message: `평가대상 부서가 아닙니다: ${name}`, code: 'unknown_department' });
    return false;
  };
  (changes.actuals ?? []).forEach((c, i) => {
    const ind = copy.indicators.find((x) => x.code === c.indicator);
    const okDept = dept(c.department, `changes.actuals[${i}].department`);
    if (!ind) {
      details.push({
        path: `changes.actuals[${i}].indicator`,
        message: `지표를 찾을 수 없습니다: ${c.indicator}`,
        code: 'unknown_indicator',
      });
      return;
    }
    if (ind.measurement === 'milestone') {
      details.push({
        path: `changes.actuals[${i}].actual`,
        message: '마일스톤 지표는 실적값으로 모의평가할 수 없습니다',
        code: 'milestone_indicator',
      });
      return;
    }
    if (!okDept) return;
    const department = ind.kind === 'convergence' ? ind.leadDepartment : c.department.trim();
    copy.results = copy.results.filter(
      (r) => !(r.indicator === ind.code && (ind.kind === 'convergence' || r.department === department)),
    );
    copy.results.push({
      indicator: ind.code,
      department,
      period: String(copy.plan.year),
      actual: c.actual,
      milestonesDone: [],
      comment: '모의평가',
      status: 'verified',
      firstSubmittedAt: null,
      evidenceCount: 0,
      illustrative: false,
    });
  });
  const ei = copy.evaluationInputs;
  (changes.bonusAwards ?? []).forEach((c, i) => {
    if (!dept(c.department, `changes.bonusAwards[${i}].department`)) return;
    const item = c.item as (typeof ei.bonusAwards)[number]['item'];
    ei.bonusAwards = ei.bonusAwards.filter((b) => !(b.department.trim() === c.department.trim() && b.item === item));
    if (c.points > 0)
      ei.bonusAwards.push({
        department: c.department.trim(),
        item,
        points: c.points,
        reason: '모의평가',
        grantedBy: '',
        illustrative: false,
      });
  });
  (changes.qualitativeScores ?? []).forEach((c, i) => {
    if (!dept(c.department, `changes.qualitativeScores[${i}].department`)) return;
    ei.qualitativeScores = ei.qualitativeScores.filter((q) => q.department.trim() !== c.department.trim());
    ei.qualitativeScores.push({
      department: c.department.trim(),
      points: c.points,
      comment: '모의평가',
      givenBy: '',
      illustrative: false,
    });
  });
  if (details.length > 0)
    throw validationError(`모의평가 변경이 올바르지 않습니다: ${details.map((d) => d.message).join('; ')}`, details);
  return copy;
}

/** Two documents (the year's and a changed copy) evaluated side by side, as compareSchemes does for two schemes. */
function compareDocuments(
  doc: PlanDocument,
  altDoc: PlanDocument,
  altScheme: EvaluationScheme,
  mode: ModeInput,
): SchemeComparison {
  const opts = evaluationOptions(mode, doc.plan.year);
  const bySchemes = compareSchemes(doc, undefined, altScheme, opts);
  const alt = evaluatePlan(altDoc, resolveScheme(altScheme), opts);
  const altBy = new Map(alt.departments.map((d) => [d.department, d]));
  return {
    ...bySchemes,
    alt,
    departments: bySchemes.departments.map((row) => {
      const a = altBy.get(row.department)!;
      return {
        ...row,
        alt: { total: a.total, rank: a.rank, grade: a.grade, rankingGroup: a.rankingGroup },
        totalDiff: a.total - row.base.total,
        rankChange: row.base.rank - a.rank,
        gradeChanged: a.grade !== row.base.grade,
      };
    }),
  };
}

export async function whatIf(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; scheme?: unknown; changes?: WhatIfChanges; org?: string } & ModeInput,
): Promise<PresentedWhatIf & { source: SourceInfo }> {
  authorizeCaller(caller, 'evaluation.read');
  if (input.scheme === undefined && !hasChanges(input.changes))
    throw validationError('모의평가할 평가체계 설정(scheme)이나 변경(changes)을 보내세요.', [
      { path: 'scheme', message: '평가체계 설정이나 변경 중 하나는 있어야 합니다', code: 'required' },
    ]);
  const org = await organizationOf(db, caller, input.org);
  const src = await loadEvaluationSource(db, org, input.year);
  const alt =
    input.scheme === undefined ? resolveScheme(src.doc.plan.evaluationScheme) : resolveUserScheme(input.scheme);
  const depts = await DepartmentIndex.load(db, org);
  const names = depts.readsAll(caller) ? null : new Set(depts.readable(caller).map((d) => d.name));
  if (!hasChanges(input.changes))
    return { ...whatIfDocument(src.doc, alt, input, names), source: sourceInfo(src, false) };
  const altDoc = applyWhatIfChanges(src.doc, input.changes!);
  return { ...presentWhatIf(compareDocuments(src.doc, altDoc, alt, input), names), source: sourceInfo(src, false) };
}
