/**
 * What every results use case shares: the caller (audit actor + the principal the policy judges),
 * the plan year and its calendar, the department and indicator look-ups, and the refusal helpers.
 */
import type { Db } from '../../db/client.js';
import type { AuditActor } from '../../db/queries/audit.js';
import {
  findIndicatorById,
  findPlanByYear,
  listOrgDepartments,
  type DepartmentInfo,
  type IndicatorInfo,
  type PlanInfo,
} from '../../db/queries/results.js';
import { authorize, type Action, type Principal, type Resource } from '../../domain/policy.js';
import { AppError, notFound, validationError } from '../../domain/errors.js';
import { resolveCalendar, type CalendarSettings } from '../../domain/results/calendar.js';

export interface ResultsCaller {
  actor: AuditActor;
  /** The logged-in user; null for the command line and scheduled jobs (trusted). */
  principal: Principal | null;
}

export function authorizeCaller(caller: ResultsCaller, action: Action, resource?: Resource): void {
  if (caller.principal) authorize(caller.principal, action, resource);
}

export function organizationOf(caller: ResultsCaller, organizationId?: string): string {
  const id = caller.principal?.organizationId ?? organizationId;
  if (!id) throw new AppError('validation', 'organization_required', '기관을 알 수 없습니다.');
  return id;
}

export async function requirePlanYear(db: Db, organizationId: string, year: number): Promise<PlanInfo> {
  const plan = await findPlanByYear(db, organizationId, year);
  if (!plan) throw notFound(`${year}년 시행계획`, 'plan_not_found');
  return plan;
}

export function planCalendar(plan: PlanInfo): CalendarSettings {
  return resolveCalendar(plan.calendar);
}

export async function requireIndicator(db: Db, organizationId: string, id: string): Promise<IndicatorInfo> {
  const ind = await findIndicatorById(db, organizationId, id);
  if (!ind) throw notFound('성과지표', 'indicator_not_found');
  return ind;
}

export class Departments {
  private readonly byId: Map<string, DepartmentInfo>;
  private readonly byName: Map<string, DepartmentInfo>;
  constructor(readonly list: DepartmentInfo[]) {
    this.byId = new Map(list.map((d) => [d.id, d]));
    this.byName = new Map(list.map((d) => [d.name, d]));
  }
  static async load(db: Db, organizationId: string) {
    return new Departments(await listOrgDepartments(db, organizationId));
  }
  name(id: string): string {
    return this.byId.get(id)?.name ?? '';
  }
  get(id: string) {
    return this.byId.get(id);
  }
  /** By name; unknown → validation error naming the field. */
  require(name: string, path = 'department'): DepartmentInfo {
    const d = this.byName.get(name.trim());
    if (!d)
      throw validationError(
        `부서 '${name}'을(를) 찾을 수 없습니다.`,
        [{ path, message: `없는 부서입니다: ${name}`, code: 'unknown_department' }],
        'department_not_found',
      );
    return d;
  }
  findByName(name: string) {
    return this.byName.get(name.trim());
  }
  /** Evaluated, active departments (they each enter common indicators). */
  evaluatedIds(): string[] {
    return this.list.filter((d) => d.evaluated && d.active).map((d) => d.id);
  }
}
