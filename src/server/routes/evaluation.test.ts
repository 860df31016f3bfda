/**
 * The evaluation through the HTTP API (PGlite, or PostgreSQL with TEST_DATABASE_URL): raters see and
 * write only their assigned indicators and never another rater's scores before rating is closed;
 * every input write audited with its version (409 when stale); bonus, qualitative and scheme inputs
 * with Korean 4xx naming the field; provisional scores; a what-if that saves nothing; the freeze
 * (snapshot, closed year immutable, later edits invisible), re-open with a reason, and
 * `bsc evaluate --input` reproducing the stored evaluation exactly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../db/testing.js';
import { countAudit } from '../../db/queries/audit.js';
import { bonusAwards, evaluationSnapshots, plans, results } from '../../db/schema.js';
import { TEST_PASSWORD } from '../../features/accounts/testing.js';
import { EVAL_YEAR, seedEvaluationOrganization, type EvaluationOrg } from '../../features/evaluation/testing.js';
import { runCli } from '../../cli/run.js';
import { loadConfig } from '../../config.js';
import type { App } from '../app.js';
import { call, loginAs, testApp, type TestSession } from '../auth/testing.js';

let database: Database;
let app: App;
let org: EvaluationOrg;
const s: Record<string, TestSession> = {};
const Y = EVAL_YEAR;
const E = `/plans/${Y}/evaluation`;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await seedEvaluationOrganization(database.db);
  app = await testApp(database);
  for (const u of [
    'planner',
    'rater1',
    'rater2',
    'rater3',
    'committee',
    'executive',
    'viewer',
    'head-traffic',
    'staff-welfare',
  ])
    s[u] = await loginAs(app, u, TEST_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const db = () => database.db;
const api = (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  call(app, s[who]!, method, `/api/v1${url}`, payload);
const audits = (action: string) => countAudit(db(), org.organizationId, action);
const enc = encodeURIComponent;

type Rating = { rater: string; representativeness: number | null; version: number };
type RatingIndicator = {
  indicator: string;
  assignedRaters: string[];
  ratings: Rating[];
  myRating: Rating | null;
  ratedCount: number | null;
};

function expectKorean(
  res: { statusCode: number; json(): { error: { message: string; details?: { path: string; message: string }[] } } },
  status: number,
  field?: string,
) {
  expect(res.statusCode).toBe(status);
  const e = res.json().error;
  expect(e.message).toMatch(/[가-힣]/);
  if (field) {
    const d = e.details?.find((x) => x.path === field);
    expect(d, `details naming ${field}: ${JSON.stringify(e.details)}`).toBeDefined();
    expect(d!.message).toMatch(/[가-힣]/);
  }
}

describe('quality ratings: raters see and write only what they are assigned', () => {
  it('a rater writes an assigned indicator, audited with a version; a second save needs it', async () => {
    const before = await audits('rating.write');
    const r1 = await api('rater1', 'PUT', `${E}/ratings/I1`, {
      representativeness: 80,
      difficulty: 70,
      completeness: 90,
    });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json()).toMatchObject({ indicator: 'I1', rater: 'rater1', version: 1, complete: true });
    expect(await audits('rating.write')).toBe(before + 1);

    const again = await api('rater1', 'PUT', `${E}/ratings/I1`, {
      representativeness: 85,
      difficulty: 70,
      completeness: 90,
    });
    expectKorean(again, 409);
    expect(again.json().error.code).toBe('already_exists');
    const ok = await api('rater1', 'PUT', `${E}/ratings/I1`, {
      representativeness: 85,
      difficulty: 70,
      completeness: 90,
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await api('rater1', 'PUT', `${E}/ratings/I1`, {
      representativeness: 10,
      difficulty: 10,
      completeness: 10,
      version: 1,
    });
    expectKorean(stale, 409);
    expect(stale.json().error).toMatchObject({
      code: 'stale_version',
      current: { representativeness: 85, version: 2 },
    });
    expect(await audits('rating.write')).toBe(before + 2);

    for (const [rater, ind, R] of [
      ['rater2', 'I1', 60],
      ['rater1', 'I2', 75],
      ['rater2', 'I3', 90],
      ['rater1', 'I4', 70],
      ['rater2', 'I4', 80],
      ['rater1', 'I5', 65],
    ] as const) {
      const r = await api(rater, 'PUT', `${E}/ratings/${ind}`, {
        representativeness: R,
        difficulty: R,
        completeness: R,
      });
      expect(r.statusCode, `${rater} ${ind} ${r.body}`).toBe(200);
    }
  });

  it('refuses an unassigned indicator, an own-department indicator, bad scores, and non-raters', async () => {
    const na = await api('rater1', 'PUT', `${E}/ratings/I3`, {
      representativeness: 50,
      difficulty: 50,
      completeness: 50,
    });
    expectKorean(na, 403);
    expect(na.json().error.code).toBe('forbidden_not_assigned');
    // rater3 works in 교통과: assigned to I1 by the import, still refused by the policy
    const own = await api('rater3', 'PUT', `${E}/ratings/I1`, {
      representativeness: 100,
      difficulty: 100,
      completeness: 100,
    });
    expectKorean(own, 403);
    expect(own.json().error.code).toBe('forbidden_own_department');
    expectKorean(
      await api('rater1', 'PUT', `${E}/ratings/I2`, { representativeness: 150, difficulty: 50, completeness: 50 }),
      400,
      'representativeness',
    );
    expectKorean(
      await api('rater1', 'PUT', `${E}/ratings/I2`, { representativeness: 50, difficulty: 50 }),
      400,
      'completeness',
    );
    expectKorean(
      await api('rater1', 'PUT', `${E}/ratings/NOPE`, { representativeness: 1, difficulty: 1, completeness: 1 }),
      404,
      'indicator',
    );
    expectKorean(
      await api('planner', 'PUT', `${E}/ratings/I2`, { representativeness: 1, difficulty: 1, completeness: 1 }),
      403,
    );
    expectKorean(await api('head-traffic', 'GET', `${E}/ratings`), 403);
  });

  it('before rating closes: a rater sees only their assigned indicators and their own scores', async () => {
    const r = await api('rater1', 'GET', `${E}/ratings`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as { scoresVisible: string; indicators: RatingIndicator[] };
    expect(body.scoresVisible).toBe('own');
    expect(body.indicators.map((i) => i.indicator)).toEqual(['I1', 'I2', 'I4', 'I5']);
    const i1 = body.indicators.find((i) => i.indicator === 'I1')!;
    expect(i1.ratings.map((x) => x.rater)).toEqual(['rater1']);
    expect(i1.assignedRaters).toEqual(['rater1']);
    expect(i1.ratedCount).toBeNull();
    expect(JSON.stringify(body)).not.toContain('rater2');
    expectKorean(await api('rater1', 'GET', `${E}/ratings?indicator=I3`), 404, 'indicator');

    const c = (await api('committee', 'GET', `${E}/ratings`)).json() as {
      scoresVisible: string;
      indicators: RatingIndicator[];
    };
    expect(c.scoresVisible).toBe('none');
    expect(c.indicators.every((i) => i.ratings.length === 0)).toBe(true);
    const p = (await api('planner', 'GET', `${E}/ratings`)).json() as {
      scoresVisible: string;
      indicators: RatingIndicator[];
    };
    expect(p.scoresVisible).toBe('all');
    expect(p.indicators.find((i) => i.indicator === 'I1')!.ratings.map((x) => x.rater)).toEqual(['rater1', 'rater2']);
  });

  it('the planner assigns raters (audited); unknown users, non-raters and own-department raters are refused by field', async () => {
    const before = await audits('rating.assign');
    const bad = await api('planner', 'PUT', `${E}/rater-assignments/I1`, {
      raters: ['rater1', 'nobody', 'viewer', 'rater3', 'rater1'],
    });
    expectKorean(bad, 400, 'raters[4]');
    const paths = (bad.json().error.details as { path: string; message: string }[]).map((d) => d.path);
    expect(paths).toEqual(['raters[4]']);
    const bad2 = await api('planner', 'PUT', `${E}/rater-assignments/I1`, {
      raters: ['rater1', 'nobody', 'viewer', 'rater3'],
    });
    const d2 = bad2.json().error.details as { path: string; message: string }[];
    expect(d2.map((d) => d.path)).toEqual(['raters[1]', 'raters[2]', 'raters[3]']);
    expect(d2[2]!.message).toMatch(/자기 부서/);
    const ok = await api('planner', 'PUT', `${E}/rater-assignments/I3`, { raters: ['rater2', 'rater1'] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await audits('rating.assign')).toBe(before + 1);
    const list = (await api('planner', 'GET', `${E}/rater-assignments`)).json() as {
      indicators: { indicator: string; raters: string[] }[];
      raters: { username: string; departments: string[] }[];
    };
    expect(list.indicators.find((i) => i.indicator === 'I3')!.raters.sort()).toEqual(['rater1', 'rater2']);
    expect(list.raters.find((r) => r.username === 'rater3')!.departments).toEqual(['교통과']);
    expectKorean(await api('rater1', 'GET', `${E}/rater-assignments`), 403);
  });

  it('after the planner closes rating: raters see each other on their indicators, and nobody changes a rating', async () => {
    const before = await audits('rating.close');
    const closed = await api('planner', 'POST', `${E}/ratings/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ ratingClosed: true, progress: { assigned: 9 } });
    expect(await audits('rating.close')).toBe(before + 1);
    expectKorean(await api('planner', 'POST', `${E}/ratings/close`), 409);

    const r = (await api('rater1', 'GET', `${E}/ratings`)).json() as {
      scoresVisible: string;
      indicators: RatingIndicator[];
    };
    expect(r.scoresVisible).toBe('all');
    expect(r.indicators.map((i) => i.indicator)).toEqual(['I1', 'I2', 'I3', 'I4', 'I5']);
    expect(r.indicators.find((i) => i.indicator === 'I1')!.ratings.map((x) => x.rater)).toEqual(['rater1', 'rater2']);
    const c = (await api('committee', 'GET', `${E}/ratings`)).json() as { scoresVisible: string };
    expect(c.scoresVisible).toBe('all');

    const late = await api('rater1', 'PUT', `${E}/ratings/I3`, {
      representativeness: 1,
      difficulty: 1,
      completeness: 1,
    });
    expectKorean(late, 409);
    expect(late.json().error.code).toBe('rating_closed');
    expectKorean(await api('planner', 'PUT', `${E}/rater-assignments/I2`, { raters: ['rater2'] }), 409);

    expectKorean(await api('planner', 'POST', `${E}/ratings/reopen`, {}), 400, 'reason');
    const reopened = await api('planner', 'POST', `${E}/ratings/reopen`, { reason: '평가위원 한 명이 누락' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(await audits('rating.reopen')).toBe(1);
    const own = (await api('rater2', 'GET', `${E}/ratings`)).json() as {
      scoresVisible: string;
      indicators: RatingIndicator[];
    };
    expect(own.scoresVisible).toBe('own');
    expect(own.indicators.find((i) => i.indicator === 'I1')!.ratings.map((x) => x.rater)).toEqual(['rater2']);
    const fix = await api('rater1', 'PUT', `${E}/ratings/I3`, {
      representativeness: 88,
      difficulty: 80,
      completeness: 70,
    });
    expect(fix.statusCode, fix.body).toBe(200);
    expect((await api('planner', 'POST', `${E}/ratings/close`)).statusCode).toBe(200);
  });
});

describe('bonus awards and qualitative scores', () => {
  it('the committee grants a bonus with a reason (0–1 point), audited and versioned; bad input names the field', async () => {
    const before = await audits('bonus.grant');
    const url = `${E}/bonus-awards/${enc('교통과')}/training`;
    const r = await api('committee', 'PUT', url, { points: 1, reason: '성과관리 교육 전원 이수' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      department: '교통과',
      item: 'training',
      itemLabel: '성과관리 교육 참여도',
      points: 1,
      grantedBy: 'committee',
      version: 1,
    });
    expect(await audits('bonus.grant')).toBe(before + 1);

    expectKorean(await api('committee', 'PUT', url, { points: 1.5, reason: 'x' }), 400, 'points');
    expectKorean(await api('committee', 'PUT', url, { points: 1, reason: '   ' }), 400, 'reason');
    expectKorean(await api('committee', 'PUT', url, { points: 1 }), 400, 'reason');
    expectKorean(
      await api('committee', 'PUT', `${E}/bonus-awards/${enc('교통과')}/lottery`, { points: 1, reason: 'x' }),
      400,
      'item',
    );
    expectKorean(
      await api('committee', 'PUT', `${E}/bonus-awards/${enc('없는과')}/training`, { points: 1, reason: 'x' }),
      400,
      'department',
    );
    expectKorean(
      await api('committee', 'PUT', `${E}/bonus-awards/${enc('구의회사무국')}/training`, { points: 1, reason: 'x' }),
      400,
      'department',
    );
    expectKorean(await api('viewer', 'PUT', url, { points: 1, reason: 'x' }), 403);
    expectKorean(await api('executive', 'PUT', url, { points: 1, reason: 'x' }), 403);

    expect((await api('committee', 'PUT', url, { points: 0.5, reason: '일부 미이수' })).statusCode).toBe(409);
    const upd = await api('planner', 'PUT', url, { points: 0.5, reason: '일부 미이수', version: 1 });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ points: 0.5, version: 2, grantedBy: 'planner' });

    const other = await api('planner', 'PUT', `${E}/bonus-awards/${enc('복지과')}/external`, {
      points: 1,
      reason: '대외기관 평가 최우수',
    });
    expect(other.statusCode).toBe(200);
    const tmp = await api('planner', 'PUT', `${E}/bonus-awards/${enc('환경과')}/best_practice`, {
      points: 1,
      reason: '우수사례 선정',
    });
    expect(
      (await api('planner', 'DELETE', `${E}/bonus-awards/${enc('환경과')}/best_practice?version=9`)).statusCode,
    ).toBe(409);
    const del = await api(
      'planner',
      'DELETE',
      `${E}/bonus-awards/${enc('환경과')}/best_practice?version=${tmp.json().version}`,
    );
    expect(del.statusCode, del.body).toBe(200);
    expect(await audits('bonus.withdraw')).toBe(1);

    // department roles read their own department's awards only
    const mine = (await api('head-traffic', 'GET', `${E}/bonus-awards`)).json() as {
      awards: { department: string }[];
      canGrant: boolean;
    };
    expect(mine.awards.map((a) => a.department)).toEqual(['교통과']);
    expect(mine.canGrant).toBe(false);
    expectKorean(await api('head-traffic', 'GET', `${E}/bonus-awards?department=${enc('복지과')}`), 403);
    const all = (await api('committee', 'GET', `${E}/bonus-awards`)).json() as { awards: unknown[]; canGrant: boolean };
    expect(all.awards).toHaveLength(2);
    expect(all.canGrant).toBe(true);
  });

  it('the executive gives a 0–5 qualitative score, audited and versioned', async () => {
    const before = await audits('qualitative.write');
    const url = (d: string) => `${E}/qualitative-scores/${enc(d)}`;
    expectKorean(await api('executive', 'PUT', url('교통과'), { points: 6 }), 400, 'points');
    expectKorean(await api('executive', 'PUT', url('교통과'), { points: '4' }), 400, 'points');
    expectKorean(await api('committee', 'PUT', url('교통과'), { points: 4 }), 403);
    for (const [d, p] of [
      ['교통과', 4],
      ['복지과', 5],
      ['환경과', 3],
      ['보건소', 4],
    ] as const) {
      const r = await api('executive', 'PUT', url(d), { points: p, comment: '연간 노력도' });
      expect(r.statusCode, r.body).toBe(200);
    }
    expect(await audits('qualitative.write')).toBe(before + 4);
    const stale = await api('planner', 'PUT', url('환경과'), { points: 3.5, version: 7 });
    expectKorean(stale, 409);
    const ok = await api('planner', 'PUT', url('환경과'), { points: 3.5, version: 1 });
    expect(ok.json()).toMatchObject({ points: 3.5, version: 2, givenBy: 'planner' });
    const mine = (await api('staff-welfare', 'GET', `${E}/qualitative-scores`)).json() as {
      departments: { department: string; score: { points: number } | null }[];
    };
    expect(mine.departments).toEqual([
      expect.objectContaining({ department: '복지과', score: expect.objectContaining({ points: 5 }) }),
    ]);
  });
});

describe('the scheme settings', () => {
  it('GET shows every setting with its Korean label and whether it is the default', async () => {
    const r = await api('viewer', 'GET', `${E}/scheme`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as {
      version: number;
      settings: { path: string; label: string; isDefault: boolean; value: unknown }[];
    };
    const cap = body.settings.find((x) => x.path === 'achievement.cap')!;
    expect(cap).toMatchObject({ label: '달성률 상한(%)', value: 100, isDefault: true });
    expect(body.settings.every((x) => /[가-힣]/.test(x.label))).toBe(true);
  });

  it('PUT validates (Korean messages with the setting path), checks the version, stores the partial, audited', async () => {
    const cur = (await api('planner', 'GET', `${E}/scheme`)).json() as { version: number };
    const bad = await api('planner', 'PUT', `${E}/scheme`, {
      scheme: { achievement: { cap: 50 }, grades: { shares: [{ grade: 'S', share: 60 }] }, nope: 1 },
      version: cur.version,
    });
    expectKorean(bad, 400, 'scheme.achievement.cap');
    const details = bad.json().error.details as { path: string; message: string }[];
    expect(details.find((d) => d.path === 'scheme.achievement.cap')!.message).toMatch(/달성률 상한/);
    expect(details.map((d) => d.path)).toEqual(expect.arrayContaining(['scheme.grades.shares', 'scheme.nope']));
    expectKorean(await api('planner', 'PUT', `${E}/scheme`, { scheme: [], version: cur.version }), 400, 'scheme');
    expectKorean(await api('committee', 'PUT', `${E}/scheme`, { scheme: {}, version: cur.version }), 403);
    expectKorean(
      await api('planner', 'PUT', `${E}/scheme`, { scheme: { achievement: { cap: 120 } }, version: cur.version - 1 }),
      409,
    );

    const before = await audits('evaluation.scheme');
    const ok = await api('planner', 'PUT', `${E}/scheme`, {
      scheme: { achievement: { cap: 110 } },
      version: cur.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const body = ok.json() as {
      stored: unknown;
      version: number;
      settings: { path: string; isDefault: boolean; value: unknown }[];
    };
    expect(body.stored).toEqual({ achievement: { cap: 110 } });
    expect(body.version).toBe(cur.version + 1);
    expect(body.settings.find((x) => x.path === 'achievement.cap')).toMatchObject({ value: 110, isDefault: false });
    expect(await audits('evaluation.scheme')).toBe(before + 1);
    const er = await api('planner', 'GET', `${E}?detail=scores`);
    expect(er.statusCode, er.body).toBe(200);
    const e = er.json() as { scheme: { achievement: { cap: number } }; schemeOverrides: unknown };
    expect(e.scheme.achievement.cap).toBe(110);
    expect(e.schemeOverrides).toEqual({ achievement: { cap: 110 } });
    // back to the defaults for what follows
    const back = await api('planner', 'PUT', `${E}/scheme`, { scheme: {}, version: body.version });
    expect(back.statusCode).toBe(200);
  });
});

type Dept = {
  department: string;
  total: number;
  rank: number;
  grade: string;
  achievement: number;
  quality: number;
  qualitative: number;
  bonus: number;
  penalty: number;
  explanation: { value: number; children: unknown[] };
};
type EvalBody = {
  year: number;
  mode: string;
  asOfPeriod: string | null;
  departments: Dept[];
  source: { kind: string; snapshotId: string | null };
};

describe('the evaluation: final, provisional, one department, who sees what', () => {
  it('evaluates every evaluated department with an explanation whose root is the total', async () => {
    const r = await api('planner', 'GET', E);
    expect(r.statusCode, r.body).toBe(200);
    const e = r.json() as EvalBody;
    expect(e).toMatchObject({ year: Y, mode: 'final', asOfPeriod: null, source: { kind: 'live' } });
    expect(e.departments.map((d) => d.department).sort()).toEqual(['교통과', '보건소', '복지과', '환경과']);
    for (const d of e.departments) {
      expect(d.explanation.value).toBeCloseTo(d.total, 12);
      expect(d.total).toBeCloseTo(d.achievement + d.quality + d.qualitative + d.bonus - d.penalty, 12);
    }
    const env = e.departments.find((d) => d.department === '환경과')!;
    expect(env.penalty).toBe(0.5);
    const traffic = e.departments.find((d) => d.department === '교통과')!;
    expect(traffic.bonus).toBe(0.5);
    expect(traffic.qualitative).toBe(4);
    expect(e.departments.map((d) => d.rank)).toEqual([1, 2, 3, 4]);
  });

  it('provisional scores as of a period; asOf only with provisional; bad mode names the field', async () => {
    const p = (await api('planner', 'GET', `${E}?mode=provisional&asOf=${Y}-H1`)).json() as EvalBody;
    expect(p).toMatchObject({ mode: 'provisional', asOfPeriod: `${Y}-H1` });
    // only 환경과's H1 result counts by then; the late-entry case of H1 counts too
    expect(p.departments.find((d) => d.department === '환경과')!.achievement).toBeGreaterThan(0);
    expectKorean(await api('planner', 'GET', `${E}?asOf=${Y}-Q2`), 400, 'asOf');
    expectKorean(await api('planner', 'GET', `${E}?mode=provisional&asOf=${Y - 1}-Q2`), 400, 'asOf');
    expectKorean(await api('planner', 'GET', `${E}?mode=draft`), 400, 'mode');
  });

  it('one department’s breakdown; department roles see only their own department', async () => {
    const one = await api('head-traffic', 'GET', `${E}/departments/${enc('교통과')}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({
      year: Y,
      department: { department: '교통과' },
      rankingGroup: { name: '전체', size: 4 },
    });
    expectKorean(await api('head-traffic', 'GET', `${E}/departments/${enc('복지과')}`), 403);
    const list = (await api('head-traffic', 'GET', E)).json() as EvalBody;
    expect(list.departments.map((d) => d.department)).toEqual(['교통과']);
    expectKorean(await api('planner', 'GET', `${E}/departments/${enc('구의회사무국')}`), 404, 'department');
    // who gave which quality score: the planner (and, rating closed, committee) see names; departments see aliases
    expect(one.body).not.toMatch(/rater[123]/);
    expect(one.body).toMatch(/평가위원 1/);
    expect((await api('planner', 'GET', `${E}/departments/${enc('교통과')}`)).body).toMatch(/I1 · rater1/);
    expect((await api('committee', 'GET', `${E}/departments/${enc('교통과')}`)).body).toMatch(/I1 · rater1/);
    expect((await api('viewer', 'GET', E)).body).not.toMatch(/rater[123]/);
    expectKorean(await api('rater1', 'GET', E), 403);
    expectKorean(await api('head-traffic', 'GET', `${E}/input`), 403);
  });
});

describe('what-if with changed inputs (actual, bonus, qualitative): nothing saved', () => {
  it("recomputes the changed department's total, rank and grade beside the current ones", async () => {
    type W = {
      saved: boolean;
      changedSettings: unknown[];
      departments: { department: string; base: { total: number; rank: number }; alt: { total: number } }[];
    };
    const auditBefore = await countAudit(db(), org.organizationId);
    const evalBefore = (await api('planner', 'GET', E)).json();
    const row = (w: W, d: string) => w.departments.find((x) => x.department === d)!;

    const q = await api('planner', 'POST', `${E}/what-if`, {
      changes: { qualitativeScores: [{ department: '환경과', points: 5 }] },
    });
    expect(q.statusCode, q.body).toBe(200);
    const wq = q.json() as W;
    expect(wq.saved).toBe(false);
    expect(wq.changedSettings).toEqual([]);
    const before = (
      evalBefore as { departments: { department: string; qualitative: number; total: number }[] }
    ).departments.find((d) => d.department === '환경과')!;
    expect(row(wq, '환경과').base.total).toBeCloseTo(before.total, 9);
    expect(row(wq, '환경과').alt.total - row(wq, '환경과').base.total).toBeCloseTo(5 - before.qualitative, 6);
    expect(row(wq, '복지과').alt.total).toBeCloseTo(row(wq, '복지과').base.total, 9);

    const b = await api('committee', 'POST', `${E}/what-if`, {
      changes: { bonusAwards: [{ department: '복지과', item: 'effort', points: 1 }] },
    });
    expect(b.statusCode, b.body).toBe(200);
    expect(row(b.json() as W, '복지과').alt.total).toBeGreaterThanOrEqual(row(b.json() as W, '복지과').base.total);

    const a = await api('planner', 'POST', `${E}/what-if`, {
      changes: { actuals: [{ indicator: 'I2', department: '복지과', actual: 0 }] },
    });
    expect(a.statusCode, a.body).toBe(200);
    expect(row(a.json() as W, '복지과').alt.total).toBeLessThan(row(a.json() as W, '복지과').base.total);

    expectKorean(
      await api('planner', 'POST', `${E}/what-if`, {
        changes: { qualitativeScores: [{ department: '환경과', points: 9 }] },
      }),
      400,
      'changes.qualitativeScores[0].points',
    );
    expectKorean(
      await api('planner', 'POST', `${E}/what-if`, {
        changes: { actuals: [{ indicator: 'NOPE', department: '복지과', actual: 1 }] },
      }),
      400,
      'changes.actuals[0].indicator',
    );
    expect(await countAudit(db(), org.organizationId)).toBe(auditBefore);
    expect((await api('planner', 'GET', E)).json()).toEqual(evalBefore);
  });
});

describe('what-if: another scheme side by side, nothing saved', () => {
  it('returns both totals, ranks and rank changes and changes nothing', async () => {
    const planBefore = (await db().select().from(plans).where(eq(plans.organizationId, org.organizationId)))[0]!;
    const auditBefore = await countAudit(db(), org.organizationId);
    const evalBefore = (await api('planner', 'GET', E)).json();
    const r = await api('committee', 'POST', `${E}/what-if`, {
      scheme: { quality: { weight: 0 }, achievement: { weight: 90 } },
    });
    expect(r.statusCode, r.body).toBe(200);
    const w = r.json() as {
      saved: boolean;
      changedSettings: { path: string; label: string }[];
      departments: { department: string; base: { total: number }; alt: { total: number }; rankChange: number }[];
      rankChanges: unknown[];
    };
    expect(w.saved).toBe(false);
    expect(w.changedSettings.map((c) => c.path).sort()).toEqual(['achievement.weight', 'quality.weight']);
    expect(w.changedSettings.every((c) => /[가-힣]/.test(c.label))).toBe(true);
    expect(w.departments).toHaveLength(4);
    expect(w.departments.some((d) => d.base.total !== d.alt.total)).toBe(true);
    expectKorean(
      await api('planner', 'POST', `${E}/what-if`, { scheme: { achievement: { cap: 20 } } }),
      400,
      'scheme.achievement.cap',
    );
    expectKorean(await api('planner', 'POST', `${E}/what-if`, {}), 400, 'scheme');

    const planAfter = (await db().select().from(plans).where(eq(plans.organizationId, org.organizationId)))[0]!;
    expect(planAfter.version).toBe(planBefore.version);
    expect(planAfter.evaluationScheme).toEqual(planBefore.evaluationScheme);
    expect(await countAudit(db(), org.organizationId)).toBe(auditBefore);
    expect((await db().select().from(evaluationSnapshots)).length).toBe(0);
    expect((await api('planner', 'GET', E)).json()).toEqual(evalBefore);
  });
});

describe('freeze: close, a closed year is immutable, re-open', () => {
  let closedEvaluation: EvalBody;
  let snapshotId: string;

  it('close needs the planner and rating closed; stores evaluation and input in one snapshot', async () => {
    expectKorean(await api('committee', 'POST', `${E}/close`, {}), 403);
    await api('planner', 'POST', `${E}/ratings/reopen`, { reason: '재확인' });
    const open = await api('planner', 'POST', `${E}/close`, {});
    expectKorean(open, 409);
    expect(open.json().error.code).toBe('rating_open');
    expect((await api('planner', 'POST', `${E}/ratings/close`)).statusCode).toBe(200);

    const live = (await api('planner', 'GET', E)).json() as EvalBody;
    const before = await audits('evaluation.close');
    const r = await api('planner', 'POST', `${E}/close`, { comment: '2021년 평가 확정' });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as { planStatus: string; snapshot: { id: string; standing: boolean }; evaluation: EvalBody };
    expect(body.planStatus).toBe('closed');
    expect(body.snapshot.standing).toBe(true);
    snapshotId = body.snapshot.id;
    expect(await audits('evaluation.close')).toBe(before + 1);
    const { source: _s, ...liveScores } = live;
    expect(body.evaluation).toEqual(liveScores);

    const got = (await api('planner', 'GET', E)).json() as EvalBody;
    expect(got.source).toMatchObject({ kind: 'snapshot', snapshotId });
    const viewed = await api('viewer', 'GET', E);
    expect(viewed.json().source.kind).toBe('snapshot');
    expect(viewed.body).not.toMatch(/rater[123]/);
    closedEvaluation = got;
    expectKorean(await api('planner', 'POST', `${E}/close`, {}), 409);
  });

  it('edits to a closed year’s inputs are refused with 409 in Korean', async () => {
    const tries = [
      api('rater1', 'PUT', `${E}/ratings/I2`, { representativeness: 1, difficulty: 1, completeness: 1, version: 1 }),
      api('planner', 'PUT', `${E}/rater-assignments/I2`, { raters: ['rater2'] }),
      api('committee', 'PUT', `${E}/bonus-awards/${enc('보건소')}/effort`, { points: 1, reason: '노력' }),
      api('executive', 'PUT', `${E}/qualitative-scores/${enc('보건소')}`, { points: 1, version: 1 }),
      api('planner', 'PUT', `${E}/scheme`, { scheme: { achievement: { cap: 150 } }, version: 99 }),
      api('planner', 'POST', `${E}/ratings/reopen`, { reason: 'x' }),
    ];
    for (const res of await Promise.all(tries)) {
      expectKorean(res, 409);
      expect(res.json().error.code).toBe('plan_closed');
    }
  });

  it('later edits to results or inputs (behind the API) do not change a closed year’s evaluation', async () => {
    await db().update(results).set({ actual: 1 }).where(eq(results.organizationId, org.organizationId));
    await db().update(bonusAwards).set({ points: 0 }).where(eq(bonusAwards.organizationId, org.organizationId));
    const after = (await api('planner', 'GET', E)).json();
    expect(after).toEqual(closedEvaluation);
    const dept = (await api('planner', 'GET', `${E}/departments/${enc('교통과')}`)).json() as {
      department: Dept;
      source: { kind: string };
    };
    expect(dept.source.kind).toBe('snapshot');
    expect(dept.department).toEqual(closedEvaluation.departments.find((d) => d.department === '교통과'));
    // provisional views and what-if of a closed year are computed from the snapshot's input
    const prov = (await api('planner', 'GET', `${E}?mode=provisional`)).json() as EvalBody;
    expect(prov.source.kind).toBe('snapshot_input');
    const w = (await api('planner', 'POST', `${E}/what-if`, { scheme: {} })).json() as {
      departments: { base: { total: number } }[];
    };
    expect(w.departments.map((d) => d.base.total)).toEqual(closedEvaluation.departments.map((d) => d.total));
    // the snapshot row itself cannot be changed
    await expect(
      db().execute(sql`update evaluation_snapshots set evaluation = '{}'::jsonb where id = ${snapshotId}`),
    ).rejects.toThrow();
  });

  it('bsc evaluate --input <the snapshot’s input> reproduces the stored evaluation exactly', async () => {
    const input = await api('planner', 'GET', `${E}/snapshots/${snapshotId}/input`);
    expect(input.statusCode).toBe(200);
    expect(input.headers['content-disposition']).toMatch(/attachment/);
    const stored = (await api('planner', 'GET', `${E}/snapshots/${snapshotId}`)).json();
    expectKorean(await api('viewer', 'GET', `${E}/snapshots/${snapshotId}/input`), 403);
    expectKorean(await api('committee', 'GET', `${E}/input`), 403);
    const viewerCopy = await api('viewer', 'GET', `${E}/snapshots/${snapshotId}`);
    expect(viewerCopy.statusCode).toBe(200);
    expect(viewerCopy.body).not.toMatch(/rater[123]/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-eval-'));
    try {
      const file = path.join(dir, 'snapshot-input.json');
      fs.writeFileSync(file, input.body);
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(
        ['evaluate', '--input', file, '--json'],
        loadConfig({ NODE_ENV: 'test', BSC_DEMO: '0', BSC_DATA_DIR: dir }),
        {
          out: (t) => out.push(t),
          err: (t) => err.push(t),
        },
      );
      expect(code, err.join('\n')).toBe(0);
      const reproduced = JSON.parse(out.join('\n'));
      expect(reproduced).toEqual(stored);
      const { source: _s, ...shown } = closedEvaluation;
      expect(reproduced).toEqual(shown);
      expect(fs.readdirSync(dir)).toEqual(['snapshot-input.json']); // no database was opened
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('re-open needs a reason, is audited, keeps the snapshot marked; the year is live again', async () => {
    expectKorean(await api('planner', 'POST', `${E}/reopen`, {}), 400, 'reason');
    expectKorean(await api('planner', 'POST', `${E}/reopen`, { reason: '  ' }), 400, 'reason');
    expectKorean(await api('committee', 'POST', `${E}/reopen`, { reason: '이의신청' }), 403);
    const r = await api('planner', 'POST', `${E}/reopen`, { reason: '이의신청 인용' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      planStatus: 'active',
      snapshot: { id: snapshotId, standing: false, reopenReason: '이의신청 인용', reopenedBy: 'planner' },
    });
    expect(await audits('evaluation.reopen')).toBe(1);
    const [row] = await db()
      .select()
      .from(evaluationSnapshots)
      .where(and(eq(evaluationSnapshots.organizationId, org.organizationId), eq(evaluationSnapshots.id, snapshotId)));
    expect(row!.reopenedAt).not.toBeNull();
    const list = (await api('planner', 'GET', `${E}/snapshots`)).json() as {
      planStatus: string;
      snapshots: { id: string; standing: boolean }[];
    };
    expect(list).toMatchObject({ planStatus: 'active', snapshots: [{ id: snapshotId, standing: false }] });
    const live = (await api('planner', 'GET', E)).json() as EvalBody;
    expect(live.source.kind).toBe('live');
    expect(live.departments.map((d) => d.total)).not.toEqual(closedEvaluation.departments.map((d) => d.total));
    expectKorean(await api('planner', 'POST', `${E}/reopen`, { reason: '두 번' }), 409);
    // inputs are editable again
    expect(
      (await api('executive', 'PUT', `${E}/qualitative-scores/${enc('보건소')}`, { points: 4.5, version: 1 }))
        .statusCode,
    ).toBe(200);
  });
});

describe('close racing input writes', () => {
  it('every input write that succeeded is in the snapshot; every other one is refused as closed', async () => {
    const depts = ['교통과', '복지과', '환경과', '보건소'];
    const writes = depts.flatMap((d, i) => [
      api('committee', 'PUT', `${E}/bonus-awards/${enc(d)}/effort`, { points: (i + 1) / 4, reason: `노력도 ${i}` }),
      api('committee', 'PUT', `${E}/bonus-awards/${enc(d)}/convergence`, { points: 1, reason: '협력' }),
    ]);
    const [close, ...results] = await Promise.all([api('planner', 'POST', `${E}/close`, {}), ...writes]);
    expect(close.statusCode, close.body).toBe(200);
    const snapshotId = close.json().snapshot.id as string;
    const input = (await api('planner', 'GET', `${E}/snapshots/${snapshotId}/input`)).json() as {
      evaluationInputs: { bonusAwards: { department: string; item: string; points: number }[] };
    };
    const stored = new Set(input.evaluationInputs.bonusAwards.map((b) => `${b.department}|${b.item}|${b.points}`));
    for (const r of results) {
      if (r.statusCode === 200) {
        const b = r.json() as { department: string; item: string; points: number };
        expect(stored.has(`${b.department}|${b.item}|${b.points}`), `${r.body} in the snapshot`).toBe(true);
      } else {
        expect(r.statusCode, r.body).toBe(409);
        expect(r.json().error.code).toBe('plan_closed');
      }
    }
    const snapshots = (await api('planner', 'GET', `${E}/snapshots`)).json() as { snapshots: { standing: boolean }[] };
    expect(snapshots.snapshots.map((x) => x.standing)).toEqual([true, false]);
  });
});
