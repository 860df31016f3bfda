/**
 * 할 일 (inbox): for department staff, what is due, overdue or returned; for department heads, what
 * waits for their approval; for the planner, the verification queue and each department's
 * completion rate for the current period. Sections appear by what the caller may do (policy).
 */
import type { Db } from '../../db/client.js';
import {
  findCurrentPlan,
  listPlanIndicators,
  listResults,
  type IndicatorInfo,
  type ResultRowDb,
} from '../../db/queries/results.js';
import { notFound } from '../../domain/errors.js';
import { can, ownDepartments } from '../../domain/policy.js';
import { seoulDate } from '../../domain/results/calendar.js';
import {
  classifyItems,
  completion,
  currentPeriodItems,
  expectedItems,
  itemKey,
  type ClassifiedItem,
  type ItemState,
} from '../../domain/results/expected.js';
import { toSeoulIso } from '../../domain/dates.js';
import {
  authorizeCaller,
  Departments,
  organizationOf,
  planCalendar,
  requirePlanYear,
  type ResultsCaller,
} from './context.js';
import { presentResult } from './present.js';

const ITEM_LIMIT = 200;

function presentItem(i: ClassifiedItem, ind: IndicatorInfo, depts: Departments) {
  return {
    indicator: { id: ind.id, code: ind.code, name: ind.name, frequency: ind.frequency, kind: ind.kind },
    department: { id: i.departmentId, name: depts.name(i.departmentId) },
    period: i.period,
    deadline: i.deadline,
    state: i.state,
    resultId: i.resultId,
  };
}

export async function getInbox(db: Db, caller: ResultsCaller, input: { year?: number } = {}, now = new Date()) {
  authorizeCaller(caller, 'session.self');
  const org = organizationOf(caller);
  const plan = input.year !== undefined ? await requirePlanYear(db, org, input.year) : await findCurrentPlan(db, org);
  if (!plan) throw notFound('시행계획', 'plan_not_found');
  const settings = planCalendar(plan);
  const today = seoulDate(now);
  const depts = await Departments.load(db, org);
  const indicators = await listPlanIndicators(db, org, plan.id);
  const indById = new Map(indicators.map((i) => [i.id, i]));
  const p = caller.principal;
  const own = p ? ownDepartments(p) : [];

  const staffDepts = own.filter((d) => !p || can(p, 'result.enter', { departmentId: d, status: 'draft' }));
  const headDepts = own.filter((d) => p && can(p, 'result.approve', { departmentId: d, status: 'submitted' }));
  const isPlanner = p ? can(p, 'result.verify') : true;

  const allResults = await listResults(
    db,
    org,
    plan.id,
    isPlanner ? {} : { departmentIds: [...new Set([...staffDepts, ...headDepts])] },
  );
  const resultMap = new Map<string, ResultRowDb>(allResults.map((r) => [itemKey(r), r]));
  const evaluated = depts.evaluatedIds();

  const limit = <T>(xs: T[]) => ({ total: xs.length, items: xs.slice(0, ITEM_LIMIT) });
  const byState = (items: ClassifiedItem[], s: ItemState) =>
    items.filter((i) => i.state === s).sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));

  let staff = null;
  if (staffDepts.length) {
    const items = classifyItems(
      expectedItems(indicators, plan.year, evaluated, new Set(staffDepts)),
      resultMap,
      settings,
      now,
      today,
    );
    const present = (xs: ClassifiedItem[]) => xs.map((i) => presentItem(i, indById.get(i.indicatorId)!, depts));
    staff = {
      departments: staffDepts.map((d) => ({ id: d, name: depts.name(d) })),
      due: limit(present(byState(items, 'due'))),
      overdue: limit(present(byState(items, 'overdue'))),
      returned: limit(present(byState(items, 'returned'))),
    };
  }

  let head = null;
  if (headDepts.length) {
    const waiting = allResults.filter(
      (r) => r.status === 'submitted' && headDepts.includes(r.departmentId) && indById.has(r.indicatorId),
    );
    head = {
      departments: headDepts.map((d) => ({ id: d, name: depts.name(d) })),
      awaitingApproval: limit(
        waiting.map((r) => ({
          ...presentResult(r, indById.get(r.indicatorId)!, depts),
          canApprove:
            !p ||
            can(p, 'result.approve', {
              departmentId: r.departmentId,
              status: r.status,
              submittedBy: r.submittedBy,
              planStatus: plan.status,
            }),
        })),
      ),
    };
  }

  let planner = null;
  if (isPlanner) {
    const queue = allResults.filter((r) => r.status === 'approved' && indById.has(r.indicatorId));
    const items = classifyItems(expectedItems(indicators, plan.year, evaluated), resultMap, settings, now, today);
    const current = currentPeriodItems(items, new Map(indicators.map((i) => [i.id, i.frequency])), plan.year, today);
    const perDept = new Map<string, ClassifiedItem[]>();
    for (const i of current) perDept.set(i.departmentId, [...(perDept.get(i.departmentId) ?? []), i]);
    planner = {
      verificationQueue: limit(queue.map((r) => presentResult(r, indById.get(r.indicatorId)!, depts))),
      currentPeriods: [...new Set(current.map((i) => i.period))].sort(),
      completion: depts.list
        .filter((d) => perDept.has(d.id))
        .map((d) => ({ department: { id: d.id, name: d.name }, ...completion(perDept.get(d.id)!) })),
      overall: completion(current),
    };
  }

  return { year: plan.year, planStatus: plan.status, today, asOf: toSeoulIso(now), staff, head, planner };
}
