/** Role grants as people write them (role + department ids or names) → rows, checked against the organization's departments. */
import crypto from 'node:crypto';
import type { Db } from '../../db/client.js';
import { listDepartments } from '../../db/queries/accounts.js';
import { validationError, type ProblemDetail } from '../../domain/errors.js';
import { DEPARTMENT_ROLES, ROLE_LABELS, isRole, type Role } from '../../domain/policy.js';

export interface GrantInput {
  role: string;
  /** Department ids or names (department roles only). */
  departments?: string[];
}

export interface ResolvedGrant {
  id: string;
  role: Role;
  departmentId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const squash = (s: string) => s.replace(/\s+/g, '');

/** Finds a role by its code or its Korean label. */
export function parseRole(s: string): Role | undefined {
  const t = s.trim();
  if (isRole(t)) return t;
  return (Object.entries(ROLE_LABELS) as [Role, string][]).find(
    ([, label]) => label === t || label.startsWith(t + '(') || squash(label) === squash(t),
  )?.[0];
}

export async function resolveGrants(
  db: Db,
  organizationId: string,
  input: GrantInput[],
  path = 'roles',
): Promise<ResolvedGrant[]> {
  const depts = await listDepartments(db, organizationId);
  const byId = new Map(depts.map((d) => [d.id, d]));
  const byName = new Map<string, (typeof depts)[number]>();
  for (const d of depts) {
    byName.set(squash(d.name), d);
    for (const f of d.formerNames) if (!byName.has(squash(f))) byName.set(squash(f), d);
  }
  const problems: ProblemDetail[] = [];
  const out: ResolvedGrant[] = [];
  const seen = new Set<string>();
  input.forEach((g, i) => {
    const role = parseRole(g.role);
    if (!role) {
      problems.push({ path: `${path}[${i}].role`, message: `알 수 없는 역할입니다: ${g.role}`, code: 'unknown_role' });
      return;
    }
    const names = (g.departments ?? []).map((d) => d.trim()).filter(Boolean);
    const deptRole = DEPARTMENT_ROLES.includes(role);
    if (deptRole && names.length === 0) {
      problems.push({
        path: `${path}[${i}].departments`,
        message: `${ROLE_LABELS[role]} 역할에는 부서를 하나 이상 지정하세요.`,
        code: 'department_required',
      });
      return;
    }
    if (!deptRole && names.length > 0) {
      problems.push({
        path: `${path}[${i}].departments`,
        message: `${ROLE_LABELS[role]} 역할은 부서에 묶이지 않습니다.`,
        code: 'department_not_allowed',
      });
      return;
    }
    const ids: (string | null)[] = [];
    for (const n of names) {
      const d = UUID.test(n) ? byId.get(n.toLowerCase()) : byName.get(squash(n));
      if (!d)
        problems.push({
          path: `${path}[${i}].departments`,
          message: `부서를 찾을 수 없습니다: ${n}`,
          code: 'unknown_department',
        });
      else ids.push(d.id);
    }
    if (!deptRole) ids.push(null);
    for (const departmentId of ids) {
      const key = `${role}:${departmentId ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ id: crypto.randomUUID(), role, departmentId });
    }
  });
  if (problems.length) throw validationError('역할·부서 지정이 올바르지 않습니다.', problems, 'invalid_roles');
  return out;
}
