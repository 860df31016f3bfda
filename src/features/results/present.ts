/** How results, events, evidence and cases are shown (API and CLI): rows are never sent raw. */
import type { EvidenceRowDb, IndicatorInfo, PenaltyCaseRowDb, ResultRowDb } from '../../db/queries/results.js';
import { toSeoulIso } from '../../domain/dates.js';
import { STATUS_LABEL, type ResultStatus } from '../../domain/results/workflow.js';
import { PENALTY_LABEL } from '../../domain/results/cases.js';
import type { Departments } from './context.js';

const iso = (d: Date | null) => (d ? toSeoulIso(d) : null);

export interface ResultView {
  id: string;
  indicator: {
    id: string;
    code: string;
    name: string;
    kind: string;
    unit: string;
    measurement: string;
    frequency: string;
  };
  department: { id: string; name: string };
  period: string;
  actual: number | null;
  milestonesDone: string[];
  comment: string;
  status: ResultStatus;
  statusLabel: string;
  firstSubmittedAt: string | null;
  submittedBy: string | null;
  approvedBy: string | null;
  verifiedBy: string | null;
  declaredEvidence: number;
  illustrative: boolean;
  version: number;
  updatedAt: string;
}

export function presentResult(
  r: ResultRowDb,
  ind: Pick<IndicatorInfo, 'id' | 'code' | 'name' | 'kind' | 'unit' | 'measurement' | 'frequency'>,
  depts: Departments,
): ResultView {
  return {
    id: r.id,
    indicator: {
      id: ind.id,
      code: ind.code,
      name: ind.name,
      kind: ind.kind,
      unit: ind.unit,
      measurement: ind.measurement,
      frequency: ind.frequency,
    },
    department: { id: r.departmentId, name: depts.name(r.departmentId) },
    period: r.period,
    actual: r.actual,
    milestonesDone: r.milestonesDone,
    comment: r.comment,
    status: r.status,
    statusLabel: STATUS_LABEL[r.status],
    firstSubmittedAt: iso(r.firstSubmittedAt),
    submittedBy: r.submittedBy,
    approvedBy: r.approvedBy,
    verifiedBy: r.verifiedBy,
    declaredEvidence: r.declaredEvidence,
    illustrative: r.illustrative,
    version: r.version,
    updatedAt: toSeoulIso(r.updatedAt),
  };
}

export interface EvidenceView {
  id: string;
  resultId: string;
  fileName: string;
  size: number;
  mediaType: string;
  contentHash: string;
  uploadedBy: string | null;
  uploadedAt: string;
  downloadUrl: string;
}

export function presentEvidence(e: EvidenceRowDb): EvidenceView {
  return {
    id: e.id,
    resultId: e.resultId,
    fileName: e.fileName,
    size: e.size,
    mediaType: e.mediaType,
    contentHash: e.contentHash,
    uploadedBy: e.uploadedBy,
    uploadedAt: toSeoulIso(e.uploadedAt),
    downloadUrl: `/api/v1/evidence/${e.id}/download`,
  };
}

export interface PenaltyCaseView {
  id: string;
  kind: 'late_entry' | 'missing_evidence';
  kindLabel: string;
  department: { id: string; name: string };
  indicatorId: string | null;
  resultId: string | null;
  period: string;
  detail: string;
  detectedAt: string;
  waived: boolean;
  waivedReason: string;
  waivedBy: string | null;
  illustrative: boolean;
}

export function presentCase(c: PenaltyCaseRowDb, depts: Departments): PenaltyCaseView {
  return {
    id: c.id,
    kind: c.kind,
    kindLabel: PENALTY_LABEL[c.kind],
    department: { id: c.departmentId, name: depts.name(c.departmentId) },
    indicatorId: c.indicatorId,
    resultId: c.resultId,
    period: c.period,
    detail: c.detail,
    detectedAt: toSeoulIso(c.detectedAt),
    waived: c.waived,
    waivedReason: c.waivedReason,
    waivedBy: c.waivedBy,
    illustrative: c.illustrative,
  };
}

export interface TimelineEntry {
  at: string;
  actor: { id: string | null; name: string };
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string;
  before: Record<string, unknown> | null;
}

export function presentEvent(e: {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string;
  before: Record<string, unknown> | null;
}): TimelineEntry {
  return {
    at: toSeoulIso(e.at),
    actor: { id: e.actorId, name: e.actorName ?? (e.actorId ? '' : '시스템') },
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    reason: e.reason,
    before: e.before,
  };
}
