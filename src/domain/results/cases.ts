/**
 * 감점 사례 — penalty cases recorded as facts (the evaluation counts them, −0.5 each by default):
 * - late entry (실적 입력시기 미준수): a result first submitted after its period's input deadline;
 * - missing evidence (증빙자료 미제출): a result without evidence at the yearly cut-off.
 * A returned and re-submitted result is not late again: only the first submission counts.
 * Pure: the detection rules. Writing the cases is features/results.
 */
import { toSeoulIso } from '../dates.js';
import type { Deadline } from './calendar.js';
import type { ResultStatus } from './workflow.js';

export type PenaltyKind = 'late_entry' | 'missing_evidence';

export const PENALTY_LABEL: Record<PenaltyKind, string> = {
  late_entry: '실적 입력시기 미준수',
  missing_evidence: '증빙자료 미제출',
};

/** A late-entry case when a result is first submitted after the deadline (null otherwise). */
export function lateEntry(firstSubmittedAt: Date, deadline: Deadline): { detail: string } | null {
  if (firstSubmittedAt.getTime() <= deadline.at.getTime()) return null;
  return {
    detail: `${deadline.period} 실적 입력기한 ${deadline.date} 이후 최초 제출 (${toSeoulIso(firstSubmittedAt).slice(0, 16).replace('T', ' ')})`,
  };
}

export interface EvidenceCheckRow {
  id: string;
  status: ResultStatus;
  firstSubmittedAt: Date | null;
  /** Uploaded files plus files an import declared. */
  evidenceCount: number;
}

/**
 * The results that make a missing-evidence case at the cut-off: every result that has been
 * submitted at least once (whatever its status now) and has no evidence. Before the cut-off: none.
 */
export function missingEvidence<R extends EvidenceCheckRow>(rows: readonly R[], cutoffAt: Date, now: Date): R[] {
  if (now.getTime() <= cutoffAt.getTime()) return [];
  return rows.filter((r) => (r.status !== 'draft' || r.firstSubmittedAt !== null) && r.evidenceCount === 0);
}

export function missingEvidenceDetail(period: string, cutoffDate: string): string {
  return `${period} 실적: 마감일(${cutoffDate})까지 증빙자료가 없습니다`;
}
