/**
 * 평가위원 배정: which raters rate which indicator (planner). Every rater named must be a user of the
 * organization with the rater role, and may not be assigned an indicator of their own department
 * (the policy decides, as it does when they rate). Changes audited (one row per indicator whose
 * raters change); none once rating is closed. One indicator, many at once (all or nothing), or a
 * proposal that spreads the raters evenly (고르게 배정, domain/evaluation/rater-distribution).
 */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { findUsersByUsernames, listGrants, listUsers } from '../../db/queries/accounts.js';
import {
  listAssignments,
  listEvalIndicators,
  replaceAssignments,
  type EvalIndicator,
  type EvaluationPlanRow,
} from '../../db/queries/evaluation.js';
import { AppError, validationError, type ProblemDetail } from '../../domain/errors.js';
import { can, check, type Principal } from '../../domain/policy.js';
import { distributeRaters } from '../../domain/evaluation/rater-distribution.js';
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

/** The organization's active raters with the principal the policy judges. */
async function activeRaters(db: Db, org: string) {
  const users = await listUsers(db, org, { role: 'rater', active: true });
  const grants = await listGrants(
    db,
    org,
    users.map((u) => u.id),
  );
  return users.map((u) => ({
    user: u,
    /** This rater's own grants (not the whole list). */
    grants: grants.filter((g) => g.userId === u.id),
    principal: toPrincipal(u, grants),
  }));
}

const mayRate = (principal: Principal, ind: EvalIndicator, depts: DepartmentIndex) =>
  check(principal, 'rating.write', { departmentIds: concernedDepartments(ind, depts) });

const byIndicator = (rows: { indicatorId: string; rater: string }[]) => {
  const by = new Map<string, string[]>();
  for (const a of rows) by.set(a.indicatorId, [...(by.get(a.indicatorId) ?? []), a.rater]);
  return by;
};

export async function listRaterAssignments(db: Db, caller: EvaluationCaller, input: { year: number; org?: string }) {
  authorizeCaller(caller, 'rating.manage');
  const org = await organizationOf(db, caller, input.org);
  const plan = await requireEvaluationPlan(db, org, input.year);
  const [depts, indicators, assignments, raters] = await Promise.all([
    DepartmentIndex.load(db, org),
    listEvalIndicators(db, org, plan.id),
    listAssignments(db, org, plan.id),
    activeRaters(db, org),
  ]);
  const by = byIndicator(assignments);
  return {
    year: plan.year,
    ratingClosed: plan.ratingClosedAt !== null,
    editable: plan.status !== 'closed' && plan.ratingClosedAt === null,
    raters: raters.map(({ user: u, grants }) => ({
      username: u.username,
      displayName: u.displayName,
      /** Departments the rater belongs to (indicators of these they may not rate). */
      departments: grants.filter((g) => g.departmentName).map((g) => g.departmentName!),
    })),
    indicators: indicators.map((i) => ({
      indicator: i.code,
      name: i.name,
      kind: i.kind,
      leadDepartment: depts.name(i.leadDepartmentId),
      raters: by.get(i.id) ?? [],
      /** Raters who may not rate this indicator (it concerns their own department). */
      ineligibleRaters: raters.filter((r) => !mayRate(r.principal, i, depts).allowed).map((r) => r.user.username),
    })),
  };
}

interface AssignmentChange {
  indicator: string;
  raters: string[];
  /** Where the item sits in the request, for the error paths ('' for the one-indicator route). */
  path: string;
}

/**
 * Validates every item (all problems at once, by path) and replaces the raters of the indicators
 * whose raters change, with one audit row each. Inside the caller's transaction, plan locked.
 */
async function writeAssignments(
  tx: Db,
  caller: EvaluationCaller,
  org: string,
  plan: EvaluationPlanRow,
  depts: DepartmentIndex,
  indicators: Map<string, EvalIndicator>,
  items: AssignmentChange[],
  message: string,
) {
  const problems: ProblemDetail[] = [];
  const names = [...new Set(items.flatMap((c) => c.raters))];
  const users = (await findUsersByUsernames(tx, names)).filter((u) => u.organizationId === org);
  const grants = await listGrants(
    tx,
    org,
    users.map((u) => u.id),
  );
  for (const item of items) {
    const ind = indicators.get(item.indicator)!;
    item.raters.forEach((r, i) => {
      const path = `${item.path}raters[${i}]`;
      const u = users.find((x) => x.username === r);
      if (!u || !u.active) {
        problems.push({ path, message: `없는 사용자이거나 사용 중지된 계정입니다: ${r}`, code: 'unknown_user' });
        return;
      }
      const principal = toPrincipal(u, grants);
      if (!can(principal, 'rating.write')) {
        problems.push({ path, message: `평가위원 역할이 없는 사용자입니다: ${r}`, code: 'not_rater' });
        return;
      }
      const d = mayRate(principal, ind, depts);
      if (!d.allowed) problems.push({ path, message: `${r} (${ind.code}): ${d.message}`, code: d.reason });
    });
  }
  if (problems.length) throw validationError(message, problems);

  const before = byIndicator(await listAssignments(tx, org, plan.id));
  const same = (a: string[], b: string[]) => [...a].sort().join('\n') === [...b].sort().join('\n');
  const changed = items
    .map((c) => ({ ind: indicators.get(c.indicator)!, raters: c.raters }))
    .filter((c) => !same(before.get(c.ind.id) ?? [], c.raters));
  await replaceAssignments(
    tx,
    org,
    plan.id,
    changed.map((c) => ({ indicatorId: c.ind.id, raters: c.raters })),
  );
  for (const c of changed)
    await appendAudit(tx, org, caller.actor, {
      action: 'rating.assign',
      entityType: 'indicator',
      entityId: c.ind.id,
      subject: depts.name(c.ind.leadDepartmentId),
      before: { indicator: c.ind.code, raters: before.get(c.ind.id) ?? [] },
      after: { indicator: c.ind.code, raters: c.raters },
    });
  return changed.map((c) => ({ indicator: c.ind.code, before: before.get(c.ind.id) ?? [], after: c.raters }));
}

/** Blank or repeated rater names in one list (before anything is read). */
function listProblems(raters: string[], path: string): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  raters.forEach((r, i) => {
    if (!r)
      problems.push({ path: `${path}raters[${i}]`, message: '평가위원 아이디가 비어 있습니다', code: 'required' });
    else if (raters.indexOf(r) !== i)
      problems.push({
        path: `${path}raters[${i}]`,
        message: `같은 평가위원이 두 번 있습니다: ${r}`,
        code: 'duplicate',
      });
  });
  return problems;
}

/** Inside a transaction: the plan locked for an assignment change (refused when closed or rating closed). */
async function openForAssignment(tx: Db, org: string, year: number, mode: 'update' | 'share' = 'update') {
  const plan = await lockOpenPlan(tx, org, year, mode);
  if (plan.ratingClosedAt) throw ratingClosedConflict(plan.year);
  const indicators = new Map((await listEvalIndicators(tx, org, plan.id)).map((i) => [i.code, i]));
  return { plan, indicators };
}

export async function setRaterAssignments(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; indicator: string; raters: string[]; org?: string },
) {
  authorizeCaller(caller, 'rating.manage');
  const org = await organizationOf(db, caller, input.org);
  const raters = input.raters.map((r) => r.trim());
  const problems = listProblems(raters, '');
  if (problems.length) throw validationError('평가위원 배정이 올바르지 않습니다.', problems);
  const depts = await DepartmentIndex.load(db, org);

  return db.transaction(async (tx) => {
    const { plan, indicators } = await openForAssignment(tx, org, input.year);
    const ind = indicators.get(input.indicator);
    if (!ind)
      throw new AppError(
        'not_found',
        'indicator_not_found',
        `${plan.year}년 계획에 지표 '${input.indicator}'이(가) 없습니다.`,
        [{ path: 'indicator', message: `없는 지표입니다: ${input.indicator}`, code: 'unknown_indicator' }],
      );
    await writeAssignments(
      tx,
      caller,
      org,
      plan,
      depts,
      indicators,
      [{ indicator: ind.code, raters, path: '' }],
      `지표 '${ind.code}'에 평가위원을 배정할 수 없습니다.`,
    );
    return { year: plan.year, indicator: ind.code, name: ind.name, raters };
  });
}

/** Many indicators' raters in one transaction: every item valid or nothing changes. */
export async function setManyRaterAssignments(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; assignments: { indicator: string; raters: string[] }[]; org?: string },
) {
  authorizeCaller(caller, 'rating.manage');
  const org = await organizationOf(db, caller, input.org);
  const items: AssignmentChange[] = input.assignments.map((a, k) => ({
    indicator: a.indicator.trim(),
    raters: a.raters.map((r) => r.trim()),
    path: `assignments[${k}].`,
  }));
  const problems = items.flatMap((item, k) => [
    ...(items.findIndex((x) => x.indicator === item.indicator) !== k
      ? [
          {
            path: `${item.path}indicator`,
            message: `같은 지표가 두 번 있습니다: ${item.indicator}`,
            code: 'duplicate',
          },
        ]
      : []),
    ...listProblems(item.raters, item.path),
  ]);
  if (problems.length) throw validationError('평가위원 배정이 올바르지 않습니다.', problems);
  const depts = await DepartmentIndex.load(db, org);

  return db.transaction(async (tx) => {
    const { plan, indicators } = await openForAssignment(tx, org, input.year);
    const unknown = items
      .filter((i) => !indicators.has(i.indicator))
      .map((i) => ({
        path: `${i.path}indicator`,
        message: `${plan.year}년 계획에 없는 지표입니다: ${i.indicator}`,
        code: 'unknown_indicator',
      }));
    if (unknown.length) throw validationError('평가위원 배정이 올바르지 않습니다.', unknown);
    const changed = await writeAssignments(
      tx,
      caller,
      org,
      plan,
      depts,
      indicators,
      items,
      '평가위원을 배정할 수 없는 지표가 있습니다. 아무것도 바꾸지 않았습니다.',
    );
    return { year: plan.year, changed: changed.length, assignments: changed };
  });
}

/**
 * 고르게 배정: each indicator given (all of the year's when none) gets `perIndicator` raters, the
 * raters' counts kept even (domain/evaluation/rater-distribution). `dryRun` returns the proposal
 * without saving; otherwise it is saved like the many-indicator change (one transaction, audited).
 */
export async function distributeRaterAssignments(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; perIndicator: number; indicators?: string[]; dryRun?: boolean; org?: string },
) {
  authorizeCaller(caller, 'rating.manage');
  const org = await organizationOf(db, caller, input.org);
  const [depts, raters] = await Promise.all([DepartmentIndex.load(db, org), activeRaters(db, org)]);

  return db.transaction(async (tx) => {
    const { plan, indicators } = await openForAssignment(tx, org, input.year, input.dryRun ? 'share' : 'update');
    const codes = input.indicators?.map((c) => c.trim()) ?? [...indicators.keys()];
    const unknown = codes.flatMap((c, i) =>
      indicators.has(c)
        ? []
        : [
            {
              path: `indicators[${i}]`,
              message: `${plan.year}년 계획에 없는 지표입니다: ${c}`,
              code: 'unknown_indicator',
            },
          ],
    );
    if (unknown.length) throw validationError('고르게 배정할 지표가 올바르지 않습니다.', unknown);
    const scope = new Set(codes);
    const current = byIndicator(await listAssignments(tx, org, plan.id));
    const usernames = raters.map((r) => r.user.username);
    const outside: Record<string, number> = {};
    for (const [code, ind] of indicators)
      if (!scope.has(code)) for (const r of current.get(ind.id) ?? []) outside[r] = (outside[r] ?? 0) + 1;
    const loadBefore: Record<string, number> = { ...outside };
    const proposal = distributeRaters(
      [...scope].map((code) => {
        const ind = indicators.get(code)!;
        for (const r of current.get(ind.id) ?? []) loadBefore[r] = (loadBefore[r] ?? 0) + 1;
        return {
          indicator: code,
          current: current.get(ind.id) ?? [],
          eligible: raters.filter((r) => mayRate(r.principal, ind, depts).allowed).map((r) => r.user.username),
        };
      }),
      usernames,
      input.perIndicator,
      outside,
    );
    const changes = proposal.assignments.filter((a) => a.before.join('\n') !== a.after.join('\n'));
    if (!input.dryRun)
      await writeAssignments(
        tx,
        caller,
        org,
        plan,
        depts,
        indicators,
        changes.map((a) => ({ indicator: a.indicator, raters: a.after, path: '' })),
        '평가위원을 배정할 수 없는 지표가 있습니다. 아무것도 바꾸지 않았습니다.',
      );
    return {
      year: plan.year,
      perIndicator: input.perIndicator,
      dryRun: input.dryRun === true,
      indicators: scope.size,
      changed: changes.length,
      assignments: changes.map((a) => ({ ...a, name: indicators.get(a.indicator)!.name })),
      short: proposal.short,
      load: raters.map(({ user: u }) => ({
        rater: u.username,
        displayName: u.displayName,
        before: loadBefore[u.username] ?? 0,
        after: proposal.load[u.username] ?? 0,
      })),
    };
  });
}
