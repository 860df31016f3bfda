/**
 * Browser tests of the web app: the real server in-process (demo plans loaded) and Debian's
 * Chromium. Every page is opened, its Korean content checked as a user reads it, scanned with
 * axe-core (no serious or critical violation) and photographed to test-output/screenshots/.
 *
 * Skipped, with a message, when /usr/bin/chromium is absent (CHROMIUM_PATH overrides the path).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, hasChromium, screenshot, seriousAxeViolations } from './support/browser.js';
import { browserSuite } from './support/suite.js';

interface TreeNode {
  level: string;
  code: string;
  name: string;
  department?: string;
  children: TreeNode[];
}

describe.skipIf(!hasChromium)('web app in Chromium', () => {
  const ui = browserSuite({ tests: '브라우저 테스트' });
  const { problems, shots, url } = ui;
  let indicatorCode = '';
  let indicatorName = '';
  let department = '';

  /** Logs in through the login page when the API asks for a session (once accounts exist). */
  async function loginIfNeeded() {
    const probe = await ui.page.request.get(url('/api/v1/plans'));
    if (probe.status() !== 401) return;
    const username = process.env.E2E_USERNAME ?? 'planner';
    const password = process.env.E2E_PASSWORD ?? process.env.BSC_DEMO_PASSWORD ?? 'demo-bsc-2020!';
    await ui.page.goto(url('/login'));
    await ui.page.getByLabel('아이디').fill(username);
    await ui.page.getByLabel('비밀번호').fill(password);
    await ui.page.getByRole('button', { name: '로그인' }).click();
    await ui.page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }

  async function api<T>(p: string): Promise<T> {
    const r = await ui.page.request.get(url(p));
    expect(r.status(), p).toBe(200);
    return (await r.json()) as T;
  }

  const see = (text: string | RegExp) => ui.see(text, 15_000);

  /** Opens a page, waits for its content, photographs it and scans it with axe-core. */
  async function visit(path: string, name: string, texts: (string | RegExp)[]) {
    await ui.page.goto(url(path));
    for (const t of texts) await see(t);
    await ui.page.waitForLoadState('networkidle');
    shots.push(await screenshot(ui.page, name));
    const violations = await seriousAxeViolations(ui.page);
    expect(violations, `${path}: axe-core\n${describeViolations(violations)}`).toEqual([]);
  }

  beforeAll(async () => {
    await loginIfNeeded();

    const tree = await api<{ tree: TreeNode[] }>('/api/v1/plans/2020/tree');
    const indicators: TreeNode[] = [];
    const walk = (n: TreeNode[]) =>
      n.forEach((x) => {
        if (x.level === 'indicator') indicators.push(x);
        walk(x.children);
      });
    walk(tree.tree);
    // An indicator with tasks, to show progress and budget.
    const withTasks = indicators.find((i) => i.children.length > 0) ?? indicators[0]!;
    indicatorCode = withTasks.code;
    indicatorName = withTasks.name;
    department = '일자리정책담당관';
  });

  it('home: the vision, the five strategic goals and the counts (195 indicators, 243 tasks)', async () => {
    await visit('/', '01-home', [
      '일자리 송파',
      '배우는 송파',
      '안전한 송파',
      '꿈꾸는 송파',
      '재밌는 송파',
      '전략 체계도',
    ]);
    const stats = await ui.page.locator('.count-groups .stat').allInnerTexts();
    const text = stats.join(' | ');
    expect(text).toContain('성과지표\n195');
    expect(text).toContain('이행과제\n243');
    expect(text).toContain('區 전략목표\n5');
    expect(text).toContain('區 성과목표\n16');
    expect(text).toContain('부서 전략목표\n89');
    expect(text).toContain('부서 성과목표\n163');
    expect(await ui.page.getAttribute('html', 'lang')).toBe('ko');
    // The demo is illustrative, and says so.
    await see('예시 데이터');
    // 나의 할 일 names the current periods in words, never as keys such as 2020-H2.
    const work = await ui.page.locator('#my-work').innerText();
    expect(work).toContain('2020년 하반기');
    expect(work).not.toMatch(/\b2020-(H|Q|M)\d/);
  });

  it('skip link and keyboard focus reach the main content', async () => {
    // A fresh load (a reload of a scrolled page would start keyboard navigation where it was).
    await ui.page.goto('about:blank');
    await ui.page.goto(url('/'));
    await see('일자리 송파');
    await ui.page.keyboard.press('Tab');
    const focused = await ui.page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused).toBe('본문 바로가기');
    await ui.page.keyboard.press('Enter');
    expect(await ui.page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  it('plan explorer: a tree the keyboard can walk, and search by name', async () => {
    await visit('/plan', '02-explorer', ['계획 체계', '일자리 송파']);
    const tree = ui.page.getByRole('tree');
    const first = tree.getByRole('treeitem').first();
    await first.focus();
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    await ui.page.keyboard.press('ArrowLeft'); // collapse 일자리 송파
    expect(await first.getAttribute('aria-expanded')).toBe('false');
    await ui.page.keyboard.press('ArrowRight'); // expand again
    await ui.page.keyboard.press('ArrowRight'); // into its first performance goal
    const active = await ui.page.evaluate(() => document.activeElement?.getAttribute('aria-level'));
    expect(active).toBe('2');

    await ui.page.getByLabel('목표·지표·과제 이름으로 검색').fill('제로페이');
    await see(/\d+건 찾음/);
    const marks = await ui.page.locator('.tree mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.replace(/\s/g, '') === '제로페이')).toBe(true);
    shots.push(await screenshot(ui.page, '03-explorer-search'));
    const violations = await seriousAxeViolations(ui.page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('the plan tables, derived from the data', async () => {
    await visit('/tables', '04-tables', [
      '區 전략목표별 지표·과제 현황',
      '區 성과목표별 부서 지표·과제 현황',
      '부서별 목표·지표 현황',
      '융합지표 현황',
    ]);
    const goalTable = ui.page.locator('#t-byOrgStrategicGoal table');
    const foot = await goalTable.locator('tfoot').innerText();
    expect(foot.replace(/\s+/g, ' ')).toContain('합계 195 33 243');
    const rows = await goalTable.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' '))).toEqual([
      '일자리 송파 16 4 18',
      '배우는 송파 30 3 37',
      '안전한 송파 29 3 37',
      '꿈꾸는 송파 41 2 51',
      '재밌는 송파 79 21 100',
    ]);
    expect(await ui.page.locator('#t-convergence tbody tr').count()).toBe(33);
    expect(await ui.page.locator('#t-byDepartment tbody tr').count()).toBe(42);
  });

  it('departments and one department page with its indicators and targets', async () => {
    await visit('/departments', '05-departments', ['일자리정책담당관', '기획예산과']);
    await ui.page.getByRole('link', { name: department, exact: true }).first().click();
    await ui.page.waitForURL((u) => decodeURIComponent(u.pathname) === `/departments/${department}`);
    await see('성과지표 (목표치)');
    await see('부서의 계획 체계');
    await ui.page.waitForLoadState('networkidle');
    await ui.page.locator('#scorecard tbody tr').first().waitFor();
    shots.push(await screenshot(ui.page, '06-department'));
    const violations = await seriousAxeViolations(ui.page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('indicator page: definition, tasks with budget in KRW, results as a chart and a table', async () => {
    await visit(`/indicators/${encodeURIComponent(indicatorCode)}`, '07-indicator', [
      indicatorName,
      '지표 정의',
      '이행과제',
      '실적',
    ]);
    await see('목표치');
    // Budget amounts with thousands separators and 원.
    const budget = await ui.page.locator('#tasks tbody td.num').allInnerTexts();
    expect(budget.some((b) => /^\d{1,3}(,\d{3})*원$/.test(b.trim()))).toBe(true);
    // A chart, and its table alternative.
    const chart = ui.page.locator('.chart-box[role="img"]');
    if ((await chart.count()) > 0) {
      await chart.locator('svg').first().waitFor();
      expect(await chart.getAttribute('aria-label')).toContain('실적 표');
      await see(/기간별 실적 \(차트의 표 대안\)/);
    }
    shots.push(await screenshot(ui.page, '07-indicator'));
  });

  it('plan checks grouped by severity', async () => {
    await visit('/checks', '08-checks', ['계획 점검', /오류 \d+건, 경고 \d+건/]);
  });

  it('what changed from 2019 to 2020', async () => {
    await visit('/diff?year=2020', '09-diff', ['달라진 점', '부서 전략목표']);
    const text = (await ui.page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('85');
    expect(text).toContain('89');
  });

  it('English on request, Korean by default', async () => {
    await ui.page.goto(url('/'));
    await see('전략 체계도');
    await ui.page.getByText('English', { exact: true }).click();
    await see('Strategy map');
    expect(await ui.page.getAttribute('html', 'lang')).toBe('en');
    shots.push(await screenshot(ui.page, '10-home-english'));
    await ui.page.getByText('한국어', { exact: true }).click();
    await see('전략 체계도');
  });

  it('tablet width and print layout', async () => {
    await ui.page.setViewportSize({ width: 768, height: 1024 });
    await visit('/', '11-home-tablet', ['일자리 송파']);
    const burger = ui.page.getByRole('button', { name: '메뉴 열기' });
    await burger.click();
    await ui.page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '목표·지표 현황' }).click();
    await see('區 전략목표별 지표·과제 현황');
    await ui.page.setViewportSize({ width: 1280, height: 860 });
    await ui.page.emulateMedia({ media: 'print' });
    await ui.page.goto(url('/tables'));
    await ui.page.getByRole('heading', { name: '융합지표 현황' }).waitFor();
    expect(await ui.page.locator('header').first().isVisible()).toBe(false);
    shots.push(await screenshot(ui.page, '12-tables-print'));
    await ui.page.emulateMedia({ media: 'screen' });
  });

  it('login page, and a failed login says why', async () => {
    await ui.page.goto(url('/login'));
    await ui.page.getByLabel('아이디').waitFor();
    shots.push(await screenshot(ui.page, '13-login'));
    const violations = await seriousAxeViolations(ui.page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await ui.page.getByLabel('아이디').fill('planner');
    await ui.page.getByLabel('비밀번호').fill('not-the-password');
    await ui.page.getByRole('button', { name: '로그인' }).click();
    await ui.page.getByRole('alert').filter({ hasText: '아이디 또는 비밀번호가 올바르지 않습니다' }).waitFor();
    shots.push(await screenshot(ui.page, '14-login-failed'));
  });

  it('no script error or CSP violation on any page', () => {
    expect(problems).toEqual([]);
  });
});
