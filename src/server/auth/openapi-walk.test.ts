/**
 * Walks the whole OpenAPI document: every operation not marked `security: []` answers 401 without
 * a session, and every state-changing one answers 403 without the CSRF token (with a session).
 * New routes are covered the moment they exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../db/testing.js';
import { makeUser, seedOrganization, TEST_PASSWORD } from '../../features/accounts/testing.js';
import type { App } from '../app.js';
import { loginAs, testApp, type TestSession } from './testing.js';

let database: Database;
let app: App;
let admin: TestSession;

beforeAll(async () => {
  database = await createTestDatabase();
  const org = await seedOrganization(database.db);
  await makeUser(database.db, org.organizationId, 'walker', [{ role: 'administrator' }]);
  app = await testApp(database);
  admin = await loginAs(app, 'walker', TEST_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

type Operation = { security?: unknown[]; parameters?: { name: string; in: string }[] };
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const SAMPLE: Record<string, string> = { year: '2021', id: '00000000-0000-4000-8000-000000000000' };

function sampleUrl(path: string) {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => SAMPLE[name] ?? 'sample');
}

async function operations() {
  const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    security: unknown[];
    paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  };
  const ops: { method: (typeof METHODS)[number]; path: string; op: Operation }[] = [];
  for (const [path, item] of Object.entries(spec.paths))
    for (const method of METHODS) if (item[method]) ops.push({ method, path, op: item[method]! });
  return { spec, ops };
}

describe('OpenAPI walk', () => {
  it('lists which routes are public, and only login, the login page’s demo-account hint and health are', async () => {
    const { spec, ops } = await operations();
    expect(spec.security).toEqual([{ session: [] }]);
    const open = ops
      .filter((o) => Array.isArray(o.op.security) && o.op.security.length === 0)
      .map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(open.sort()).toEqual([
      'GET /api/v1/auth/demo-accounts',
      'GET /healthz',
      'GET /readyz',
      'POST /api/v1/auth/login',
    ]);
    expect(ops.length).toBeGreaterThan(20);
  });

  it('every other route answers 401 without a session', async () => {
    const { ops } = await operations();
    const wrong: string[] = [];
    for (const { method, path, op } of ops) {
      if (Array.isArray(op.security) && op.security.length === 0) continue;
      const r = await app.inject({
        method: method.toUpperCase() as 'GET',
        url: sampleUrl(path),
        payload: method === 'get' ? undefined : {},
      });
      if (r.statusCode !== 401 || r.json().error?.code !== 'unauthenticated')
        wrong.push(`${method.toUpperCase()} ${path} → ${r.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every state-changing route answers 403 without the CSRF token, even with a session', async () => {
    const { ops } = await operations();
    const changing = ops.filter(
      (o) => o.method !== 'get' && !(Array.isArray(o.op.security) && o.op.security.length === 0),
    );
    expect(changing.length).toBeGreaterThan(8);
    const wrong: string[] = [];
    for (const { method, path, op } of changing) {
      expect(op.security, `${method} ${path} documents the CSRF header`).toEqual([{ session: [], csrf: [] }]);
      const r = await app.inject({
        method: method.toUpperCase() as 'POST',
        url: sampleUrl(path),
        headers: { cookie: admin.cookie },
        payload: {},
      });
      if (r.statusCode !== 403 || r.json().error?.code !== 'csrf_invalid')
        wrong.push(`${method.toUpperCase()} ${path} → ${r.statusCode} ${r.body.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
    // The session is still alive: the refusals changed nothing.
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: admin.cookie } })).statusCode,
    ).toBe(200);
  });

  it('the public ones answer without a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
  });
});
