/** The results of a plan year the caller may see, filtered by department, period, status, indicator. */
import type { Db } from '../../db/client.js';
import { countEvidenceByResult, listPlanIndicators, listResults } from '../../db/queries/results.js';
import { can } from '../../domain/policy.js';
import type { ResultStatus } from '../../domain/results/workflow.js';
import { authorizeCaller, Departments, organizationOf, requirePlanYear, type ResultsCaller } from './context.js';
import { presentResult } from './present.js';

export interface ListResultsInput {
  year: number;
  department?: string;
  period?: string;
  status?: ResultStatus;
  indicator?: string;
}

/** Departments whose results the caller may read (all for organization-wide readers). */
export function readableDepartmentIds(caller: ResultsCaller, depts: Departments): string[] {
  const p = caller.principal;
  return depts.list.filter((d) => !p || can(p, 'result.read', { departmentId: d.id })).map((d) => d.id);
}

export async function listResultsUseCase(db: Db, caller: ResultsCaller, input: ListResultsInput) {
  authorizeCaller(caller, 'result.read');
  const org = organizationOf(caller);
  const plan = await requirePlanYear(db, org, input.year);
  const depts = await Departments.load(db, org);
  let departmentIds = readableDepartmentIds(caller, depts);
  if (input.department) {
    const d = depts.require(input.department);
    authorizeCaller(caller, 'result.read', { departmentId: d.id });
    departmentIds = [d.id];
  }
  const indicators = await listPlanIndicators(db, org, plan.id);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const indicatorIds = input.indicator
    ? indicators.filter((i) => i.code === input.indicator).map((i) => i.id)
    : undefined;
  const rows = await listResults(db, org, plan.id, {
    departmentIds,
    indicatorIds,
    period: input.period,
    statuses: input.status ? [input.status] : undefined,
  });
  const evidence = await countEvidenceByResult(db, org, plan.id);
  return {
    year: plan.year,
    results: rows
      .filter((r) => byId.has(r.indicatorId))
      .map((r) => ({
        ...presentResult(r, byId.get(r.indicatorId)!, depts),
        evidenceCount: (evidence.get(r.id) ?? 0) + r.declaredEvidence,
      })),
  };
}
