/**
 * The one policy module: who may do what. Routes declare an action; features call `can()` with the
 * resource they load. Nothing else in the code base checks a role.
 *
 * `can(user, action)` (no resource) answers "may this user attempt the action at all" — the
 * route-level check. `can(user, action, resource)` decides for one resource: department scope,
 * workflow state, separation of duties.
 *
 * Pure: no I/O.
 */
import { AppError } from './errors.js';

export const ROLES = [
  'administrator',
  'planner',
  'department_head',
  'department_staff',
  'rater',
  'committee',
  'executive',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that only make sense for a department (user_roles.department_id is required). */
export const DEPARTMENT_ROLES: readonly Role[] = ['department_head', 'department_staff'];

export const ROLE_LABELS: Record<Role, string> = {
  administrator: '시스템 관리자',
  planner: '성과관리 담당(기획예산과)',
  department_head: '부서장',
  department_staff: '부서 담당자',
  rater: '평가위원(외부 전문가)',
  committee: '성과관리위원회 위원',
  executive: '기관장(구청장)',
  viewer: '열람자',
};

export const ACTIONS = [
  'session.self',
  'plan.read',
  'plan.edit',
  'plan.import',
  'plan.copy',
  'result.read',
  'result.enter',
  'result.submit',
  'result.approve',
  'result.verify',
  'result.return',
  'result.comment',
  'evidence.upload',
  'evidence.download',
  'penalty.waive',
  'penalty.detect',
  'reminders.run',
  'rating.read',
  'rating.write',
  'rating.manage',
  'bonus.grant',
  'qualitative.write',
  'evaluation.read',
  'evaluation.close',
  'evaluation.reopen',
  'users.manage',
  'departments.manage',
  'audit.read',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_LABELS: Record<Action, string> = {
  'session.self': '내 세션·비밀번호 (로그인한 누구나)',
  'plan.read': '계획 열람',
  'plan.edit': '계획 수정',
  'plan.import': '계획 가져오기',
  'plan.copy': '계획 다음 연도로 넘기기',
  'result.read': '실적 열람',
  'result.enter': '실적 입력',
  'result.submit': '실적 제출',
  'result.approve': '실적 승인(부서장)',
  'result.verify': '실적 검증(기획부서)',
  'result.return': '실적 반려',
  'result.comment': '실적에 의견 남기기',
  'evidence.upload': '증빙자료 올리기',
  'evidence.download': '증빙자료 내려받기',
  'penalty.waive': '감점 면제',
  'penalty.detect': '감점 사례 점검(마감 후 증빙 미제출)',
  'reminders.run': '실적 입력 알림 보내기',
  'rating.read': '지표 성격 평가 열람',
  'rating.write': '지표 성격 평가',
  'rating.manage': '평가위원 배정·지표 성격 평가 마감',
  'bonus.grant': '가점 부여',
  'qualitative.write': '정성평가 점수 입력',
  'evaluation.read': '평가 결과 열람',
  'evaluation.close': '평가 마감',
  'evaluation.reopen': '평가 재개',
  'users.manage': '사용자·권한 관리',
  'departments.manage': '부서 관리',
  'audit.read': '감사 기록 열람',
};

export type ResultStatus = 'draft' | 'submitted' | 'approved' | 'verified';
export const RESULT_STATUSES: readonly ResultStatus[] = ['draft', 'submitted', 'approved', 'verified'];
export type PlanStatus = 'draft' | 'active' | 'closed';

export interface RoleGrant {
  role: Role;
  /** Required for department roles; null for organization-wide roles. */
  departmentId: string | null;
}

/** The logged-in person, as the policy sees them. */
export interface Principal {
  id: string;
  username: string;
  organizationId: string;
  roles: RoleGrant[];
}

/** What the action is about. Give what the action needs; unknown fields are ignored. */
export interface Resource {
  /** The department that owns the thing: a result's department, an indicator's lead department. */
  departmentId?: string | null;
  /** Every department an indicator concerns (lead and participants) — for rating. */
  departmentIds?: readonly string[];
  /** Workflow state of a result. */
  status?: ResultStatus;
  /** Who submitted / approved the result (separation of duties). */
  submittedBy?: string | null;
  approvedBy?: string | null;
  /** The plan year's state; a closed year accepts no change but a re-open. */
  planStatus?: PlanStatus;
  /** Rating: whether this rater is assigned the indicator (false denies; undefined = not checked). */
  raterAssigned?: boolean;
  /** users.manage: the roles being granted, changed or revoked. */
  targetRoles?: readonly Role[];
}

export type Reason =
  | 'ok'
  | 'no_role'
  | 'other_department'
  | 'wrong_state'
  | 'plan_closed'
  | 'same_person'
  | 'own_department'
  | 'not_assigned'
  | 'admin_only';

export interface Decision {
  allowed: boolean;
  reason: Reason;
  message: string;
}

const MESSAGES: Record<Reason, string> = {
  ok: '허용됩니다.',
  no_role: '이 작업을 할 권한이 없습니다.',
  other_department: '다른 부서의 자료는 다룰 수 없습니다.',
  wrong_state: '지금 상태에서는 할 수 없는 작업입니다.',
  plan_closed: '평가가 마감된 연도는 바꿀 수 없습니다.',
  same_person: '직무 분리: 같은 사람이 제출하고 승인·검증할 수 없습니다.',
  own_department: '직무 분리: 자기 부서의 지표는 평가할 수 없습니다.',
  not_assigned: '배정받지 않은 지표는 평가할 수 없습니다.',
  admin_only: '관리자 권한은 시스템 관리자만 부여·변경할 수 있습니다.',
};

/** How a role reaches an action: on everything, only on its own departments, or not at all. */
type Scope = 'all' | 'own';

interface Rule {
  /** Any logged-in user, whatever their roles (their own session and password). */
  anyUser?: boolean;
  /** Roles allowed and their scope. */
  roles: Partial<Record<Role, Scope>>;
  /** Result states in which the action is possible, per role (default: any). */
  states?: Partial<Record<Role, readonly ResultStatus[]>>;
  /** A change: refused while the plan year is closed. */
  change?: boolean;
  /** Extra check after role, scope and state. */
  extra?: (user: Principal, role: Role, r: Resource) => Reason;
}

const ORG_READERS = { administrator: 'all', planner: 'all', committee: 'all', executive: 'all', viewer: 'all', rater: 'all' } as const;

/** Separation of duties: the submitter may not approve or verify; the approver may not verify. */
const notSubmitter = (user: Principal, _role: Role, r: Resource): Reason => (r.submittedBy && r.submittedBy === user.id ? 'same_person' : 'ok');
const notSubmitterNorApprover = (user: Principal, role: Role, r: Resource): Reason =>
  notSubmitter(user, role, r) !== 'ok' || (r.approvedBy && r.approvedBy === user.id) ? 'same_person' : 'ok';

const RULES: Record<Action, Rule> = {
  'session.self': { anyUser: true, roles: {} },
  'plan.read': { roles: { ...ORG_READERS, department_head: 'all', department_staff: 'all' } },
  'plan.edit': { roles: { administrator: 'all', planner: 'all' }, change: true },
  'plan.import': { roles: { administrator: 'all', planner: 'all' }, change: true },
  'plan.copy': { roles: { administrator: 'all', planner: 'all' } },

  'result.read': { roles: { ...ORG_READERS, department_head: 'own', department_staff: 'own' } },
  'result.enter': {
    roles: { department_head: 'own', department_staff: 'own' },
    states: { department_head: ['draft'], department_staff: ['draft'] },
    change: true,
  },
  'result.submit': {
    roles: { department_head: 'own', department_staff: 'own' },
    states: { department_head: ['draft'], department_staff: ['draft'] },
    change: true,
  },
  'result.approve': {
    roles: { department_head: 'own' },
    states: { department_head: ['submitted'] },
    change: true,
    extra: notSubmitter,
  },
  'result.verify': {
    roles: { planner: 'all' },
    states: { planner: ['approved'] },
    change: true,
    extra: notSubmitterNorApprover,
  },
  'result.return': {
    roles: { department_head: 'own', planner: 'all' },
    states: { department_head: ['submitted'], planner: ['submitted', 'approved', 'verified'] },
    change: true,
    extra: notSubmitter,
  },
  'result.comment': { roles: { planner: 'all', department_head: 'own', department_staff: 'own' }, change: true },
  'evidence.upload': {
    roles: { department_head: 'own', department_staff: 'own' },
    states: { department_head: ['draft'], department_staff: ['draft'] },
    change: true,
  },
  'evidence.download': {
    roles: { planner: 'all', committee: 'all', executive: 'all', rater: 'all', department_head: 'own', department_staff: 'own' },
  },
  'penalty.waive': { roles: { planner: 'all' }, change: true },
  'penalty.detect': { roles: { planner: 'all' }, change: true },
  'reminders.run': { roles: { administrator: 'all', planner: 'all' } },

  'rating.read': { roles: { planner: 'all', committee: 'all', executive: 'all', rater: 'all' } },
  'rating.write': {
    roles: { rater: 'all' },
    change: true,
    extra: (user, _role, r) => {
      const mine = new Set(user.roles.map((g) => g.departmentId).filter((d): d is string => !!d));
      const concerned = [...(r.departmentIds ?? []), ...(r.departmentId ? [r.departmentId] : [])];
      if (concerned.some((d) => mine.has(d))) return 'own_department';
      if (r.raterAssigned === false) return 'not_assigned';
      return 'ok';
    },
  },
  'rating.manage': { roles: { planner: 'all' }, change: true },
  'bonus.grant': { roles: { planner: 'all', committee: 'all' }, change: true },
  'qualitative.write': { roles: { executive: 'all', planner: 'all' }, change: true },

  'evaluation.read': {
    roles: { planner: 'all', committee: 'all', executive: 'all', viewer: 'all', administrator: 'all', department_head: 'own', department_staff: 'own' },
  },
  'evaluation.close': { roles: { planner: 'all' }, change: true },
  'evaluation.reopen': { roles: { planner: 'all' } },

  'users.manage': {
    roles: { administrator: 'all', planner: 'all' },
    extra: (_user, role, r) => (role !== 'administrator' && r.targetRoles?.includes('administrator') ? 'admin_only' : 'ok'),
  },
  'departments.manage': { roles: { administrator: 'all', planner: 'all' } },
  'audit.read': { roles: { administrator: 'all', planner: 'all' } },
};

function decide(reason: Reason): Decision {
  return { allowed: reason === 'ok', reason, message: MESSAGES[reason] };
}

/** Orders the reasons so the most useful one is reported when every grant refuses. */
const REASON_RANK: Reason[] = ['same_person', 'own_department', 'admin_only', 'not_assigned', 'plan_closed', 'wrong_state', 'other_department', 'no_role'];

/**
 * Decides one action. Each of the user's role grants is tried; the action is allowed if any grant
 * allows it. Without a resource only the role is checked (the route-level question).
 */
export function check(user: Principal | null | undefined, action: Action, resource?: Resource): Decision {
  const rule = RULES[action];
  if (!user || !rule) return decide('no_role');
  if (rule.anyUser) return decide('ok');
  const reasons: Reason[] = [];
  for (const grant of user.roles) {
    const scope = rule.roles[grant.role];
    if (!scope) {
      reasons.push('no_role');
      continue;
    }
    if (DEPARTMENT_ROLES.includes(grant.role) && !grant.departmentId) {
      reasons.push('no_role');
      continue;
    }
    if (!resource) return decide('ok');
    if (scope === 'own') {
      const d = resource.departmentId;
      if (!d || d !== grant.departmentId) {
        reasons.push('other_department');
        continue;
      }
    }
    const states = rule.states?.[grant.role];
    if (states && resource.status !== undefined && !states.includes(resource.status)) {
      reasons.push('wrong_state');
      continue;
    }
    if (rule.change && resource.planStatus === 'closed') {
      reasons.push('plan_closed');
      continue;
    }
    const extra = rule.extra?.(user, grant.role, resource) ?? 'ok';
    if (extra !== 'ok') {
      reasons.push(extra);
      continue;
    }
    return decide('ok');
  }
  const worst = REASON_RANK.find((r) => reasons.includes(r)) ?? 'no_role';
  return decide(worst);
}

/** `true` when the user may do the action (on the resource, when given). */
export function can(user: Principal | null | undefined, action: Action, resource?: Resource): boolean {
  return check(user, action, resource).allowed;
}

/** The actions the user may attempt at all: the web app shows buttons from this, never from roles. */
export function abilities(user: Principal | null | undefined): Action[] {
  return ACTIONS.filter((a) => can(user, a));
}

/** Departments the user works for through department roles (their "own" departments). */
export function ownDepartments(user: Principal): string[] {
  return [...new Set(user.roles.filter((g) => DEPARTMENT_ROLES.includes(g.role) && g.departmentId).map((g) => g.departmentId!))];
}

export const isAction = (s: string): s is Action => (ACTIONS as readonly string[]).includes(s);
export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

/**
 * Throws a `forbidden` AppError (HTTP 403) unless the user may: features call this after loading
 * the resource. The code is `forbidden` or, for a specific refusal, e.g. `forbidden_same_person`.
 */
export function authorize(user: Principal | null | undefined, action: Action, resource?: Resource): void {
  const d = check(user, action, resource);
  if (d.allowed) return;
  throw new AppError('forbidden', d.reason === 'no_role' ? 'forbidden' : `forbidden_${d.reason}`, d.message, [], { action });
}
