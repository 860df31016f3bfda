/** The plan workbook as a download: the (seeded) template, or a year's plan filled in. */
import type { Db } from '../../db/client.js';
import { findPlan, listOrganizations, listPlanYears, readPlanDocument } from '../../db/queries/plan-document.js';
import { notFound } from '../../domain/errors.js';
import { loadPlanYear, type OrgRef } from '../documents/load.js';
import { resolveOrganization } from '../plans/context.js';
import { planWorkbookBuffer, type PlanWorkbookContent } from './write-plan-workbook.js';

export interface TemplateOptions extends OrgRef {
  year?: number;
}

/**
 * The empty template. With a year (and a database holding the organization), it is seeded with what
 * a new year usually keeps: the organization, its departments, the vision and the organization's
 * strategic and performance goals, taken from that year's plan or the latest plan before it.
 */
export async function planTemplate(
  db: Db | null,
  opts: TemplateOptions = {},
): Promise<{ buffer: Buffer; seededFrom: number | null }> {
  const year = opts.year ?? new Date().getFullYear();
  const content: PlanWorkbookContent = { plan: { year, title: `${year}년 성과관리(BSC) 시행계획` } };
  let seededFrom: number | null = null;
  if (db && (opts.organizationId || opts.orgCode || (await listOrganizations(db)).length === 1)) {
    const organizationId = opts.organizationId ?? (await resolveOrganization(db, opts.orgCode)).id;
    const years = (await listPlanYears(db, organizationId)).map((p) => p.year).filter((y) => y <= year);
    const from = years.length ? Math.max(...years) : null;
    if (from !== null) {
      const ref = await findPlan(db, organizationId, from);
      if (!ref) throw notFound(`${from}년 시행계획`, 'plan_not_found');
      const doc = await readPlanDocument(db, ref);
      Object.assign(content, {
        organization: doc.organization,
        visionPillars: doc.visionPillars,
        departments: doc.departments,
        orgStrategicGoals: doc.orgStrategicGoals,
        orgPerformanceGoals: doc.orgPerformanceGoals,
      });
      content.plan = { ...content.plan, visionName: doc.plan.visionName, visionSlogan: doc.plan.visionSlogan };
      seededFrom = from;
    }
  }
  return { buffer: await planWorkbookBuffer(content, { filled: false }), seededFrom };
}

/** A year's plan in the template's layout: edit and import it back (`bsc excel import --replace`). */
export async function exportPlanWorkbook(db: Db, year: number, org: OrgRef = {}) {
  const { doc } = await loadPlanYear(db, year, org);
  return { document: doc, buffer: await planWorkbookBuffer(doc, { filled: true }) };
}
