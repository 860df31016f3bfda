/**
 * The whole year's journey in Chromium, one department from the first result to its place in the
 * ranking (issue 6, item 9): a wrong password is refused in Korean; the department's staff member
 * enters a result with an evidence file and submits it; the head approves; the planner verifies; a
 * rater assigned one of the department's indicators rates it; the committee grants the department a
 * bonus; the executive gives its qualitative score; the planner finds the department in the ranking
 * and its breakdown explains the new points (the bonus with its reason, the qualitative score, the
 * verified result). Each step runs in the screens a person would use; the API only finds the data
 * and checks what was stored. Screenshots: test-output/screenshots/journey-*.png.
 *
 * Skipped, with a message, when /usr/bin/chromium is absent (CHROMIUM_PATH overrides the path).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser.js';
import { apiSession, type ApiCall } from './support/session.js';
import { browserSuite } from './support/suite.js';

const E = '/plans/2020/evaluation';

interface Target {
  staff: string;
  head: string;
  department: string;
  period: string;
  code: string;
  resultId: string;
}

interface InboxItem {
  indicator: { code: string };
  department: { name: string };
  period: string;
  resultId: string | null;
}

interface RatingRow {
  indicator: string;
  name: string;
  leadDepartment: string;
  assignedToMe: boolean;
  myRating: { representativeness: number | null; difficulty: number | null; completeness: number | null } | null;
}

interface Scores {
  departments: {
    department: string;
    rank: number;
    grade: string;
    display: { qualitative: number; bonus: number; total: number };
  }[];
}

/** The first staff account (staff-01, -02, …) with an open quantitative result of an ended period. */
async function findTarget(baseUrl: string): Promise<Target | undefined> {
  for (let n = 1; n <= 42; n++) {
    const nn = String(n).padStart(2, '0');
    const call = await apiSession(baseUrl, `staff-${nn}`);
    const inbox = await call<{ staff: { overdue: { items: InboxItem[] }; due: { items: InboxItem[] } } | null }>(
      '/inbox',
    );
    for (const i of [...(inbox.body.staff?.overdue.items ?? []), ...(inbox.body.staff?.due.items ?? [])]) {
      if (!i.resultId) continue;
      const sheet = await call<{ rows: { indicator: { code: string; measurement: string } }[] }>(
        `/plans/2020/entry-sheet?department=${encodeURIComponent(i.department.name)}&period=${i.period}`,
      );
      if (sheet.body.rows.find((r) => r.indicator.code === i.indicator.code)?.indicator.measurement !== 'quantitative')
        continue;
      return {
        staff: `staff-${nn}`,
        head: `head-${nn}`,
        department: i.department.name,
        period: i.period,
        code: i.indicator.code,
        resultId: i.resultId,
      };
    }
  }
  return undefined;
}

describe.skipIf(!hasChromium)('한 해 업무 흐름 (the whole year) in Chromium', () => {
  // Only uncaught page errors count as problems here, not console errors.
  const ui = browserSuite({ tests: '한 해 업무 흐름 브라우저 테스트', timeout: 300_000, consoleErrors: false });
  const { problems, url, see, login } = ui;
  let target: Target;
  let planner: ApiCall;
  let before: Scores['departments'][number];
  const check = (name: string) => ui.check(`journey-${name}`);

  beforeAll(async () => {
    const found = await findTarget(ui.server.baseUrl);
    expect(found, 'a staff account with an open quantitative result in the demo').toBeDefined();
    target = found!;
    planner = await apiSession(ui.server.baseUrl, 'planner');
    const scores = await planner<Scores>(`${E}?detail=scores`);
    before = scores.body.departments.find((d) => d.department === target.department)!;
    expect(before, `${target.department} in the ranking`).toBeDefined();
  }, 300_000);

  it('a wrong password is refused in Korean and nobody is signed in', async () => {
    await ui.page.context().clearCookies();
    await ui.page.goto(url('/login'));
    await ui.page.getByLabel('아이디').fill(target.staff);
    await ui.page.getByLabel('비밀번호').fill('틀린-비밀번호-123');
    await ui.page.getByRole('button', { name: '로그인' }).click();
    await see('아이디 또는 비밀번호가 올바르지 않습니다.');
    expect(new URL(ui.page.url()).pathname).toBe('/login');
    await check('01-login-failed');
  }, 60_000);

  it('staff enters the result with evidence and submits it', async () => {
    await login(target.staff);
    // Home: what is due for me, the year's results by step, the strategy map by achievement.
    await ui.page.goto(url('/'));
    await ui.page.getByRole('heading', { name: '나의 할 일' }).waitFor();
    await ui.page.getByRole('heading', { name: '실적 진행' }).waitFor();
    expect(await ui.page.locator('.goal-rate').count()).toBe(5);
    expect(await ui.page.locator('#strategy-map').innerText()).toMatch(/달성률\s*\d+(\.\d)?% · (순조|주의|부진)/);
    await check('01b-home-staff');
    await ui.page.goto(url('/inbox'));
    await ui.page.getByRole('heading', { level: 1, name: '할 일' }).waitFor();
    await ui.page
      .getByRole('link', { name: new RegExp(`^${target.code} `) })
      .first()
      .click();
    await ui.page.getByRole('heading', { level: 1, name: `실적 입력: ${target.code}` }).waitFor();
    const actual = ui.page.getByLabel(/^실적치/);
    await actual.fill('88.8');
    await ui.page.getByLabel('설명').fill('한 해 업무 흐름 테스트의 실적');
    await ui.page.getByRole('button', { name: '저장', exact: true }).click();
    await see('저장했습니다.');

    const chooser = ui.page.waitForEvent('filechooser');
    await ui.page.getByRole('button', { name: '파일 선택' }).click();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await (await chooser).setFiles({ name: '실적-증빙.pdf', mimeType: 'application/pdf', buffer: pdf });
    await see('실적-증빙.pdf을(를) 올렸습니다.');
    await check('02-entry');
    await ui.page.getByRole('button', { name: '제출' }).click();
    await see(/제출했습니다|입력시기 미준수/);

    const stored = await planner<{ result: { status: string; actual: number } }>(`/results/${target.resultId}`);
    expect(stored.body.result).toMatchObject({ status: 'submitted', actual: 88.8 });
  }, 120_000);

  it('the head approves and the planner verifies', async () => {
    await login(target.head);
    await ui.page.goto(url('/inbox'));
    await ui.page.getByRole('heading', { name: /승인 대기/ }).waitFor();
    await ui.page.goto(url(`/results/${target.resultId}`));
    await ui.page.getByRole('link', { name: '실적-증빙.pdf' }).waitFor();
    await ui.page.getByRole('button', { name: '승인' }).click();
    await see('승인했습니다.');
    await check('03-approved');

    await login('planner');
    await ui.page.goto(url(`/results/${target.resultId}`));
    await ui.page.getByRole('button', { name: '검증' }).click();
    await see('검증했습니다.');
    await check('04-verified');
    const stored = await planner<{ result: { status: string } }>(`/results/${target.resultId}`);
    expect(stored.body.result.status).toBe('verified');
  }, 120_000);

  it('a rater assigned one of the department’s indicators rates it on the sheet', async () => {
    let rater = '';
    let row: RatingRow | undefined;
    for (const name of ['rater1', 'rater2', 'rater3']) {
      const call = await apiSession(ui.server.baseUrl, name);
      const sheet = await call<{ indicators: RatingRow[] }>(`${E}/ratings`);
      const mine = sheet.body.indicators.filter((r) => r.assignedToMe && r.leadDepartment === target.department);
      row = mine.find((r) => r.indicator === target.code) ?? mine[0];
      if (row) {
        rater = name;
        break;
      }
    }
    expect(row, `a rater assigned an indicator of ${target.department}`).toBeDefined();
    await login(rater);
    await ui.page.goto(url('/evaluation/rating'));
    await ui.page.getByLabel('지표 검색').fill(row!.indicator);
    const tr = ui.page.locator(`tr[data-indicator="${row!.indicator}"]`);
    const scores = { 대표성: '91', 난이도: '87', 완성도: '93' };
    for (const [criterion, value] of Object.entries(scores)) {
      const field = ui.page.getByRole('textbox', { name: `${row!.name} ${criterion} 점수` });
      await field.fill(value);
      await field.press('Tab');
      await tr.getByText('저장됨').waitFor({ timeout: 15_000 });
    }
    await check('05-rated');
    const call = await apiSession(ui.server.baseUrl, rater);
    const saved = await call<{ indicators: RatingRow[] }>(
      `${E}/ratings?indicator=${encodeURIComponent(row!.indicator)}`,
    );
    expect(saved.body.indicators[0]!.myRating).toMatchObject({
      representativeness: 91,
      difficulty: 87,
      completeness: 93,
    });
  }, 120_000);

  it('the committee grants the department a bonus with its reason', async () => {
    const awards = await planner<{ awards: { department: string; item: string }[] }>(`${E}/bonus-awards`);
    const taken = new Set(awards.body.awards.filter((a) => a.department === target.department).map((a) => a.item));
    const item = [
      ['training', '성과관리 교육 참여도'],
      ['convergence', '융합지표 협력 우수부서'],
      ['external', '대외기관 경쟁력 제고 우수부서'],
      ['best_practice', '우수사례'],
      ['effort', '성과관리 부서 노력도'],
    ].find(([key]) => !taken.has(key!));
    expect(item, `a bonus item ${target.department} has not received`).toBeDefined();

    await login('committee');
    await ui.page.goto(url('/evaluation/bonus'));
    await ui.page.locator('#bonus-form').getByLabel('부서').click();
    await ui.page.getByRole('option', { name: target.department, exact: true }).click();
    await ui.page.locator('#bonus-form').getByLabel('항목').click();
    await ui.page.getByRole('option', { name: item![1], exact: true }).click();
    await ui.page.getByLabel('점수 (0~1점)').fill('0.5');
    await ui.page.getByLabel('사유').fill('한 해 업무 흐름 테스트 가점 사유');
    await ui.page.getByRole('button', { name: '가점 저장' }).click();
    await see('가점을 저장했습니다.');
    await check('06-bonus');
  }, 120_000);

  it('the executive gives the qualitative score', async () => {
    await login('executive');
    await ui.page.goto(url('/evaluation/qualitative'));
    const points = ui.page.getByRole('textbox', { name: `${target.department} 정성평가 점수` });
    await points.fill('5');
    await ui.page.getByRole('textbox', { name: `${target.department} 의견` }).fill('한 해 동안 성실히 추진함');
    await ui.page.getByRole('button', { name: `${target.department} 저장` }).click();
    await see('저장됨');
    await check('07-qualitative');
  }, 120_000);

  it('the planner finds the department in the ranking, and its breakdown explains the new points', async () => {
    const scores = await planner<Scores>(`${E}?detail=scores`);
    const after = scores.body.departments.find((d) => d.department === target.department)!;
    expect(after.display.qualitative).toBe(5);
    expect(after.display.bonus).toBeGreaterThan(before.display.bonus);

    await login('planner');
    await ui.page.goto(url('/evaluation'));
    const link = ui.page.locator('#ranking').getByRole('link', { name: target.department, exact: true });
    await link.waitFor();
    const row = ui.page
      .locator('#ranking tbody tr')
      .filter({ has: ui.page.getByRole('link', { name: target.department, exact: true }) });
    const rowText = (await row.innerText()).replace(/\s+/g, ' ');
    expect(rowText).toContain(after.display.total.toFixed(2));
    expect(rowText).toContain(after.grade);
    await check('08-ranking');

    await link.click();
    await see(`${target.department} 평가 내역`);
    await see('왜 이 점수인가');
    const explanation = await ui.page.locator('#explanation').innerText();
    expect(explanation).toContain('한 해 업무 흐름 테스트 가점 사유');
    expect(explanation).toContain(after.display.total.toFixed(2));
    await check('09-breakdown');
    expect(problems).toEqual([]);
  }, 120_000);
});
