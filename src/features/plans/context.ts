/** What every use case receives: the database and who acts (for the audit trail). */
import os from 'node:os';
import type { Db } from '../../db/client.js';
import type { AuditActor } from '../../db/queries/audit.js';
import { listOrganizations, findOrganizationByCode, findPlan, type PlanRef } from '../../db/queries/plan-document.js';
import { AppError, notFound } from '../../domain/errors.js';

export type { AuditActor };

export function cliActor(): AuditActor {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    /* no passwd entry */
  }
  return { id: null, name: `cli:${user}`, ip: 'local' };
}

export const systemActor = (what: string): AuditActor => ({ id: null, name: `system:${what}`, ip: 'local' });

/** The organization a command works on: by code, or the only one there is. */
export async function resolveOrganization(db: Db, code?: string): Promise<{ id: string; code: string; name: string }> {
  if (code) {
    const org = await findOrganizationByCode(db, code);
    if (!org) throw notFound(`기관 '${code}'`, 'organization_not_found');
    return org;
  }
  const orgs = await listOrganizations(db);
  if (orgs.length === 0) throw notFound('기관', 'organization_not_found');
  if (orgs.length > 1)
    throw new AppError(
      'validation',
      'organization_required',
      `기관이 여러 개입니다. --org 로 기관 코드를 지정하세요: ${orgs.map((o) => o.code).join(', ')}`,
    );
  return orgs[0]!;
}

export async function requirePlan(db: Db, organizationId: string, year: number): Promise<PlanRef> {
  const plan = await findPlan(db, organizationId, year);
  if (!plan) throw notFound(`${year}년 시행계획`, 'plan_not_found');
  return plan;
}
