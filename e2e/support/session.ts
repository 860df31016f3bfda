/**
 * Signing in for browser tests: through the login page (the browser's cookies) and, beside the
 * browser, an API session (cookie + CSRF token) to find data or to act as another person.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = process.env.E2E_PASSWORD ?? process.env.BSC_DEMO_PASSWORD ?? 'demo-bsc-2020!';

/** Signs in through /login (after dropping the page's cookies) and waits to leave the login page. */
export async function uiLogin(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('아이디').fill(username);
  await page.getByLabel('비밀번호').fill(password);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

export type ApiCall = <T>(
  path: string,
  init?: { method?: string; body?: unknown },
) => Promise<{ status: number; body: T }>;

/** An API session of `username` outside the browser; `call('/inbox')` requests /api/v1/inbox. */
export async function apiSession(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<ApiCall> {
  const r = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(r.status, `${username} 로그인`).toBe(200);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await r.json()) as { csrfToken?: string };
  return async <T>(path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: {
        cookie,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as T };
  };
}
