/**
 * Browser test of 설정 (/settings/…): the real server in-process with the demo, Debian's Chromium.
 * The administrator creates an account with a department role (a bad username and a department
 * role without a department are refused at their fields, creating nothing) and the new account
 * signs in in a second browser; resets its password (the old session ends, the temporary password
 * works); deactivates it (it can no longer sign in); imports a CSV with a bad row (the row error is
 * shown, nothing created) and then a good one; adds and renames a department; reads the audit trail
 * of all that and runs the integrity check. A planner may manage users but not grant the
 * administrator role; department staff do not see 설정. Every state is scanned with axe-core and
 * photographed to test-output/screenshots/.
 *
 * Skipped, with a message, when /usr/bin/chromium is absent (CHROMIUM_PATH overrides the path).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Browser, hasChromium, launchBrowser, screenshot } from './support/browser.js';
import { apiSession } from './support/session.js';
import { browserSuite } from './support/suite.js';

describe.skipIf(!hasChromium)('설정 in Chromium', () => {
  const ui = browserSuite({ tests: '설정 브라우저 테스트', timeout: 240_000 });
  const { url, check } = ui;
  /** A second browser, for the new account to sign in beside the administrator. */
  let other: Browser;
  let page2: Page;
  /** The accounts matching `q`, read through the admin's browser session. */
  const usersLike = (q: string) =>
    ui.page.evaluate(
      async (q) =>
        ((await (await fetch(`/api/v1/users?q=${encodeURIComponent(q)}`)).json()) as { users: { username: string }[] })
          .users,
      q,
    );
  const login = async (username: string, password: string) => {
    const r = await fetch(url('/api/v1/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    return { status: r.status, body: (await r.json()) as { error?: { code: string; message: string } } };
  };
  let temporary = '';

  beforeAll(async () => {
    other = await launchBrowser();
    page2 = other.context.pages()[0] ?? (await other.context.newPage());
    await ui.login('admin');
  }, 240_000);
  afterAll(async () => {
    await other?.close();
  });

  it('lists the users and finds one by name or username', async () => {
    await ui.page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '설정' }).click();
    await ui.page.waitForURL(/\/settings\/users$/);
    await ui.page.getByRole('heading', { level: 1, name: '사용자 관리' }).waitFor();
    await ui.page.getByRole('navigation', { name: '설정 메뉴' }).getByRole('link', { name: '감사 기록' }).waitFor();
    await ui.page.locator('tr[data-username="staff-01"]').waitFor();
    await check('settings-users');

    await ui.page.getByLabel('이름·아이디 검색').fill('staff-01');
    await ui.page.locator('tr[data-username="staff-02"]').waitFor({ state: 'detached' });
    const row = ui.page.locator('tr[data-username="staff-01"]');
    expect(await row.textContent()).toMatch(/부서 담당자 \(.+\)/);
    expect(await row.textContent()).toContain('사용 중');
    expect(await ui.page.locator('tbody tr').count()).toBe(1);
  });

  it('refuses a bad username and a department role without a department at their fields, creating nothing', async () => {
    await ui.page.goto(url('/settings/users/new'));
    await ui.page.getByRole('heading', { level: 1, name: '사용자 추가' }).waitFor();
    await ui.page.getByRole('textbox', { name: '아이디' }).fill('Bad User!');
    await ui.page.getByRole('textbox', { name: '이름' }).fill('김시험');
    await ui.page.getByRole('checkbox', { name: '부서 담당자' }).check();
    await ui.page.getByRole('button', { name: '만들기' }).click();
    await ui.page.getByText('아이디 형식이 올바르지 않습니다').waitFor();
    expect(await ui.page.getByRole('textbox', { name: '아이디' }).getAttribute('aria-invalid')).toBe('true');
    expect(await ui.page.getByTestId('new-user-alert').textContent()).toContain('저장하지 못했습니다');
    await check('settings-user-error');

    await ui.page.getByRole('textbox', { name: '아이디' }).fill('e2e.kim');
    await ui.page.getByRole('button', { name: '만들기' }).click();
    await ui.page.getByText('부서 담당자 역할에는 부서를 하나 이상 지정하세요.').waitFor();
    expect(await ui.page.getByRole('combobox', { name: '부서 담당자 부서' }).getAttribute('aria-invalid')).toBe('true');
    expect(await usersLike('e2e.kim')).toEqual([]);

    // Leaving with the form filled asks first.
    await ui.page.getByRole('navigation', { name: '설정 메뉴' }).getByRole('link', { name: '부서 관리' }).click();
    const dialog = ui.page.getByRole('dialog', { name: '저장하지 않은 변경' });
    await dialog.waitFor();
    await screenshot(ui.page, 'settings-user-unsaved');
    await dialog.getByRole('button', { name: '머무르기' }).click();
    await ui.page.getByRole('heading', { level: 1, name: '사용자 추가' }).waitFor();
  });

  it('creates an account with a department role; it signs in with the temporary password in another browser', async () => {
    await ui.page.getByRole('combobox', { name: '부서 담당자 부서' }).click();
    await ui.page.getByRole('option', { name: '교통과', exact: true }).click();
    await ui.page.keyboard.press('Escape');
    await ui.page.getByRole('button', { name: '만들기' }).click();
    await ui.page.getByText('사용자 e2e.kim을(를) 만들었습니다.').waitFor();
    temporary = (await ui.page.getByTestId('temporary-password-value').textContent()) ?? '';
    expect(temporary).toMatch(/^\S{12,}$/);
    await ui.page.getByText(/다음 로그인 때 새 비밀번호로 바꿔야 합니다/).waitFor();
    await ui.page.getByRole('button', { name: /^복사/ }).waitFor();
    await check('settings-user-created');
    const [created] = await usersLike('e2e.kim');
    expect(created).toMatchObject({
      username: 'e2e.kim',
      displayName: '김시험',
      mustChangePassword: true,
      roles: [{ role: 'department_staff', department: { name: '교통과' } }],
    });

    // The new account signs in (and must first choose its own password).
    await page2.goto(url('/login'));
    await page2.getByLabel('아이디').fill('e2e.kim');
    await page2.locator('input[name="password"]').fill(temporary);
    await page2.getByRole('button', { name: '로그인' }).click();
    await page2.getByLabel('새 비밀번호').first().fill('Traffic-e2e-2020#');
    await page2.getByLabel('새 비밀번호 확인').fill('Traffic-e2e-2020#');
    await screenshot(page2, 'settings-new-account-login');
    await page2.getByRole('button', { name: '비밀번호 바꾸고 계속' }).click();
    await page2.waitForURL((u) => !u.pathname.startsWith('/login'));
    const me = await page2.evaluate(
      async () => (await (await fetch('/api/v1/auth/session')).json()) as { user: { username: string } },
    );
    expect(me.user.username).toBe('e2e.kim');
    // A department account has no settings.
    expect(await page2.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '설정' }).count()).toBe(
      0,
    );
  });

  it('resets the password: a temporary password once, the old session ends, it must be changed', async () => {
    await ui.page.getByRole('link', { name: 'e2e.kim 관리 화면' }).click();
    await ui.page.getByRole('heading', { level: 1, name: '김시험 (e2e.kim)' }).waitFor();
    await ui.page.getByTestId('account-state').getByText('사용 중').waitFor();
    await check('settings-user');

    await ui.page.getByRole('button', { name: '비밀번호 초기화' }).click();
    const dialog = ui.page.getByRole('dialog', { name: '비밀번호 초기화' });
    await dialog.waitFor();
    await check('settings-user-reset-confirm');
    await dialog.getByRole('button', { name: '초기화' }).click();
    await ui.page.getByText('e2e.kim의 비밀번호를 초기화했습니다.').waitFor();
    const reset = (await ui.page.getByTestId('temporary-password-value').textContent()) ?? '';
    expect(reset).not.toBe(temporary);
    await check('settings-user-reset');

    const r = await login('e2e.kim', reset);
    expect(r.status).toBe(200);
    expect((r.body as { user?: { mustChangePassword: boolean } }).user?.mustChangePassword).toBe(true);
    // The other browser's session was ended by the reset.
    const status = await page2.evaluate(async () => (await fetch('/api/v1/auth/session')).status);
    expect(status).toBe(401);
    temporary = reset;
  });

  it('deactivates the account after confirming; it can no longer sign in', async () => {
    await ui.page.getByRole('button', { name: '사용 중지' }).click();
    const dialog = ui.page.getByRole('dialog', { name: '계정 사용 중지' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '사용 중지' }).click();
    await ui.page.getByText('e2e.kim 계정을 사용 중지했습니다.').waitFor();
    await ui.page.getByTestId('account-state').getByText('사용 중지').waitFor();
    await ui.page.getByRole('button', { name: '다시 사용' }).waitFor();
    await check('settings-user-deactivated');

    const r = await login('e2e.kim', temporary);
    expect(r.status).toBe(403);
    expect(r.body.error?.code).toBe('account_inactive');
    await page2.goto(url('/login'));
    await page2.getByLabel('아이디').fill('e2e.kim');
    await page2.locator('input[name="password"]').fill(temporary);
    await page2.getByRole('button', { name: '로그인' }).click();
    await page2.getByText('사용이 중지된 계정입니다. 관리자에게 문의하세요.').waitFor();
  });

  it('imports users from CSV: a bad row is shown with its row and column and nothing is created; then a good file', async () => {
    await ui.page.goto(url('/settings/users/import'));
    await ui.page.getByRole('heading', { level: 1, name: 'CSV로 사용자 가져오기' }).waitFor();
    await ui.page.getByRole('link', { name: '예시 CSV 내려받기' }).waitFor();
    await check('settings-import');

    const file = (text: string) => ({ name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    await ui.page
      .locator('input[type="file"]')
      .setInputFiles(
        file('아이디,이름,이메일,역할,부서\ncsv.one,가져온하나,,부서 담당자,교통과\ncsv.two,가져온둘,,부서장,없는과\n'),
      );
    await ui.page.getByRole('button', { name: '검사' }).click();
    await ui.page.getByTestId('import-problems').waitFor();
    const bad = ui.page.locator('tr[data-row="3"]');
    expect(await bad.locator('th').textContent()).toBe('3');
    expect(await bad.textContent()).toContain('부서');
    expect(await bad.textContent()).toContain('부서를 찾을 수 없습니다: 없는과');
    expect(await ui.page.getByTestId('import-problems').textContent()).toBe(
      'CSV에 문제가 1건 있어 아무것도 만들지 않았습니다.',
    );
    await check('settings-import-error');
    expect(await usersLike('csv.')).toEqual([]);

    await ui.page
      .locator('input[type="file"]')
      .setInputFiles(
        file(
          'username,display_name,role,departments\ncsv.one,가져온하나,department_staff,교통과\ncsv.two,가져온둘,rater,\n',
        ),
      );
    await ui.page.getByRole('button', { name: '검사' }).click();
    await ui.page.getByText('검사를 통과했습니다. 아래 2명의 계정을 만들 수 있습니다.').waitFor();
    expect(await usersLike('csv.')).toEqual([]);
    await check('settings-import-preview');
    await ui.page.getByRole('button', { name: '2명 만들기' }).click();
    await ui.page.getByTestId('import-done').getByText('2명의 계정을 만들었습니다.').waitFor();
    await ui.page.getByRole('link', { name: '임시 비밀번호 CSV 내려받기' }).waitFor();
    await check('settings-import-done');
    expect((await usersLike('csv.')).map((u) => u.username).sort()).toEqual(['csv.one', 'csv.two']);
  });

  it('adds a department, refuses a duplicate name at the field, renames it keeping the old name', async () => {
    await ui.page.goto(url('/settings/departments'));
    await ui.page.getByRole('heading', { level: 1, name: '부서 관리' }).waitFor();
    await ui.page.locator('tr[data-department="교통과"]').waitFor();
    await check('settings-departments');

    const form = ui.page.locator('#department-form');
    await form.getByRole('textbox', { name: '부서명' }).fill('시험혁신과');
    await form.getByRole('combobox', { name: '구분' }).fill('본청');
    await form.getByRole('button', { name: '추가' }).click();
    await ui.page.getByText('부서 시험혁신과을(를) 추가했습니다.').waitFor();
    await ui.page.locator('tr[data-department="시험혁신과"]').waitFor();

    await ui.page.locator('tr[data-department="교통과"]').getByRole('button', { name: '고치기: 교통과' }).click();
    await form.getByRole('heading', { name: '교통과 고치기' }).waitFor();
    await form.getByRole('textbox', { name: '부서명' }).fill('시험혁신과');
    await form.getByRole('button', { name: '저장' }).click();
    await form.getByText('같은 이름의 부서가 이미 있습니다: 시험혁신과').first().waitFor();
    expect(await form.getByRole('textbox', { name: '부서명' }).getAttribute('aria-invalid')).toBe('true');
    await check('settings-department-error');

    // Opening another department with the change unsaved asks first; discard it.
    await ui.page
      .locator('tr[data-department="시험혁신과"]')
      .getByRole('button', { name: '고치기: 시험혁신과' })
      .click();
    await ui.page
      .getByRole('dialog', { name: '저장하지 않은 변경' })
      .getByRole('button', { name: '변경 버리기' })
      .click();
    await form.getByRole('heading', { name: '시험혁신과 고치기' }).waitFor();
    await form.getByRole('textbox', { name: '부서명' }).fill('시험혁신담당관');
    await form.getByRole('button', { name: '저장' }).click();
    await ui.page.getByText('부서 시험혁신담당관을(를) 저장했습니다.').waitFor();
    const row = ui.page.locator('tr[data-department="시험혁신담당관"]');
    expect(await row.textContent()).toContain('시험혁신과');
    await ui.page.locator('tr[data-department="교통과"]').waitFor();
  });

  it('shows the audit trail of what was just done and verifies the chain', async () => {
    await ui.page.goto(url('/settings/audit'));
    await ui.page.getByRole('heading', { level: 1, name: '감사 기록' }).waitFor();
    await ui.page.locator('tbody tr').first().waitFor();
    await check('settings-audit');

    await ui.page.getByRole('textbox', { name: '행위자 (아이디)' }).fill('admin');
    await ui.page.getByRole('button', { name: '조회' }).click();
    await ui.page.waitForURL(/actor=admin/);
    for (const action of [
      'user.create',
      'user.password_reset',
      'user.deactivate',
      'department.create',
      'department.update',
    ])
      await ui.page.locator(`tr[data-action="${action}"]`).first().waitFor();
    const deactivated = ui.page.locator('tr[data-action="user.deactivate"]').first();
    expect(await deactivated.textContent()).toContain('사용자: e2e.kim');
    expect(await deactivated.textContent()).toContain('계정 사용 중지');
    expect(await ui.page.locator('tr[data-action="user.create"]').count()).toBe(3);

    await ui.page.getByRole('button', { name: '무결성 검증' }).click();
    await ui.page
      .getByTestId('verify-result')
      .getByText(/무결성 검증 통과: 기록 [\d,]+건/)
      .waitFor();
    await check('settings-audit-verified');

    // A whole area: the new account's own sign-ins (and the refused one), as access records.
    await ui.page.goto(url('/settings/audit?action=auth.&actor=e2e.kim'));
    await ui.page.locator('tr[data-action="auth.login"]').first().waitFor();
    await ui.page.locator('tr[data-action="auth.login_failed"]').first().waitFor();
    expect(await ui.page.locator('tbody tr').first().textContent()).toContain('접속·열람');
  });

  it('a planner manages users but cannot grant the administrator role; staff do not see 설정', async () => {
    await ui.login('planner');
    await ui.page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '설정' }).click();
    await ui.page.getByRole('heading', { level: 1, name: '사용자 관리' }).waitFor();
    await ui.page.goto(url('/settings/users/new'));
    await ui.page.getByRole('textbox', { name: '아이디' }).fill('e2e.boss');
    await ui.page.getByRole('textbox', { name: '이름' }).fill('관리자후보');
    await ui.page.getByRole('checkbox', { name: '시스템 관리자' }).check();
    await ui.page.getByRole('button', { name: '만들기' }).click();
    await ui.page
      .getByTestId('roles-error')
      .getByText('관리자 권한은 시스템 관리자만 부여·변경할 수 있습니다.')
      .waitFor();
    await check('settings-planner-admin-refused');
    expect(await usersLike('e2e.boss')).toEqual([]);

    const staff = await apiSession(ui.server.baseUrl, 'staff-01');
    expect((await staff('/users')).status).toBe(403);
    await ui.login('staff-01');
    expect(await ui.page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '설정' }).count()).toBe(
      0,
    );
    await ui.page.goto(url('/settings'));
    await ui.page.waitForURL((u) => u.pathname === '/');
  });
});
