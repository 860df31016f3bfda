/** The audit trail for planners and administrators: filtered, newest first, paged. */
import type { Db } from '../../db/client.js';
import { listAudit, type AuditFilter, type AuditRow } from '../../db/queries/audit-trail.js';
import { authorize, type Principal } from '../../domain/policy.js';

export interface AuditEntryView {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  ip: string;
  action: string;
  category: string;
  entityType: string;
  entityId: string;
  subject: string;
  before: unknown;
  after: unknown;
  hash: string;
}

export const presentAuditRow = (r: AuditRow): AuditEntryView => ({
  seq: Number(r.seq),
  at: r.at.toISOString(),
  actorId: r.actorId,
  actorName: r.actorName,
  ip: r.ip,
  action: r.action,
  category: r.category,
  entityType: r.entityType,
  entityId: r.entityId,
  subject: r.subject,
  before: r.before ?? null,
  after: r.after ?? null,
  hash: r.hash,
});

export async function listAuditTrail(
  db: Db,
  organizationId: string,
  principal: Principal | null,
  filter: AuditFilter,
  page: { limit: number; offset: number },
) {
  if (principal) authorize(principal, 'audit.read');
  const { rows, total } = await listAudit(db, organizationId, filter, page.limit, page.offset);
  return { total, limit: page.limit, offset: page.offset, entries: rows.map(presentAuditRow) };
}
