/**
 * Browser test of the work screens (할 일, 실적 입력, 실적 검토): the real server in-process with the
 * demo, Debian's Chromium. A staff member whose department has an open (draft) quantitative result
 * — found through the API, not guessed — opens it from 할 일, enters the actual, uploads an evidence
 * file (the progress bar reaches 100%), meets a stale edit (someone else saved meanwhile: the
 * conflict view shows their value; re-applying mine saves), and submits. The head tries to return
 * it without a reason (field error), then approves; the planner verifies. Also the whole-period
 * entry table. Every page is scanned with axe-core and photographed to test-output/screenshots/.
 *
 * Skipped, with a message, when /usr/bin/chromium is absent (CHROMIUM_PATH overrides the path).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser.js';
import { apiSession } from './support/session.js';
import { browserSuite } from './support/suite.js';

interface Pick {
  user: string;
  head: string;
  department: string;
  period: string;
  code: string;
  resultId: string;
}

describe.skipIf(!hasChromium)('할 일 and result entry in Chromium', () => {
  const ui = browserSuite({ tests: '할 일·실적 입력 브라우저 테스트', timeout: 300_000 });
  const { url, login, check } = ui;
  let target: Pick;
  /** Another open quantitative result of the same staff member, in another period (for the bulk table). */
  let second: Pick | undefined;

  const apiLogin = (username: string) => apiSession(ui.server.baseUrl, username);

  beforeAll(async () => {
    // Find a staff account with a draft quantitative result of an ended period (the demo's 2020 plan).
    for (let n = 1; n <= 42 && !target; n++) {
      const nn = String(n).padStart(2, '0');
      const call = await apiLogin(`staff-${nn}`);
      type Item = {
        indicator: { code: string };
        department: { name: string };
        period: string;
        resultId: string | null;
      };
      const inbox = await call<{ staff: { overdue: { items: Item[] }; due: { items: Item[] } } | null }>('/inbox');
      for (const i of [...(inbox.body.staff?.due.items ?? []), ...(inbox.body.staff?.overdue.items ?? [])]) {
        if (!i.resultId) continue;
        const sheet = await call<{ rows: { indicator: { code: string; measurement: string } }[] }>(
          `/plans/2020/entry-sheet?department=${encodeURIComponent(i.department.name)}&period=${i.period}`,
        );
        const row = sheet.body.rows.find((r) => r.indicator.code === i.indicator.code);
        if (row?.indicator.measurement !== 'quantitative') continue;
        if (target) {
          if (i.period !== target.period && i.department.name === target.department)
            second = { ...target, period: i.period, code: i.indicator.code, resultId: i.resultId };
          continue;
        }
        target = {
          user: `staff-${nn}`,
          head: `head-${nn}`,
          department: i.department.name,
          period: i.period,
          code: i.indicator.code,
          resultId: i.resultId,
        };
      }
    }
    expect(target, 'a staff account with an open quantitative result').toBeDefined();
  }, 300_000);

  it('staff enters a result with evidence, meets a stale edit, and submits', async () => {
    await login(target.user);
    await ui.page.goto(url('/inbox'));
    await ui.page.getByRole('heading', { level: 1, name: '할 일' }).waitFor();
    await ui.page.getByRole('heading', { name: /기한이 지난 실적/ }).waitFor();
    await check('work-inbox-staff');

    const entry = `/entry/${target.code}?department=${encodeURIComponent(target.department)}&period=${target.period}`;
    await ui.page
      .getByRole('link', { name: new RegExp(`^${target.code} `) })
      .first()
      .waitFor();
    await ui.page.goto(url(entry));
    await ui.page.getByRole('heading', { level: 1, name: `실적 입력: ${target.code}` }).waitFor();
    const actual = ui.page.getByLabel(/^실적치/);
    await actual.waitFor();

    // Not a number: a Korean error at the field, nothing saved.
    await actual.fill('12개');
    await ui.page.getByRole('button', { name: '저장', exact: true }).click();
    await ui.page.getByText('실적치는 숫자로 입력하세요 (예: 12.5).').waitFor();
    await check('work-entry-invalid');

    await actual.fill('42.5');
    await ui.page.getByLabel('설명').fill('브라우저 테스트로 입력한 실적');
    await ui.page.getByRole('button', { name: '저장', exact: true }).click();
    await ui.page.getByText('저장했습니다.').waitFor();

    // Evidence through the keyboard-usable file button; the progress bar finishes.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_500_000, 0x20), Buffer.from('\n%%EOF\n')]);
    const chooser = ui.page.waitForEvent('filechooser');
    await ui.page.getByRole('button', { name: '파일 선택' }).click();
    await (await chooser).setFiles({ name: '증빙-실적.pdf', mimeType: 'application/pdf', buffer: pdf });
    await ui.page.getByText('증빙-실적.pdf을(를) 올렸습니다.').waitFor();
    expect(await ui.page.getByTestId('upload-progress').getAttribute('data-value')).toBe('100');
    const link = ui.page.getByRole('link', { name: '증빙-실적.pdf' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/\/api\/v1\/evidence\/.+\/download/);
    await check('work-entry-evidence');

    // Someone else saves meanwhile: my next save meets the conflict view with their value.
    const other = await apiLogin(target.user);
    const now = await other<{ result: { version: number } }>(`/results/${target.resultId}`);
    const patched = await other(`/results/${target.resultId}`, {
      method: 'PATCH',
      body: { version: now.body.result.version, actual: 7, comment: '다른 사람이 고친 값' },
    });
    expect(patched.status).toBe(200);
    await actual.fill('43');
    await ui.page.getByRole('button', { name: '저장', exact: true }).click();
    const conflict = ui.page.getByTestId('conflict');
    await conflict.waitFor();
    expect(await ui.page.getByTestId('conflict-theirs').textContent()).toContain('다른 사람이 고친 값');
    expect(await ui.page.getByTestId('conflict-mine').textContent()).toContain('43');
    await check('work-entry-conflict');
    await ui.page.getByRole('button', { name: '내 값 다시 적용' }).click();
    await ui.page.getByText('저장했습니다.').waitFor();
    expect(await actual.inputValue()).toBe('43');

    // Unsaved changes: leaving asks first.
    await actual.fill('44');
    await ui.page.getByRole('link', { name: '할 일' }).first().click();
    await ui.page.getByRole('dialog', { name: '저장하지 않은 변경' }).waitFor();
    await ui.page.getByRole('button', { name: '머무르기' }).click();
    await actual.fill('43');

    await ui.page.getByRole('button', { name: '제출' }).click();
    await ui.page
      .getByText(/제출했습니다|입력시기 미준수/)
      .first()
      .waitFor();
    const check1 = await other<{ result: { status: string; actual: number } }>(`/results/${target.resultId}`);
    expect(check1.body.result).toMatchObject({ status: 'submitted', actual: 43 });
  }, 120_000);

  it('the head returns without a reason (field error), then approves', async () => {
    await login(target.head);
    await ui.page.goto(url('/inbox'));
    await ui.page.getByRole('heading', { name: /승인 대기/ }).waitFor();
    await check('work-inbox-head');
    await ui.page.goto(url(`/results/${target.resultId}`));
    await ui.page.getByRole('heading', { level: 1, name: new RegExp(`실적 검토: ${target.code}`) }).waitFor();
    await ui.page.getByRole('button', { name: '반려' }).click();
    await ui.page.getByText('반려 사유를 입력하세요.').waitFor();
    await check('work-review-return-error');
    expect(await ui.page.getByRole('button', { name: '검증' }).count()).toBe(0);
    await ui.page.getByLabel('의견', { exact: true }).fill('증빙 확인했습니다');
    await ui.page.getByRole('button', { name: '의견 남기기' }).click();
    await ui.page.getByText('증빙 확인했습니다', { exact: false }).first().waitFor();
    await ui.page.getByRole('button', { name: '승인' }).click();
    await ui.page.getByText('승인했습니다.').waitFor();
    await ui.page.getByTestId('result-status').getByText('승인').waitFor();
    await check('work-review-approved');
  }, 120_000);

  it('the planner sees the verification queue and completion, and verifies', async () => {
    await login('planner');
    await ui.page.goto(url('/inbox'));
    await ui.page.getByRole('heading', { name: /검증 대기/ }).waitFor();
    await ui.page.getByRole('region', { name: /현재 기간 부서별 실적 완료율/ }).waitFor();
    await check('work-inbox-planner');
    await ui.page.goto(url(`/results/${target.resultId}`));
    await ui.page.getByRole('button', { name: '검증' }).click();
    await ui.page.getByText('검증했습니다.').waitFor();
    await check('work-review-verified');
  }, 120_000);

  it('staff sees the whole period in one table', async () => {
    await login(target.user);
    await ui.page.goto(url(`/entry?department=${encodeURIComponent(target.department)}&period=${target.period}`));
    await ui.page.getByRole('heading', { level: 1, name: /기간 전체 입력/ }).waitFor();
    await ui.page.locator(`[data-row="${target.code}"]`).waitFor();
    await check('work-bulk');

    if (second) {
      await ui.page.goto(url(`/entry?department=${encodeURIComponent(second.department)}&period=${second.period}`));
      const row = ui.page.locator(`[data-row="${second.code}"]`);
      await row.waitFor();
      await row.getByLabel(`${second.code} 실적치`).fill('열두 건');
      await ui.page.getByRole('button', { name: '모두 저장', exact: true }).click();
      await row.getByText('실적치는 숫자로 입력하세요 (예: 12.5).').waitFor();
      await check('work-bulk-row-error');
      await row.getByLabel(`${second.code} 실적치`).fill('12');
      await ui.page.getByRole('button', { name: '모두 저장', exact: true }).click();
      await ui.page.getByText(/건 고쳐 저장했습니다/).waitFor();
    }
  }, 120_000);
});
