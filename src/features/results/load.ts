/** Loads a result with what every decision about it needs (plan, indicator, departments). */
import type { Db } from '../../db/client.js';
import {
  findPlanById,
  findResult,
  type IndicatorInfo,
  type PlanInfo,
  type ResultRowDb,
} from '../../db/queries/results.js';
import { conflict, notFound } from '../../domain/errors.js';
import type { Resource } from '../../domain/policy.js';
import { Departments, organizationOf, requireIndicator, type ResultsCaller } from './context.js';
import { presentResult } from './present.js';

export interface LoadedResult {
  organizationId: string;
  row: ResultRowDb;
  plan: PlanInfo;
  indicator: IndicatorInfo;
  depts: Departments;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadResult(
  db: Db,
  caller: ResultsCaller,
  id: string,
  organizationId?: string,
): Promise<LoadedResult> {
  const org = organizationOf(caller, organizationId);
  const row = UUID.test(id) ? await findResult(db, org, id) : undefined;
  if (!row) throw notFound('실적', 'result_not_found');
  const [plan, indicator, depts] = await Promise.all([
    findPlanById(db, org, row.planId),
    requireIndicator(db, org, row.indicatorId),
    Departments.load(db, org),
  ]);
  if (!plan) throw notFound('시행계획', 'plan_not_found');
  return { organizationId: org, row, plan, indicator, depts };
}

/** What the policy needs to know about a result. */
export function resultResource(row: ResultRowDb, plan: PlanInfo): Resource {
  return {
    departmentId: row.departmentId,
    status: row.status,
    submittedBy: row.submittedBy,
    approvedBy: row.approvedBy,
    planStatus: plan.status,
  };
}

/** 409 with the current value in the body (after a lost race or a stale version). */
export async function staleConflict(db: Db, l: LoadedResult, code: string, message: string): Promise<never> {
  const current = await findResult(db, l.organizationId, l.row.id);
  throw conflict(message, code, { current: current ? presentResult(current, l.indicator, l.depts) : null });
}
