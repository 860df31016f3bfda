/**
 * One workflow step of a result (submit, approve, verify, return), as a guarded update:
 * `UPDATE results … WHERE id = $1 AND status = $from` — of simultaneous identical requests exactly
 * one changes the row; the others get 409 with the current value. The first submission after the
 * period's deadline records a late-entry case in the same transaction.
 */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { insertPenaltyCase, insertResultEvent, lockPlanCases, transitionResult } from '../../db/queries/results.js';
import { validationError } from '../../domain/errors.js';
import type { Action } from '../../domain/policy.js';
import { periodDeadline } from '../../domain/results/calendar.js';
import { lateEntry } from '../../domain/results/cases.js';
import {
  ACTION_LABEL,
  EVENT_OF_ACTION,
  REASON_MAX,
  plainText,
  submitProblems,
  transition,
  type WorkflowAction,
} from '../../domain/results/workflow.js';
import { authorizeCaller, planCalendar, type ResultsCaller } from './context.js';
import { loadResult, resultResource, staleConflict } from './load.js';
import { presentResult, type ResultView } from './present.js';

const POLICY_ACTION: Record<WorkflowAction, Action> = {
  submit: 'result.submit',
  approve: 'result.approve',
  verify: 'result.verify',
  return: 'result.return',
};

export interface TransitionInput {
  /** The version the user saw; when given, a changed result is refused (409). */
  version?: number;
  /** Required for a return (반려 사유). */
  reason?: string;
}

export interface TransitionOutput {
  result: ResultView;
  lateEntryCase: { id: string; detail: string } | null;
}

export async function transitionResultUseCase(
  db: Db,
  caller: ResultsCaller,
  id: string,
  action: WorkflowAction,
  input: TransitionInput = {},
  now = new Date(),
): Promise<TransitionOutput> {
  const l = await loadResult(db, caller, id);
  const { row, indicator, depts, plan, organizationId: org } = l;
  const policyAction = POLICY_ACTION[action];
  authorizeCaller(caller, policyAction, { ...resultResource(row, plan), status: undefined });
  const t = transition(action, row.status);
  if (!t.ok) return staleConflict(db, l, 'invalid_transition', t.message);
  if (input.version !== undefined && input.version !== row.version)
    return staleConflict(db, l, 'stale_version', '다른 사람이 먼저 이 실적을 바꾸었습니다. 현재 값을 확인하세요.');
  authorizeCaller(caller, policyAction, resultResource(row, plan));

  let reason = '';
  if (action === 'return' || input.reason !== undefined) {
    const r = plainText(input.reason ?? '', 'reason', {
      max: REASON_MAX,
      required: action === 'return',
      label: '반려 사유',
    });
    if (!r.ok) throw validationError(`${ACTION_LABEL[action]}할 수 없습니다: ${r.problem.message}`, [r.problem]);
    reason = r.text;
  }
  if (action === 'submit') {
    const problems = submitProblems(indicator, row);
    if (problems.length) throw validationError('제출할 수 없습니다. 표시된 항목을 채우세요.', problems);
  }

  const userId = caller.principal?.id ?? null;
  const set =
    action === 'submit'
      ? { submittedBy: userId, firstSubmittedAt: now }
      : action === 'approve'
        ? { approvedBy: userId }
        : action === 'verify'
          ? { verifiedBy: userId }
          : { approvedBy: null, verifiedBy: null };

  return db.transaction(async (tx) => {
    const updated = await transitionResult(tx, org, row.id, {
      from: t.from,
      to: t.to,
      expectedVersion: input.version,
      set,
    });
    if (!updated)
      return staleConflict(
        tx,
        l,
        'result_state_changed',
        '다른 사람이 먼저 이 실적을 처리했습니다. 현재 상태를 확인하세요.',
      );

    let lateEntryCase: TransitionOutput['lateEntryCase'] = null;
    if (action === 'submit' && row.firstSubmittedAt === null && updated.firstSubmittedAt) {
      const late = lateEntry(updated.firstSubmittedAt, periodDeadline(row.period, planCalendar(plan)));
      if (late) {
        await lockPlanCases(tx, plan.id);
        const c = await insertPenaltyCase(tx, {
          organizationId: org,
          planId: plan.id,
          departmentId: row.departmentId,
          indicatorId: row.indicatorId,
          resultId: row.id,
          kind: 'late_entry',
          period: row.period,
          detail: late.detail,
          detectedAt: now,
        });
        lateEntryCase = { id: c.id, detail: c.detail };
      }
    }
    await insertResultEvent(tx, {
      organizationId: org,
      resultId: row.id,
      actorId: userId,
      action: EVENT_OF_ACTION[action],
      fromStatus: t.from,
      toStatus: t.to,
      reason,
      at: now,
    });
    await appendAudit(tx, org, caller.actor, {
      action: `result.${action}`,
      entityType: 'result',
      entityId: row.id,
      subject: depts.name(row.departmentId),
      before: { status: t.from, version: row.version },
      after: {
        status: t.to,
        version: updated.version,
        ...(reason ? { reason } : {}),
        ...(lateEntryCase ? { lateEntryCase: lateEntryCase.id } : {}),
      },
    });
    return { result: presentResult(updated, indicator, depts), lateEntryCase };
  });
}

export const submitResult = (db: Db, caller: ResultsCaller, id: string, input?: TransitionInput, now?: Date) =>
  transitionResultUseCase(db, caller, id, 'submit', input, now);
export const approveResult = (db: Db, caller: ResultsCaller, id: string, input?: TransitionInput, now?: Date) =>
  transitionResultUseCase(db, caller, id, 'approve', input, now);
export const verifyResult = (db: Db, caller: ResultsCaller, id: string, input?: TransitionInput, now?: Date) =>
  transitionResultUseCase(db, caller, id, 'verify', input, now);
export const returnResult = (db: Db, caller: ResultsCaller, id: string, input: TransitionInput, now?: Date) =>
  transitionResultUseCase(db, caller, id, 'return', input, now);
