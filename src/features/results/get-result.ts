/**
 * One result as its screen shows it: the value, the indicator, the deadline, the evidence, the
 * timeline (every transition, comment and earlier value), the penalty cases, for a convergence
 * indicator's lead the result derived from the contributions, and what the caller may do with it.
 */
import type { Db } from '../../db/client.js';
import { listEvidence, listPenaltyCases, listResultEvents, listResults } from '../../db/queries/results.js';
import { can, type Action, type Principal } from '../../domain/policy.js';
import { periodDeadline } from '../../domain/results/calendar.js';
import { derivePeriodConvergence } from '../../domain/results/convergence.js';
import { lateEntry } from '../../domain/results/cases.js';
import { toSeoulIso } from '../../domain/dates.js';
import { authorizeCaller, planCalendar, type Departments, type ResultsCaller } from './context.js';
import { loadResult, resultResource, type LoadedResult } from './load.js';
import { presentCase, presentEvent, presentEvidence, presentResult } from './present.js';

const ABILITY_ACTIONS = {
  edit: 'result.enter',
  submit: 'result.submit',
  approve: 'result.approve',
  verify: 'result.verify',
  return: 'result.return',
  comment: 'result.comment',
  uploadEvidence: 'evidence.upload',
  downloadEvidence: 'evidence.download',
} as const satisfies Record<string, Action>;

export type ResultAbilities = Record<keyof typeof ABILITY_ACTIONS, boolean>;

/** What the user may do with the result now (the web shows buttons from this, never from roles). */
export function resultAbilities(principal: Principal | null, l: Pick<LoadedResult, 'row' | 'plan'>): ResultAbilities {
  const r = resultResource(l.row, l.plan);
  const out = {} as ResultAbilities;
  for (const [k, a] of Object.entries(ABILITY_ACTIONS) as [keyof ResultAbilities, Action][])
    out[k] = principal ? can(principal, a, r) : true;
  return out;
}

async function derived(db: Db, l: LoadedResult, depts: Departments) {
  const ind = l.indicator;
  if (ind.kind !== 'convergence' || l.row.departmentId !== ind.leadDepartmentId) return null;
  const rows = await listResults(db, l.organizationId, l.plan.id, { indicatorIds: [ind.id], period: l.row.period });
  const v = derivePeriodConvergence(
    {
      code: ind.code,
      measurement: ind.measurement,
      milestones: ind.milestones,
      frequency: ind.frequency,
      leadDepartment: depts.name(ind.leadDepartmentId),
      participants: ind.participantIds.map((d) => depts.name(d)),
      convergenceRule: ind.convergenceRule,
    },
    l.row.period,
    rows.map((r) => ({
      department: depts.name(r.departmentId),
      status: r.status,
      actual: r.actual,
      milestonesDone: r.milestonesDone,
    })),
  );
  return {
    rule: ind.convergenceRule,
    value: v.value,
    formula: v.formula,
    contributions: v.contributions.map((c) => ({
      department: c.department,
      value: c.value,
      status: c.results[0]?.status ?? null,
    })),
    missingContributors: v.missingContributors,
  };
}

export async function getResult(db: Db, caller: ResultsCaller, id: string) {
  const l = await loadResult(db, caller, id);
  authorizeCaller(caller, 'result.read', { departmentId: l.row.departmentId });
  const { row, indicator, depts, plan, organizationId: org } = l;
  const [events, files, cases, convergence] = await Promise.all([
    listResultEvents(db, org, row.id),
    listEvidence(db, org, [row.id]),
    listPenaltyCases(db, org, plan.id, { resultId: row.id }),
    derived(db, l, depts),
  ]);
  const deadline = periodDeadline(row.period, planCalendar(plan));
  return {
    year: plan.year,
    result: presentResult(row, indicator, depts),
    indicator: {
      ...presentResult(row, indicator, depts).indicator,
      direction: indicator.direction,
      target: indicator.target,
      milestones: indicator.milestones,
      convergenceRule: indicator.convergenceRule,
      leadDepartment: depts.name(indicator.leadDepartmentId),
      participants: indicator.participantIds.map((d) => depts.name(d)),
    },
    deadline: { date: deadline.date, overridden: deadline.overridden },
    late: row.firstSubmittedAt ? lateEntry(row.firstSubmittedAt, deadline) !== null : null,
    evidence: files.map(presentEvidence),
    timeline: events.map(presentEvent),
    penaltyCases: cases.map((c) => presentCase(c, depts)),
    convergence,
    abilities: resultAbilities(caller.principal, l),
    asOf: toSeoulIso(new Date()),
  };
}
