/**
 * `bsc audit verify`: walks each organization's chain from its anchor (genesis, or where the last
 * retention purge left it) and reports every changed, removed or inserted row.
 */
import type { Db } from '../../db/client.js';
import { sha256 } from '../../db/queries/audit.js';
import { auditOrganizations, latestAnchor, readChainFrom } from '../../db/queries/audit-trail.js';
import { listOrganizations } from '../../db/queries/plan-document.js';
import { GENESIS_HASH, verifyAuditChain, type ChainProblem } from '../../domain/audit-chain.js';

export interface ChainReport {
  organizationId: string;
  organization: string;
  rows: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** The newest row's hash: record it elsewhere to detect a later truncation of the tail. */
  headHash: string | null;
  anchor: { firstSeq: number; prevHash: string; purgedAt: string } | null;
  problems: ChainProblem[];
}

export interface VerifyReport {
  ok: boolean;
  chains: ChainReport[];
}

export async function verifyAuditTrail(db: Db, organizationId?: string): Promise<VerifyReport> {
  const orgs = await listOrganizations(db);
  const names = new Map(orgs.map((o) => [o.id, o.code]));
  const ids = organizationId
    ? [organizationId]
    : [...new Set([...orgs.map((o) => o.id), ...(await auditOrganizations(db))])];
  const chains: ChainReport[] = [];
  for (const id of ids) {
    const anchor = await latestAnchor(db, id);
    const rows = await readChainFrom(db, id);
    const problems = verifyAuditChain(rows, sha256, anchor ? anchor.prevHash : GENESIS_HASH);
    const expectedFirst = anchor ? anchor.firstSeq : 1;
    const first = rows[0];
    if (first && Number(first.seq) !== expectedFirst)
      problems.unshift({
        seq: Number(first.seq),
        kind: 'gap',
        message: `기록이 ${expectedFirst}번부터 있어야 하는데 ${first.seq}번부터 있습니다: 앞의 ${Number(first.seq) - expectedFirst}건이 삭제되었습니다.`,
      });
    if (!first && anchor)
      problems.push({ seq: anchor.firstSeq, kind: 'gap', message: '보존 기한 삭제 뒤에 남아야 할 기록이 없습니다.' });
    const last = rows.at(-1);
    chains.push({
      organizationId: id,
      organization: names.get(id) ?? id,
      rows: rows.length,
      firstSeq: first ? Number(first.seq) : null,
      lastSeq: last ? Number(last.seq) : null,
      headHash: last?.hash ?? null,
      anchor: anchor
        ? { firstSeq: Number(anchor.firstSeq), prevHash: anchor.prevHash, purgedAt: anchor.purgedAt.toISOString() }
        : null,
      problems,
    });
  }
  return { ok: chains.every((c) => c.problems.length === 0), chains };
}
