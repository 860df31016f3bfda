/**
 * 평가 마감 (freeze) and 재개 (re-open), planner only.
 *
 * Close: in one transaction, the plan row locked first, the year's document is read —
 * plan, results, cases and evaluation inputs, exactly the interchange document — evaluated (final),
 * and both are stored as an immutable snapshot; the plan becomes 'closed'. From then on the year's
 * evaluation is the snapshot's, whatever changes later. Rating must be closed first.
 *
 * Re-open: a required reason; status back to 'active'; the snapshot stays, marked re-opened. Both
 * acts are audited in their transaction.
 */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import {
  insertSnapshot,
  listSnapshots,
  lockPlan,
  markSnapshotReopened,
  updatePlanGuarded,
  findSnapshot,
  type SnapshotMeta,
} from '../../db/queries/evaluation.js';
import { readPlanDocument } from '../../db/queries/plan-document.js';
import { AppError, conflict, notFound } from '../../domain/errors.js';
import { evaluatePlan } from '../../domain/evaluation/evaluate.js';
import { toSeoulIso } from '../../domain/dates.js';
import type { PlanDocument } from '../../contracts/interchange.js';
import {
  authorizeCaller,
  callerCan,
  DepartmentIndex,
  organizationOf,
  requiredReason,
  requireEvaluationPlan,
  whoOf,
  type EvaluationCaller,
} from './context.js';
import { anonymizeRaters, inputCounts, presentEvaluation, type PresentedEvaluation } from './present.js';
import { seesRaterNames } from './source.js';

export function presentSnapshotMeta(s: SnapshotMeta) {
  return {
    id: s.id,
    closedAt: toSeoulIso(s.createdAt),
    closedBy: s.createdBy,
    reopenedAt: s.reopenedAt ? toSeoulIso(s.reopenedAt) : null,
    reopenedBy: s.reopenedBy,
    reopenReason: s.reopenReason,
    /** True while it is the year's evaluation (the year closed and not re-opened since). */
    standing: s.reopenedAt === null,
  };
}
export type SnapshotMetaView = ReturnType<typeof presentSnapshotMeta>;

const lockedPlan = async (tx: Db, org: string, year: number) => {
  const plan = await lockPlan(tx, org, year, 'update');
  if (!plan) throw notFound(`${year}년 시행계획`, 'plan_not_found');
  return plan;
};

export async function closeEvaluation(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; comment?: string; org?: string },
): Promise<{ snapshot: SnapshotMetaView; planStatus: 'closed'; evaluation: PresentedEvaluation }> {
  authorizeCaller(caller, 'evaluation.close');
  const org = await organizationOf(db, caller, input.org);
  const comment = (input.comment ?? '').trim().slice(0, 2000);
  return db.transaction(
    async (tx) => {
      const plan = await lockedPlan(tx, org, input.year);
      if (plan.status === 'closed') throw conflict(`${plan.year}년 평가는 이미 마감되었습니다.`, 'already_closed');
      if (plan.status !== 'active')
        throw conflict(
          `${plan.year}년 계획이 아직 시행(active) 상태가 아니어서 평가를 마감할 수 없습니다.`,
          'plan_not_active',
        );
      if (!plan.ratingClosedAt)
        throw conflict(
          `${plan.year}년 지표 성격 평가가 아직 마감되지 않았습니다. 먼저 평가위원 평가를 마감하세요.`,
          'rating_open',
        );
      const doc: PlanDocument = await readPlanDocument(tx, {
        organizationId: org,
        planId: plan.id,
        year: plan.year,
        status: plan.status,
        version: plan.version,
      });
      const evaluation = presentEvaluation(evaluatePlan(doc, undefined, { mode: 'final' }));
      const snapshot = await insertSnapshot(tx, {
        organizationId: org,
        planId: plan.id,
        createdBy: whoOf(caller),
        input: doc as unknown as Record<string, unknown>,
        evaluation: evaluation as unknown as Record<string, unknown>,
      });
      const updated = await updatePlanGuarded(tx, plan, plan.version, { status: 'closed' });
      if (!updated) throw conflict('계획이 동시에 바뀌었습니다. 다시 시도하세요.', 'stale_version');
      await appendAudit(tx, org, caller.actor, {
        action: 'evaluation.close',
        entityType: 'plan',
        entityId: plan.id,
        subject: String(plan.year),
        before: { status: plan.status },
        after: {
          status: 'closed',
          snapshotId: snapshot.id,
          comment,
          inputs: inputCounts(doc),
          departments: evaluation.departments.map((d) => ({
            department: d.department,
            total: d.total,
            rank: d.rank,
            grade: d.grade,
          })),
        },
      });
      return { snapshot: presentSnapshotMeta(snapshot), planStatus: 'closed' as const, evaluation };
    },
    // Read committed on purpose: the lock (the first statement) waits for input writes in flight
    // (they hold the row FOR SHARE), and every read after it sees them. Under repeatable read the
    // snapshot would be taken before that wait and could miss an input saved just before the close.
  );
}

export async function reopenEvaluation(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; reason: string; org?: string },
): Promise<{ planStatus: 'active'; snapshot: SnapshotMetaView | null }> {
  authorizeCaller(caller, 'evaluation.reopen');
  const reason = requiredReason(input.reason, '재개 사유');
  const org = await organizationOf(db, caller, input.org);
  return db.transaction(async (tx) => {
    const plan = await lockedPlan(tx, org, input.year);
    if (plan.status !== 'closed') throw conflict(`${plan.year}년 평가는 마감되지 않았습니다.`, 'not_closed');
    const who = whoOf(caller);
    const snapshot = await markSnapshotReopened(tx, org, plan.id, who, reason);
    const updated = await updatePlanGuarded(tx, plan, plan.version, { status: 'active' });
    if (!updated) throw conflict('계획이 동시에 바뀌었습니다. 다시 시도하세요.', 'stale_version');
    await appendAudit(tx, org, caller.actor, {
      action: 'evaluation.reopen',
      entityType: 'plan',
      entityId: plan.id,
      subject: String(plan.year),
      before: { status: 'closed', snapshotId: snapshot?.id ?? null },
      after: { status: 'active', reason },
    });
    return { planStatus: 'active' as const, snapshot: snapshot ? presentSnapshotMeta(snapshot) : null };
  });
}

/** Snapshots of a year, newest first (organization-wide evaluation readers). */
export async function listEvaluationSnapshots(db: Db, caller: EvaluationCaller, input: { year: number; org?: string }) {
  const org = await readAllGuard(db, caller, input.org);
  const plan = await requireEvaluationPlan(db, org, input.year);
  return {
    year: plan.year,
    planStatus: plan.status,
    snapshots: (await listSnapshots(db, org, plan.id)).map(presentSnapshotMeta),
  };
}

/**
 * One snapshot: its stored evaluation (raters' names shown as to GET …/evaluation), or (part
 * 'input') the exact interchange document it was computed from — the planner only.
 */
export async function getEvaluationSnapshot(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; id: string; part: 'evaluation' | 'input'; org?: string },
) {
  const org = await readAllGuard(db, caller, input.org);
  if (input.part === 'input' && !callerCan(caller, 'rating.manage'))
    throw new AppError(
      'forbidden',
      'forbidden',
      '스냅숏의 입력 자료는 평가위원별 점수를 담고 있어 성과관리 담당만 받을 수 있습니다.',
    );
  const plan = await requireEvaluationPlan(db, org, input.year);
  const s = /^[0-9a-f-]{36}$/i.test(input.id) ? await findSnapshot(db, org, plan.id, input.id) : undefined;
  if (!s)
    throw new AppError('not_found', 'snapshot_not_found', '평가 스냅숏을 찾을 수 없습니다.', [
      { path: 'id', message: `${plan.year}년에 없는 스냅숏입니다: ${input.id}`, code: 'unknown_snapshot' },
    ]);
  if (input.part === 'input') return { meta: presentSnapshotMeta(s), body: s.input };
  const stored = s.evaluation as unknown as PresentedEvaluation;
  const body = seesRaterNames(caller, { status: 'closed', ratingClosedAt: s.createdAt })
    ? stored
    : anonymizeRaters(stored);
  return { meta: presentSnapshotMeta(s), body: body as unknown as Record<string, unknown> };
}

/** Snapshots hold every department's data: organization-wide readers only. */
async function readAllGuard(db: Db, caller: EvaluationCaller, orgCode?: string): Promise<string> {
  authorizeCaller(caller, 'evaluation.read');
  const org = await organizationOf(db, caller, orgCode);
  if (caller.principal && !(await DepartmentIndex.load(db, org)).readsAll(caller))
    throw new AppError(
      'forbidden',
      'forbidden_other_department',
      '평가 스냅숏은 모든 부서의 자료를 담고 있어 기관 전체 열람자만 볼 수 있습니다.',
    );
  return org;
}
