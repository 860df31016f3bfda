/**
 * The year's evaluation (final or provisional as of a period), and one department's breakdown.
 * A closed year answers from its frozen snapshot. Department roles see their own department only
 * (with its rank among all).
 */
import type { Db } from '../../db/client.js';
import { AppError } from '../../domain/errors.js';
import { evaluatePlan } from '../../domain/evaluation/evaluate.js';
import type { EvaluationMode } from '../../domain/achievement.js';
import { authorizeCaller, callerCan, DepartmentIndex, organizationOf, type EvaluationCaller } from './context.js';
import {
  anonymizeRaters,
  onlyDepartments,
  presentEvaluation,
  type PresentedDepartment,
  type PresentedEvaluation,
} from './present.js';
import {
  evaluationOptions,
  loadEvaluationSource,
  seesRaterNames,
  sourceInfo,
  storedEvaluation,
  usesStoredEvaluation,
  type EvaluationSource,
  type SourceInfo,
} from './source.js';

export interface EvaluationQuery {
  year: number;
  mode?: EvaluationMode;
  asOf?: string | null;
  /** Command line: the organization's code (the API uses the user's organization). */
  org?: string;
  /** 'scores': departments without their explanation trees and indicator details (lists, tables). */
  detail?: 'full' | 'scores';
}

export type EvaluationView = PresentedEvaluation & { source: SourceInfo };

/** The evaluation of a loaded source (the stored one where it stands), for every department. */
export function evaluateSource(src: EvaluationSource, query: Pick<EvaluationQuery, 'mode' | 'asOf'>) {
  const opts = evaluationOptions(query, src.plan.year);
  const stored = usesStoredEvaluation(src, opts);
  const evaluation = stored ? storedEvaluation(src) : presentEvaluation(evaluatePlan(src.doc, undefined, opts));
  return { evaluation, source: sourceInfo(src, stored) };
}

export async function getEvaluation(db: Db, caller: EvaluationCaller, query: EvaluationQuery): Promise<EvaluationView> {
  authorizeCaller(caller, 'evaluation.read');
  const org = await organizationOf(db, caller, query.org);
  const src = await loadEvaluationSource(db, org, query.year);
  const { evaluation, source } = evaluateSource(src, query);
  const depts = await DepartmentIndex.load(db, org);
  const names = depts.readsAll(caller) ? null : new Set(depts.readable(caller).map((d) => d.name));
  const shown = seesRaterNames(caller, src.plan) ? evaluation : anonymizeRaters(evaluation);
  const visible = onlyDepartments(shown, names);
  if (query.detail === 'scores')
    return {
      ...visible,
      departments: visible.departments.map(({ explanation: _e, indicators: _i, ...d }) => d),
      source,
    } as EvaluationView;
  return { ...visible, source };
}

export interface DepartmentEvaluationView {
  year: number;
  organization: string;
  mode: EvaluationMode;
  modeLabel: string;
  asOfPeriod: string | null;
  department: PresentedDepartment;
  rankingGroup: PresentedEvaluation['rankingGroups'][number] | null;
  schemeSettings: PresentedEvaluation['schemeSettings'];
  warnings: PresentedEvaluation['warnings'];
  source: SourceInfo;
}

export async function getDepartmentEvaluation(
  db: Db,
  caller: EvaluationCaller,
  query: EvaluationQuery & { department: string },
): Promise<DepartmentEvaluationView> {
  authorizeCaller(caller, 'evaluation.read');
  const org = await organizationOf(db, caller, query.org);
  const depts = await DepartmentIndex.load(db, org);
  const name = query.department.trim();
  const dept = depts.list.find((d) => d.name === name);
  const readsAll = depts.readsAll(caller);
  // A department role reads its own department only (an unknown name is no exception).
  authorizeCaller(caller, 'evaluation.read', readsAll ? undefined : { departmentId: dept?.id ?? null });
  const src = await loadEvaluationSource(db, org, query.year);
  const computed = evaluateSource(src, query);
  const source = computed.source;
  const evaluation = seesRaterNames(caller, src.plan) ? computed.evaluation : anonymizeRaters(computed.evaluation);
  const found = evaluation.departments.find((d) => d.department === name);
  if (!found) {
    // Not evaluated this year, or unknown.
    throw new AppError('not_found', 'department_not_found', `${query.year}년 평가에 부서 '${name}'이(가) 없습니다.`, [
      {
        path: 'department',
        message: dept ? '평가대상 부서가 아닙니다' : '없는 부서입니다',
        code: 'unknown_department',
      },
    ]);
  }
  return {
    year: evaluation.year,
    organization: evaluation.organization,
    mode: evaluation.mode,
    modeLabel: evaluation.modeLabel,
    asOfPeriod: evaluation.asOfPeriod,
    department: found,
    rankingGroup: evaluation.rankingGroups.find((g) => g.name === found.rankingGroup) ?? null,
    schemeSettings: evaluation.schemeSettings,
    warnings: readsAll ? evaluation.warnings : evaluation.warnings.filter((w) => w.message.includes(name)),
    source,
  };
}

/**
 * The document the year's evaluation is computed from — a closed year's snapshot input, else the
 * database now — as an interchange file (`bsc evaluate --input` reproduces the evaluation from it).
 * The planner only: it holds every department's data and every rater's named scores.
 */
export async function getEvaluationInput(
  db: Db,
  caller: EvaluationCaller,
  query: Pick<EvaluationQuery, 'year' | 'org'>,
) {
  authorizeCaller(caller, 'evaluation.read');
  const org = await organizationOf(db, caller, query.org);
  if (
    caller.principal &&
    !((await DepartmentIndex.load(db, org)).readsAll(caller) && callerCan(caller, 'rating.manage'))
  )
    throw new AppError(
      'forbidden',
      'forbidden',
      '평가 입력 자료는 모든 부서의 자료와 평가위원별 점수를 담고 있어 성과관리 담당만 받을 수 있습니다.',
    );
  const src = await loadEvaluationSource(db, org, query.year);
  return { doc: src.doc, source: sourceInfo(src, false) };
}
