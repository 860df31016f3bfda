/**
 * 입력표: what a department enters for a period — every indicator it reports for that period (its
 * own, its convergence contributions, its common instances), with the current result (values,
 * status, version for the next edit) and the deadline. The bulk-entry form is built from it.
 */
import type { Db } from '../../db/client.js';
import { listPlanIndicators, listResults } from '../../db/queries/results.js';
import { validationError } from '../../domain/errors.js';
import { periodDeadline, periodFits, requirePeriod } from '../../domain/results/calendar.js';
import { enteringDepartments } from '../../domain/results/expected.js';
import {
  authorizeCaller,
  Departments,
  organizationOf,
  planCalendar,
  requirePlanYear,
  type ResultsCaller,
} from './context.js';
import { presentResult } from './present.js';

export async function getEntrySheet(
  db: Db,
  caller: ResultsCaller,
  input: { year: number; department: string; period: string },
) {
  const org = organizationOf(caller);
  const plan = await requirePlanYear(db, org, input.year);
  const depts = await Departments.load(db, org);
  const dept = depts.require(input.department);
  authorizeCaller(caller, 'result.read', { departmentId: dept.id });
  const p = requirePeriod(input.period);
  if (p.year !== plan.year)
    throw validationError(`기간 ${input.period}은(는) ${plan.year}년 계획의 기간이 아닙니다.`, [
      { path: 'period', message: `${plan.year}년의 기간이어야 합니다` },
    ]);
  const indicators = (await listPlanIndicators(db, org, plan.id)).filter(
    (i) => periodFits(p.key, i.frequency, plan.year) && enteringDepartments(i, depts.evaluatedIds()).includes(dept.id),
  );
  const existing = await listResults(db, org, plan.id, { departmentIds: [dept.id], period: p.key });
  const byIndicator = new Map(existing.map((r) => [r.indicatorId, r]));
  const deadline = periodDeadline(p.key, planCalendar(plan));
  return {
    year: plan.year,
    department: { id: dept.id, name: dept.name },
    period: p.key,
    deadline: deadline.date,
    rows: indicators.map((i) => {
      const r = byIndicator.get(i.id);
      return {
        indicator: {
          id: i.id,
          code: i.code,
          name: i.name,
          kind: i.kind,
          unit: i.unit,
          measurement: i.measurement,
          frequency: i.frequency,
          target: i.target,
          milestones: i.milestones,
          role:
            i.kind === 'convergence'
              ? i.leadDepartmentId === dept.id
                ? 'lead'
                : 'participant'
              : i.kind === 'common'
                ? 'common'
                : 'owner',
        },
        result: r ? presentResult(r, i, depts) : null,
      };
    }),
  };
}
