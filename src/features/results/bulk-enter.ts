/**
 * 일괄 입력: a department enters a period's results for its indicators in one request — all or
 * nothing. Every row is checked first and every problem reported with its row index and field
 * ("rows[3].actual"); one bad row changes nothing. Optionally submits every row as well.
 */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import {
  insertPenaltyCase,
  insertResult,
  insertResultEvent,
  listPlanIndicators,
  listResults,
  lockPlanCases,
  transitionResult,
  updateDraftContent,
  type ResultRowDb,
} from '../../db/queries/results.js';
import { AppError, conflict, validationError, type ProblemDetail } from '../../domain/errors.js';
import { periodDeadline } from '../../domain/results/calendar.js';
import { lateEntry } from '../../domain/results/cases.js';
import { STATUS_LABEL, checkResultContent, submitProblems, type ResultContent } from '../../domain/results/workflow.js';
import {
  authorizeCaller,
  Departments,
  organizationOf,
  planCalendar,
  requirePlanYear,
  type ResultsCaller,
} from './context.js';
import { placementProblems } from './create-result.js';
import { presentResult, type ResultView } from './present.js';

export interface BulkRowInput extends Partial<ResultContent> {
  indicator: string;
  /** Defaults to the request's period. */
  period?: string;
  /** Required when the result exists: the version it was based on. */
  version?: number;
}

export interface BulkEnterInput {
  year: number;
  department: string;
  period: string;
  /** Also submit every row (staff's "제출"). */
  submit?: boolean;
  rows: BulkRowInput[];
}

export const BULK_MAX_ROWS = 1000;

export async function bulkEnterResults(db: Db, caller: ResultsCaller, input: BulkEnterInput, now = new Date()) {
  const org = organizationOf(caller);
  const plan = await requirePlanYear(db, org, input.year);
  const depts = await Departments.load(db, org);
  const dept = depts.require(input.department);
  authorizeCaller(caller, 'result.enter', { departmentId: dept.id, status: 'draft', planStatus: plan.status });
  if (input.submit)
    authorizeCaller(caller, 'result.submit', { departmentId: dept.id, status: 'draft', planStatus: plan.status });
  if (input.rows.length === 0)
    throw validationError('입력할 행이 없습니다.', [
      { path: 'rows', message: '행이 하나 이상 있어야 합니다', code: 'empty' },
    ]);
  if (input.rows.length > BULK_MAX_ROWS)
    throw validationError(`한 번에 ${BULK_MAX_ROWS}행까지 입력할 수 있습니다.`, [
      { path: 'rows', message: `${BULK_MAX_ROWS}행 이하여야 합니다`, code: 'too_big' },
    ]);

  const indicators = await listPlanIndicators(db, org, plan.id);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const existing = await listResults(db, org, plan.id, { departmentIds: [dept.id] });
  const existingByKey = new Map(existing.map((r) => [`${r.indicatorId}|${r.period}`, r]));

  const problems: ProblemDetail[] = [];
  const stale: { index: number; current: ResultView }[] = [];
  const seen = new Set<string>();
  const plan_: {
    index: number;
    indicatorId: string;
    period: string;
    content: Partial<ResultContent>;
    existing?: ResultRowDb;
    version?: number;
  }[] = [];
  input.rows.forEach((r, i) => {
    const p = `rows[${i}].`;
    const ind = byCode.get(r.indicator.trim());
    if (!ind) {
      problems.push({
        path: `${p}indicator`,
        code: 'unknown_indicator',
        message: `${i + 1}번째 행: ${plan.year}년 계획에 없는 지표 코드입니다: ${r.indicator}`,
      });
      return;
    }
    const period = r.period ?? input.period;
    const rowProblems = placementProblems(ind, plan, dept.id, dept.name, period, depts, p).map((x) => ({
      ...x,
      message: `${i + 1}번째 행: ${x.message}`,
    }));
    const key = `${ind.id}|${period}`;
    if (seen.has(key))
      rowProblems.push({
        path: `${p}indicator`,
        code: 'duplicate_row',
        message: `${i + 1}번째 행: 같은 지표·기간(${ind.code}, ${period})이 앞 행에 이미 있습니다.`,
      });
    seen.add(key);
    const checked = checkResultContent(
      ind,
      { actual: r.actual, milestonesDone: r.milestonesDone, comment: r.comment },
      p,
    );
    if (!checked.ok)
      rowProblems.push(...checked.problems.map((x) => ({ ...x, message: `${i + 1}번째 행: ${x.message}` })));
    const ex = existingByKey.get(key);
    if (ex && ex.status !== 'draft')
      rowProblems.push({
        path: `${p}indicator`,
        code: 'result_not_editable',
        message: `${i + 1}번째 행: ${ind.code} ${period} 실적은 '${STATUS_LABEL[ex.status]}' 상태여서 고칠 수 없습니다.`,
      });
    else if (ex && r.version === undefined)
      rowProblems.push({
        path: `${p}version`,
        code: 'version_required',
        message: `${i + 1}번째 행: 이미 있는 실적을 고치려면 version(현재 ${ex.version})을 함께 보내세요.`,
      });
    if (checked.ok && input.submit) {
      const merged: ResultContent = {
        actual: checked.content.actual !== undefined ? checked.content.actual : (ex?.actual ?? null),
        milestonesDone: checked.content.milestonesDone ?? ex?.milestonesDone ?? [],
        comment: checked.content.comment ?? ex?.comment ?? '',
      };
      rowProblems.push(
        ...submitProblems(ind, merged, p).map((x) => ({ ...x, message: `${i + 1}번째 행: ${x.message}` })),
      );
    }
    problems.push(...rowProblems);
    if (rowProblems.length === 0 && ex && r.version !== ex.version)
      stale.push({ index: i, current: presentResult(ex, ind, depts) });
    if (checked.ok)
      plan_.push({ index: i, indicatorId: ind.id, period, content: checked.content, existing: ex, version: r.version });
  });
  if (problems.length)
    throw validationError(
      `일괄 입력을 처리할 수 없습니다: ${problems.length}건의 문제가 있습니다. 아무것도 저장하지 않았습니다.`,
      problems,
    );
  if (stale.length)
    throw new AppError(
      'conflict',
      'stale_version',
      '다른 사람이 먼저 고친 실적이 있습니다. 아무것도 저장하지 않았습니다. 현재 값을 확인하세요.',
      stale.map((s) => ({
        path: `rows[${s.index}].version`,
        message: `${s.index + 1}번째 행: 현재 version은 ${s.current.version}입니다`,
        code: 'stale_version',
      })),
      { current: stale.map((s) => ({ row: s.index, result: s.current })) },
    );

  const calendar = planCalendar(plan);
  const userId = caller.principal?.id ?? null;
  const indById = new Map(indicators.map((i) => [i.id, i]));
  return db.transaction(async (tx) => {
    const out: ResultView[] = [];
    let created = 0;
    let updated = 0;
    const lateCases: string[] = [];
    for (const item of plan_) {
      let row: ResultRowDb | undefined;
      // A row for an existing draft without any value only submits it (guarded by its version below).
      const unchanged = item.existing !== undefined && Object.keys(item.content).length === 0;
      if (unchanged && item.existing) {
        row = item.existing;
      } else if (item.existing) {
        row = await updateDraftContent(tx, org, item.existing.id, item.version!, item.content);
        if (!row)
          throw conflict(
            `${item.index + 1}번째 행의 실적을 다른 사람이 먼저 고쳤습니다. 아무것도 저장하지 않았습니다.`,
            'stale_version',
          );
        updated++;
        await insertResultEvent(tx, {
          organizationId: org,
          resultId: row.id,
          actorId: userId,
          action: 'saved',
          fromStatus: 'draft',
          toStatus: 'draft',
          before: {
            actual: item.existing.actual,
            milestonesDone: item.existing.milestonesDone,
            comment: item.existing.comment,
            version: item.existing.version,
          },
          at: now,
        });
      } else {
        row = await insertResult(tx, {
          organizationId: org,
          planId: plan.id,
          indicatorId: item.indicatorId,
          departmentId: dept.id,
          period: item.period,
          actual: item.content.actual ?? null,
          milestonesDone: item.content.milestonesDone ?? [],
          comment: item.content.comment ?? '',
        });
        if (!row)
          throw conflict(
            `${item.index + 1}번째 행의 실적을 다른 사람이 먼저 만들었습니다. 아무것도 저장하지 않았습니다.`,
            'result_exists',
          );
        created++;
        await insertResultEvent(tx, {
          organizationId: org,
          resultId: row.id,
          actorId: userId,
          action: 'created',
          toStatus: 'draft',
          at: now,
        });
      }
      if (input.submit) {
        const wasSubmitted = row.firstSubmittedAt !== null;
        const sub = await transitionResult(tx, org, row.id, {
          from: 'draft',
          to: 'submitted',
          expectedVersion: unchanged ? item.version : undefined,
          set: { submittedBy: userId, firstSubmittedAt: now },
        });
        if (!sub)
          throw conflict(
            `${item.index + 1}번째 행의 실적 상태가 바뀌었습니다. 아무것도 저장하지 않았습니다.`,
            'result_state_changed',
          );
        row = sub;
        await insertResultEvent(tx, {
          organizationId: org,
          resultId: row.id,
          actorId: userId,
          action: 'submitted',
          fromStatus: 'draft',
          toStatus: 'submitted',
          at: now,
        });
        const late =
          !wasSubmitted && row.firstSubmittedAt
            ? lateEntry(row.firstSubmittedAt, periodDeadline(row.period, calendar))
            : null;
        if (late) {
          if (lateCases.length === 0) await lockPlanCases(tx, plan.id);
          const c = await insertPenaltyCase(tx, {
            organizationId: org,
            planId: plan.id,
            departmentId: dept.id,
            indicatorId: row.indicatorId,
            resultId: row.id,
            kind: 'late_entry',
            period: row.period,
            detail: late.detail,
            detectedAt: now,
          });
          lateCases.push(c.id);
        }
      }
      out.push(presentResult(row, indById.get(row.indicatorId)!, depts));
    }
    await appendAudit(tx, org, caller.actor, {
      action: input.submit ? 'result.bulk_submit' : 'result.bulk_enter',
      entityType: 'department',
      entityId: dept.id,
      subject: dept.name,
      after: {
        year: plan.year,
        period: input.period,
        rows: input.rows.length,
        created,
        updated,
        submitted: input.submit ? out.length : 0,
        lateEntryCases: lateCases.length,
        results: out.map((r) => ({
          id: r.id,
          indicator: r.indicator.code,
          period: r.period,
          actual: r.actual,
          milestonesDone: r.milestonesDone,
        })),
      },
    });
    return {
      year: plan.year,
      department: dept.name,
      created,
      updated,
      submitted: input.submit ? out.length : 0,
      lateEntryCases: lateCases.length,
      results: out,
    };
  });
}
