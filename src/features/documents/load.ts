/** What the documents are generated from: a plan year, the year before it (when held), and the year's evaluation. */
import type { Db } from '../../db/client.js';
import { findPlan, readPlanDocument } from '../../db/queries/plan-document.js';
import type { PlanDocument } from '../../contracts/interchange.js';
import type { EvaluationMode } from '../../domain/achievement.js';
import { evaluatePlan, type Evaluation } from '../../domain/evaluation/evaluate.js';
import { notFound } from '../../domain/errors.js';
import { callerCan, type EvaluationCaller } from '../evaluation/context.js';
import { getEvaluation, type EvaluationView } from '../evaluation/get-evaluation.js';
import { cliActor, resolveOrganization } from '../plans/context.js';

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

/** The evaluation of a plan document by the engine (the plan's own scheme): no database. */
export function evaluationOf(doc: PlanDocument, mode: EvaluationMode = 'final'): Evaluation {
  return evaluatePlan(doc, undefined, { mode });
}

/** The command line's caller: trusted, reads everything. */
export const cliCaller = (): EvaluationCaller => ({ actor: cliActor(), principal: null });

/**
 * The year's evaluation as the evaluation capability gives it (features/evaluation/get-evaluation):
 * a closed year from its frozen snapshot; a department user's own department only (its rank among
 * all); raters' names hidden as the policy says. Null when the caller may not read evaluations at all.
 */
export async function loadEvaluation(
  db: Db,
  caller: EvaluationCaller,
  year: number,
  opts: { mode?: EvaluationMode; orgCode?: string } = {},
): Promise<EvaluationView | null> {
  if (!callerCan(caller, 'evaluation.read')) return null;
  return getEvaluation(db, caller, {
    year,
    mode: opts.mode ?? 'final',
    org: caller.principal ? undefined : opts.orgCode,
  });
}
