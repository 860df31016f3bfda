/**
 * 평가위원 배정: which raters rate which indicator (planner). Every rater named must be a user of the
 * organization with the rater role, and may not be assigned an indicator of their own department
 * (the policy decides, as it does when they rate). Changes audited; none once rating is closed.
 */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { findUsersByUsernames, listGrants, listUsers } from '../../db/queries/accounts.js';
import {
  findEvalIndicator,
  listAssignments,
  listEvalIndicators,
  replaceAssignments,
} from '../../db/queries/evaluation.js';
import { AppError, validationError, type ProblemDetail } from '../../domain/errors.js';
import { can, check } from '../../domain/policy.js';
import { toPrincipal } from '../accounts/user-view.js';
import {
  authorizeCaller,
  DepartmentIndex,
  lockOpenPlan,
  organizationOf,
  requireEvaluationPlan,
  type EvaluationCaller,
} from './context.js';
import { concernedDepartments, ratingClosedConflict } from './ratings.js';

export async function listRaterAssignments(db: Db, caller: EvaluationCaller, input: { year: number; org?: string }) {
  authorizeCaller(caller, 'rating.manage');
  const org = await organizationOf(db, caller, input.org);
  const plan = await requireEvaluationPlan(db, org, input.year);
  const [depts, indicators, assignments, raterUsers] = await Promise.all([
    DepartmentIndex.load(db, org),
    listEvalIndicators(db, org, plan.id),
    listAssignments(db, org, plan.id),
    listUsers(db, org, { role: 'rater', active: true }),
  ]);
  const grants = await listGrants(
    db,
    org,
    raterUsers.map((u) => u.id),
  );
  const by = new Map<string, string[]>();
  for (const a of assignments) by.set(a.indicatorId, [...(by.get(a.indicatorId) ?? []), a.rater]);
  return {
    year: plan.year,
    ratingClosed: plan.ratingClosedAt !== null,
    editable: plan.status !== 'closed' && plan.ratingClosedAt === null,
    raters: raterUsers.map((u) => ({
      username: u.username,
      displayName: u.displayName,
      /** Departments the rater belongs to (indicators of these they may not rate). */
      departments: grants.filter((g) => g.userId === u.id && g.departmentName).map((g) => g.departmentName!),
    })),
    indicators: indicators.map((i) => ({
      indicator: i.code,
      name: i.name,
      kind: i.kind,
      leadDepartment: depts.name(i.leadDepartmentId),
      raters: by.get(i.id) ?? [],
    })),
  };
}

export async function setRaterAssignments(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; indicator: string; raters: string[]; org?: string },
) {
  authorizeCaller(caller, 'rating.manage');
  const org = await organizationOf(db, caller, input.org);
  const raters = input.raters.map((r) => r.trim());
  const problems: ProblemDetail[] = [];
  raters.forEach((r, i) => {
    if (!r) problems.push({ path: `raters[${i}]`, message: '평가위원 아이디가 비어 있습니다', code: 'required' });
    else if (raters.indexOf(r) !== i)
      problems.push({ path: `raters[${i}]`, message: `같은 평가위원이 두 번 있습니다: ${r}`, code: 'duplicate' });
  });
  if (problems.length) throw validationError('평가위원 배정이 올바르지 않습니다.', problems);
  const depts = await DepartmentIndex.load(db, org);

  return db.transaction(async (tx) => {
    const plan = await lockOpenPlan(tx, org, input.year, 'update');
    if (plan.ratingClosedAt) throw ratingClosedConflict(plan.year);
    const ind = await findEvalIndicator(tx, org, plan.id, input.indicator);
    if (!ind)
      throw new AppError(
        'not_found',
        'indicator_not_found',
        `${plan.year}년 계획에 지표 '${input.indicator}'이(가) 없습니다.`,
        [{ path: 'indicator', message: `없는 지표입니다: ${input.indicator}`, code: 'unknown_indicator' }],
      );
    const users = (await findUsersByUsernames(tx, raters)).filter((u) => u.organizationId === org);
    const grants = await listGrants(
      tx,
      org,
      users.map((u) => u.id),
    );
    const concerned = concernedDepartments(ind, depts);
    raters.forEach((r, i) => {
      const u = users.find((x) => x.username === r);
      if (!u || !u.active) {
        problems.push({
          path: `raters[${i}]`,
          message: `없는 사용자이거나 사용 중지된 계정입니다: ${r}`,
          code: 'unknown_user',
        });
        return;
      }
      const principal = toPrincipal(u, grants);
      if (!can(principal, 'rating.write')) {
        problems.push({ path: `raters[${i}]`, message: `평가위원 역할이 없는 사용자입니다: ${r}`, code: 'not_rater' });
        return;
      }
      const d = check(principal, 'rating.write', { departmentIds: concerned });
      if (!d.allowed) problems.push({ path: `raters[${i}]`, message: `${r}: ${d.message}`, code: d.reason });
    });
    if (problems.length) throw validationError(`지표 '${ind.code}'에 평가위원을 배정할 수 없습니다.`, problems);

    const before = (await listAssignments(tx, org, plan.id, { indicatorId: ind.id })).map((a) => a.rater);
    await replaceAssignments(tx, org, plan.id, ind.id, raters);
    await appendAudit(tx, org, caller.actor, {
      action: 'rating.assign',
      entityType: 'indicator',
      entityId: ind.id,
      subject: depts.name(ind.leadDepartmentId),
      before: { indicator: ind.code, raters: before },
      after: { indicator: ind.code, raters },
    });
    return { year: plan.year, indicator: ind.code, name: ind.name, raters };
  });
}
