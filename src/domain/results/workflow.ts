/**
 * 실적 처리 절차 — the workflow of a result: draft → submitted (staff) → approved (department head)
 * → verified (planner); a return, with a reason, goes back to draft: the head returns a submitted
 * result, the planner a submitted, approved or verified one (policy.ts decides who).
 * Only a draft is edited. Pure: the transition table, the checks of what a result must hold to be
 * submitted, and the plain-text rule for comments and reasons.
 */
import type { IndicatorRow } from '../../contracts/interchange.js';
import { milestoneCompletion } from '../achievement.js';
import type { ProblemDetail } from '../errors.js';

export type ResultStatus = 'draft' | 'submitted' | 'approved' | 'verified';
export type WorkflowAction = 'submit' | 'approve' | 'verify' | 'return';

export const RESULT_STATUSES: readonly ResultStatus[] = ['draft', 'submitted', 'approved', 'verified'];

export const STATUS_LABEL: Record<ResultStatus, string> = {
  draft: '작성중',
  submitted: '제출',
  approved: '승인',
  verified: '검증',
};

export const ACTION_LABEL: Record<WorkflowAction, string> = {
  submit: '제출',
  approve: '승인',
  verify: '검증',
  return: '반려',
};

export const TRANSITIONS: Record<WorkflowAction, { from: readonly ResultStatus[]; to: ResultStatus }> = {
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  verify: { from: ['approved'], to: 'verified' },
  return: { from: ['submitted', 'approved', 'verified'], to: 'draft' },
};

/** The event name a transition is recorded under in the timeline. */
export const EVENT_OF_ACTION: Record<WorkflowAction, 'submitted' | 'approved' | 'verified' | 'returned'> = {
  submit: 'submitted',
  approve: 'approved',
  verify: 'verified',
  return: 'returned',
};

export type TransitionOutcome = { ok: true; from: ResultStatus; to: ResultStatus } | { ok: false; message: string };

/** Whether `action` may be taken on a result in `status`, and where it leads. */
export function transition(action: WorkflowAction, status: ResultStatus): TransitionOutcome {
  const t = TRANSITIONS[action];
  if (t.from.includes(status)) return { ok: true, from: status, to: t.to };
  const allowed = t.from.map((s) => STATUS_LABEL[s]).join('·');
  return {
    ok: false,
    message: `'${STATUS_LABEL[status]}' 상태의 실적은 ${ACTION_LABEL[action]}할 수 없습니다 (${allowed} 상태에서만 가능합니다).`,
  };
}

/** Actions possible from a status (before permissions). */
export function actionsFrom(status: ResultStatus): WorkflowAction[] {
  return (Object.keys(TRANSITIONS) as WorkflowAction[]).filter((a) => TRANSITIONS[a].from.includes(status));
}

export const isEditable = (status: ResultStatus) => status === 'draft';

// ───────────────────────────── content ─────────────────────────────

export const COMMENT_MAX = 4000;
export const REASON_MAX = 2000;

/**
 * Plain text: any characters but control characters other than line feed and tab; CR LF → LF;
 * trimmed at the ends. Returns the normalised text or a Korean problem naming the field.
 */
export function plainText(
  value: string,
  field: string,
  opts: { max: number; required?: boolean; label: string },
): { ok: true; text: string } | { ok: false; problem: ProblemDetail } {
  const text = value.replace(/\r\n?/g, '\n').normalize('NFC').trim();
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text))
    return {
      ok: false,
      problem: { path: field, code: 'control_character', message: `${opts.label}에 제어 문자를 쓸 수 없습니다.` },
    };
  if (opts.required && text.length === 0)
    return { ok: false, problem: { path: field, code: 'required', message: `${opts.label}을(를) 입력하세요.` } };
  if (text.length > opts.max)
    return {
      ok: false,
      problem: { path: field, code: 'too_long', message: `${opts.label}은(는) ${opts.max}자 이하여야 합니다.` },
    };
  return { ok: true, text };
}

export type ResultIndicator = Pick<IndicatorRow, 'measurement' | 'milestones' | 'name'>;

export interface ResultContent {
  actual: number | null;
  milestonesDone: string[];
  comment: string;
}

/**
 * Checks and normalises what a user typed for a result (any status that can be saved).
 * `prefix` is put before the field names ("rows[3]." in a bulk entry).
 */
export function checkResultContent(
  indicator: ResultIndicator,
  input: Partial<ResultContent>,
  prefix = '',
): { ok: true; content: Partial<ResultContent> } | { ok: false; problems: ProblemDetail[] } {
  const problems: ProblemDetail[] = [];
  const out: Partial<ResultContent> = {};
  if (input.actual !== undefined) {
    if (input.actual !== null && !Number.isFinite(input.actual))
      problems.push({ path: `${prefix}actual`, code: 'not_finite', message: '실적치는 유한한 숫자여야 합니다.' });
    else if (input.actual !== null && indicator.measurement === 'milestone')
      problems.push({
        path: `${prefix}actual`,
        code: 'milestone_indicator',
        message: `'${indicator.name}'은(는) 마일스톤 지표여서 실적치 대신 완료한 마일스톤을 입력합니다.`,
      });
    else out.actual = input.actual;
  }
  if (input.milestonesDone !== undefined) {
    const names = [...new Set(input.milestonesDone.map((n) => n.normalize('NFC').trim()))];
    if (names.length > 0 && indicator.measurement !== 'milestone') {
      problems.push({
        path: `${prefix}milestonesDone`,
        code: 'not_milestone_indicator',
        message: `'${indicator.name}'은(는) 정량 지표여서 마일스톤을 입력할 수 없습니다.`,
      });
    } else {
      const { unknown } = milestoneCompletion(indicator.milestones, names);
      if (unknown.length)
        problems.push({
          path: `${prefix}milestonesDone`,
          code: 'unknown_milestone',
          message: `지표에 없는 마일스톤입니다: ${unknown.join(', ')}`,
        });
      else out.milestonesDone = indicator.milestones.map((m) => m.name.trim()).filter((n) => names.includes(n));
    }
  }
  if (input.comment !== undefined) {
    const c = plainText(input.comment, `${prefix}comment`, { max: COMMENT_MAX, label: '설명' });
    if (c.ok) out.comment = c.text;
    else problems.push(c.problem);
  }
  return problems.length ? { ok: false, problems } : { ok: true, content: out };
}

/** What a result must hold to be submitted: an actual (quantitative); milestone results may have none done yet. */
export function submitProblems(indicator: ResultIndicator, result: ResultContent, prefix = ''): ProblemDetail[] {
  if (indicator.measurement === 'quantitative' && result.actual === null)
    return [{ path: `${prefix}actual`, code: 'required', message: '제출하려면 실적치를 입력하세요.' }];
  return [];
}
