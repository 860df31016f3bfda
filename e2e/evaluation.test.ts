/**
 * Browser tests of the evaluation screens (/evaluation …): the real server in-process with the demo
 * (2020), Debian's Chromium. rater1 rates an assigned indicator on the rater's sheet (the value is
 * there after a reload; a bad value gets the Korean field error and is not saved); the committee
 * grants a bonus (Korean errors first); the executive enters a qualitative score; the planner sees
 * the ranking (final and provisional), opens a department's breakdown with its explanation, runs a
 * what-if (nothing saved), and closes rating, freezes and re-opens the year with a reason. Every
 * screen is scanned with axe-core and photographed to test-output/screenshots/.
 *
 * Skipped, with a message, when /usr/bin/chromium is absent (CHROMIUM_PATH overrides the path).
 */
import { describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser.js';
import { browserSuite } from './support/suite.js';

const E = '/api/v1/plans/2020/evaluation';

describe.skipIf(!hasChromium)('평가 화면 in Chromium', () => {
  const ui = browserSuite({ tests: '평가 화면 브라우저 테스트', timeout: 180_000 });
  const { problems, url, login, see, check } = ui;

  async function api<T>(p: string): Promise<T> {
    const r = await ui.page.request.get(url(p));
    expect(r.status(), p).toBe(200);
    return (await r.json()) as T;
  }

  /** Picks `option` in the bonus form's Mantine select labelled `label`. */
  async function choose(label: string, option: string) {
    await ui.page.locator('#bonus-form').getByLabel(label).click();
    await ui.page.getByRole('option', { name: option, exact: true }).click();
  }

  it('rater1: the sheet of assigned indicators, a score saved on leaving the field, kept after reload, a bad value refused in Korean', async () => {
    await login('rater1');
    // 평가 (the nav entry) takes a rater to the sheet: raters may not read the ranking.
    await ui.page.goto(url('/evaluation'));
    await ui.page.waitForURL((u) => u.pathname === '/evaluation/rating');
    await see('2020년 지표 성격 평가');
    await see('평가가 마감되기 전에는 다른 평가위원의 점수가 보이지 않습니다.');
    await see(/\d+ \/ \d+개 지표 평가 완료/);
    // Blind: no column of other raters' scores while rating is open.
    expect(await ui.page.getByRole('columnheader', { name: '다른 위원 점수' }).count()).toBe(0);

    const sheet = await api<{
      indicators: {
        indicator: string;
        name: string;
        assignedToMe: boolean;
        myRating: { representativeness: number | null } | null;
        ratings: unknown[];
      }[];
    }>(`${E}/ratings`);
    const row = sheet.indicators.find((r) => r.assignedToMe)!;
    expect(sheet.indicators.every((r) => r.ratings.length <= 1)).toBe(true);
    const value = row.myRating?.representativeness === 73 ? '74' : '73';

    await ui.page.getByLabel('지표 검색').fill(row.indicator);
    const field = ui.page.getByRole('textbox', { name: `${row.name} 대표성 점수` });
    await field.fill(value);
    await field.press('Tab');
    const tr = ui.page.locator(`tr[data-indicator="${row.indicator}"]`);
    await tr.getByText('저장됨').waitFor({ timeout: 15_000 });
    await check('eval-01-rating-saved');

    await ui.page.reload();
    await ui.page.getByLabel('지표 검색').fill(row.indicator);
    await expect.poll(() => ui.page.getByRole('textbox', { name: `${row.name} 대표성 점수` }).inputValue()).toBe(value);

    // A version conflict: the same rater saves elsewhere (another tab) first; the sheet's next save is
    // refused (409), says so at the row and shows the value as it now stands.
    const session = await api<{ csrfToken: string }>('/api/v1/auth/session');
    const current = await api<{ indicators: { myRating: Record<string, number | null> & { version: number } }[] }>(
      `${E}/ratings?indicator=${encodeURIComponent(row.indicator)}`,
    );
    const mine = current.indicators[0]!.myRating;
    const elsewhere = await ui.page.request.put(url(`${E}/ratings/${encodeURIComponent(row.indicator)}`), {
      headers: { 'x-csrf-token': session.csrfToken },
      data: {
        representativeness: mine.representativeness,
        difficulty: mine.difficulty,
        completeness: 61,
        version: mine.version,
      },
    });
    expect(elsewhere.status(), await elsewhere.text()).toBe(200);
    const completeness = ui.page.getByRole('textbox', { name: `${row.name} 완성도 점수` });
    await completeness.fill('62');
    await completeness.press('Tab');
    await tr.getByText('충돌: 최신 값을 불러옴').waitFor({ timeout: 15_000 });
    await see('다른 사용자가 먼저 고쳤습니다.');
    await expect.poll(() => completeness.inputValue()).toBe('61');
    await check('eval-02a-rating-conflict');

    // A bad value: the Korean error at the field, nothing saved.
    const difficulty = ui.page.getByRole('textbox', { name: `${row.name} 난이도 점수` });
    const before = await difficulty.inputValue();
    await difficulty.fill('150');
    await difficulty.press('Tab');
    await see('0~100 사이의 숫자를 입력하세요');
    await expect.poll(() => tr.getByText('값 확인').count()).toBe(1);
    await check('eval-02-rating-error');
    const after = await api<{ indicators: { myRating: { difficulty: number | null } | null }[] }>(
      `${E}/ratings?indicator=${encodeURIComponent(row.indicator)}`,
    );
    expect(String(after.indicators[0]!.myRating?.difficulty ?? '')).toBe(before);
  });

  it('committee: bonus awards — Korean errors at the fields, then a bonus granted and listed', async () => {
    await login('committee');
    await ui.page.goto(url('/evaluation/bonus'));
    await see('2020년 가점');
    await see('가점 주기');
    await check('eval-03-bonus');

    const list = await api<{ awards: { department: string; item: string }[] }>(`${E}/bonus-awards`);
    const depts = await api<{ departments: { department: string }[] }>(`${E}/qualitative-scores`);
    const dept = depts.departments
      .map((d) => d.department)
      .find((d) => !list.awards.some((a) => a.department === d && a.item === 'best_practice'))!;

    await ui.page.getByRole('button', { name: '가점 저장' }).click();
    await see('부서를 고르세요');
    await see('항목을 고르세요');
    await see('사유를 입력하세요');
    await choose('부서', dept);
    await choose('항목', '우수사례');
    await ui.page.getByLabel('점수 (0~1점)').fill('2');
    await ui.page.getByRole('button', { name: '가점 저장' }).click();
    await see('0~1 사이의 숫자를 입력하세요');
    await check('eval-04-bonus-errors');
    expect((await api<{ awards: unknown[] }>(`${E}/bonus-awards`)).awards.length).toBe(list.awards.length);

    await ui.page.getByLabel('점수 (0~1점)').fill('0.5');
    await ui.page.getByLabel('사유').fill('구정 우수사례 경진대회 최우수');
    await ui.page.getByRole('button', { name: '가점 저장' }).click();
    await see('가점을 저장했습니다.');
    await ui.page.getByRole('cell', { name: '구정 우수사례 경진대회 최우수' }).waitFor();
    const now = await api<{ awards: { department: string; item: string; points: number; grantedBy: string }[] }>(
      `${E}/bonus-awards`,
    );
    const granted = now.awards.find((a) => a.department === dept && a.item === 'best_practice')!;
    expect(granted.points).toBe(0.5);
    expect(granted.grantedBy).toBe('committee');
    await check('eval-05-bonus-granted');

    // Edit it: the form comes back filled, department and item fixed; the saved row has the new points.
    await ui.page.getByRole('button', { name: `${dept} 우수사례 고치기` }).click();
    await see('가점 고치기');
    expect(await ui.page.getByLabel('사유').inputValue()).toBe('구정 우수사례 경진대회 최우수');
    await ui.page.getByLabel('점수 (0~1점)').fill('0.75');
    await ui.page.getByRole('button', { name: '가점 저장' }).click();
    await see('가점을 저장했습니다.');
    await expect
      .poll(async () => {
        const r = await api<{ awards: { department: string; item: string; points: number }[] }>(`${E}/bonus-awards`);
        return r.awards.find((a) => a.department === dept && a.item === 'best_practice')?.points;
      })
      .toBe(0.75);
  });

  it('executive: a qualitative score within the bounds, with a comment; the home card shows the top departments', async () => {
    await login('executive');
    await ui.page.goto(url('/'));
    await see('부서 평가 상위');
    await ui.page.goto(url('/evaluation/qualitative'));
    await see('2020년 정성평가');
    const list = await api<{ max: number; departments: { department: string }[] }>(`${E}/qualitative-scores`);
    const dept = list.departments[0]!.department;
    const points = ui.page.getByRole('textbox', { name: `${dept} 정성평가 점수` });
    await points.fill('9');
    await ui.page.getByRole('button', { name: `${dept} 저장` }).click();
    await see(`0~${list.max} 사이의 숫자를 입력하세요`);
    await check('eval-06-qualitative-error');

    await points.fill('4.5');
    await ui.page.getByRole('textbox', { name: `${dept} 의견` }).fill('민원 응대 개선 노력이 돋보임');
    await ui.page.getByRole('button', { name: `${dept} 저장` }).click();
    await see('저장됨');
    const after = await api<{
      departments: { department: string; score: { points: number; comment: string } | null }[];
    }>(`${E}/qualitative-scores`);
    const s = after.departments.find((d) => d.department === dept)!.score!;
    expect(s.points).toBe(4.5);
    expect(s.comment).toBe('민원 응대 개선 노력이 돋보임');
    await check('eval-07-qualitative-saved');
  });

  it('planner: the ranking (final and provisional), a breakdown with its explanation, a what-if that saves nothing', async () => {
    await login('planner');
    await ui.page.goto(url('/evaluation'));
    await see('2020년 부서 성과평가');
    await see('최종평가: 검증된 실적만 반영한 점수입니다.');
    await ui.page.locator('#ranking tbody tr').first().waitFor();
    expect(await ui.page.locator('#ranking tbody tr').count()).toBe(42);
    await see('점수 분포');
    // The screen says which scheme, and which defaults, scored it.
    await see('적용된 평가 기준');
    expect(await ui.page.locator('#scheme tbody tr').count()).toBeGreaterThan(5);
    expect(await ui.page.locator('#scheme').innerText()).toContain('기본값');
    await ui.page.getByRole('img', { name: /총점 구간별 부서 수 막대그래프/ }).waitFor();
    await check('eval-08-ranking-final');

    await ui.page.getByText('잠정평가', { exact: true }).click();
    await see('잠정평가: 연중 지금까지 제출된 실적으로 계산한 중간 점수이며, 확정된 점수가 아닙니다.');
    await ui.page.waitForURL((u) => u.searchParams.get('mode') === 'provisional');
    await check('eval-09-ranking-provisional');
    await ui.page.getByText('최종평가', { exact: true }).click();
    await see('최종평가: 검증된 실적만 반영한 점수입니다.');

    const ranking = await api<{
      departments: { department: string; rank: number; grade: string; display: { total: number } }[];
    }>(`${E}?detail=scores`);
    const dept = ranking.departments[Math.floor(ranking.departments.length / 2)]!;
    await ui.page.locator('#ranking').getByRole('link', { name: dept.department, exact: true }).click();
    await ui.page.waitForURL((u) => decodeURIComponent(u.pathname) === `/evaluation/departments/${dept.department}`);
    await see(`${dept.department} 평가 내역`);
    await see('왜 이 점수인가');
    await see('지표별 내역');
    await ui.page.locator('#explanation li').first().waitFor();
    expect(await ui.page.locator('#explanation').innerText()).toMatch(/성과달성도|달성/);
    await check('eval-10-breakdown');

    // What-if: a bad value first, then a qualitative score of 5.
    const qual = ui.page.getByLabel(/^정성평가 점수 \(0~\d+점\)/);
    await qual.fill('7');
    await ui.page.getByRole('button', { name: '모의평가 실행' }).click();
    await see(/0~\d+ 사이의 숫자를 입력하세요/);
    await qual.fill('5');
    await ui.page.getByRole('button', { name: '모의평가 실행' }).click();
    await see('모의 결과이며 저장되지 않았습니다.');
    const result = ui.page.getByRole('table', { name: `${dept.department}: 지금 점수와 모의평가 결과` });
    const text = (await result.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(`순위 ${dept.rank}`);
    await check('eval-11-what-if');
    const again = await api<{ departments: { department: string; display: { total: number } }[] }>(
      `${E}?detail=scores`,
    );
    expect(again.departments.find((d) => d.department === dept.department)!.display.total).toBe(dept.display.total);
  });

  it('planner: close rating, freeze the year, re-open it with a reason (Korean error without one)', async () => {
    await ui.page.goto(url('/evaluation'));
    await see('평가 진행 관리');
    await ui.page.getByRole('button', { name: '지표 성격 평가 마감' }).click();
    await see('지표 성격 평가 마감됨');
    await ui.page.getByRole('button', { name: '평가 마감(동결)' }).click();
    await ui.page.getByRole('button', { name: '확인' }).click();
    await see('계획 상태: 마감됨');
    await see(/마감된 평가입니다/);
    await ui.page.getByRole('button', { name: '평가 재개' }).click();
    await see('사유를 입력하세요');
    await check('eval-12-frozen');
    await ui.page.getByLabel('사유').fill('가점 사유 보완');
    await ui.page.getByRole('button', { name: '평가 재개' }).click();
    await see('계획 상태: 진행 중');
    expect(problems).toEqual([]);
  });
});
