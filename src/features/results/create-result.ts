/** A department starts a result (실적) for one of its indicators and a period: a new draft. */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { findIndicatorByCode, findResultByKey, insertResult, insertResultEvent } from '../../db/queries/results.js';
import { conflict, validationError, type ProblemDetail } from '../../domain/errors.js';
import { periodFits, periodsOfYear } from '../../domain/results/calendar.js';
import { enteringDepartments } from '../../domain/results/expected.js';
import { checkResultContent } from '../../domain/results/workflow.js';
import type { IndicatorInfo, PlanInfo } from '../../db/queries/results.js';
import { authorizeCaller, Departments, organizationOf, requirePlanYear, type ResultsCaller } from './context.js';
import { presentResult, type ResultView } from './present.js';

export interface CreateResultInput {
  year: number;
  indicator: string;
  department: string;
  period: string;
  actual?: number | null;
  milestonesDone?: string[];
  comment?: string;
}

const FREQ_LABEL = { monthly: '월별', quarterly: '분기별', half_yearly: '반기별', yearly: '연간' } as const;

/** Problems of a (department, period) for an indicator: the department must enter it, the period must be one of its periods. */
export function placementProblems(
  ind: IndicatorInfo,
  plan: PlanInfo,
  departmentId: string,
  departmentName: string,
  period: string,
  depts: Departments,
  prefix = '',
): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (!enteringDepartments(ind, depts.evaluatedIds()).includes(departmentId))
    problems.push({
      path: `${prefix}department`,
      code: 'not_entering_department',
      message: `${departmentName}은(는) 지표 '${ind.name}'의 실적을 입력하는 부서가 아닙니다.`,
    });
  if (!periodFits(period, ind.frequency, plan.year))
    problems.push({
      path: `${prefix}period`,
      code: 'period_mismatch',
      message: `지표 '${ind.name}'은(는) ${FREQ_LABEL[ind.frequency]} 지표입니다: 기간은 ${periodsOfYear(ind.frequency, plan.year).join(', ')} 중 하나여야 합니다.`,
    });
  return problems;
}

export async function createResult(db: Db, caller: ResultsCaller, input: CreateResultInput): Promise<ResultView> {
  const org = organizationOf(caller);
  const plan = await requirePlanYear(db, org, input.year);
  const depts = await Departments.load(db, org);
  const dept = depts.require(input.department);
  const ind = await findIndicatorByCode(db, org, plan.id, input.indicator.trim());
  if (!ind)
    throw validationError(`${plan.year}년 계획에 성과지표 '${input.indicator}'이(가) 없습니다.`, [
      { path: 'indicator', message: `없는 지표 코드입니다: ${input.indicator}`, code: 'unknown_indicator' },
    ]);
  authorizeCaller(caller, 'result.enter', { departmentId: dept.id, status: 'draft', planStatus: plan.status });
  const problems = placementProblems(ind, plan, dept.id, dept.name, input.period, depts);
  const checked = checkResultContent(ind, {
    actual: input.actual,
    milestonesDone: input.milestonesDone,
    comment: input.comment,
  });
  if (!checked.ok) problems.push(...checked.problems);
  if (problems.length) throw validationError('실적을 저장할 수 없습니다. 표시된 항목을 고치세요.', problems);
  const content = checked.ok ? checked.content : {};

  return db.transaction(async (tx) => {
    const row = await insertResult(tx, {
      organizationId: org,
      planId: plan.id,
      indicatorId: ind.id,
      departmentId: dept.id,
      period: input.period,
      actual: content.actual ?? null,
      milestonesDone: content.milestonesDone ?? [],
      comment: content.comment ?? '',
    });
    if (!row) {
      const existing = await findResultByKey(tx, org, {
        indicatorId: ind.id,
        departmentId: dept.id,
        period: input.period,
      });
      throw conflict('이 지표·부서·기간의 실적이 이미 있습니다. 있는 실적을 고치세요.', 'result_exists', {
        current: existing ? presentResult(existing, ind, depts) : null,
      });
    }
    await insertResultEvent(tx, {
      organizationId: org,
      resultId: row.id,
      actorId: caller.principal?.id ?? null,
      action: 'created',
      toStatus: 'draft',
    });
    const view = presentResult(row, ind, depts);
    await appendAudit(tx, org, caller.actor, {
      action: 'result.create',
      entityType: 'result',
      entityId: row.id,
      subject: dept.name,
      after: {
        indicator: ind.code,
        period: row.period,
        actual: row.actual,
        milestonesDone: row.milestonesDone,
        comment: row.comment,
      },
    });
    return view;
  });
}
