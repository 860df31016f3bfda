/**
 * Browser test of the rest of the results work (issue 6): deleting an evidence file from the entry
 * form (a confirmation naming the file; the list and the server both lose it), the indicator page's
 * way into the work (the entry links for its own department's staff and not for another's; a
 * comment written through the API shown there), and the reporting calendar (실적 입력 일정): the
 * planner sets a period's deadline (a date inside the period → the server's error at the field; a
 * good one → saved), and staff see it. The real server in-process with the demo, Debian's Chromium;
 * every new page and state is scanned with axe-core and photographed to test-output/screenshots/.
 *
 * Skipped, with a message, when /usr/bin/chromium is absent (CHROMIUM_PATH overrides the path).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser.js';
import { apiSession } from './support/session.js';
import { browserSuite } from './support/suite.js';

interface Target {
  user: string;
  department: string;
  period: string;
  code: string;
  resultId: string;
}

describe.skipIf(!hasChromium)('evidence deletion, the indicator page and the calendar in Chromium', () => {
  const ui = browserSuite({ tests: '증빙 삭제·지표 화면·입력 일정 브라우저 테스트', timeout: 300_000 });
  const { url, login, check } = ui;
  /** A staff member's draft result of a unique (one-department) indicator. */
  let target: Target;
  /** Staff of another department. */
  let stranger: { user: string; department: string };
  const apiLogin = (username: string) => apiSession(ui.server.baseUrl, username);

  beforeAll(async () => {
    type Item = {
      indicator: { code: string; kind: string };
      department: { name: string };
      period: string;
      resultId: string | null;
    };
    let found: Target | undefined;
    for (let n = 1; n <= 42 && !found; n++) {
      const user = `staff-${String(n).padStart(2, '0')}`;
      const call = await apiLogin(user);
      const inbox = await call<{ staff: { overdue: { items: Item[] }; due: { items: Item[] } } | null }>('/inbox');
      const item = [...(inbox.body.staff?.due.items ?? []), ...(inbox.body.staff?.overdue.items ?? [])].find(
        (i) => i.resultId && i.indicator.kind === 'unique',
      );
      if (item)
        found = {
          user,
          department: item.department.name,
          period: item.period,
          code: item.indicator.code,
          resultId: item.resultId!,
        };
    }
    expect(found, 'a staff account with a draft result of a unique indicator').toBeDefined();
    target = found!;
    for (let n = 1; n <= 42; n++) {
      const user = `staff-${String(n).padStart(2, '0')}`;
      const call = await apiLogin(user);
      const s = await call<{ user: { roles: { department: { name: string } | null }[] } }>('/auth/session');
      const dept = s.body.user.roles.find((r) => r.department)?.department?.name;
      if (dept && dept !== target.department) {
        stranger = { user, department: dept };
        break;
      }
    }
    expect(stranger, 'staff of another department').toBeDefined();
  }, 300_000);

  it('staff uploads an evidence file and deletes it after a confirmation naming it', async () => {
    await login(target.user);
    await ui.page.goto(
      url(`/entry/${target.code}?department=${encodeURIComponent(target.department)}&period=${target.period}`),
    );
    await ui.page.getByRole('heading', { level: 2, name: '증빙자료' }).waitFor();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20_000, 0x20), Buffer.from('\n%%EOF\n')]);
    const chooser = ui.page.waitForEvent('filechooser');
    await ui.page.getByRole('button', { name: '파일 선택' }).click();
    await (await chooser).setFiles({ name: '지울-증빙.pdf', mimeType: 'application/pdf', buffer: pdf });
    await ui.page.getByText('지울-증빙.pdf을(를) 올렸습니다.').waitFor();
    await ui.page.getByRole('link', { name: '지울-증빙.pdf' }).waitFor();

    const staff = await apiLogin(target.user);
    type Detail = { evidence: { fileName: string }[] };
    expect((await staff<Detail>(`/results/${target.resultId}`)).body.evidence.map((e) => e.fileName)).toContain(
      '지울-증빙.pdf',
    );

    // Cancel first: nothing happens.
    await ui.page.getByRole('button', { name: '지울-증빙.pdf 삭제' }).click();
    const dialog = ui.page.getByRole('dialog', { name: '증빙자료 삭제' });
    await dialog.getByText('증빙자료 “지울-증빙.pdf”을(를) 지울까요?', { exact: false }).waitFor();
    await check('work-evidence-delete-confirm');
    await dialog.getByRole('button', { name: '취소' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await ui.page.getByRole('link', { name: '지울-증빙.pdf' }).count()).toBe(1);

    await ui.page.getByRole('button', { name: '지울-증빙.pdf 삭제' }).click();
    await dialog.getByRole('button', { name: '삭제', exact: true }).click();
    await ui.page.getByText('지울-증빙.pdf을(를) 지웠습니다.').waitFor();
    await ui.page.getByRole('link', { name: '지울-증빙.pdf' }).waitFor({ state: 'detached' });
    await check('work-evidence-deleted');
    expect((await staff<Detail>(`/results/${target.resultId}`)).body.evidence.map((e) => e.fileName)).not.toContain(
      '지울-증빙.pdf',
    );

    // Refused by the server (someone removed it meanwhile): its Korean message, and the list catches up.
    const chooser2 = ui.page.waitForEvent('filechooser');
    await ui.page.getByRole('button', { name: '파일 선택' }).click();
    await (await chooser2).setFiles({ name: '먼저-지워진.pdf', mimeType: 'application/pdf', buffer: pdf });
    await ui.page.getByRole('link', { name: '먼저-지워진.pdf' }).waitFor();
    const detail = await staff<{ evidence: { id: string; fileName: string }[] }>(`/results/${target.resultId}`);
    const gone = detail.body.evidence.find((e) => e.fileName === '먼저-지워진.pdf')!;
    expect((await staff(`/evidence/${gone.id}`, { method: 'DELETE' })).status).toBe(200);
    const again = await staff<{ error: { message: string } }>(`/evidence/${gone.id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    await ui.page.getByRole('button', { name: '먼저-지워진.pdf 삭제' }).click();
    await dialog.getByRole('button', { name: '삭제', exact: true }).click();
    await ui.page.getByRole('alert').getByText(again.body.error.message, { exact: false }).waitFor();
    await ui.page.getByRole('link', { name: '먼저-지워진.pdf' }).waitFor({ state: 'detached' });
    await check('work-evidence-delete-refused');
  }, 120_000);

  it('the indicator page offers entry to its own department and shows the comments', async () => {
    const staff = await apiLogin(target.user);
    const posted = await staff(`/results/${target.resultId}/comments`, {
      method: 'POST',
      body: { text: 'API로 남긴 지표 화면 의견' },
    });
    expect(posted.status).toBeLessThan(300);

    await login(target.user);
    await ui.page.goto(url(`/indicators/${target.code}?year=2020`));
    const work = ui.page.getByTestId('indicator-work');
    await work.waitFor();
    const entry = work.getByRole('link', { name: new RegExp(`^${target.department} .+ 실적 입력`) }).first();
    await entry.waitFor();
    await ui.page.getByText('API로 남긴 지표 화면 의견', { exact: false }).waitFor();
    await check('work-indicator-staff');
    // The link opens the entry form of that department and period.
    const href = (await work.locator(`a[href*="period=${target.period}"]`).first().getAttribute('href'))!;
    expect(href).toContain(`/entry/${target.code}`);
    expect(decodeURIComponent(href)).toContain(`department=${target.department}`);
    await work.locator(`a[href*="period=${target.period}"]`).first().click();
    await ui.page.getByRole('heading', { level: 1, name: `실적 입력: ${target.code}` }).waitFor();

    // Another department's staff: no entry links, and none of this department's results to read.
    await login(stranger.user);
    await ui.page.goto(url(`/indicators/${target.code}?year=2020`));
    await ui.page.getByRole('heading', { level: 2, name: '실적별 의견' }).waitFor();
    await ui.page.getByText('볼 수 있는 실적이 없습니다.').waitFor();
    expect(await ui.page.getByTestId('indicator-work').count()).toBe(0);
    expect(await ui.page.getByRole('link', { name: /실적 입력/ }).count()).toBe(0);
    expect(await ui.page.getByText('API로 남긴 지표 화면 의견').count()).toBe(0);
    await check('work-indicator-other-department');
  }, 120_000);

  it('the planner sets a deadline on the calendar (server error at the field, then saved); staff see it', async () => {
    await login('planner');
    await ui.page.goto(url('/calendar?year=2020'));
    await ui.page.getByRole('heading', { level: 1, name: /실적 입력 일정/ }).waitFor();
    const row = ui.page.locator('tr[data-period="2020"]');
    await row.waitFor();
    await check('work-calendar-planner');
    const field = ui.page.getByLabel('2020년 지정 입력기한');

    // A day inside the year: the server refuses it, at the field; nothing saved.
    await field.fill('2020-12-15');
    await ui.page.getByRole('button', { name: '일정 저장' }).click();
    await row.getByText(/기간이 끝난 뒤여야 합니다/).waitFor();
    await ui.page.getByText('실적 입력 일정 설정이 올바르지 않습니다.').waitFor();
    await check('work-calendar-error');
    // Not a date at all: also at the field.
    await field.fill('2021-02-30');
    await ui.page.getByRole('button', { name: '일정 저장' }).click();
    await row.getByText('존재하지 않는 날짜입니다').waitFor();

    // Leaving with the change unsaved asks first.
    await ui.page.getByRole('link', { name: '할 일' }).first().click();
    await ui.page.getByRole('dialog', { name: '저장하지 않은 변경' }).waitFor();
    await ui.page.getByRole('button', { name: '머무르기' }).click();

    await field.fill('2021-01-20');
    await ui.page.getByRole('button', { name: '일정 저장' }).click();
    await ui.page.getByText('실적 입력 일정을 저장했습니다.').waitFor();
    await row.getByTestId('deadline').getByText('2021-01-20').waitFor();
    await row.getByText('지정', { exact: true }).waitFor();
    await check('work-calendar-saved');

    const staff = await apiLogin(target.user);
    const sheet = await staff<{ deadline: string }>(
      `/plans/2020/entry-sheet?department=${encodeURIComponent(target.department)}&period=2020`,
    );
    expect(sheet.body.deadline).toBe('2021-01-20');

    await login(target.user);
    await ui.page.goto(url('/calendar?year=2020'));
    await ui.page.locator('tr[data-period="2020"]').getByText('2021-01-20').waitFor();
    expect(await ui.page.getByRole('button', { name: '일정 저장' }).count()).toBe(0);
    expect(await ui.page.getByLabel('2020년 지정 입력기한').count()).toBe(0);
    await check('work-calendar-staff');
  }, 120_000);
});
