/** What the documents are generated from: a plan year, the year before it (when held), the evaluation, who may read what. */
import type { Db } from '../../db/client.js';
import { findPlan, readPlanDocument } from '../../db/queries/plan-document.js';
import type { PlanDocument } from '../../contracts/interchange.js';
import type { EvaluationMode } from '../../domain/achievement.js';
import { evaluatePlan, type Evaluation } from '../../domain/evaluation/evaluate.js';
import { notFound } from '../../domain/errors.js';
import { DepartmentIndex, type EvaluationCaller } from '../evaluation/context.js';
import { resolveOrganization } from '../plans/context.js';

/** Which organization: by id (the logged-in user's), by code, or the only one there is. */
export interface OrgRef {
  organizationId?: string;
  orgCode?: string;
}

export interface PlanYear {
  organizationId: string;
  doc: PlanDocument;
  /** The previous year's plan of the same organization, when the system holds it. */
  previous: PlanDocument | null;
}

export async function loadPlanYear(db: Db, year: number, org: OrgRef = {}): Promise<PlanYear> {
  const organizationId = org.organizationId ?? (await resolveOrganization(db, org.orgCode)).id;
  const ref = await findPlan(db, organizationId, year);
  if (!ref) throw notFound(`${year}년 시행계획`, 'plan_not_found');
  const doc = await readPlanDocument(db, ref);
  const prevRef = await findPlan(db, organizationId, year - 1);
  return { organizationId, doc, previous: prevRef ? await readPlanDocument(db, prevRef) : null };
}

/** The year's evaluation by the engine (the plan's own scheme). */
export function evaluationOf(doc: PlanDocument, mode: EvaluationMode = 'final'): Evaluation {
  return evaluatePlan(doc, undefined, { mode });
}

/**
 * The departments whose evaluation the caller may read (policy `evaluation.read`): all of them for
 * organization-wide readers and the command line; a department user's own otherwise.
 */
export async function readableDepartments(
  db: Db,
  organizationId: string,
  caller: EvaluationCaller | null,
): Promise<{ all: boolean; names: Set<string> }> {
  const index = await DepartmentIndex.load(db, organizationId);
  if (!caller || !caller.principal) return { all: true, names: new Set(index.list.map((d) => d.name)) };
  return { all: index.readsAll(caller), names: new Set(index.readable(caller).map((d) => d.name)) };
}

/** The evaluation restricted to the departments a caller may read (ranks and grades are kept as computed). */
export function restrictEvaluation(e: Evaluation, readable: { all: boolean; names: Set<string> }): Evaluation {
  if (readable.all) return e;
  return { ...e, departments: e.departments.filter((d) => readable.names.has(d.department)), warnings: [] };
}
