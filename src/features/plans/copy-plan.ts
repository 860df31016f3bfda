/** Rolls a plan over to a new year: the hierarchy, indicators and tasks, without results or evaluation inputs. */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { findPlan, insertPlanDocument, readPlanDocument } from '../../db/queries/plan-document.js';
import { conflict } from '../../domain/errors.js';
import { rollOverPlan } from '../../domain/plan-rollover.js';
import { requirePlan, resolveOrganization, type AuditActor } from './context.js';

export async function copyPlan(db: Db, from: number, to: number, actor: AuditActor, orgCode?: string) {
  const org = await resolveOrganization(db, orgCode);
  const source = await requirePlan(db, org.id, from);
  return db.transaction(async (tx) => {
    if (await findPlan(tx, org.id, to)) throw conflict(`${to}년 시행계획이 이미 있습니다.`, 'plan_exists');
    const doc = rollOverPlan(await readPlanDocument(tx, source), to);
    const ref = await insertPlanDocument(tx, org.id, doc);
    await appendAudit(tx, org.id, actor, {
      action: 'plan.copy',
      entityType: 'plan',
      entityId: ref.planId,
      subject: String(to),
      after: { from, to, indicators: doc.indicators.length, tasks: doc.tasks.length },
    });
    return { year: to, planId: ref.planId, indicators: doc.indicators.length, tasks: doc.tasks.length };
  });
}
