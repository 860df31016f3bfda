/**
 * Where a year's evaluation comes from: the database as it is now, or — for a closed year — the
 * frozen snapshot (its stored evaluation, or its stored input document for any other view such as
 * provisional scores or a what-if), so that later edits never change what a closed year shows.
 */
import type { Db } from '../../db/client.js';
import { findStandingSnapshot, type EvaluationPlanRow, type SnapshotRow } from '../../db/queries/evaluation.js';
import { readPlanDocument } from '../../db/queries/plan-document.js';
import type { PlanDocument } from '../../contracts/interchange.js';
import { validationError } from '../../domain/errors.js';
import { parsePeriod, type EvaluationMode } from '../../domain/achievement.js';
import { toSeoulIso } from '../../domain/dates.js';
import { callerCan, requireEvaluationPlan, type EvaluationCaller } from './context.js';
import type { PresentedEvaluation } from './present.js';

export interface EvaluationSource {
  plan: EvaluationPlanRow;
  /** The document evaluated: the snapshot's input for a closed year, else the database now. */
  doc: PlanDocument;
  snapshot: SnapshotRow | null;
}

export async function loadEvaluationSource(db: Db, organizationId: string, year: number): Promise<EvaluationSource> {
  const plan = await requireEvaluationPlan(db, organizationId, year);
  const snapshot =
    plan.status === 'closed' ? ((await findStandingSnapshot(db, organizationId, plan.id)) ?? null) : null;
  const doc = snapshot
    ? (snapshot.input as unknown as PlanDocument)
    : await readPlanDocument(db, {
        organizationId,
        planId: plan.id,
        year: plan.year,
        status: plan.status,
        version: plan.version,
      });
  return { plan, doc, snapshot };
}

export interface SourceInfo {
  /** snapshot: the stored evaluation; snapshot_input: computed from the snapshot's input; live: from the database now. */
  kind: 'snapshot' | 'snapshot_input' | 'live';
  snapshotId: string | null;
  closedAt: string | null;
  closedBy: string | null;
  planStatus: EvaluationPlanRow['status'];
  ratingClosed: boolean;
  note: string;
}

export function sourceInfo(src: EvaluationSource, usedStoredEvaluation: boolean): SourceInfo {
  const s = src.snapshot;
  const base = {
    snapshotId: s?.id ?? null,
    closedAt: s ? toSeoulIso(s.createdAt) : null,
    closedBy: s?.createdBy ?? null,
    planStatus: src.plan.status,
    ratingClosed: src.plan.ratingClosedAt !== null,
  };
  if (s && usedStoredEvaluation)
    return {
      kind: 'snapshot',
      ...base,
      note: '평가 마감 때 저장한 결과입니다 (이후 실적·평가자료가 바뀌어도 달라지지 않음).',
    };
  if (s) return { kind: 'snapshot_input', ...base, note: '평가 마감 때 저장한 자료로 계산했습니다.' };
  if (src.plan.status === 'closed')
    return { kind: 'live', ...base, note: '마감된 연도이지만 저장된 평가 스냅숏이 없어 현재 자료로 계산했습니다.' };
  return {
    kind: 'live',
    ...base,
    note: base.ratingClosed
      ? '현재 자료로 계산한 결과입니다 (평가 마감 전이므로 바뀔 수 있음).'
      : '현재 자료로 계산한 결과입니다 (지표 성격 평가가 아직 마감되지 않았고, 평가 마감 전이므로 바뀔 수 있음).',
  };
}

export interface ModeInput {
  mode?: EvaluationMode;
  asOf?: string | null;
}

/** mode and asOf checked together: a reference period only for provisional scores, of the plan's year. */
export function evaluationOptions(input: ModeInput, year: number): { mode: EvaluationMode; asOfPeriod: string | null } {
  const mode = input.mode ?? 'final';
  const asOf = input.asOf?.trim() || null;
  if (asOf) {
    if (mode !== 'provisional')
      throw validationError('기준 기간(asOf)은 잠정평가(mode=provisional)에서만 지정할 수 있습니다.', [
        { path: 'asOf', message: '잠정평가에서만 쓸 수 있습니다', code: 'asof_needs_provisional' },
      ]);
    const p = parsePeriod(asOf);
    if (!p)
      throw validationError('기준 기간(asOf)이 올바르지 않습니다.', [
        { path: 'asOf', message: '기간은 2020, 2020-H1, 2020-Q3, 2020-M07 형식이어야 합니다', code: 'invalid_period' },
      ]);
    if (p.year !== year)
      throw validationError(`기준 기간(asOf)은 ${year}년의 기간이어야 합니다.`, [
        { path: 'asOf', message: `${year}년의 기간이 아닙니다: ${asOf}`, code: 'period_out_of_year' },
      ]);
  }
  return { mode, asOfPeriod: asOf };
}

/** Whether a request can be answered by the snapshot's stored evaluation (the final one, as frozen). */
export const usesStoredEvaluation = (
  src: EvaluationSource,
  opts: { mode: EvaluationMode; asOfPeriod: string | null },
) => src.snapshot !== null && opts.mode === 'final' && opts.asOfPeriod === null;

export const storedEvaluation = (src: EvaluationSource) => src.snapshot!.evaluation as unknown as PresentedEvaluation;

/**
 * Whether the caller sees who gave which quality score: the planner (and the command line) always;
 * raters, the committee and the executive once rating is closed; the evaluated departments and other
 * readers never (they see the scores under "평가위원 1, 2 …").
 */
export function seesRaterNames(
  caller: EvaluationCaller,
  plan: Pick<EvaluationPlanRow, 'status' | 'ratingClosedAt'>,
): boolean {
  if (callerCan(caller, 'rating.manage')) return true;
  return callerCan(caller, 'rating.read') && (plan.ratingClosedAt !== null || plan.status === 'closed');
}
