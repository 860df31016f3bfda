/**
 * The planner's evaluation administration through the HTTP API (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): rater assignments for many indicators in one request (all or nothing, one
 * audit row per indicator that changes), 고르게 배정 (a dry run saves nothing; the real run keeps
 * internal raters off their own department's indicators), both refused once rating is closed; the
 * year's penalty cases carry their indicator and the name of who waived them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../db/testing.js';
import { countAudit } from '../../db/queries/audit.js';
import { TEST_PASSWORD } from '../../features/accounts/testing.js';
import { EVAL_YEAR, seedEvaluationOrganization, type EvaluationOrg } from '../../features/evaluation/testing.js';
import type { App } from '../app.js';
import { call, loginAs, testApp, type TestSession } from '../auth/testing.js';

let database: Database;
let app: App;
let org: EvaluationOrg;
const s: Record<string, TestSession> = {};
const E = `/plans/${EVAL_YEAR}/evaluation`;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await seedEvaluationOrganization(database.db);
  app = await testApp(database);
  for (const u of ['planner', 'rater1', 'viewer']) s[u] = await loginAs(app, u, TEST_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const api = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  call(app, s[who]!, method, `/api/v1${url}`, payload);
const audits = () => countAudit(database.db, org.organizationId, 'rating.assign');

type Listing = {
  raters: { username: string }[];
  indicators: { indicator: string; raters: string[]; ineligibleRaters: string[] }[];
};
const listing = async () => {
  const r = await api('planner', 'GET', `${E}/rater-assignments`);
  expect(r.statusCode, r.body).toBe(200);
  const l = r.json() as Listing;
  return Object.fromEntries(l.indicators.map((i) => [i.indicator, [...i.raters].sort()]));
};

describe('rater assignments for many indicators at once', () => {
  it('lists who may not rate each indicator (an internal rater and their own department)', async () => {
    const l = (await api('planner', 'GET', `${E}/rater-assignments`)).json() as Listing;
    const inel = Object.fromEntries(l.indicators.map((i) => [i.indicator, i.ineligibleRaters]));
    // rater3 works in 교통과: I1 (its own), I3 (교통과 contributes), C1 (common: every department).
    expect(inel).toEqual({ I1: ['rater3'], I2: [], I3: ['rater3'], I4: [], I5: [], C1: ['rater3'] });
  });

  it('one bad item refuses the whole request by path, changing nothing', async () => {
    const before = { list: await listing(), audits: await audits() };
    const bad = await api('planner', 'PUT', `${E}/rater-assignments`, {
      assignments: [
        { indicator: 'I2', raters: ['rater1', 'rater3'] },
        { indicator: 'I1', raters: ['rater3'] },
        { indicator: 'I9', raters: ['rater1'] },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/[가-힣]/);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['assignments[2].indicator']);
    const own = await api('planner', 'PUT', `${E}/rater-assignments`, {
      assignments: [
        { indicator: 'I2', raters: ['rater1', 'rater3'] },
        { indicator: 'I1', raters: ['rater3', 'viewer'] },
      ],
    });
    expect(own.statusCode).toBe(400);
    const details = own.json().error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path)).toEqual(['assignments[1].raters[0]', 'assignments[1].raters[1]']);
    expect(details[0]!.message).toMatch(/자기 부서/);
    const dup = await api('planner', 'PUT', `${E}/rater-assignments`, {
      assignments: [
        { indicator: 'I2', raters: ['rater1', 'rater1'] },
        { indicator: 'I2', raters: [] },
      ],
    });
    expect(dup.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'assignments[0].raters[1]',
      'assignments[1].indicator',
    ]);
    expect(await listing()).toEqual(before.list);
    expect(await audits()).toBe(before.audits);
    expect((await api('rater1', 'PUT', `${E}/rater-assignments`, { assignments: [] })).statusCode).toBe(403);
  });

  it('saves every item in one transaction; only indicators whose raters change are audited', async () => {
    const before = { list: await listing(), audits: await audits() };
    expect(before.list.I5).toEqual(['rater1']);
    const ok = await api('planner', 'PUT', `${E}/rater-assignments`, {
      assignments: [
        { indicator: 'I2', raters: ['rater1', 'rater3'] },
        { indicator: 'I4', raters: ['rater2'] },
        { indicator: 'I5', raters: ['rater1'] }, // unchanged
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ changed: 2 });
    expect(ok.json().assignments.map((a: { indicator: string }) => a.indicator)).toEqual(['I2', 'I4']);
    expect(await audits()).toBe(before.audits + 2);
    expect(await listing()).toEqual({ ...before.list, I2: ['rater1', 'rater3'], I4: ['rater2'] });
    // rater3 now sees I2 on the rating sheet.
    const sheet = await call(app, await loginAs(app, 'rater3', TEST_PASSWORD), 'GET', `/api/v1${E}/ratings`);
    expect(sheet.json().indicators.map((i: { indicator: string }) => i.indicator)).toContain('I2');
  });

  it('고르게 배정: a dry run proposes without saving; the real run gives every indicator N raters, evenly', async () => {
    const before = { list: await listing(), audits: await audits() };
    const dry = await api('planner', 'POST', `${E}/rater-assignments/distribute`, { perIndicator: 2, dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    const proposal = dry.json() as {
      dryRun: boolean;
      indicators: number;
      changed: number;
      assignments: { indicator: string; after: string[] }[];
      short: unknown[];
      load: { rater: string; before: number; after: number }[];
    };
    expect(proposal).toMatchObject({ dryRun: true, indicators: 6, short: [] });
    expect(proposal.load.reduce((n, l) => n + l.after, 0)).toBe(12);
    expect(proposal.load.reduce((n, l) => n + l.before, 0)).toBe(
      Object.values(before.list).reduce((n, r) => n + r.length, 0),
    );
    expect(await listing()).toEqual(before.list);
    expect(await audits()).toBe(before.audits);

    const run = await api('planner', 'POST', `${E}/rater-assignments/distribute`, { perIndicator: 2 });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().changed).toBe(proposal.changed);
    const after = await listing();
    for (const [code, raters] of Object.entries(after)) {
      expect(raters, code).toHaveLength(2);
      if (['I1', 'I3', 'C1'].includes(code)) expect(raters, code).not.toContain('rater3');
    }
    expect(await audits()).toBe(before.audits + proposal.changed);
    // Again: already even, nothing to change.
    const again = await api('planner', 'POST', `${E}/rater-assignments/distribute`, { perIndicator: 2 });
    expect(again.json().changed).toBe(0);

    // Only the chosen indicators; one the year lacks is named by path; asking for more raters than may rate.
    const some = await api('planner', 'POST', `${E}/rater-assignments/distribute`, {
      perIndicator: 3,
      indicators: ['I1', 'I2'],
      dryRun: true,
    });
    expect(some.json()).toMatchObject({ indicators: 2, short: [{ indicator: 'I1', eligible: 2 }] });
    const unknown = await api('planner', 'POST', `${E}/rater-assignments/distribute`, {
      perIndicator: 1,
      indicators: ['I1', 'X9'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe('indicators[1]');
    const zero = await api('planner', 'POST', `${E}/rater-assignments/distribute`, { perIndicator: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.details[0]).toMatchObject({ path: 'perIndicator' });
    expect(zero.json().error.details[0].message).toMatch(/[가-힣]/);
  });

  it('once rating is closed, neither changes anything (409 rating_closed)', async () => {
    expect((await api('planner', 'POST', `${E}/ratings/close`)).statusCode).toBe(200);
    const before = await listing();
    const many = await api('planner', 'PUT', `${E}/rater-assignments`, {
      assignments: [{ indicator: 'I2', raters: ['rater2'] }],
    });
    const dist = await api('planner', 'POST', `${E}/rater-assignments/distribute`, { perIndicator: 1 });
    for (const r of [many, dist]) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error.code).toBe('rating_closed');
      expect(r.json().error.message).toMatch(/마감/);
    }
    expect(await listing()).toEqual(before);
    expect((await api('planner', 'POST', `${E}/ratings/reopen`, { reason: '배정 다시' })).statusCode).toBe(200);
  });
});

describe('penalty cases of the year', () => {
  it('carry their indicator and, once waived, the name of who waived them', async () => {
    const list = await api('planner', 'GET', `/plans/${EVAL_YEAR}/penalty-cases`);
    expect(list.statusCode, list.body).toBe(200);
    const [c] = list.json().cases as { id: string; indicator: { code: string; name: string }; waivedByName: null }[];
    expect(c).toMatchObject({ indicator: { code: 'I4', name: '미세먼지 저감 사업장 수' }, waivedByName: null });
    const w = await api('planner', 'POST', `/penalty-cases/${c!.id}/waive`, { reason: '기한 연장 승인' });
    expect(w.statusCode, w.body).toBe(200);
    const after = (await api('planner', 'GET', `/plans/${EVAL_YEAR}/penalty-cases`)).json();
    expect(after.cases[0]).toMatchObject({ waived: true, waivedReason: '기한 연장 승인' });
    expect(after.cases[0].waivedByName).toMatch(/\S/);
    expect(after.counts.waived).toBe(1);
  });
});
