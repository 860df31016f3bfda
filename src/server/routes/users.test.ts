/** Users and departments administration through the API: who may, what is recorded, what is refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../db/testing.js';
import { makeUser, seedOrganization, TEST_PASSWORD } from '../../features/accounts/testing.js';
import type { App } from '../app.js';
import { call, loginAs, testApp, type TestSession } from '../auth/testing.js';

let database: Database;
let app: App;
let admin: TestSession;
let planner: TestSession;
let viewer: TestSession;
let org: { organizationId: string; departments: Record<string, string> };

beforeAll(async () => {
  database = await createTestDatabase();
  org = await seedOrganization(database.db);
  await makeUser(database.db, org.organizationId, 'root', [{ role: 'administrator' }]);
  await makeUser(database.db, org.organizationId, 'plan1', [{ role: 'planner' }]);
  await makeUser(database.db, org.organizationId, 'look', [{ role: 'viewer' }]);
  app = await testApp(database);
  admin = await loginAs(app, 'root', TEST_PASSWORD);
  planner = await loginAs(app, 'plan1', TEST_PASSWORD);
  viewer = await loginAs(app, 'look', TEST_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('users', () => {
  it('a planner creates department accounts (by department name or id); a viewer may not', async () => {
    const r = await call(app, planner, 'POST', '/api/v1/users', {
      username: 'kim',
      displayName: '김담당',
      roles: [
        { role: 'department_staff', departments: ['교통과', org.departments['보건소']!] },
        { role: 'department_head', departments: ['기획 예산과'] },
      ],
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(
      r
        .json()
        .user.roles.map((x: { role: string; department: { name: string } }) => `${x.role}:${x.department.name}`)
        .sort(),
    ).toEqual(['department_head:기획예산과', 'department_staff:교통과', 'department_staff:보건소']);
    const denied = await call(app, viewer, 'POST', '/api/v1/users', { username: 'x1', displayName: 'x', roles: [] });
    expect(denied.statusCode).toBe(403);
  });

  it('only an administrator grants the administrator role', async () => {
    const r = await call(app, planner, 'POST', '/api/v1/users', {
      username: 'boss',
      displayName: '관리',
      roles: [{ role: 'administrator' }],
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error).toMatchObject({
      code: 'forbidden_admin_only',
      message: expect.stringMatching(/시스템 관리자만/),
    });
    const ok = await call(app, admin, 'POST', '/api/v1/users', {
      username: 'boss',
      displayName: '관리',
      roles: [{ role: 'administrator' }],
    });
    expect(ok.statusCode).toBe(201);
    // …nor can a planner take it away, or deactivate an administrator.
    expect(
      (await call(app, planner, 'PUT', '/api/v1/users/boss/roles', { roles: [{ role: 'viewer' }] })).statusCode,
    ).toBe(403);
    expect((await call(app, planner, 'POST', '/api/v1/users/boss/deactivate', {})).statusCode).toBe(403);
  });

  it('refuses fields the caller may not set and malformed role grants', async () => {
    const extra = await call(app, admin, 'POST', '/api/v1/users', {
      username: 'lee',
      displayName: '이',
      roles: [],
      active: false,
      demo: true,
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details[0].message).toMatch(/알 수 없는 항목: active, demo/);
    const noDept = await call(app, admin, 'POST', '/api/v1/users', {
      username: 'lee',
      displayName: '이',
      roles: [{ role: 'department_head' }],
    });
    expect(noDept.statusCode).toBe(400);
    expect(noDept.json().error.details[0]).toMatchObject({ code: 'department_required' });
    const unknown = await call(app, admin, 'POST', '/api/v1/users', {
      username: 'lee',
      displayName: '이',
      roles: [{ role: 'department_head', departments: ['없는과'] }],
    });
    expect(unknown.json().error.details[0]).toMatchObject({ code: 'unknown_department' });
    const taken = await call(app, admin, 'POST', '/api/v1/users', { username: 'KIM', displayName: '김', roles: [] });
    expect(taken.statusCode).toBe(409);
    const weak = await call(app, admin, 'POST', '/api/v1/users', {
      username: 'lee',
      displayName: '이',
      roles: [],
      password: 'qwer1234!',
    });
    expect(weak.json().error.code).toBe('password_rejected');
  });

  it('role changes are rights records with before and after; a stale version is refused', async () => {
    const u = (await call(app, admin, 'GET', '/api/v1/users/kim')).json();
    const r = await call(app, planner, 'PUT', `/api/v1/users/${u.id}/roles`, {
      roles: [{ role: 'rater' }],
      version: u.version,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().roles).toEqual([{ role: 'rater', department: null }]);
    const stale = await call(app, planner, 'PUT', `/api/v1/users/${u.id}/roles`, {
      roles: [{ role: 'viewer' }],
      version: u.version,
    });
    expect(stale.statusCode).toBe(409);
    const trail = await call(app, planner, 'GET', '/api/v1/audit?category=rights&action=user.roles');
    expect(trail.statusCode).toBe(200);
    expect(trail.json().entries[0]).toMatchObject({
      action: 'user.roles',
      category: 'rights',
      actorName: 'plan1',
      subject: 'kim',
      before: { roles: expect.arrayContaining(['department_staff:교통과', 'department_head:기획예산과']) },
      after: { roles: ['rater'] },
    });
    expect(trail.json().entries[0].ip).toBeTruthy();
  });

  it('the last administrator cannot lose the role or be deactivated; nobody deactivates themselves', async () => {
    expect((await call(app, admin, 'POST', '/api/v1/users/boss/deactivate', {})).statusCode).toBe(200);
    const last = await call(app, admin, 'PUT', '/api/v1/users/root/roles', { roles: [{ role: 'viewer' }] });
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('last_administrator');
    expect((await call(app, admin, 'POST', '/api/v1/users/root/deactivate', {})).json().error.code).toBe(
      'cannot_deactivate_self',
    );
    expect((await call(app, admin, 'POST', '/api/v1/users/boss/activate', {})).statusCode).toBe(200);
  });

  it('an administrator reset gives a temporary password, ends the sessions and requires a change', async () => {
    const s = await loginAs(app, 'look', TEST_PASSWORD);
    const r = await call(app, admin, 'POST', '/api/v1/users/look/reset-password', {});
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().user.mustChangePassword).toBe(true);
    expect((await call(app, s, 'GET', '/api/v1/plans')).statusCode).toBe(401);
    const again = await loginAs(app, 'look', r.json().temporaryPassword);
    expect(again.res.json().user.mustChangePassword).toBe(true);
  });

  it('imports users from CSV, all or nothing', async () => {
    const bad =
      'username,display_name,email,role,departments\nnew1,신규1,,department_staff,교통과\nnew2,신규2,,department_staff,없는과\n';
    const r1 = await call(app, admin, 'POST', '/api/v1/users/import', { csv: bad });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.details).toEqual([
      expect.objectContaining({ path: '3행[0].departments', code: 'unknown_department' }),
    ]);
    expect((await call(app, admin, 'GET', '/api/v1/users?q=new1')).json().users).toEqual([]);
    // A dry run reports the same problems.
    const dryBad = await call(app, admin, 'POST', '/api/v1/users/import', { csv: bad, dryRun: true });
    expect(dryBad.statusCode).toBe(400);
    expect(dryBad.json().error.details).toEqual(r1.json().error.details);

    const good =
      '\ufeff아이디,이름,이메일,역할,부서\nnew1,신규1,a@b.kr,부서 담당자,교통과\nnew1,신규1,,부서장,"보건소"\nnew2,"신규, 둘",,rater,\n';
    // A dry run of a good file lists the accounts with their roles, creates nothing and records nothing.
    const auditBefore = (await call(app, admin, 'GET', '/api/v1/audit?action=user.create')).json().total;
    const dry = await call(app, admin, 'POST', '/api/v1/users/import', { csv: good, dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: [] });
    expect(dry.json().accounts).toEqual([
      {
        username: 'new1',
        displayName: '신규1',
        email: 'a@b.kr',
        roles: [
          { role: 'department_staff', department: '교통과' },
          { role: 'department_head', department: '보건소' },
        ],
      },
      { username: 'new2', displayName: '신규, 둘', email: '', roles: [{ role: 'rater', department: null }] },
    ]);
    expect((await call(app, admin, 'GET', '/api/v1/users?q=new')).json().users).toEqual([]);
    expect((await call(app, admin, 'GET', '/api/v1/audit?action=user.create')).json().total).toBe(auditBefore);
    // …and a planner's dry run of an administrator row is refused like the real import.
    const adminRow = 'username,display_name,role\nboss2,관리2,administrator\n';
    expect((await call(app, planner, 'POST', '/api/v1/users/import', { csv: adminRow, dryRun: true })).statusCode).toBe(
      403,
    );

    const r2 = await call(app, admin, 'POST', '/api/v1/users/import', { csv: good });
    expect(r2.statusCode, r2.body).toBe(201);
    expect(r2.json().dryRun).toBe(false);
    expect(r2.json().accounts).toEqual(dry.json().accounts);
    expect(r2.json().created.map((c: { username: string }) => c.username)).toEqual(['new1', 'new2']);
    const list = (await call(app, admin, 'GET', '/api/v1/users?q=new')).json().users;
    expect(list.find((u: { username: string }) => u.username === 'new2').displayName).toBe('신규, 둘');
    expect(list.find((u: { username: string }) => u.username === 'new1').roles).toHaveLength(2);
    const staff = (
      await call(app, admin, 'GET', `/api/v1/users?role=department_head&department=${org.departments['보건소']}`)
    ).json().users;
    expect(staff.map((u: { username: string }) => u.username)).toEqual(['new1']);
  });
});

describe('departments', () => {
  it('every role reads the list; planners create and rename (the old name is kept); others may not', async () => {
    await makeUser(database.db, org.organizationId, 'look2', [{ role: 'viewer' }]);
    const v2 = await loginAs(app, 'look2', TEST_PASSWORD);
    expect(
      (await call(app, v2, 'GET', '/api/v1/departments')).json().departments.map((d: { name: string }) => d.name),
    ).toEqual(['교통과', '기획예산과', '보건소']);
    const created = await call(app, planner, 'POST', '/api/v1/departments', { name: ' 스마트 도시과 ', group: '본청' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: '스마트 도시과', seq: 3, evaluated: true });
    expect((await call(app, planner, 'POST', '/api/v1/departments', { name: '교통과' })).statusCode).toBe(409);
    const d = created.json();
    const renamed = await call(app, planner, 'PATCH', `/api/v1/departments/${d.id}`, {
      name: '스마트도시과',
      version: d.version,
    });
    expect(renamed.json()).toMatchObject({
      name: '스마트도시과',
      formerNames: ['스마트 도시과'],
      version: d.version + 1,
    });
    expect(
      (await call(app, planner, 'PATCH', `/api/v1/departments/${d.id}`, { active: false, version: d.version }))
        .statusCode,
    ).toBe(409);
    expect((await call(app, v2, 'POST', '/api/v1/departments', { name: '열람과' })).statusCode).toBe(403);
  });
});

describe('audit API', () => {
  it('planners and administrators list and filter the trail and check the chain; others may not', async () => {
    const r = await call(app, planner, 'GET', '/api/v1/audit?action=auth.&limit=5');
    expect(r.statusCode).toBe(200);
    expect(r.json().entries).toHaveLength(5);
    expect(
      r
        .json()
        .entries.every(
          (e: { action: string; category: string }) => e.action.startsWith('auth.') && e.category === 'access',
        ),
    ).toBe(true);
    expect(r.json().total).toBeGreaterThan(5);
    const v = await call(app, admin, 'GET', '/api/v1/audit/verify');
    expect(v.json()).toMatchObject({ ok: true, problems: [] });
    const bad = await call(app, planner, 'GET', '/api/v1/audit?sort=desc');
    expect(bad.statusCode).toBe(400);
    await makeUser(database.db, org.organizationId, 'head9', [
      { role: 'department_head', departmentId: org.departments['교통과'] },
    ]);
    const head = await loginAs(app, 'head9', TEST_PASSWORD);
    expect((await call(app, head, 'GET', '/api/v1/audit')).statusCode).toBe(403);
    expect((await call(app, head, 'GET', '/api/v1/audit/verify')).statusCode).toBe(403);
  });
});
