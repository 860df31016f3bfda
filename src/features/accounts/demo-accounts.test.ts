/**
 * The demo's accounts: created by the demo hook when the demo loads (one per role, a head and a
 * staff account per department), listed by `bsc users list --json`, and refused by a production start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../db/testing.js';
import { ensureDemo } from '../demo/ensure-demo.js';
import '../register.js';
import { usersListCommand, usersDeactivateCommand } from '../../cli/commands/users.js';
import type { Command, CommandContext } from '../../cli/command.js';
import { DEFAULT_DEMO_PASSWORD } from '../../config.js';
import { countAudit } from '../../db/queries/audit.js';
import { listDepartments } from '../../db/queries/accounts.js';
import { loginAs, testApp, testConfig } from '../../server/auth/testing.js';
import { buildApp } from '../../server/app.js';
import { createDemoAccounts } from './demo-accounts.js';

let database: Database;
let loadMs = 0;
beforeAll(async () => {
  database = await createTestDatabase();
  const t0 = Date.now();
  expect(await ensureDemo(database.db)).toBe(true);
  loadMs = Date.now() - t0;
});
afterAll(async () => {
  await database?.close();
});

async function run(command: Command, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CommandContext = {
    args,
    config: testConfig(),
    io: { out: (t) => out.push(t), err: (t) => err.push(t) },
    database: async () => database,
  };
  const code = await command.run(ctx);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('demo accounts', () => {
  it('one per role and a head and a staff account for each of the 42 departments, listed by users list --json', async () => {
    const r = await run(usersListCommand, ['--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { username: string; role: string; departments: string[] }[];
    expect(Object.keys(list[0]!).sort()).toEqual(['departments', 'role', 'username']);
    expect(list).toHaveLength(8 + 42 * 2);
    const by = new Map(list.map((u) => [u.username, u]));
    expect(by.get('admin')).toEqual({ username: 'admin', role: 'administrator', departments: [] });
    expect(by.get('planner')?.role).toBe('planner');
    for (const n of ['rater1', 'rater2', 'rater3']) expect(by.get(n)?.role).toBe('rater');
    expect(by.get('committee')?.role).toBe('committee');
    expect(by.get('executive')?.role).toBe('executive');
    expect(by.get('viewer')?.role).toBe('viewer');
    const orgId = (await database.db.query.organizations.findFirst())!.id;
    const depts = await listDepartments(database.db, orgId, { evaluatedOnly: true });
    expect(depts).toHaveLength(42);
    depts.forEach((d, i) => {
      const n = String(i + 1).padStart(2, '0');
      expect(by.get(`head-${n}`)).toEqual({ username: `head-${n}`, role: 'department_head', departments: [d.name] });
      expect(by.get(`staff-${n}`)).toEqual({ username: `staff-${n}`, role: 'department_staff', departments: [d.name] });
    });
    expect(new Set(list.map((u) => u.role))).toEqual(
      new Set([
        'administrator',
        'planner',
        'department_head',
        'department_staff',
        'rater',
        'committee',
        'executive',
        'viewer',
      ]),
    );
    expect(await countAudit(database.db, orgId, 'user.demo_accounts')).toBe(1);
  });

  it('hashes the demo password once: the hook is fast, and running it again makes nothing', async () => {
    const t0 = Date.now();
    expect(await createDemoAccounts(database.db, DEFAULT_DEMO_PASSWORD)).toBe(0);
    expect(Date.now() - t0).toBeLessThan(2_000);
    // The whole demo (two plans and 92 accounts) loads in seconds, not minutes of Argon2.
    expect(loadMs).toBeLessThan(60_000);
  });

  it('the demo password logs in, without a forced change', async () => {
    const app = await testApp(database);
    try {
      const s = await loginAs(app, 'head-01', DEFAULT_DEMO_PASSWORD);
      expect(s.res.json().user).toMatchObject({ demo: true, mustChangePassword: false });
      expect(s.res.json().abilities).toContain('result.approve');
      const r = await loginAs(app, 'rater2', DEFAULT_DEMO_PASSWORD);
      expect(r.res.json().abilities).toContain('rating.write');
    } finally {
      await app.close();
    }
  });

  it('the login page is offered the active demo accounts (and the password only while it is the default)', async () => {
    const app = await testApp(database);
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/auth/demo-accounts' });
      expect(res.statusCode).toBe(200);
      const body = res.json() as {
        password: string | null;
        accounts: { username: string; roleLabel: string; department: string | null }[];
      };
      expect(body.password).toBe(DEFAULT_DEMO_PASSWORD);
      expect(body.accounts).toHaveLength(92);
      expect(body.accounts.slice(0, 2).map((a) => a.username)).toEqual(['admin', 'planner']);
      const head = body.accounts.find((a) => a.username === 'head-01')!;
      expect(head.roleLabel).toBe('부서장');
      expect(head.department).toBeTruthy();
    } finally {
      await app.close();
    }
    const own = await testApp(database, { BSC_DEMO_PASSWORD: 'operator-chosen-1!' });
    try {
      const body = (await own.inject({ method: 'GET', url: '/api/v1/auth/demo-accounts' })).json() as {
        password: string | null;
        accounts: unknown[];
      };
      expect(body.password).toBeNull();
      expect(body.accounts).toHaveLength(92);
    } finally {
      await own.close();
    }
  });

  it('a production start refuses while demo accounts are active, and starts once they are deactivated', async () => {
    await expect(buildApp({ database, config: testConfig({ NODE_ENV: 'production' }) })).rejects.toThrow(
      /운영 모드\(NODE_ENV=production\)에서는 데모 계정.*92개.*users deactivate --demo/,
    );
    const r = await run(usersDeactivateCommand, ['--demo']);
    expect(r.out).toMatch(/데모 계정 92개를 중지했습니다/);
    const app = await buildApp({ database, config: testConfig({ NODE_ENV: 'production' }) });
    await app.close();
    // Deactivated demo accounts are no longer offered on the login page.
    const dev = await testApp(database);
    try {
      expect((await dev.inject({ method: 'GET', url: '/api/v1/auth/demo-accounts' })).json()).toEqual({
        password: null,
        accounts: [],
      });
    } finally {
      await dev.close();
    }
  });
});
