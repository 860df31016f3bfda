/**
 * Retention purge: deletes the oldest part of an organization's chain whose every row is past its
 * retention — access records after BSC_AUDIT_RETENTION_YEARS (≥ 2), rights and change records after
 * BSC_AUDIT_RIGHTS_RETENTION_YEARS (≥ 3). Only a prefix can go (the rest must still link), so an
 * old rights record keeps younger access records until it expires too: retention is a minimum.
 * The new starting point is stored as an anchor and the purge itself is appended to the chain,
 * so `bsc audit verify` still passes.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { appendAudit, type AuditActor } from '../../db/queries/audit.js';
import {
  chainRow,
  deleteAuditPrefix,
  insertAnchor,
  latestAnchor,
  purgeableThrough,
} from '../../db/queries/audit-trail.js';

export interface Retention {
  accessYears: number;
  rightsYears: number;
}

export const yearsBefore = (now: Date, years: number) => {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - Math.floor(years));
  d.setTime(d.getTime() - (years % 1) * 365.25 * 86_400_000);
  return d;
};

export interface PurgeResult {
  purged: number;
  firstSeq: number | null;
  cutoffs: { access: string; other: string };
}

export async function purgeAuditTrail(
  db: Db,
  organizationId: string,
  actor: AuditActor,
  retention: Retention,
  opts: { now?: Date; dryRun?: boolean } = {},
): Promise<PurgeResult> {
  const now = opts.now ?? new Date();
  const cutoffs = {
    access: yearsBefore(now, Math.max(2, retention.accessYears)),
    other: yearsBefore(now, Math.max(3, retention.rightsYears)),
  };
  const iso = { access: cutoffs.access.toISOString(), other: cutoffs.other.toISOString() };
  if (opts.dryRun) {
    const through = await purgeableThrough(db, organizationId, cutoffs);
    const anchor = await latestAnchor(db, organizationId);
    const from = anchor ? Number(anchor.firstSeq) : 1;
    return { purged: Math.max(0, through - from + 1), firstSeq: through + 1, cutoffs: iso };
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'audit:' + organizationId}))`);
    const through = await purgeableThrough(tx, organizationId, cutoffs);
    const last = through > 0 ? await chainRow(tx, organizationId, through) : undefined;
    if (!last) return { purged: 0, firstSeq: null, cutoffs: iso };
    const purged = await deleteAuditPrefix(tx, organizationId, through);
    await insertAnchor(tx, {
      organizationId,
      firstSeq: through + 1,
      prevHash: last.hash,
      purgedRows: purged,
      purgedBy: actor.name,
    });
    await appendAudit(tx, organizationId, actor, {
      action: 'audit.purge',
      category: 'rights',
      entityType: 'audit_log',
      after: { purged, through, firstSeq: through + 1, anchorHash: last.hash, cutoffs: iso },
    });
    return { purged, firstSeq: through + 1, cutoffs: iso };
  });
}
