/**
 * What every evaluation use case shares: the caller (audit actor + the principal the policy judges;
 * null principal = the local command line, trusted), the plan year with its evaluation state, the
 * department look-ups, and the refusals in Korean.
 */
import type { Db } from '../../db/client.js';
import type { AuditActor } from '../../db/queries/audit.js';
import {
  findEvaluationPlan,
  listEvalDepartments,
  lockPlan,
  type EvalDepartment,
  type EvaluationPlanRow,
} from '../../db/queries/evaluation.js';
import { conflict, notFound, validationError } from '../../domain/errors.js';
import { authorize, can, type Action, type Principal, type Resource } from '../../domain/policy.js';
import { resolveOrganization } from '../plans/context.js';

export interface EvaluationCaller {
  actor: AuditActor;
  /** The logged-in user; null for the command line (whoever can run it owns the database). */
  principal: Principal | null;
}

export function authorizeCaller(caller: EvaluationCaller, action: Action, resource?: Resource): void {
  if (caller.principal) authorize(caller.principal, action, resource);
}

export function callerCan(caller: EvaluationCaller, action: Action, resource?: Resource): boolean {
  return caller.principal ? can(caller.principal, action, resource) : true;
}

/** The organization of the call: the user's own; on the command line the one named (or the only one). */
export async function organizationOf(db: Db, caller: EvaluationCaller, orgCode?: string): Promise<string> {
  if (caller.principal) return caller.principal.organizationId;
  return (await resolveOrganization(db, orgCode)).id;
}

export async function requireEvaluationPlan(db: Db, organizationId: string, year: number): Promise<EvaluationPlanRow> {
  const plan = await findEvaluationPlan(db, organizationId, year);
  if (!plan) throw notFound(`${year}년 시행계획`, 'plan_not_found');
  return plan;
}

/** Inside a write's transaction: the plan row locked, refused when the year is closed (409). */
export async function lockOpenPlan(
  tx: Db,
  organizationId: string,
  year: number,
  mode: 'update' | 'share',
): Promise<EvaluationPlanRow> {
  const plan = await lockPlan(tx, organizationId, year, mode);
  if (!plan) throw notFound(`${year}년 시행계획`, 'plan_not_found');
  if (plan.status === 'closed') throw planClosed(plan.year);
  return plan;
}

export const planClosed = (year: number) =>
  conflict(`${year}년 평가가 마감되어 평가 자료를 바꿀 수 없습니다. 바꾸려면 먼저 평가를 재개하세요.`, 'plan_closed');

/** A stale optimistic version: 409 with the row as it is now, so the client can show it. */
export const staleVersion = (what: string, current: unknown) =>
  conflict(`${what}을(를) 다른 사람이 먼저 바꿨습니다. 최신 내용을 확인한 뒤 다시 저장하세요.`, 'stale_version', {
    current,
  });

/** The version a client sends must match the row (undefined = "there is no row yet"). */
export function checkVersion(
  what: string,
  row: { version: number } | undefined,
  given: number | undefined,
  present: unknown,
) {
  if (row && given === undefined)
    throw conflict(`${what}이(가) 이미 있습니다. 고치려면 version(${row.version})을 함께 보내세요.`, 'already_exists', {
      current: present,
    });
  if (!row && given !== undefined) throw staleVersion(what, null);
  if (row && given !== row.version) throw staleVersion(what, present);
}

export class DepartmentIndex {
  private readonly byId: Map<string, EvalDepartment>;
  private readonly byName: Map<string, EvalDepartment>;
  constructor(readonly list: EvalDepartment[]) {
    this.byId = new Map(list.map((d) => [d.id, d]));
    this.byName = new Map(list.map((d) => [d.name, d]));
  }
  static async load(db: Db, organizationId: string) {
    return new DepartmentIndex(await listEvalDepartments(db, organizationId));
  }
  name(id: string): string {
    return this.byId.get(id)?.name ?? '';
  }
  /** An evaluated department by name; otherwise a validation error naming the field. */
  requireEvaluated(name: string, path = 'department'): EvalDepartment {
    const d = this.byName.get(name.trim());
    if (!d)
      throw validationError(
        `부서 '${name}'을(를) 찾을 수 없습니다.`,
        [{ path, message: `없는 부서입니다: ${name}`, code: 'unknown_department' }],
        'department_not_found',
      );
    if (!d.evaluated)
      throw validationError(
        `'${d.name}'은(는) 평가대상 부서가 아닙니다.`,
        [{ path, message: `평가대상이 아닌 부서입니다: ${d.name}`, code: 'not_evaluated' }],
        'department_not_evaluated',
      );
    return d;
  }
  evaluatedIds(): string[] {
    return this.list.filter((d) => d.evaluated).map((d) => d.id);
  }
  /** Departments the caller may read the evaluation of (everything on the command line). */
  readable(caller: EvaluationCaller, action: Action = 'evaluation.read'): EvalDepartment[] {
    return this.list.filter((d) => callerCan(caller, action, { departmentId: d.id }));
  }
  /** True when the caller may read every department (organization-wide readers). */
  readsAll(caller: EvaluationCaller, action: Action = 'evaluation.read'): boolean {
    return this.list.every((d) => callerCan(caller, action, { departmentId: d.id }));
  }
}

/** A required free-text reason (trimmed, 1–2000 characters), or a validation error naming the field. */
export function requiredReason(text: unknown, label: string, path = 'reason'): string {
  const t = typeof text === 'string' ? text.trim() : '';
  if (!t)
    throw validationError(`${label}을(를) 입력하세요.`, [
      { path, message: `${label}이(가) 비어 있습니다`, code: 'required' },
    ]);
  if (t.length > 2000)
    throw validationError(`${label}은(는) 2000자 이하여야 합니다.`, [
      { path, message: '2000자 이하여야 합니다', code: 'too_big' },
    ]);
  return t;
}

export const whoOf = (caller: EvaluationCaller) => caller.principal?.username ?? caller.actor.name;
