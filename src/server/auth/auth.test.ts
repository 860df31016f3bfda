/**
 * Sessions, CSRF, lockout, password rules, forced change and the end of sessions on logout,
 * deactivation and password change — through the HTTP API (PGlite, or PostgreSQL with TEST_DATABASE_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../db/testing.js';
import { countAudit } from '../../db/queries/audit.js';
import { makeUser, seedOrganization, TEST_PASSWORD } from '../../features/accounts/testing.js';
import type { App } from '../app.js';
import { registerAuth } from './plugin.js';
import { call, loginAs, testApp, testConfig } from './testing.js';

let database: Database;
let app: App;
let org: { organizationId: string; departments: Record<string, string> };

beforeAll(async () => {
  database = await createTestDatabase();
  org = await seedOrganization(database.db);
  const o = org.organizationId;
  await makeUser(database.db, o, 'admin1', [{ role: 'administrator' }]);
  await makeUser(database.db, o, 'planner1', [{ role: 'planner' }]);
  await makeUser(database.db, o, 'staff1', [{ role: 'department_staff', departmentId: org.departments['교통과'] }]);
  await makeUser(database.db, o, 'locky', [{ role: 'viewer' }]);
  await makeUser(database.db, o, 'idle1', [{ role: 'viewer' }]);
  await makeUser(database.db, o, 'changer', [{ role: 'viewer' }]);
  await makeUser(database.db, o, 'leaver', [{ role: 'viewer' }]);
  app = await testApp(database);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const db = () => database.db;

describe('login and the session cookie', () => {
  it('sets an HttpOnly, SameSite=Lax cookie (not Secure over plain HTTP) and returns the CSRF token and abilities', async () => {
    const s = await loginAs(app, 'staff1', TEST_PASSWORD);
    const c = s.res.cookies.find((c) => c.name === 'bsc_session')!;
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(c.secure).toBeFalsy();
    const body = s.res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(body.user).toMatchObject({
      username: 'staff1',
      roles: [{ role: 'department_staff', department: { name: '교통과' } }],
    });
    expect(body.user.passwordHash).toBeUndefined();
    expect(body.abilities).toContain('result.submit');
    expect(body.abilities).not.toContain('users.manage');
    expect(body.session.idleTimeoutSeconds).toBe(1800);
    // The token is not stored: only its hash.
    const rows = await db().execute(sql`select id from sessions where id = ${c.value}`);
    expect((rows as unknown as { rows: unknown[] }).rows ?? rows).toHaveLength(0);
  });

  it('over TLS (x-forwarded-proto: https) the cookie is __Host- prefixed and Secure', async () => {
    const s = await loginAs(app, 'staff1', TEST_PASSWORD, { 'x-forwarded-proto': 'https' });
    const c = s.res.cookies.find((c) => c.name === '__Host-bsc_session')!;
    expect(c).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(c.domain).toBeUndefined();
    const me = await call(app, s, 'GET', '/api/v1/auth/session', undefined, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(me.statusCode).toBe(200);
  });

  it('a login gives a new session id and ends the browser’s previous session', async () => {
    const a = await loginAs(app, 'staff1', TEST_PASSWORD);
    const b = await loginAs(app, 'staff1', TEST_PASSWORD, { cookie: a.cookie });
    expect(b.cookie).not.toBe(a.cookie);
    expect((await call(app, a, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await call(app, b, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('a wrong password or unknown user gets one Korean message, and both are recorded', async () => {
    const before = await countAudit(db(), org.organizationId, 'auth.login_failed');
    for (const username of ['staff1', 'nobody-here']) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'wrong-password-1' },
      });
      expect(r.statusCode).toBe(401);
      expect(r.json().error).toEqual({ code: 'login_failed', message: '아이디 또는 비밀번호가 맞지 않습니다.' });
    }
    expect(await countAudit(db(), org.organizationId, 'auth.login_failed')).toBe(before + 2);
    // Reset the counter for the later tests.
    await loginAs(app, 'staff1', TEST_PASSWORD);
  });

  it('refuses unknown properties in the body', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'staff1', password: TEST_PASSWORD, role: 'administrator' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0].message).toMatch(/알 수 없는 항목: role/);
  });
});

describe('every route needs a session; state changes need the CSRF token', () => {
  it('401 without a session, with a Korean message', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/plans' });
    expect(r.statusCode).toBe(401);
    expect(r.json().error).toMatchObject({ code: 'unauthenticated', message: '로그인이 필요합니다.' });
    const bogus = await app.inject({ method: 'GET', url: '/api/v1/plans', cookies: { bsc_session: 'forged' } });
    expect(bogus.statusCode).toBe(401);
  });

  it('the plan is readable by every logged-in role', async () => {
    const s = await loginAs(app, 'staff1', TEST_PASSWORD);
    const r = await call(app, s, 'GET', '/api/v1/plans');
    expect(r.statusCode, r.body).toBe(200);
  });

  it('403 without (or with a wrong) x-csrf-token, and from another origin', async () => {
    const s = await loginAs(app, 'staff1', TEST_PASSWORD);
    const none = await call(app, s, 'POST', '/api/v1/auth/session/extend', undefined, { csrf: false });
    expect(none.statusCode).toBe(403);
    expect(none.json().error).toMatchObject({
      code: 'csrf_invalid',
      message: expect.stringMatching(/보안 토큰\(CSRF\)/),
    });
    const wrong = await call(app, { ...s, csrf: s.csrf.slice(1) + 'x' }, 'POST', '/api/v1/auth/session/extend');
    expect(wrong.statusCode).toBe(403);
    const cross = await call(app, s, 'POST', '/api/v1/auth/session/extend', undefined, {
      headers: { origin: 'https://evil.example' },
    });
    expect(cross.json().error.code).toBe('csrf_origin');
    const ok = await call(app, s, 'POST', '/api/v1/auth/session/extend');
    expect(ok.statusCode).toBe(200);
  });

  it('a role without the action gets 403 from the route policy', async () => {
    const s = await loginAs(app, 'staff1', TEST_PASSWORD);
    const r = await call(app, s, 'GET', '/api/v1/users');
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('forbidden');
    expect((await call(app, s, 'GET', '/api/v1/audit')).statusCode).toBe(403);
  });

  it('another organization’s data is refused', async () => {
    const s = await loginAs(app, 'staff1', TEST_PASSWORD);
    const r = await call(app, s, 'GET', '/api/v1/plans?org=other-gu');
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('other_organization');
  });
});

describe('default deny', () => {
  it('a route without a policy action stops the server from starting', async () => {
    const a = Fastify();
    a.decorate('database', database);
    a.decorate('config', testConfig());
    await registerAuth(a, { config: testConfig() });
    await expect(
      (async () => {
        a.get('/api/v1/forgotten', async () => ({ secret: 1 }));
        await a.ready();
      })(),
    ).rejects.toThrow(/정책이 없습니다 \(기본 거부\)/);
    await a.close().catch(() => undefined);
  });

  it('an unknown action is refused too; a public route is marked security: []', async () => {
    const a = Fastify();
    a.decorate('database', database);
    await registerAuth(a, { config: testConfig() });
    await expect(
      (async () => {
        a.get('/api/v1/typo', { config: { action: 'plan.raed' as never } }, async () => 1);
        await a.ready();
      })(),
    ).rejects.toThrow(/알 수 없는 동작: plan.raed/);
    await a.close().catch(() => undefined);
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.paths['/api/v1/auth/login'].post.security).toEqual([]);
    expect(spec.paths['/healthz'].get.security).toEqual([]);
    expect(spec.paths['/api/v1/users'].post.security).toEqual([{ session: [], csrf: [] }]);
  });
});

describe('lockout', () => {
  it('5 failures within 15 minutes lock the account for 15 minutes (429, Korean message with the wait), recorded', async () => {
    const before = await countAudit(db(), org.organizationId, 'auth.locked');
    for (let i = 1; i <= 4; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'locky', password: `nope-${i}-xxxxxx` },
      });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'locky', password: 'nope-5-xxxxxx' },
    });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('account_locked');
    expect(fifth.json().error.message).toMatch(
      /5번 실패하여 계정이 잠겼습니다\. 15분 뒤\(\d\d:\d\d\)에 다시 시도하세요/,
    );
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // Even the right password is refused while locked.
    const right = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'locky', password: TEST_PASSWORD },
    });
    expect(right.statusCode).toBe(429);
    expect(await countAudit(db(), org.organizationId, 'auth.locked')).toBe(before + 1);

    // An administrator unlocks it (recorded as a rights change).
    const admin = await loginAs(app, 'admin1', TEST_PASSWORD);
    const u = await call(app, admin, 'POST', '/api/v1/users/locky/unlock', {});
    expect(u.statusCode, u.body).toBe(200);
    expect(u.json().lockedUntil).toBeNull();
    await loginAs(app, 'locky', TEST_PASSWORD);
  });

  it('failures older than the window do not count', async () => {
    await makeUser(db(), org.organizationId, 'slowfail', [{ role: 'viewer' }]);
    for (let i = 0; i < 4; i++)
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'slowfail', password: 'wrong-wrong-1' },
      });
    await db().execute(
      sql`update users set first_failed_login_at = now() - interval '16 minutes' where username = 'slowfail'`,
    );
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'slowfail', password: 'wrong-wrong-1' },
    });
    expect(r.statusCode).toBe(401);
  });

  it('the login route is throttled per client IP', async () => {
    const throttled = await testApp(database, { BSC_LOGIN_RATE_PER_MINUTE: '2' });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++)
        codes.push(
          (
            await throttled.inject({
              method: 'POST',
              url: '/api/v1/auth/login',
              payload: { username: 'ghost', password: 'x-x-x-x-x-x' },
            })
          ).statusCode,
        );
      expect(codes).toEqual([401, 401, 429]);
    } finally {
      await throttled.close();
    }
  });
});

describe('session expiry and the KWCAG warning', () => {
  it('tells the remaining time without extending; extend restarts the idle clock', async () => {
    const s = await loginAs(app, 'idle1', TEST_PASSWORD);
    await db().execute(
      sql`update sessions set last_seen_at = now() - interval '20 minutes' where user_id = (select id from users where username = 'idle1')`,
    );
    const status = await call(app, s, 'GET', '/api/v1/auth/session');
    expect(status.json().session.remainingSeconds).toBeGreaterThan(9 * 60);
    expect(status.json().session.remainingSeconds).toBeLessThanOrEqual(10 * 60);
    const again = await call(app, s, 'GET', '/api/v1/auth/session');
    expect(again.json().session.remainingSeconds).toBeLessThanOrEqual(10 * 60);
    const ext = await call(app, s, 'POST', '/api/v1/auth/session/extend');
    expect(ext.json().session.remainingSeconds).toBeGreaterThan(29 * 60);
  });

  it('ends after 30 idle minutes', async () => {
    const s = await loginAs(app, 'idle1', TEST_PASSWORD);
    await db().execute(
      sql`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = (select id from users where username = 'idle1')`,
    );
    const r = await call(app, s, 'GET', '/api/v1/plans');
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('session_expired');
    expect(r.json().error.message).toMatch(/세션이 만료되었습니다/);
  });

  it('ends 12 hours after login however active', async () => {
    const s = await loginAs(app, 'idle1', TEST_PASSWORD);
    const res = await call(app, s, 'GET', '/api/v1/auth/session');
    const abs = new Date(res.json().session.absoluteExpiresAt).getTime();
    expect(abs - Date.now()).toBeGreaterThan(11.9 * 3600_000);
    await db().execute(
      sql`update sessions set expires_at = now() - interval '1 second', last_seen_at = now() where user_id = (select id from users where username = 'idle1')`,
    );
    expect((await call(app, s, 'GET', '/api/v1/plans')).statusCode).toBe(401);
  });
});

describe('sessions end on the server', () => {
  it('logout', async () => {
    const s = await loginAs(app, 'leaver', TEST_PASSWORD);
    const before = await countAudit(db(), org.organizationId, 'auth.logout');
    const out = await call(app, s, 'POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    expect((await call(app, s, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect(await countAudit(db(), org.organizationId, 'auth.logout')).toBe(before + 1);
  });

  it('password change ends every session and issues a new one', async () => {
    const a = await loginAs(app, 'changer', TEST_PASSWORD);
    const b = await loginAs(app, 'changer', TEST_PASSWORD);
    const r = await call(app, a, 'POST', '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Another-Horse-7?',
    });
    expect(r.statusCode, r.body).toBe(200);
    const c = r.cookies.find((c) => c.name === 'bsc_session')!;
    const fresh = { cookie: `bsc_session=${c.value}`, csrf: r.json().csrfToken };
    expect((await call(app, a, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await call(app, b, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await call(app, fresh, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);
    await loginAs(app, 'changer', 'Another-Horse-7?');
  });

  it('deactivation ends the sessions at once and refuses new logins', async () => {
    await makeUser(db(), org.organizationId, 'gone', [{ role: 'viewer' }]);
    const s = await loginAs(app, 'gone', TEST_PASSWORD);
    const admin = await loginAs(app, 'admin1', TEST_PASSWORD);
    expect((await call(app, admin, 'POST', '/api/v1/users/gone/deactivate', {})).statusCode).toBe(200);
    expect((await call(app, s, 'GET', '/api/v1/plans')).statusCode).toBe(401);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'gone', password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('account_inactive');
  });
});

describe('passwords', () => {
  it('refuses short, simple, username-containing, common and demo passwords; accepts good ones (no truncation)', async () => {
    const s = await loginAs(app, 'changer', 'Another-Horse-7?');
    const attempt = (newPassword: string) =>
      call(app, s, 'POST', '/api/v1/auth/password', { currentPassword: 'Another-Horse-7?', newPassword });
    const codes = async (p: string) => {
      const r = await attempt(p);
      return r.statusCode === 200
        ? 'ok'
        : (r.json().error.details ?? []).map((d: { code: string }) => d.code).join(',');
    };
    expect(await codes('Ab1!x')).toBe('too_short');
    expect(await codes('zqxwvuts1')).toBe('too_simple');
    expect(await codes('my-changer-pass-1')).toBe('contains_username');
    expect(await codes('Password123!')).toBe('common');
    expect(await codes('1q2w3e4r5t')).toBe('common');
    expect(await codes('demo-bsc-2020!')).toBe('common');
    expect(await codes('Another-Horse-7?')).toBe('same_as_current');
    expect(await codes('x'.repeat(129) + 'A1!')).toBe('too_long');
    const r = await attempt('Ab1!wxyz');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().user.mustChangePassword).toBe(false);
    // 128 characters, all of them count (a prefix does not log in).
    const long = '가나다라-' + 'k'.repeat(118) + 'Z9!';
    const fresh = {
      cookie: `bsc_session=${r.cookies.find((c) => c.name === 'bsc_session')!.value}`,
      csrf: r.json().csrfToken,
    };
    const r2 = await call(app, fresh, 'POST', '/api/v1/auth/password', {
      currentPassword: 'Ab1!wxyz',
      newPassword: long,
    });
    expect(r2.statusCode, r2.body).toBe(200);
    const prefix = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'changer', password: long.slice(0, 72) },
    });
    expect(prefix.statusCode).toBe(401);
    await loginAs(app, 'changer', long);
  });
});

describe('accounts created by an administrator', () => {
  it('get a temporary password that must be changed before anything else', async () => {
    const admin = await loginAs(app, 'admin1', TEST_PASSWORD);
    const created = await call(app, admin, 'POST', '/api/v1/users', {
      username: 'Newbie',
      displayName: '신규 직원',
      roles: [{ role: 'department_staff', departments: ['보건소'] }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { user, temporaryPassword } = created.json();
    expect(user).toMatchObject({
      username: 'newbie',
      mustChangePassword: true,
      roles: [{ role: 'department_staff', department: { name: '보건소' } }],
    });
    expect(temporaryPassword).toHaveLength(16);
    const s = await loginAs(app, 'newbie', temporaryPassword);
    expect(s.res.json().user.mustChangePassword).toBe(true);
    const blocked = await call(app, s, 'GET', '/api/v1/plans');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    const changed = await call(app, s, 'POST', '/api/v1/auth/password', {
      currentPassword: temporaryPassword,
      newPassword: 'Fresh-Start-42',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const fresh = {
      cookie: `bsc_session=${changed.cookies.find((c) => c.name === 'bsc_session')!.value}`,
      csrf: changed.json().csrfToken,
    };
    expect((await call(app, fresh, 'GET', '/api/v1/plans')).statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('CSP without inline script, frame-ancestors none, nosniff, referrer policy', async () => {
    const r = await app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});
