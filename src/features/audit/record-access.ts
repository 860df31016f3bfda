/**
 * Access records (접속기록) for reads that matter — an evidence download, an export of personal
 * data: who, when, from where, what, whose data. Reads change nothing, so the record is its own
 * short transaction, written before the content is sent.
 */
import type { Db } from '../../db/client.js';
import { appendAudit, type AuditActor } from '../../db/queries/audit.js';

export interface AccessRecord {
  /** e.g. "evidence.download" */
  action: string;
  entityType: string;
  entityId: string;
  /** Whose data (department name …). */
  subject?: string;
  detail?: Record<string, unknown>;
}

export async function recordAccess(
  db: Db,
  organizationId: string,
  actor: AuditActor,
  r: AccessRecord,
): Promise<number> {
  return db.transaction((tx) =>
    appendAudit(tx, organizationId, actor, {
      action: r.action,
      category: 'access',
      entityType: r.entityType,
      entityId: r.entityId,
      subject: r.subject ?? '',
      after: r.detail ?? null,
    }),
  );
}
