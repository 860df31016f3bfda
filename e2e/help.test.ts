/**
 * Browser test of the first steps of a new user: the login page offers the demo accounts (a role
 * fills the form), and 도움말 lists what each role does with the signed-in user's roles first —
 * every step's link opens a real page (none is "페이지를 찾을 수 없습니다"). Every state is scanned
 * with axe-core and photographed to test-output/screenshots/.
 *
 * Skipped, with a message, when /usr/bin/chromium is absent (CHROMIUM_PATH overrides the path).
 */
import { describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser.js';
import { DEMO_PASSWORD } from './support/session.js';
import { browserSuite } from './support/suite.js';

describe.skipIf(!hasChromium)('데모 계정과 도움말 in Chromium', () => {
  const ui = browserSuite({ tests: '도움말 브라우저 테스트', timeout: 240_000 });
  const { url, check } = ui;

  it('the login page offers the demo accounts; choosing the planner fills the form and logs in', async () => {
    await ui.page.context().clearCookies();
    await ui.page.goto(url('/login'));
    const panel = ui.page.getByRole('region', { name: '데모 계정으로 둘러보기' });
    await panel.waitFor();
    await panel.getByText(DEMO_PASSWORD).waitFor();
    await check('login-demo-accounts');

    await panel.getByRole('button', { name: /planner/ }).click();
    expect(await ui.page.getByLabel('아이디').inputValue()).toBe('planner');
    expect(await ui.page.locator('input[name="password"]').inputValue()).toBe(DEMO_PASSWORD);
    await ui.page.getByRole('button', { name: '로그인', exact: true }).click();
    await ui.page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const session = (await (await ui.page.request.get(url('/api/v1/auth/session'))).json()) as {
      user: { username: string };
    };
    expect(session.user.username).toBe('planner');
  });

  it('도움말 puts the planner first and every step opens a real page', async () => {
    await ui.page.goto(url('/help'));
    await ui.page.getByRole('heading', { level: 1, name: '도움말 · 역할별 할 일' }).waitFor();
    // The first role section is the user's own, marked 내 역할.
    const first = ui.page.locator('main section').first();
    await first.getByRole('heading', { name: '성과관리 담당 (기획예산과)의 할 일' }).waitFor();
    await first.getByText('내 역할').waitFor();
    await check('help-planner');

    const links = await ui.page
      .locator('main ol.help-steps a')
      .evaluateAll((as) => [...new Set(as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))]);
    expect(links.length).toBeGreaterThanOrEqual(15);
    const missing: string[] = [];
    for (const p of links) {
      await ui.page.goto(url(p));
      const h1 = ui.page.locator('h1').first();
      const shown = await h1.waitFor({ timeout: 20_000 }).then(
        () => true,
        () => false,
      );
      if (!shown || (await h1.innerText()).includes('페이지를 찾을 수 없습니다')) missing.push(p);
    }
    expect(missing, '도움말의 링크가 없는 화면을 가리킴').toEqual([]);
  });

  it('a department account chosen by department sees its own role first', async () => {
    await ui.page.context().clearCookies();
    await ui.page.goto(url('/login'));
    const panel = ui.page.getByRole('region', { name: '데모 계정으로 둘러보기' });
    const select = panel.getByLabel('부서');
    await select.waitFor();
    const options = await select.locator('option').allInnerTexts();
    expect(options.length).toBe(42);
    await select.selectOption(options[1]!);
    await panel.getByRole('button', { name: /staff-02/ }).click();
    await ui.page.getByRole('button', { name: '로그인', exact: true }).click();
    await ui.page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await ui.page.goto(url('/help'));
    const first = ui.page.locator('main section').first();
    await first.getByRole('heading', { name: '부서 담당자의 할 일' }).waitFor();
    await first.getByText('내 역할').waitFor();
    await check('help-staff');
  });
});
