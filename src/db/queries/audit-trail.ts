/** SQL of the audit trail's reading side: listing with filters, the purge anchor, the retention purge. */
import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { auditAnchors, auditLog } from '../schema.js';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  from?: Date;
  to?: Date;
  /** Exact action, or a prefix ending in "." ("auth."). */
  action?: string;
  category?: 'change' | 'access' | 'rights';
  actor?: string;
  entityType?: string;
  entityId?: string;
  subject?: string;
  ip?: string;
}

function conditions(organizationId: string, f: AuditFilter): SQL[] {
  const w: SQL[] = [eq(auditLog.organizationId, organizationId)];
  if (f.from) w.push(gte(auditLog.at, f.from));
  if (f.to) w.push(lte(auditLog.at, f.to));
  if (f.action)
    w.push(
      f.action.endsWith('.')
        ? sql`${auditLog.action} like ${f.action.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`
        : eq(auditLog.action, f.action),
    );
  if (f.category) w.push(eq(auditLog.category, f.category));
  if (f.actor) w.push(eq(auditLog.actorName, f.actor));
  if (f.entityType) w.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) w.push(eq(auditLog.entityId, f.entityId));
  if (f.subject) w.push(eq(auditLog.subject, f.subject));
  if (f.ip) w.push(eq(auditLog.ip, f.ip));
  return w;
}

/** Newest first. */
export async function listAudit(db: Db, organizationId: string, f: AuditFilter, limit: number, offset: number) {
  const where = and(...conditions(organizationId, f));
  const [rows, [count]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(limit).offset(offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function latestAnchor(db: Db, organizationId: string) {
  const [row] = await db
    .select()
    .from(auditAnchors)
    .where(eq(auditAnchors.organizationId, organizationId))
    .orderBy(desc(auditAnchors.firstSeq))
    .limit(1);
  return row;
}

export async function readChainFrom(db: Db, organizationId: string) {
  return db.select().from(auditLog).where(eq(auditLog.organizationId, organizationId)).orderBy(asc(auditLog.seq));
}

/** Organizations that have audit rows (verify walks each chain). */
export async function auditOrganizations(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ id: auditLog.organizationId }).from(auditLog);
  return rows.map((r) => r.id);
}

/**
 * The largest seq N such that every row with seq ≤ N is older than its category's cut-off
 * (only a prefix of the chain can go: the rest must still link).
 */
export async function purgeableThrough(
  db: Db,
  organizationId: string,
  cutoffs: { access: Date; other: Date },
): Promise<number> {
  const [row] = await db
    .select({
      n: sql<number>`coalesce(min(${auditLog.seq}), 0)::bigint`,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.organizationId, organizationId),
        sql`(case when ${auditLog.category} = 'access' then ${auditLog.at} >= ${cutoffs.access.toISOString()}::timestamptz else ${auditLog.at} >= ${cutoffs.other.toISOString()}::timestamptz end)`,
      ),
    );
  // The first row still to keep; everything before it may go.
  const firstKept = Number(row?.n ?? 0);
  if (firstKept === 0) {
    // Nothing is young enough to keep: keep the newest row anyway so the chain goes on from it.
    const [last] = await db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(eq(auditLog.organizationId, organizationId))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    return last ? Number(last.seq) - 1 : 0;
  }
  return firstKept - 1;
}

export async function chainRow(db: Db, organizationId: string, seq: number) {
  const [row] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.seq, seq)));
  return row;
}

/** Deletes rows seq ≤ through, in the caller's transaction, with the trigger's permission. */
export async function deleteAuditPrefix(tx: Db, organizationId: string, through: number): Promise<number> {
  await tx.execute(sql`select set_config('bsc.audit_purge', 'on', true)`);
  const rows = await tx
    .delete(auditLog)
    .where(and(eq(auditLog.organizationId, organizationId), lte(auditLog.seq, through)))
    .returning({ seq: auditLog.seq });
  await tx.execute(sql`select set_config('bsc.audit_purge', 'off', true)`);
  return rows.length;
}

export async function insertAnchor(tx: Db, row: typeof auditAnchors.$inferInsert) {
  await tx.insert(auditAnchors).values(row);
}
