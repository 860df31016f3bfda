/**
 * The audit trail's hash chain: each row's hash covers its content and the previous row's hash,
 * so a changed, removed or inserted row breaks the chain from that point on.
 */
import { canonicalJson } from './canonical-json.js';

export interface AuditRowContent {
  organizationId: string;
  seq: number;
  at: Date;
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
  prevHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The text that is hashed (sha256 hex) for a row. */
export function auditHashInput(row: AuditRowContent): string {
  return canonicalJson({
    organizationId: row.organizationId,
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    ip: row.ip,
    action: row.action,
    category: row.category,
    entityType: row.entityType,
    entityId: row.entityId,
    subject: row.subject,
    before: row.before ?? null,
    after: row.after ?? null,
    prevHash: row.prevHash,
  });
}

export interface ChainProblem {
  seq: number;
  kind: 'changed' | 'broken_link' | 'gap' | 'start';
  message: string;
}

/**
 * Verifies a chain given each row with its stored hash and a hash function.
 * `firstPrevHash` is the expected prevHash of the first row (GENESIS unless rows were purged by retention).
 */
export function verifyAuditChain(
  rows: (AuditRowContent & { hash: string })[],
  sha256: (s: string) => string,
  firstPrevHash?: string,
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev: (AuditRowContent & { hash: string }) | undefined;
  for (const row of rows) {
    if (!prev) {
      if (firstPrevHash !== undefined && row.prevHash !== firstPrevHash) {
        problems.push({ seq: row.seq, kind: 'start', message: `첫 기록(${row.seq})의 이전 해시가 기대값과 다릅니다.` });
      }
    } else {
      if (row.seq !== prev.seq + 1) {
        problems.push({
          seq: row.seq,
          kind: 'gap',
          message: `기록 ${prev.seq} 다음에 ${row.seq}가 옵니다: ${row.seq - prev.seq - 1}건이 삭제되었습니다.`,
        });
      }
      if (row.prevHash !== prev.hash) {
        problems.push({
          seq: row.seq,
          kind: 'broken_link',
          message: `기록 ${row.seq}의 이전 해시가 기록 ${prev.seq}의 해시와 다릅니다 (삽입 또는 변경).`,
        });
      }
    }
    if (sha256(auditHashInput(row)) !== row.hash) {
      problems.push({ seq: row.seq, kind: 'changed', message: `기록 ${row.seq}의 내용이 해시와 맞지 않습니다 (변경됨).` });
    }
    prev = row;
  }
  return problems;
}
