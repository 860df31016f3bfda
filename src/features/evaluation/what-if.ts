/**
 * 모의평가 (what-if): the year's data under another scheme, side by side with the year's own scheme,
 * with rank and grade changes. Reads only; nothing is saved. A closed year uses its snapshot's input.
 */
import type { Db } from '../../db/client.js';
import { validationError, type ProblemDetail } from '../../domain/errors.js';
import { safeResolveScheme, type EvaluationScheme } from '../../domain/evaluation/scheme.js';
import { compareSchemes } from '../../domain/evaluation/what-if.js';
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

export async function whatIf(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; scheme: unknown; org?: string } & ModeInput,
): Promise<PresentedWhatIf & { source: SourceInfo }> {
  authorizeCaller(caller, 'evaluation.read');
  const alt = resolveUserScheme(input.scheme);
  const org = await organizationOf(db, caller, input.org);
  const src = await loadEvaluationSource(db, org, input.year);
  const depts = await DepartmentIndex.load(db, org);
  const names = depts.readsAll(caller) ? null : new Set(depts.readable(caller).map((d) => d.name));
  return { ...whatIfDocument(src.doc, alt, input, names), source: sourceInfo(src, false) };
}
