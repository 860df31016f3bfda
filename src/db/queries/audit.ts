import crypto from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { auditLog } from '../schema.js';
import { auditHashInput, GENESIS_HASH, type AuditRowContent } from '../../domain/audit-chain.js';

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export interface AuditActor {
  id: string | null;
  name: string;
  ip: string;
}

export interface AuditEntry {
  action: string;
  category?: 'change' | 'access' | 'rights';
  entityType?: string;
  entityId?: string;
  subject?: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one audit row, chained to the previous one. Call it inside the transaction of the
 * change it records. An advisory lock serialises writers of one organization's chain.
 */
export async function appendAudit(tx: Db, organizationId: string, actor: AuditActor, entry: AuditEntry): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'audit:' + organizationId}))`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(eq(auditLog.organizationId, organizationId))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const content: AuditRowContent = {
    organizationId,
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorId: actor.id,
    actorName: actor.name,
    ip: actor.ip,
    action: entry.action,
    category: entry.category ?? 'change',
    entityType: entry.entityType ?? '',
    entityId: entry.entityId ?? '',
    subject: entry.subject ?? '',
    before: entry.before ?? null,
    after: entry.after ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({ ...content, hash: sha256(auditHashInput(content)) });
  return content.seq;
}

export async function readAuditChain(db: Db, organizationId: string) {
  return db.select().from(auditLog).where(eq(auditLog.organizationId, organizationId)).orderBy(asc(auditLog.seq));
}

export async function countAudit(db: Db, organizationId: string, action?: string): Promise<number> {
  const where = action
    ? and(eq(auditLog.organizationId, organizationId), eq(auditLog.action, action))
    : eq(auditLog.organizationId, organizationId);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return row?.n ?? 0;
}
