/**
 * Imports a plan document (interchange JSON): validated first (schema, then references), then
 * written in one transaction with its audit row. All or nothing.
 */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { deletePlan, findPlan, insertPlanDocument, upsertOrganization } from '../../db/queries/plan-document.js';
import { planDocumentSchema, type PlanDocument } from '../../contracts/interchange.js';
import { zodProblems } from '../../contracts/zod-ko.js';
import { conflict, validationError } from '../../domain/errors.js';
import { findIntegrityProblems } from '../../domain/plan-integrity.js';
import type { AuditActor } from './context.js';

/** Parses and checks a document; throws a validation error listing every problem by path. */
export function validatePlanDocument(input: unknown): PlanDocument {
  const parsed = planDocumentSchema.safeParse(input);
  if (!parsed.success) {
    throw validationError('계획 파일이 형식에 맞지 않습니다. 아래 문제를 고친 뒤 다시 가져오세요.', zodProblems(parsed.error));
  }
  const problems = findIntegrityProblems(parsed.data);
  if (problems.length) throw validationError('계획 파일의 참조가 맞지 않습니다. 아래 문제를 고친 뒤 다시 가져오세요.', problems);
  return parsed.data;
}

export interface ImportOptions {
  /** Replace an existing plan of the same year (it is deleted with its results). */
  replace?: boolean;
}

export async function importPlan(db: Db, input: unknown, actor: AuditActor, opts: ImportOptions = {}) {
  const doc = validatePlanDocument(input);
  return db.transaction(async (tx) => {
    const organizationId = await upsertOrganization(tx, doc.organization);
    const existing = await findPlan(tx, organizationId, doc.plan.year);
    if (existing) {
      if (!opts.replace)
        throw conflict(
          `${doc.plan.year}년 시행계획이 이미 있습니다. 바꾸려면 --replace 를 지정하세요.`,
          'plan_exists',
        );
      if (existing.status === 'closed')
        throw conflict(`${doc.plan.year}년은 평가가 마감되어 바꿀 수 없습니다.`, 'plan_closed');
      await deletePlan(tx, existing);
    }
    const ref = await insertPlanDocument(tx, organizationId, doc);
    const counts = {
      departments: doc.departments.length,
      deptStrategicGoals: doc.deptStrategicGoals.length,
      indicators: doc.indicators.length,
      tasks: doc.tasks.length,
      results: doc.results.length,
    };
    await appendAudit(tx, organizationId, actor, {
      action: existing ? 'plan.replace' : 'plan.import',
      entityType: 'plan',
      entityId: ref.planId,
      subject: String(doc.plan.year),
      before: existing ? { planId: existing.planId, year: existing.year } : null,
      after: { year: doc.plan.year, title: doc.plan.title, counts },
    });
    return { organizationId, planId: ref.planId, year: doc.plan.year, replaced: !!existing, counts };
  });
}
