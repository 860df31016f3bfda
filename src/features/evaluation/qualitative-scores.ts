/**
 * 정성평가: the head of the organisation's 0–5 points per department (entered by the executive or
 * the planner on their behalf), with the score's optimistic version. Audited; refused once the
 * year is closed. Department roles read their own department's score.
 */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import {
  findQualitativeScore,
  insertQualitativeScore,
  listQualitativeScores,
  updateQualitativeScoreGuarded,
  type QualitativeScoreRow,
} from '../../db/queries/evaluation.js';
import { validationError } from '../../domain/errors.js';
import { toSeoulIso } from '../../domain/dates.js';
import {
  authorizeCaller,
  callerCan,
  checkVersion,
  DepartmentIndex,
  lockOpenPlan,
  organizationOf,
  requireEvaluationPlan,
  staleVersion,
  whoOf,
  type EvaluationCaller,
} from './context.js';

export const QUALITATIVE_MAX = 5;

function present(q: QualitativeScoreRow, depts: DepartmentIndex) {
  return {
    department: depts.name(q.departmentId),
    points: q.points,
    comment: q.comment,
    givenBy: q.givenBy,
    illustrative: q.illustrative,
    version: q.version,
    updatedAt: toSeoulIso(q.updatedAt),
  };
}
export type QualitativeScoreView = ReturnType<typeof present>;

export async function listQualitativeScoresUseCase(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; org?: string },
) {
  authorizeCaller(caller, 'evaluation.read');
  const org = await organizationOf(db, caller, input.org);
  const plan = await requireEvaluationPlan(db, org, input.year);
  const depts = await DepartmentIndex.load(db, org);
  const readable = depts.readable(caller).filter((d) => d.evaluated);
  const rows = await listQualitativeScores(
    db,
    org,
    plan.id,
    readable.map((d) => d.id),
  );
  const by = new Map(rows.map((r) => [r.departmentId, r]));
  return {
    year: plan.year,
    max: QUALITATIVE_MAX,
    canWrite: plan.status !== 'closed' && callerCan(caller, 'qualitative.write'),
    /** Every evaluated department the caller may read, with its score or null. */
    departments: readable.map((d) => {
      const q = by.get(d.id);
      return { department: d.name, score: q ? present(q, depts) : null };
    }),
  };
}

export interface QualitativeInput {
  year: number;
  department: string;
  points: number;
  comment?: string;
  /** The score's version when changing it; omitted for a first score. */
  version?: number;
  org?: string;
}

export async function setQualitativeScore(
  db: Db,
  caller: EvaluationCaller,
  input: QualitativeInput,
): Promise<QualitativeScoreView> {
  authorizeCaller(caller, 'qualitative.write');
  if (!Number.isFinite(input.points) || input.points < 0 || input.points > QUALITATIVE_MAX)
    throw validationError(`정성평가는 0~${QUALITATIVE_MAX}점입니다.`, [
      { path: 'points', message: `0~${QUALITATIVE_MAX}점이어야 합니다`, code: 'out_of_range' },
    ]);
  const comment = (input.comment ?? '').trim();
  if (comment.length > 2000)
    throw validationError('의견은 2000자 이하여야 합니다.', [
      { path: 'comment', message: '2000자 이하여야 합니다', code: 'too_big' },
    ]);
  const org = await organizationOf(db, caller, input.org);
  const depts = await DepartmentIndex.load(db, org);
  const dept = depts.requireEvaluated(input.department);
  authorizeCaller(caller, 'qualitative.write', { departmentId: dept.id });
  return db.transaction(async (tx) => {
    const plan = await lockOpenPlan(tx, org, input.year, 'share');
    const existing = await findQualitativeScore(tx, org, plan.id, dept.id);
    const what = `${dept.name}의 정성평가 점수`;
    checkVersion(what, existing, input.version, existing ? present(existing, depts) : null);
    const values = { points: input.points, comment, givenBy: whoOf(caller) };
    const row = existing
      ? await updateQualitativeScoreGuarded(tx, org, existing.id, existing.version, values)
      : await insertQualitativeScore(tx, { organizationId: org, planId: plan.id, departmentId: dept.id, ...values });
    if (!row) throw staleVersion(what, existing ? present(existing, depts) : null);
    await appendAudit(tx, org, caller.actor, {
      action: 'qualitative.write',
      entityType: 'qualitative_score',
      entityId: row.id,
      subject: dept.name,
      before: existing ? { points: existing.points, comment: existing.comment, version: existing.version } : null,
      after: { points: row.points, comment: row.comment, version: row.version },
    });
    return present(row, depts);
  });
}
