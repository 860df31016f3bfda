import type { Db } from '../../db/client.js';
import { readPlanDocument } from '../../db/queries/plan-document.js';
import type { PlanDocument } from '../../contracts/interchange.js';
import { requirePlan, resolveOrganization } from './context.js';

/** The plan of a year as an interchange document. */
export async function exportPlan(db: Db, year: number, orgCode?: string): Promise<PlanDocument> {
  const org = await resolveOrganization(db, orgCode);
  const plan = await requirePlan(db, org.id, year);
  return readPlanDocument(db, plan);
}
