/**
 * Closing and re-opening the year's quality rating (planner). Closed: raters see each other's scores
 * and nobody changes a rating or an assignment. Both are audited acts on the plan row (its version
 * bumps); a closed year's rating state does not change.
 */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { listAssignments, listRatings, updatePlanGuarded } from '../../db/queries/evaluation.js';
import { conflict } from '../../domain/errors.js';
import { toSeoulIso } from '../../domain/dates.js';
import {
  authorizeCaller,
  lockOpenPlan,
  organizationOf,
  requiredReason,
  whoOf,
  type EvaluationCaller,
} from './context.js';

async function progress(tx: Db, org: string, planId: string) {
  const [assignments, ratings] = await Promise.all([listAssignments(tx, org, planId), listRatings(tx, org, planId)]);
  const complete = new Set(
    ratings
      .filter((r) => r.representativeness !== null && r.difficulty !== null && r.completeness !== null)
      .map((r) => `${r.indicatorId}|${r.rater}`),
  );
  const done = assignments.filter((a) => complete.has(`${a.indicatorId}|${a.rater}`)).length;
  return { assigned: assignments.length, rated: done, missing: assignments.length - done };
}

export interface RatingStateView {
  year: number;
  ratingClosed: boolean;
  ratingClosedAt: string | null;
  ratingClosedBy: string | null;
  version: number;
  progress: { assigned: number; rated: number; missing: number };
}

export async function closeRating(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; org?: string },
): Promise<RatingStateView> {
  authorizeCaller(caller, 'rating.manage');
  const org = await organizationOf(db, caller, input.org);
  return db.transaction(async (tx) => {
    const plan = await lockOpenPlan(tx, org, input.year, 'update');
    if (plan.ratingClosedAt)
      throw conflict(`${plan.year}년 지표 성격 평가는 이미 마감되었습니다.`, 'rating_already_closed');
    const p = await progress(tx, org, plan.id);
    const at = new Date();
    const updated = (await updatePlanGuarded(tx, plan, plan.version, {
      ratingClosedAt: at,
      ratingClosedBy: whoOf(caller),
    }))!;
    await appendAudit(tx, org, caller.actor, {
      action: 'rating.close',
      entityType: 'plan',
      entityId: plan.id,
      subject: String(plan.year),
      before: { ratingClosedAt: null },
      after: { ratingClosedAt: toSeoulIso(at), ...p },
    });
    return {
      year: plan.year,
      ratingClosed: true,
      ratingClosedAt: toSeoulIso(at),
      ratingClosedBy: updated.ratingClosedBy,
      version: updated.version,
      progress: p,
    };
  });
}

export async function reopenRating(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; reason: string; org?: string },
): Promise<RatingStateView> {
  authorizeCaller(caller, 'rating.manage');
  const reason = requiredReason(input.reason, '다시 여는 사유');
  const org = await organizationOf(db, caller, input.org);
  return db.transaction(async (tx) => {
    const plan = await lockOpenPlan(tx, org, input.year, 'update');
    if (!plan.ratingClosedAt)
      throw conflict(`${plan.year}년 지표 성격 평가는 마감되지 않았습니다.`, 'rating_not_closed');
    const p = await progress(tx, org, plan.id);
    const updated = (await updatePlanGuarded(tx, plan, plan.version, { ratingClosedAt: null, ratingClosedBy: null }))!;
    await appendAudit(tx, org, caller.actor, {
      action: 'rating.reopen',
      entityType: 'plan',
      entityId: plan.id,
      subject: String(plan.year),
      before: { ratingClosedAt: toSeoulIso(plan.ratingClosedAt), ratingClosedBy: plan.ratingClosedBy },
      after: { ratingClosedAt: null, reason },
    });
    return {
      year: plan.year,
      ratingClosed: false,
      ratingClosedAt: null,
      ratingClosedBy: null,
      version: updated.version,
      progress: p,
    };
  });
}
