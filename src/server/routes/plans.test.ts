/** The read API of the plan, as the web app and other systems call it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../db/testing.js';
import '../../features/register.js';
import { ensureDemo } from '../../features/demo/ensure-demo.js';
import { getPlanSummary } from '../../features/plans/plan-views.js';
import type { StrategyGoal } from '../../domain/plan-progress.js';
import type { App } from '../app.js';
import { call, loginAs, testApp, type TestSession } from '../auth/testing.js';

let database: Database;
let app: App;
let viewer: TestSession;
const password = 'demo-bsc-2020!';

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureDemo(database.db);
  app = await testApp(database, { BSC_DEMO_PASSWORD: password });
  viewer = await loginAs(app, 'viewer', password);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('plan read API', () => {
  it('serves the summary derived from the data, the same as the CLI feature', async () => {
    const res = await call(app, viewer, 'GET', '/api/v1/plans/2020/summary');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual(JSON.parse(JSON.stringify(await getPlanSummary(database.db, 2020))));
    expect(body.counts).toMatchObject({ indicators: 195, tasks: 243, deptStrategicGoals: 89, departments: 42 });
  });

  it('lists years, and serves the tree, a department, an indicator, checks, the diff and the export', async () => {
    const years = (await call(app, viewer, 'GET', '/api/v1/plans')).json();
    expect(years.organization.code).toBe('songpa');
    expect(years.plans.map((p: { year: number }) => p.year)).toEqual([2019, 2020]);

    const tree = (await call(app, viewer, 'GET', '/api/v1/plans/2020/tree')).json();
    expect(tree.tree.map((n: { name: string }) => n.name)).toEqual([
      '일자리 송파',
      '배우는 송파',
      '안전한 송파',
      '꿈꾸는 송파',
      '재밌는 송파',
    ]);
    const count = (nodes: { level: string; children: never[] }[], level: string): number =>
      nodes.reduce((n, x) => n + (x.level === level ? 1 : 0) + count(x.children, level), 0);
    expect(count(tree.tree, 'indicator')).toBe(195);
    expect(count(tree.tree, 'task')).toBe(243);

    const dept = await call(app, viewer, 'GET', `/api/v1/plans/2020/departments/${encodeURIComponent('교통과')}`);
    expect(dept.statusCode).toBe(200);
    // The department's part: its own strategic goals, plus the convergence and common indicators it takes part in.
    type N = { level: string; code: string; department?: string; kind?: string; children: N[] };
    const flat = (nodes: N[]): N[] => nodes.flatMap((x) => [x, ...flat(x.children)]);
    const nodes = flat(dept.json().tree);
    const own = (await call(app, viewer, 'GET', '/api/v1/plans/2020/summary'))
      .json()
      .byDepartment.find((d: { name: string }) => d.name === '교통과');
    expect(nodes.filter((n) => n.level === 'deptStrategicGoal' && n.department === '교통과')).toHaveLength(
      own.deptStrategicGoals,
    );
    const foreign = nodes.filter((n) => n.level === 'indicator' && n.department !== '교통과');
    expect(foreign.every((n) => n.kind === 'common' || n.kind === 'convergence')).toBe(true);

    // Its scorecard in the same answer: one row per indicator of its part, with the latest result's rate by the plan's rule.
    type Row = {
      indicator: { code: string; target: number | null; direction: string; measurement: string };
      results: { department: string; period: string; actual: number | null }[];
      latest: { period: string; actual: number | null; rate: number | null } | null;
    };
    const scorecard: Row[] = dept.json().scorecard;
    const indicatorCodes = new Set(nodes.filter((n) => n.level === 'indicator').map((n) => n.code));
    expect(new Set(scorecard.map((r) => r.indicator.code))).toEqual(indicatorCodes);
    const rated = scorecard.find(
      (r) =>
        r.latest?.actual &&
        r.indicator.measurement === 'quantitative' &&
        r.indicator.direction === 'higher' &&
        r.indicator.target,
    )!;
    expect(rated, 'a higher-is-better indicator with a result').toBeDefined();
    expect(rated.latest!.rate).toBeCloseTo((rated.latest!.actual! / rated.indicator.target!) * 100, 9);
    expect(rated.results.at(-1)?.period).toBe(rated.latest!.period);
    expect(rated.results.every((r) => r.department === rated.results[0]!.department)).toBe(true);

    // The home dashboard's progress: every indicator under one of the five goals, rates within 0–100.
    const progress = (await call(app, viewer, 'GET', '/api/v1/plans/2020/progress')).json();
    expect(progress.goals).toHaveLength(5);
    expect(progress.goals.reduce((n: number, g: { indicators: number }) => n + g.indicators, 0)).toBe(195);
    for (const g of progress.goals) {
      expect(g.rated).toBeGreaterThan(0);
      expect(g.rate).toBeGreaterThan(0);
      expect(g.rate).toBeLessThanOrEqual(100);
    }
    const statuses = Object.values(progress.results) as number[];
    expect(statuses.every((n) => n > 0)).toBe(true); // the demo year has results in every state

    const ind = (await call(app, viewer, 'GET', '/api/v1/plans/2020/indicators/I001')).json();
    expect(ind.indicator.code).toBe('I001');
    expect(ind.path.orgStrategicGoal.name).toBe('일자리 송파');

    const checks = (await call(app, viewer, 'GET', '/api/v1/plans/2020/checks')).json();
    expect(checks.problems.some((p: { message: string }) => /241/.test(p.message))).toBe(true);

    const diff = await call(app, viewer, 'GET', '/api/v1/plans/diff?from=2019&to=2020');
    expect(diff.statusCode).toBe(200);

    const ex = await call(app, viewer, 'GET', '/api/v1/plans/2020/export');
    expect(ex.headers['content-disposition']).toMatch(/plan-songpa-2020\.json/);
    expect(ex.json().indicators).toHaveLength(195);
  });

  it('serves the home dashboard in one request, agreeing with the summary, tree, progress and export', async () => {
    const get = async (url: string) => {
      const res = await call(app, viewer, 'GET', `/api/v1/plans/2020/${url}`);
      expect(res.statusCode, url).toBe(200);
      return res.json();
    };
    const [home, summary, tree, progress, doc] = await Promise.all(
      ['home', 'summary', 'tree', 'progress', 'export'].map(get),
    );
    expect(home.year).toBe(2020);
    expect(home.vision).toEqual({ name: tree.plan.visionName, slogan: tree.plan.visionSlogan });
    expect(home.vision.name).not.toBe('');
    expect(home.counts).toEqual(summary.counts);
    expect(home.results).toEqual(progress.results);
    const goals: StrategyGoal[] = home.goals;
    // The summary's 區 전략목표별 table, row for row.
    expect(
      goals.map(({ name, indicators, convergenceIndicators, tasks }) => ({
        name,
        indicators,
        convergenceIndicators,
        tasks,
      })),
    ).toEqual(summary.byOrgStrategicGoal);
    // The tree's top level: the same goals in the same order, each with its 區 성과목표 as children.
    expect(goals.map((g) => [g.code, g.name, g.orgPerformanceGoals])).toEqual(
      tree.tree.map((n: { code: string; name: string; children: unknown[] }) => [n.code, n.name, n.children.length]),
    );
    // The progress endpoint's goals, and the plan's vision pillars (the map's rows).
    expect(goals.map((g) => ({ code: g.code, name: g.name, ...g.progress }))).toEqual(progress.goals);
    expect(goals.map((g) => g.visionPillar)).toEqual(
      doc.orgStrategicGoals.map((g: { visionPillar: string | null }) => g.visionPillar),
    );
    expect(goals.map((g) => g.visionPillar)).toContain('일자리 1위');
  });

  it('answers bad input and unknown things with Korean 4xx errors', async () => {
    const bad = await call(app, viewer, 'GET', '/api/v1/plans/abc/summary');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/[가-힣]/);
    const none = await call(app, viewer, 'GET', '/api/v1/plans/2001/summary');
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toBe('2001년 시행계획을(를) 찾을 수 없습니다.');
    const noHome = await call(app, viewer, 'GET', '/api/v1/plans/2001/home');
    expect(noHome.statusCode).toBe(404);
    expect(noHome.json().error.message).toBe('2001년 시행계획을(를) 찾을 수 없습니다.');
    const noInd = await call(app, viewer, 'GET', '/api/v1/plans/2020/indicators/NOPE');
    expect(noInd.statusCode).toBe(404);
    const anon = await app.inject({ method: 'GET', url: '/api/v1/plans/2020/summary' });
    expect(anon.statusCode).toBe(401);
  });

  it('publishes health, the OpenAPI document and its browsable reference', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).json().status).toBe('ready');
    const spec = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/plans/{year}/summary', '/api/v1/plans/{year}/tree']),
    );
    const docs = await app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });
});
