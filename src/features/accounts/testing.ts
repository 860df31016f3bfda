/** Test factories for accounts: a small organization with departments, and users with given roles. */
import crypto from 'node:crypto';
import type { Db } from '../../db/client.js';
import { findUserByUsername, insertGrants, insertUsers, listDepartments } from '../../db/queries/accounts.js';
import { importPlan } from '../plans/import-plan.js';
import { systemActor } from '../plans/context.js';
import type { Role } from '../../domain/policy.js';
import { hashPassword } from './password.js';

export const TEST_PASSWORD = 'Correct-Horse-9!';

/** An organization "test-gu" with three departments (교통과, 기획예산과, 보건소) and a one-indicator plan. */
export async function seedOrganization(db: Db, year = 2021) {
  await importPlan(
    db,
    {
      format: 'bsc-plan',
      formatVersion: 1,
      organization: { code: 'test-gu', name: '시험구' },
      plan: { year, title: `${year}년 성과관리 시행계획` },
      visionPillars: [],
      departments: [{ name: '교통과' }, { name: '기획예산과' }, { name: '보건소', group: '보건소' }],
      orgStrategicGoals: [{ code: 'S1', name: '안전한 도시' }],
      orgPerformanceGoals: [{ code: 'G01', no: 1, name: '교통 안전', orgStrategicGoal: 'S1' }],
      deptStrategicGoals: [{ code: 'D001', name: '교통사고 줄이기', orgPerformanceGoal: 'G01', department: '교통과' }],
      deptPerformanceGoals: [{ code: 'D001-1', name: '보행 안전', deptStrategicGoal: 'D001' }],
      indicators: [
        {
          code: 'I001',
          name: '보행자 사고 건수',
          deptPerformanceGoal: 'D001-1',
          leadDepartment: '교통과',
          target: 100,
        },
      ],
      tasks: [],
      results: [],
    },
    systemActor('test'),
  );
  const depts = await listDepartments(db, (await orgId(db))!);
  return {
    organizationId: (await orgId(db))!,
    departments: Object.fromEntries(depts.map((d) => [d.name, d.id])) as Record<string, string>,
  };
}

async function orgId(db: Db) {
  const d = await db.query.organizations.findFirst();
  return d?.id;
}

let hashed: Promise<string> | undefined;

/** A user with roles (department names for department roles); password TEST_PASSWORD unless given. */
export async function makeUser(
  db: Db,
  organizationId: string,
  username: string,
  roles: { role: Role; departmentId?: string | null }[],
  opts: { password?: string; mustChangePassword?: boolean; demo?: boolean; active?: boolean } = {},
) {
  const passwordHash = opts.password
    ? await hashPassword(opts.password)
    : await (hashed ??= hashPassword(TEST_PASSWORD));
  const id = crypto.randomUUID();
  await insertUsers(db, [
    {
      organizationId,
      id,
      username,
      displayName: username,
      passwordHash,
      mustChangePassword: opts.mustChangePassword ?? false,
      demo: opts.demo ?? false,
      active: opts.active ?? true,
    },
  ]);
  await insertGrants(
    db,
    roles.map((r) => ({
      organizationId,
      id: crypto.randomUUID(),
      userId: id,
      role: r.role,
      departmentId: r.departmentId ?? null,
    })),
  );
  return (await findUserByUsername(db, username))!;
}
