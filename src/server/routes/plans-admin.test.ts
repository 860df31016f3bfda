/** Plan administration API (계획 관리): edit, create, delete items of the hierarchy; roll a year over. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../db/testing.js';
import '../../features/register.js';
import { ensureDemo } from '../../features/demo/ensure-demo.js';
import type { App } from '../app.js';
import { call, loginAs, testApp, type TestSession } from '../auth/testing.js';

let database: Database;
let app: App;
let planner: TestSession;
let head: TestSession;
const password = 'demo-bsc-2020!';
const item = (level: string, code: string, year = 2020) =>
  `/api/v1/plans/${year}/items/${level}/${encodeURIComponent(code)}`;

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureDemo(database.db);
  app = await testApp(database, { BSC_DEMO_PASSWORD: password });
  planner = await loginAs(app, 'planner', password);
  head = await loginAs(app, 'head-01', password);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('plan administration API', () => {
  it("edits an indicator's target: seen in the plan's read API and in the audit trail with before/after", async () => {
    const read = await call(app, planner, 'GET', item('indicators', 'I001'));
    expect(read.statusCode).toBe(200);
    const { item: before, version } = read.json();
    const target = (before.target ?? 0) + 7;

    const res = await call(app, planner, 'PATCH', item('indicators', 'I001'), { version, target });
    expect(res.statusCode).toBe(200);
    expect(res.json().changed).toEqual(['target']);
    expect(res.json().version).not.toBe(version);

    const ind = (await call(app, planner, 'GET', '/api/v1/plans/2020/indicators/I001')).json();
    expect(ind.indicator.target).toBe(target);
    expect(ind.indicator.name).toBe(before.name);

    const audit = (await call(app, planner, 'GET', '/api/v1/audit?action=plan.item.update&entityId=I001')).json();
    expect(audit.entries[0]).toMatchObject({ action: 'plan.item.update', entityType: 'indicators', entityId: 'I001' });
    expect(audit.entries[0].before).toEqual({ target: before.target });
    expect(audit.entries[0].after).toEqual({ target });

    // The old version is stale now: 409 with the current item, nothing changed.
    const stale = await call(app, planner, 'PATCH', item('indicators', 'I001'), { version, target: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    expect(stale.json().error.message).toMatch(/다른 사람이 먼저/);
    expect(stale.json().error.current.item.target).toBe(target);
    expect((await call(app, planner, 'GET', '/api/v1/plans/2020/indicators/I001')).json().indicator.target).toBe(
      target,
    );
  });

  it('refuses an unknown property, a bad value and an unknown reference with Korean 400s by field', async () => {
    const { version } = (await call(app, planner, 'GET', item('indicators', 'I002'))).json();
    const unknown = await call(app, planner, 'PATCH', item('indicators', 'I002'), { version, targte: 3 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].message).toMatch(/알 수 없는 항목: targte/);

    const bad = await call(app, planner, 'PATCH', item('indicators', 'I002'), { version, weight: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      expect.objectContaining({ path: 'weight', message: '가중치는 0 이상이어야 합니다' }),
    ]);

    const dept = await call(app, planner, 'PATCH', item('indicators', 'I002'), { version, leadDepartment: '없는과' });
    expect(dept.statusCode).toBe(400);
    expect(dept.json().error.details).toEqual([
      expect.objectContaining({ path: 'leadDepartment', code: 'unknown_department' }),
    ]);
    // Nothing changed: the version still holds.
    expect((await call(app, planner, 'GET', item('indicators', 'I002'))).json().version).toBe(version);
  });

  it('refuses a department user (403) and leaves the plan as it was', async () => {
    const { version, item: before } = (await call(app, planner, 'GET', item('indicators', 'I003'))).json();
    const res = await call(app, head, 'PATCH', item('indicators', 'I003'), { version, target: 1 });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/권한/);
    const del = await call(app, head, 'DELETE', `${item('indicators', 'I003')}?version=${version}`);
    expect(del.statusCode).toBe(403);
    const roll = await call(app, head, 'POST', '/api/v1/plans/2020/rollover');
    expect(roll.statusCode).toBe(403);
    expect((await call(app, planner, 'GET', item('indicators', 'I003'))).json().item).toEqual(before);
  });

  it('creates a goal, an indicator and a task under it, and deletes only what nothing depends on', async () => {
    const ind = (await call(app, planner, 'GET', '/api/v1/plans/2020/indicators/I001')).json();
    const dpg = ind.indicator.deptPerformanceGoal as string;
    const lead = ind.indicator.leadDepartment as string;

    const created = await call(app, planner, 'POST', '/api/v1/plans/2020/items/indicators', {
      code: 'I-NEW',
      name: '시험 지표',
      deptPerformanceGoal: dpg,
      leadDepartment: lead,
      unit: '건',
      target: 10,
      tags: ['정부합동평가'],
    });
    expect(created.statusCode).toBe(201);
    const dup = await call(app, planner, 'POST', '/api/v1/plans/2020/items/indicators', {
      code: 'I-NEW',
      name: '또',
      deptPerformanceGoal: dpg,
      leadDepartment: lead,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('duplicate_code');

    const task = await call(app, planner, 'POST', '/api/v1/plans/2020/items/tasks', {
      code: 'T-NEW',
      name: '시험 과제',
      indicator: 'I-NEW',
      department: lead,
      startDate: '2020-03-01',
      endDate: '2020-11-30',
      budgetAmount: 5_000_000,
    });
    expect(task.statusCode).toBe(201);
    const got = (await call(app, planner, 'GET', '/api/v1/plans/2020/indicators/I-NEW')).json();
    expect(got.indicator).toMatchObject({ name: '시험 지표', target: 10, tags: ['정부합동평가'] });
    expect(got.tasks.map((t: { code: string }) => t.code)).toEqual(['T-NEW']);

    // The indicator has a task: refused, naming it.
    const newInd = (await call(app, planner, 'GET', item('indicators', 'I-NEW'))).json();
    expect(newInd.dependents).toEqual({ tasks: 1 });
    const refused = await call(app, planner, 'DELETE', `${item('indicators', 'I-NEW')}?version=${newInd.version}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/이행과제 1건/);

    // An indicator with results: refused, naming the results.
    const withResults = (await call(app, planner, 'GET', item('indicators', 'I001'))).json();
    expect(withResults.dependents.results).toBeGreaterThan(0);
    const r2 = await call(app, planner, 'DELETE', `${item('indicators', 'I001')}?version=${withResults.version}`);
    expect(r2.statusCode).toBe(409);
    expect(r2.json().error.message).toMatch(/실적 \d+건/);
    // A goal with indicators under it: refused.
    const goal = (await call(app, planner, 'GET', item('deptPerformanceGoals', dpg))).json();
    const r3 = await call(app, planner, 'DELETE', `${item('deptPerformanceGoals', dpg)}?version=${goal.version}`);
    expect(r3.statusCode).toBe(409);
    expect(r3.json().error.message).toMatch(/성과지표 \d+건/);

    // Task first, then the indicator: both go, audited.
    const t = (await call(app, planner, 'GET', item('tasks', 'T-NEW'))).json();
    expect((await call(app, planner, 'DELETE', `${item('tasks', 'T-NEW')}?version=${t.version}`)).statusCode).toBe(200);
    const again = (await call(app, planner, 'GET', item('indicators', 'I-NEW'))).json();
    expect(again.dependents).toEqual({});
    expect(
      (await call(app, planner, 'DELETE', `${item('indicators', 'I-NEW')}?version=${again.version}`)).statusCode,
    ).toBe(200);
    expect((await call(app, planner, 'GET', '/api/v1/plans/2020/indicators/I-NEW')).statusCode).toBe(404);
    const audit = (await call(app, planner, 'GET', '/api/v1/audit?action=plan.item.delete')).json();
    expect(audit.entries.map((e: { entityId: string }) => e.entityId)).toEqual(['I-NEW', 'T-NEW']);
    expect(audit.entries[0].before).toMatchObject({ code: 'I-NEW', target: 10 });
  });

  it('edits a goal with its parent reference, guarded by the version', async () => {
    const tree = (await call(app, planner, 'GET', '/api/v1/plans/2020/tree')).json();
    const osg = tree.tree[0].code as string;
    const read = (await call(app, planner, 'GET', item('orgStrategicGoals', osg))).json();
    const res = await call(app, planner, 'PATCH', item('orgStrategicGoals', osg), {
      version: read.version,
      name: '일자리 송파 (수정)',
    });
    expect(res.statusCode).toBe(200);
    const after = (await call(app, planner, 'GET', '/api/v1/plans/2020/tree')).json();
    expect(after.tree[0].name).toBe('일자리 송파 (수정)');
    const stale = await call(app, planner, 'PATCH', item('orgStrategicGoals', osg), {
      version: read.version,
      name: 'x',
    });
    expect(stale.statusCode).toBe(409);
    const badParent = await call(app, planner, 'PATCH', item('orgPerformanceGoals', tree.tree[0].children[0].code), {
      version: (await call(app, planner, 'GET', item('orgPerformanceGoals', tree.tree[0].children[0].code))).json()
        .version,
      orgStrategicGoal: 'NOPE',
    });
    expect(badParent.statusCode).toBe(400);
    expect(badParent.json().error.details[0]).toMatchObject({ path: 'orgStrategicGoal', code: 'unknown_reference' });
  });

  it('refuses every change to a closed year (403) and changes nothing', async () => {
    await database.db.execute(sql`update plans set status = 'closed' where year = 2019`);
    const read = await call(app, planner, 'GET', item('indicators', 'I001', 2019));
    expect(read.statusCode).toBe(200);
    const res = await call(app, planner, 'PATCH', item('indicators', 'I001', 2019), {
      version: read.json().version,
      target: 1,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'forbidden_plan_closed',
      message: '평가가 마감된 연도는 바꿀 수 없습니다.',
    });
    expect((await call(app, planner, 'GET', item('indicators', 'I001', 2019))).json().version).toBe(
      read.json().version,
    );
  });

  it('rolls 2020 over to 2021 once; a second roll-over is refused', async () => {
    const res = await call(app, planner, 'POST', '/api/v1/plans/2020/rollover');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ from: 2020, year: 2021, status: 'draft' });
    const years = (await call(app, planner, 'GET', '/api/v1/plans')).json();
    expect(years.plans.map((p: { year: number }) => p.year)).toContain(2021);
    const ind2020 = (await call(app, planner, 'GET', '/api/v1/plans/2020/indicators/I001')).json();
    const ind2021 = (await call(app, planner, 'GET', '/api/v1/plans/2021/indicators/I001')).json();
    expect(ind2021.indicator.baseline).toBe(ind2020.indicator.target);
    expect(ind2021.results).toEqual([]);
    expect(res.json().counts.indicators).toBe(195);

    const again = await call(app, planner, 'POST', '/api/v1/plans/2020/rollover');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('2021년 시행계획이 이미 있어 2020년을 넘길 수 없습니다.');
    const audit = (await call(app, planner, 'GET', '/api/v1/audit?action=plan.rollover')).json();
    expect(audit.entries).toHaveLength(1);
  });
});
