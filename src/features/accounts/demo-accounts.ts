/**
 * The demo's accounts: one per organization-wide role, and a head and a staff account for every
 * evaluated department (`head-01` … `head-42`, `staff-01` … `staff-42`, in the plan's department
 * order). All share the demo password (hashed once), are flagged `demo`, and need no password change.
 */
import crypto from 'node:crypto';
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import {
  countUsers,
  findUsersByUsernames,
  insertGrants,
  insertUsers,
  listDepartments,
  listGrants,
  listUsers,
} from '../../db/queries/accounts.js';
import { listOrganizations } from '../../db/queries/plan-document.js';
import { ROLE_LABELS, type Role } from '../../domain/policy.js';
import { hashPassword } from './password.js';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  department: string | null;
}

export const DEMO_ORG_ACCOUNTS: { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: '시스템 관리자 (데모)', role: 'administrator' },
  { username: 'planner', displayName: '기획예산과 성과관리 담당 (데모)', role: 'planner' },
  { username: 'rater1', displayName: '평가위원 1 (데모)', role: 'rater' },
  { username: 'rater2', displayName: '평가위원 2 (데모)', role: 'rater' },
  { username: 'rater3', displayName: '평가위원 3 (데모)', role: 'rater' },
  { username: 'committee', displayName: '성과관리위원회 위원 (데모)', role: 'committee' },
  { username: 'executive', displayName: '구청장 (데모)', role: 'executive' },
  { username: 'viewer', displayName: '열람자 (데모)', role: 'viewer' },
];

export const demoDepartmentUsername = (kind: 'head' | 'staff', n: number) => `${kind}-${String(n).padStart(2, '0')}`;

export function planDemoAccounts(departments: { id: string; name: string }[]): DemoAccount[] {
  const out: DemoAccount[] = DEMO_ORG_ACCOUNTS.map((a) => ({ ...a, departmentId: null, department: null }));
  departments.forEach((d, i) => {
    out.push({
      username: demoDepartmentUsername('head', i + 1),
      displayName: `${d.name} 부서장 (데모)`,
      role: 'department_head',
      departmentId: d.id,
      department: d.name,
    });
    out.push({
      username: demoDepartmentUsername('staff', i + 1),
      displayName: `${d.name} 담당자 (데모)`,
      role: 'department_staff',
      departmentId: d.id,
      department: d.name,
    });
  });
  return out;
}

/** Creates the demo accounts of every organization that has none yet. Returns how many were made. */
export async function createDemoAccounts(db: Db, demoPassword: string): Promise<number> {
  let made = 0;
  const passwordHash = await hashPassword(demoPassword);
  for (const org of await listOrganizations(db)) {
    if ((await countUsers(db, org.id)) > 0) continue;
    const depts = await listDepartments(db, org.id, { evaluatedOnly: true });
    const accounts = planDemoAccounts(depts);
    // Usernames are global: a second organization's demo accounts would collide, so skip taken ones.
    const taken = new Set(
      (
        await findUsersByUsernames(
          db,
          accounts.map((a) => a.username),
        )
      ).map((u) => u.username),
    );
    const fresh = accounts.filter((a) => !taken.has(a.username));
    if (!fresh.length) continue;
    await db.transaction(async (tx) => {
      const rows = fresh.map((a) => ({
        organizationId: org.id,
        id: crypto.randomUUID(),
        username: a.username,
        displayName: a.displayName,
        passwordHash,
        demo: true,
        mustChangePassword: false,
      }));
      await insertUsers(tx, rows);
      await insertGrants(
        tx,
        rows.map((r, i) => ({
          organizationId: org.id,
          id: crypto.randomUUID(),
          userId: r.id,
          role: fresh[i]!.role,
          departmentId: fresh[i]!.departmentId,
        })),
      );
      await appendAudit(
        tx,
        org.id,
        { id: null, name: 'system:demo', ip: 'local' },
        {
          action: 'user.demo_accounts',
          category: 'rights',
          entityType: 'user',
          after: {
            count: rows.length,
            accounts: fresh.map((a) =>
              a.department ? `${a.username}:${a.role}:${a.department}` : `${a.username}:${a.role}`,
            ),
          },
        },
      );
    });
    made += fresh.length;
  }
  return made;
}

/** One active demo account as the login page offers it. */
export interface DemoLogin {
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  department: string | null;
}

/**
 * The login page's "데모 계정으로 둘러보기": every active demo account (organization-wide roles first,
 * then the departments' heads and staff in plan order), and the password only while it is the
 * published default (an operator's own BSC_DEMO_PASSWORD is never shown). Nothing in production,
 * where the server refuses to start with active demo accounts anyway.
 */
export async function listDemoLogins(
  db: Db,
  opts: { production: boolean; password: string; defaultPassword: string },
): Promise<{ password: string | null; accounts: DemoLogin[] }> {
  const none = { password: null, accounts: [] };
  if (opts.production) return none;
  const accounts: DemoLogin[] = [];
  for (const org of await listOrganizations(db)) {
    const users = await listUsers(db, org.id, { active: true, demo: true });
    if (!users.length) continue;
    const grants = await listGrants(
      db,
      org.id,
      users.map((u) => u.id),
    );
    const orgOrder = new Map(DEMO_ORG_ACCOUNTS.map((a, i) => [a.username, i]));
    const order = (username: string) => orgOrder.get(username) ?? DEMO_ORG_ACCOUNTS.length;
    const sorted = [...users].sort(
      (a, b) => order(a.username) - order(b.username) || a.username.localeCompare(b.username),
    );
    for (const u of sorted) {
      const g = grants.find((x) => x.userId === u.id);
      if (!g) continue;
      accounts.push({
        username: u.username,
        displayName: u.displayName,
        role: g.role,
        roleLabel: ROLE_LABELS[g.role],
        department: g.departmentName,
      });
    }
  }
  return accounts.length ? { password: opts.password === opts.defaultPassword ? opts.password : null, accounts } : none;
}
