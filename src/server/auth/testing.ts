/** Test helpers for API tests with sessions: build the app on a test database, log in, send with cookie + CSRF. */
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { buildApp, type App } from '../app.js';

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    BSC_DEMO: '0',
    BSC_LOG_LEVEL: 'silent',
    BSC_LOGIN_RATE_PER_MINUTE: '1000',
    ...env,
  });
}

export async function testApp(database: Database, env: Record<string, string> = {}): Promise<App> {
  return buildApp({ database, config: testConfig(env) });
}

export interface TestSession {
  cookie: string;
  csrf: string;
  res: LightMyRequestResponse;
}

export async function loginAs(
  app: App,
  username: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<TestSession> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((c) => c.name === 'bsc_session' || c.name === '__Host-bsc_session')!;
  return { cookie: `${c.name}=${c.value}`, csrf: res.json().csrfToken, res };
}

/** A request with the session cookie and (for state changes) the CSRF header. */
export function call(
  app: App,
  s: Pick<TestSession, 'cookie' | 'csrf'>,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  opts: { csrf?: boolean; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { cookie: s.cookie, ...opts.headers };
  if (method !== 'GET' && opts.csrf !== false) headers['x-csrf-token'] = s.csrf;
  return app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
}
