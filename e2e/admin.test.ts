/**
 * Browser test of 계획 관리 (/admin): the real server in-process with the demo, Debian's Chromium.
 * The planner opens an indicator from the tree, clears its target (the plan checks then show
 * "목표치 없음" at the item and in the list), sets it again (the problem goes), enters a negative
 * weight (the field shows the server's Korean error, nothing saved), is warned about unsaved
 * changes when opening another item, and rolls the year over after confirming. Every state is
 * scanned with axe-core and photographed to test-output/screenshots/.
 *
 * Skipped, with a message, when /usr/bin/chromium is absent (CHROMIUM_PATH overrides the path).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, screenshot } from './support/browser.js';
import { browserSuite } from './support/suite.js';

describe.skipIf(!hasChromium)('계획 관리 in Chromium', () => {
  const ui = browserSuite({ tests: '계획 관리 브라우저 테스트', timeout: 240_000 });
  const { url, check } = ui;

  const item = (key: string) => ui.page.locator(`[data-key="${key}"]`);
  const editor = () => ui.page.locator('#admin-editor');

  beforeAll(() => ui.login('planner'));

  it('edits an indicator target and sees the plan checks follow', async () => {
    await ui.page.goto(url('/admin?year=2020'));
    await ui.page.getByRole('heading', { level: 1, name: '계획 관리' }).waitFor();
    await ui.page.getByRole('navigation', { name: /2020년 계획 체계/ }).waitFor();
    await check('admin-start');

    await ui.page.getByRole('button', { name: '모두 펼치기' }).click();
    await item('indicators[I001]').click();
    await editor().getByRole('heading', { name: '성과지표 I001 수정' }).waitFor();
    await editor().getByText('이 항목에는 점검에서 나온 문제가 없습니다.').waitFor();
    const target = editor().getByLabel('목표치');
    const before = await target.inputValue();
    expect(before).not.toBe('');

    // Clear the target: the checks now say the indicator has none, at the item and in the list.
    await target.fill('');
    await editor().getByText('저장하지 않은 변경이 있습니다.').waitFor();
    await editor().getByRole('button', { name: '저장' }).click();
    await editor().getByText('저장했습니다.').waitFor();
    await item('indicators[I001]')
      .getByText(/문제 \d+건/)
      .waitFor();
    await editor()
      .getByText(/이 항목의 점검 결과/)
      .waitFor();
    await editor()
      .getByText(/목표치/)
      .first()
      .waitFor();
    await ui.page
      .locator('#admin-checks')
      .getByRole('button', { name: /indicators\[I001\]/ })
      .first()
      .waitFor();
    await check('admin-target-cleared');

    // Set it again: the problem goes.
    await target.fill(before.replace(/,/g, ''));
    await editor().getByRole('button', { name: '저장' }).click();
    await editor().getByText('저장했습니다.').waitFor();
    await item('indicators[I001]')
      .getByText(/문제 \d+건/)
      .waitFor({ state: 'detached', timeout: 15_000 });
    await editor().getByText('이 항목에는 점검에서 나온 문제가 없습니다.').waitFor();
  });

  it('shows a bad value at its field, and guards unsaved changes', async () => {
    const weight = editor().getByLabel('가중치');
    await weight.fill('-1');
    await editor().getByRole('button', { name: '저장' }).click();
    await editor().getByText('가중치는 0 이상이어야 합니다').waitFor();
    expect(await weight.getAttribute('aria-invalid')).toBe('true');
    expect(await editor().getByTestId('admin-form-alert').textContent()).toContain('저장하지 못했습니다');
    await check('admin-field-error');

    // Another item while the form is dirty: asked first.
    await item('indicators[I002]').click();
    const dialog = ui.page.getByRole('dialog', { name: '저장하지 않은 변경' });
    await dialog.waitFor();
    await screenshot(ui.page, 'admin-unsaved');
    await dialog.getByRole('button', { name: '계속 수정' }).click();
    await editor().getByRole('heading', { name: '성과지표 I001 수정' }).waitFor();
    await item('indicators[I002]').click();
    await dialog.getByRole('button', { name: '변경 버리기' }).click();
    await editor().getByRole('heading', { name: '성과지표 I002 수정' }).waitFor();
    // Nothing of the bad value was saved.
    const res = await ui.page.evaluate(async () => (await fetch('/api/v1/plans/2020/indicators/I001')).json());
    expect(res.indicator.weight).toBeGreaterThanOrEqual(0);
  });

  it('adds a task under an indicator, deletes it, and is told why an indicator with results cannot go', async () => {
    await editor().getByRole('button', { name: '하위 이행과제 추가' }).click();
    await editor().getByRole('heading', { name: 'I002 아래에 새 이행과제 추가' }).waitFor();
    await editor().getByRole('textbox', { name: /^코드/ }).fill('T-E2E');
    await editor().getByLabel('이름', { exact: true }).fill('브라우저 시험 과제');
    await editor().getByRole('button', { name: '추가', exact: true }).click();
    await editor().getByRole('heading', { name: '이행과제 T-E2E 수정' }).waitFor();
    await item('tasks[T-E2E]').waitFor();
    await check('admin-task-added');

    await editor().getByRole('button', { name: '삭제' }).click();
    const dialog = ui.page.getByRole('dialog', { name: '항목 삭제' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '삭제' }).click();
    await ui.page.getByText('지웠습니다: T-E2E').waitFor();
    await item('tasks[T-E2E]').waitFor({ state: 'detached' });

    await item('indicators[I002]').click();
    await editor().getByRole('heading', { name: '성과지표 I002 수정' }).waitFor();
    await editor().getByRole('button', { name: '삭제' }).click();
    await ui.page.getByRole('dialog', { name: '항목 삭제' }).getByRole('button', { name: '삭제' }).click();
    await editor()
      .getByText(/삭제할 수 없습니다/)
      .waitFor();
    expect(await editor().getByTestId('admin-form-alert').textContent()).toMatch(/실적 \d+건/);
    await check('admin-delete-refused');
  });

  it('rolls the year over after confirming', async () => {
    await ui.page.getByRole('button', { name: '2021년으로 넘기기' }).click();
    const dialog = ui.page.getByRole('dialog', { name: '다음 연도로 넘기기' });
    await dialog.waitFor();
    await check('admin-rollover-confirm');
    await dialog.getByRole('button', { name: '2021년 초안 만들기' }).click();
    await ui.page.getByText(/2021년 초안을 만들었습니다/).waitFor();
    await ui.page.getByRole('link', { name: '2021년 계획 보기' }).waitFor();
    await check('admin-rolled-over');
    // A second roll-over is refused with the server's message.
    await ui.page.getByRole('button', { name: '2021년으로 넘기기' }).click();
    await ui.page
      .getByRole('dialog', { name: '다음 연도로 넘기기' })
      .getByRole('button', { name: '2021년 초안 만들기' })
      .click();
    await ui.page.getByText('2021년 시행계획이 이미 있어 2020년을 넘길 수 없습니다.').waitFor();
  });
});
