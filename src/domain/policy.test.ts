/**
 * The role × action matrix, written out by hand: every role × action × own/other department ×
 * result workflow state × plan open/closed is checked against it. Change the policy and this table
 * together, on purpose.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  RESULT_STATUSES,
  ROLES,
  abilities,
  can,
  check,
  type Action,
  type Principal,
  type ResultStatus,
  type Role,
} from './policy.js';

// A = every department, O = own department only, - = never.
//                                    adm plan head staff rater comm exec view
const MATRIX: Record<Action, string> = {
  'session.self':        /* */ '     A   A    A    A     A     A    A    A',
  'plan.read':           /* */ '     A   A    A    A     A     A    A    A',
  'plan.edit':           /* */ '     A   A    -    -     -     -    -    -',
  'plan.import':         /* */ '     A   A    -    -     -     -    -    -',
  'plan.copy':           /* */ '     A   A    -    -     -     -    -    -',
  'result.read':         /* */ '     A   A    O    O     A     A    A    A',
  'result.enter':        /* */ '     -   -    O    O     -     -    -    -',
  'result.submit':       /* */ '     -   -    O    O     -     -    -    -',
  'result.approve':      /* */ '     -   -    O    -     -     -    -    -',
  'result.verify':       /* */ '     -   A    -    -     -     -    -    -',
  'result.return':       /* */ '     -   A    O    -     -     -    -    -',
  'result.comment':      /* */ '     -   A    O    O     -     -    -    -',
  'evidence.upload':     /* */ '     -   -    O    O     -     -    -    -',
  'evidence.download':   /* */ '     -   A    O    O     A     A    A    -',
  'penalty.waive':       /* */ '     -   A    -    -     -     -    -    -',
  'penalty.detect':      /* */ '     -   A    -    -     -     -    -    -',
  'reminders.run':       /* */ '     A   A    -    -     -     -    -    -',
  'rating.read':         /* */ '     -   A    -    -     A     A    A    -',
  'rating.write':        /* */ '     -   -    -    -     A     -    -    -',
  'rating.manage':       /* */ '     -   A    -    -     -     -    -    -',
  'bonus.grant':         /* */ '     -   A    -    -     -     A    -    -',
  'qualitative.write':   /* */ '     -   A    -    -     -     -    A    -',
  'evaluation.read':     /* */ '     A   A    O    O     -     A    A    A',
  'evaluation.close':    /* */ '     -   A    -    -     -     -    -    -',
  'evaluation.reopen':   /* */ '     -   A    -    -     -     -    -    -',
  'users.manage':        /* */ '     A   A    -    -     -     -    -    -',
  'departments.manage':  /* */ '     A   A    -    -     -     -    -    -',
  'audit.read':          /* */ '     A   A    -    -     -     -    -    -',
};

/** Result states in which an action is possible, per role ("*" = any role that has it). */
const STATES: Partial<Record<Action, Partial<Record<Role | '*', ResultStatus[]>>>> = {
  'result.enter': { '*': ['draft'] },
  'result.submit': { '*': ['draft'] },
  'evidence.upload': { '*': ['draft'] },
  'result.approve': { '*': ['submitted'] },
  'result.verify': { '*': ['approved'] },
  'result.return': { department_head: ['submitted'], planner: ['submitted', 'approved', 'verified'] },
};

/** Changes: refused while the plan year is closed. */
const CHANGES = new Set<Action>([
  'plan.edit',
  'plan.import',
  'result.enter',
  'result.submit',
  'result.approve',
  'result.verify',
  'result.return',
  'result.comment',
  'evidence.upload',
  'penalty.waive',
  'penalty.detect',
  'rating.write',
  'rating.manage',
  'bonus.grant',
  'qualitative.write',
  'evaluation.close',
]);

const OWN = 'dept-own';
const OTHER = 'dept-other';
const user = (role: Role, id = `u-${role}`): Principal => ({
  id,
  username: role,
  organizationId: 'org',
  roles: [{ role, departmentId: role === 'department_head' || role === 'department_staff' ? OWN : null }],
});

function cell(action: Action, role: Role): 'A' | 'O' | '-' {
  const cells = MATRIX[action].trim().split(/\s+/);
  expect(cells).toHaveLength(ROLES.length);
  return cells[ROLES.indexOf(role)] as 'A' | 'O' | '-';
}

describe('policy matrix', () => {
  it('covers every action', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ACTIONS].sort());
  });

  const cases: [Role, Action][] = ROLES.flatMap((r) => ACTIONS.map((a) => [r, a] as [Role, Action]));
  it.each(cases)('%s × %s', (role, action) => {
    const u = user(role);
    const c = cell(action, role);
    // Route level: may the role attempt the action at all?
    expect(can(u, action), 'route level').toBe(c !== '-');
    for (const dept of [OWN, OTHER] as const) {
      for (const status of [undefined, ...RESULT_STATUSES]) {
        for (const planStatus of ['active', 'closed'] as const) {
          const allowedStates = STATES[action]?.[role] ?? STATES[action]?.['*'];
          const expected =
            c !== '-' &&
            (c === 'A' || dept === OWN) &&
            (status === undefined || !allowedStates || allowedStates.includes(status)) &&
            !(planStatus === 'closed' && CHANGES.has(action));
          const resource = {
            departmentId: dept,
            departmentIds: [dept],
            status,
            planStatus,
            submittedBy: 'someone-else',
            approvedBy: 'another-one',
          };
          expect(can(u, action, resource), `${dept} ${status ?? '(no state)'} plan ${planStatus}`).toBe(expected);
        }
      }
    }
  });

  it('nobody (no user) may do anything; a user without roles only their own session', () => {
    for (const a of ACTIONS) {
      expect(can(null, a)).toBe(false);
      expect(can({ id: 'x', username: 'x', organizationId: 'o', roles: [] }, a, { departmentId: OWN })).toBe(a === 'session.self');
    }
  });

  it('a department role without a department grants nothing', () => {
    const u: Principal = { id: 'x', username: 'x', organizationId: 'o', roles: [{ role: 'department_staff', departmentId: null }] };
    expect(abilities(u)).toEqual(['session.self']);
  });
});

describe('separation of duties', () => {
  const head = user('department_head', 'h1');
  const planner = user('planner', 'p1');

  it('the person who submitted a result cannot approve it', () => {
    const r = { departmentId: OWN, status: 'submitted' as const, submittedBy: 'h1' };
    const d = check(head, 'result.approve', r);
    expect(d.allowed).toBe(false);
    expect(d.reason).toBe('same_person');
    expect(d.message).toMatch(/직무 분리/);
    expect(can(head, 'result.approve', { ...r, submittedBy: 'staff-1' })).toBe(true);
  });

  it('the submitter or approver cannot verify, even as planner', () => {
    const both: Principal = { ...planner, roles: [...planner.roles, { role: 'department_head', departmentId: OWN }] };
    expect(can(both, 'result.verify', { departmentId: OWN, status: 'approved', submittedBy: 's', approvedBy: 'p1' })).toBe(false);
    expect(can(both, 'result.verify', { departmentId: OWN, status: 'approved', submittedBy: 'p1', approvedBy: 'h' })).toBe(false);
    expect(can(both, 'result.verify', { departmentId: OWN, status: 'approved', submittedBy: 's', approvedBy: 'h' })).toBe(true);
  });

  it('a rater cannot rate an indicator of their own department (lead or participant)', () => {
    const rater: Principal = {
      id: 'r',
      username: 'r',
      organizationId: 'o',
      roles: [
        { role: 'rater', departmentId: null },
        { role: 'department_staff', departmentId: OWN },
      ],
    };
    const d = check(rater, 'rating.write', { departmentIds: [OTHER, OWN] });
    expect(d).toMatchObject({ allowed: false, reason: 'own_department' });
    expect(can(rater, 'rating.write', { departmentIds: [OTHER] })).toBe(true);
    expect(check(rater, 'rating.write', { departmentIds: [OTHER], raterAssigned: false }).reason).toBe('not_assigned');
  });

  it('only an administrator grants the administrator role', () => {
    expect(check(planner, 'users.manage', { targetRoles: ['administrator'] }).reason).toBe('admin_only');
    expect(can(planner, 'users.manage', { targetRoles: ['department_staff', 'rater'] })).toBe(true);
    expect(can(user('administrator'), 'users.manage', { targetRoles: ['administrator'] })).toBe(true);
  });

  it('several grants: any one that allows decides; scope follows the grant', () => {
    const u: Principal = {
      id: 'm',
      username: 'm',
      organizationId: 'o',
      roles: [
        { role: 'department_staff', departmentId: 'a' },
        { role: 'department_head', departmentId: 'b' },
      ],
    };
    expect(can(u, 'result.approve', { departmentId: 'a', status: 'submitted', submittedBy: 'x' })).toBe(false);
    expect(can(u, 'result.approve', { departmentId: 'b', status: 'submitted', submittedBy: 'x' })).toBe(true);
    expect(check(u, 'result.enter', { departmentId: 'c', status: 'draft' }).reason).toBe('other_department');
    expect(check(u, 'result.enter', { departmentId: 'a', status: 'submitted' }).reason).toBe('wrong_state');
  });
});
