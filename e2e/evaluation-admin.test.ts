/**
 * Browser tests of the planner's evaluation administration (issue 6): 평가위원 배정 (고르게 배정 with a
 * preview, then a rater assigned to indicators chosen by checkbox and keyboard — the rater then
 * finds them on the rating sheet; a change after rating closed shows the server's refusal),
 * 평가체계 설정 (a bad value refused at the field with nothing saved, a good one saved and shown as
 * non-default on the ranking, the unsaved-changes guard, a version conflict, back to the default),
 * 감점 사례 (the missing-evidence check with its count, a waiver that needs a reason, the case shown
 * as waived and the department's penalty lower). A rater and a staff member see none of these tabs.
 * The real server in-process with the demo (2020), Debian's Chromium; every screen scanned with
 * axe-core and photographed to test-output/screenshots/.
 *
 * Skipped, with a message, when /usr/bin/chromium is absent (CHROMIUM_PATH overrides the path).
 */
import { describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser.js';
import { apiSession } from './support/session.js';
import { browserSuite } from './support/suite.js';

const E = '/plans/2020/evaluation';
type Assignments = {
  raters: { username: string; displayName: string }[];
  indicators: { indicator: string; name: string; raters: string[] }[];
};
type Scheme = { version: number; overrides: Record<string, unknown> };
type Cases = {
  cases: { id: string; department: { name: string }; waived: boolean; waivedReason: string; kind: string }[];
};
type Ranking = { departments: { department: string; penalty: number }[] };

describe.skipIf(!hasChromium)('평가 관리 화면 in Chromium', () => {
  const ui = browserSuite({ tests: '평가 관리 화면 브라우저 테스트', timeout: 180_000 });
  const { problems, url, login, see, check } = ui;
  /** GET as the planner, outside the browser. */
  async function planner<T>(path: string): Promise<T> {
    const call = await apiSession(ui.server.baseUrl, 'planner');
    const r = await call<T>(path);
    expect(r.status, path).toBe(200);
    return r.body;
  }

  it('평가위원 배정: 고르게 배정 after a preview, then rater1 on two chosen indicators, which rater1 then rates', async () => {
    await login('planner');
    await ui.page.goto(url('/evaluation/raters'));
    await see('2020년 평가위원 배정');
    await ui.page.locator('#assignments tbody tr').first().waitFor();
    await see('195개 지표 (전체 195개)');
    const tabs = ui.page.getByRole('navigation', { name: '평가 화면' });
    for (const t of ['평가위원 배정', '평가체계 설정', '감점 사례'])
      await tabs.getByRole('link', { name: t }).waitFor();
    await check('eval-admin-01-raters');

    // 고르게 배정: two raters per indicator; the preview saves nothing.
    const before = await planner<Assignments>(`${E}/rater-assignments`);
    await ui.page.getByLabel('지표당 평가위원 수').fill('2');
    await ui.page.getByRole('button', { name: '미리보기' }).click();
    await see(/195개 지표 중 \d+개 지표의 배정이 바뀝니다/);
    const preview = ui.page.getByRole('table', { name: '고르게 배정 전후 평가위원별 지표 수' });
    const afterCounts = (await preview.locator('tbody td:nth-child(3)').allInnerTexts()).map(Number);
    expect(afterCounts.reduce((a, b) => a + b, 0)).toBe(390);
    expect(Math.max(...afterCounts) - Math.min(...afterCounts)).toBeLessThanOrEqual(1);
    expect(await planner<Assignments>(`${E}/rater-assignments`)).toEqual(before);
    await check('eval-admin-02-distribute-preview');
    await ui.page.getByRole('button', { name: '이대로 배정' }).click();
    await see(/고르게 배정했습니다: \d+개 지표를 바꿨습니다/);
    const spread = await planner<Assignments>(`${E}/rater-assignments`);
    expect(spread.indicators.every((i) => i.raters.length === 2)).toBe(true);

    // The indicators rater1 lacks now; choose two (one by mouse, one by keyboard) and assign rater1.
    const rater1 = spread.raters.find((r) => r.username === 'rater1')!;
    const lacking = spread.indicators.filter((i) => !i.raters.includes('rater1'));
    expect(lacking.length).toBeGreaterThan(2);
    await ui.page.getByRole('combobox', { name: '평가위원 조건' }).click();
    await ui.page.getByRole('option', { name: `${rater1.displayName} 배정 안 된 지표` }).click();
    await see(`${lacking.length}개 지표 (전체 195개)`);
    const [a, b, untouched] = lacking;
    await ui.page.getByLabel(`${a!.indicator} ${a!.name} 선택`).check();
    await ui.page.getByLabel(`${b!.indicator} ${b!.name} 선택`).focus();
    await ui.page.keyboard.press('Space');
    await see('2개 지표 선택됨');
    await ui.page.getByRole('button', { name: '선택한 지표에 배정' }).click();
    await see('평가위원을 고르세요');
    await ui.page.getByRole('combobox', { name: '평가위원', exact: true }).click();
    await ui.page.getByRole('option', { name: `${rater1.displayName} (rater1)` }).click();
    await ui.page.getByRole('button', { name: '선택한 지표에 배정' }).click();
    await see('2개 지표의 배정을 바꿨습니다.');
    const assigned = await planner<Assignments>(`${E}/rater-assignments`);
    const ratersOf = (code: string) => assigned.indicators.find((i) => i.indicator === code)!.raters;
    expect(ratersOf(a!.indicator)).toContain('rater1');
    expect(ratersOf(b!.indicator)).toContain('rater1');
    expect(ratersOf(untouched!.indicator)).not.toContain('rater1');
    await check('eval-admin-03-raters-assigned');

    // After rating closes (here behind the page's back) the server refuses, and the page says why.
    const call = await apiSession(ui.server.baseUrl, 'planner');
    expect((await call(`${E}/ratings/close`, { method: 'POST', body: {} })).status).toBe(200);
    await ui.page.getByRole('button', { name: '선택한 지표에서 빼기' }).click();
    await see(/지표 성격 평가가 마감되어 바꿀 수 없습니다/);
    await see(/지표 성격 평가가 마감되어 배정을 바꿀 수 없습니다/);
    expect(await ui.page.getByRole('button', { name: '선택한 지표에서 빼기' }).count()).toBe(0);
    expect(
      (await call(`${E}/ratings/reopen`, { method: 'POST', body: { reason: '배정 확인 뒤 다시 열기' } })).status,
    ).toBe(200);

    // rater1 finds the two indicators on the rating sheet, and not the one left out.
    await login('rater1');
    await ui.page.goto(url('/evaluation/rating'));
    await see('2020년 지표 성격 평가');
    const search = ui.page.getByLabel('지표 검색');
    for (const [ind, present] of [
      [a!, 1],
      [b!, 1],
      [untouched!, 0],
    ] as const) {
      await search.fill(ind.indicator);
      await expect
        .poll(() => ui.page.locator(`tr[data-indicator="${ind.indicator}"]`).count(), { timeout: 10_000 })
        .toBe(present);
    }
  });

  it('평가체계 설정: a bad value at the field and nothing saved; a good one on the ranking; the guard; a conflict; back to default', async () => {
    await login('planner');
    await ui.page.goto(url('/evaluation/scheme'));
    await see('2020년 평가체계 설정');
    const cap = ui.page.getByLabel('달성률 상한(%)', { exact: true });
    await cap.waitFor();
    expect(await cap.inputValue()).toBe('100');
    await check('eval-admin-04-scheme');

    await cap.fill('50');
    await see('저장하지 않은 변경 1건');
    await ui.page.getByRole('button', { name: '평가체계 저장' }).click();
    await see(/달성률 상한\(%\)\(achievement\.cap\): 100 이상이어야 합니다/);
    expect(await ui.page.locator('[data-setting="achievement.cap"]').innerText()).toMatch(/100 이상이어야 합니다/);
    expect((await planner<Scheme>(`${E}/scheme`)).overrides).toEqual({});
    await check('eval-admin-05-scheme-error');

    // Leaving with unsaved changes asks first.
    await ui.page.getByRole('navigation', { name: '평가 화면' }).getByRole('link', { name: '평가 순위' }).click();
    await see('저장하지 않은 변경');
    await ui.page.getByRole('button', { name: '머무르기' }).click();
    expect(new URL(ui.page.url()).pathname).toBe('/evaluation/scheme');

    await cap.fill('120');
    await ui.page.getByRole('button', { name: '평가체계 저장' }).click();
    await see('평가체계를 저장했습니다. 평가 순위에 반영됩니다.');
    expect((await planner<Scheme>(`${E}/scheme`)).overrides).toEqual({ achievement: { cap: 120 } });
    expect(await ui.page.locator('[data-setting="achievement.cap"]').innerText()).toContain('기본값 아님 (기본값 100)');

    await ui.page.goto(url('/evaluation'));
    await see('적용된 평가 기준');
    const row = ui.page.locator('#scheme tbody tr').filter({ hasText: '달성률 상한(%)' });
    await expect.poll(() => row.innerText()).toMatch(/120[\s\S]*변경됨 \(기본값 100\)/);

    // Someone else saves first: the page says so and shows the latest.
    await ui.page.goto(url('/evaluation/scheme'));
    await cap.waitFor();
    const call = await apiSession(ui.server.baseUrl, 'planner');
    const current = await planner<Scheme>(`${E}/scheme`);
    const other = await call(`${E}/scheme`, {
      method: 'PUT',
      body: { scheme: { achievement: { cap: 150 } }, version: current.version },
    });
    expect(other.status).toBe(200);
    await ui.page.getByLabel('총점 하한', { exact: true }).fill('1');
    await ui.page.getByRole('button', { name: '평가체계 저장' }).click();
    await see('다른 사용자가 먼저 평가체계를 바꿨습니다. 최신 설정을 불러왔으니 확인한 뒤 다시 바꾸세요.');
    await expect.poll(() => cap.inputValue()).toBe('150');
    expect((await planner<Scheme>(`${E}/scheme`)).overrides).toEqual({ achievement: { cap: 150 } });

    await ui.page.getByRole('button', { name: '달성률 상한(%) 기본값으로 되돌리기' }).click();
    expect(await cap.inputValue()).toBe('100');
    await ui.page.getByRole('button', { name: '평가체계 저장' }).click();
    await see('평가체계를 저장했습니다. 평가 순위에 반영됩니다.');
    expect((await planner<Scheme>(`${E}/scheme`)).overrides).toEqual({});
    await ui.page.goto(url('/evaluation'));
    await see('적용된 평가 기준');
    await expect.poll(() => row.innerText()).not.toMatch(/변경됨/);
  });

  it('감점 사례: the check with its count, a waiver needing a reason, the case waived and the penalty lower', async () => {
    await login('planner');
    await ui.page.goto(url('/evaluation/penalties'));
    await see('2020년 감점 사례');
    const before = await planner<Cases>('/plans/2020/penalty-cases');
    await ui.page.locator('#cases tbody tr').first().waitFor();
    await check('eval-admin-06-penalties');

    await ui.page.getByRole('button', { name: '점검 실행' }).click();
    const status = ui.page.getByText(/점검했습니다: 새 사례 \d+건, 이미 있던 사례 \d+건\./);
    await status.waitFor();
    const created = Number(/새 사례 (\d+)건/.exec(await status.innerText())![1]);
    const after = await planner<Cases>('/plans/2020/penalty-cases');
    expect(after.cases.length).toBe(before.cases.length + created);

    const c = after.cases.find((x) => !x.waived)!;
    const penaltyOf = async () =>
      (await planner<Ranking>(`${E}?detail=scores`)).departments.find((d) => d.department === c.department.name)!
        .penalty;
    const penaltyBefore = await penaltyOf();
    const rowOf = ui.page.locator(`tr[data-case="${c.id}"]`);
    await ui.page.getByRole('combobox', { name: '부서', exact: true }).click();
    await ui.page.getByRole('option', { name: c.department.name, exact: true }).click();
    await rowOf.getByRole('button', { name: /면제$/ }).click();
    const dialog = ui.page.getByRole('dialog');
    await dialog.getByRole('button', { name: '면제하기' }).click();
    await see('면제 사유를 입력하세요');
    await check('eval-admin-07-waive-dialog');
    await dialog.getByLabel('면제 사유').fill('전산 장애로 입력 지연 (확인함)');
    await dialog.getByRole('button', { name: '면제하기' }).click();
    await see('면제했습니다. 부서 점수의 감점이 줄어듭니다.');
    await expect.poll(() => rowOf.innerText()).toMatch(/면제됨[\s\S]*전산 장애로 입력 지연 \(확인함\)/);
    const waived = (await planner<Cases>('/plans/2020/penalty-cases')).cases.find((x) => x.id === c.id)!;
    expect(waived).toMatchObject({ waived: true, waivedReason: '전산 장애로 입력 지연 (확인함)' });
    expect(await penaltyOf()).toBeLessThan(penaltyBefore);
    await check('eval-admin-08-waived');
  });

  it('a rater and a staff member see none of these tabs; the pages refuse them in Korean', async () => {
    for (const [who, start] of [
      ['rater1', '/evaluation/rating'],
      ['staff-01', '/evaluation'],
    ] as const) {
      await login(who);
      await ui.page.goto(url(start));
      await ui.page.getByRole('heading', { level: 1 }).waitFor();
      for (const t of ['평가위원 배정', '평가체계 설정', '감점 사례'])
        expect(await ui.page.getByRole('link', { name: t }).count(), `${who}: ${t}`).toBe(0);
      await ui.page.goto(url('/evaluation/raters'));
      await ui.page.getByRole('heading', { level: 1 }).waitFor();
      await ui.page.getByRole('alert').first().waitFor();
      expect(await ui.page.getByRole('alert').first().innerText()).toMatch(/[가-힣]/);
    }
    expect(problems).toEqual([]);
  });
});
