/**
 * The year's evaluation scheme (평가체계): shown with every setting's Korean label, value, default
 * and basis; changed by the planner (validated, stored as the partial settings given, audited,
 * optimistic version of the plan row). A closed year's scheme does not change.
 */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { updatePlanGuarded, type EvaluationPlanRow } from '../../db/queries/evaluation.js';
import { describeScheme, resolveScheme, schemeOverrides } from '../../domain/evaluation/scheme.js';
import {
  authorizeCaller,
  lockOpenPlan,
  organizationOf,
  requireEvaluationPlan,
  staleVersion,
  type EvaluationCaller,
} from './context.js';
import { resolveUserScheme } from './what-if.js';

function present(plan: EvaluationPlanRow) {
  const scheme = resolveScheme(plan.evaluationScheme);
  return {
    year: plan.year,
    planStatus: plan.status,
    /** The plan row's version: send it back with a change. */
    version: plan.version,
    /** The settings as stored (only those the planner set). */
    stored: plan.evaluationScheme,
    /** Settings that differ from the defaults. */
    overrides: schemeOverrides(scheme),
    scheme,
    settings: describeScheme(scheme),
    editable: plan.status !== 'closed',
  };
}

export type SchemeView = ReturnType<typeof present>;

export async function getSchemeSettings(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; org?: string },
): Promise<SchemeView> {
  authorizeCaller(caller, 'plan.read');
  const org = await organizationOf(db, caller, input.org);
  return present(await requireEvaluationPlan(db, org, input.year));
}

export async function updateSchemeSettings(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; scheme: unknown; version: number; org?: string },
): Promise<SchemeView> {
  authorizeCaller(caller, 'plan.edit');
  resolveUserScheme(input.scheme); // 400 with every invalid setting, before anything is locked
  const stored = input.scheme as Record<string, unknown>;
  const org = await organizationOf(db, caller, input.org);
  return db.transaction(async (tx) => {
    const plan = await lockOpenPlan(tx, org, input.year, 'update');
    if (plan.version !== input.version) throw staleVersion(`${plan.year}년 평가체계`, present(plan));
    const updated = await updatePlanGuarded(tx, plan, input.version, { evaluationScheme: stored });
    if (!updated) throw staleVersion(`${plan.year}년 평가체계`, present(plan));
    await appendAudit(tx, org, caller.actor, {
      action: 'evaluation.scheme',
      entityType: 'plan',
      entityId: plan.id,
      subject: String(plan.year),
      before: { evaluationScheme: plan.evaluationScheme, version: plan.version },
      after: { evaluationScheme: stored, version: updated.version },
    });
    return present(updated);
  });
}
