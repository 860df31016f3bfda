/**
 * `bsc evaluate` on the demo year: `--input` evaluates an interchange file without a database and
 * reproduces a frozen evaluation of the demo exactly; the demo's spread of scores is plausible and
 * every explanation adds up; `--year` on a fresh installation (a child process, as a user types it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../db/testing.js';
import { findOrganizationByCode } from '../../db/queries/plan-document.js';
import { findEvaluationPlan, findStandingSnapshot } from '../../db/queries/evaluation.js';
import { buildDemoPlans } from '../../features/demo/build-demo-plan.js';
import { importPlan } from '../../features/plans/import-plan.js';
import { systemActor } from '../../features/plans/context.js';
import { closeRating } from '../../features/evaluation/rating-state.js';
import { closeEvaluation } from '../../features/evaluation/close-evaluation.js';
import type { EvaluationCaller } from '../../features/evaluation/context.js';
import type { PresentedEvaluation } from '../../features/evaluation/present.js';
import { checkExplanation } from '../../domain/evaluation/explanation.js';
import { runCliInProcess } from '../testing.js';
import { freshEnv, runCli as spawnCli, type ChildEnv } from '../../testing/spawn.js';

let dir: string;
const bsc = (args: string[]) => runCliInProcess(args, { BSC_DEMO: '0', BSC_DATA_DIR: dir });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-evaluate-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('bsc evaluate --input (no database)', () => {
  const { plan2020 } = buildDemoPlans();
  let file: string;
  beforeAll(() => {
    file = path.join(dir, 'demo-2020.json');
    fs.writeFileSync(file, JSON.stringify(plan2020));
  });

  it('prints every evaluated department with full precision, rank, grade and explanation; the spread is plausible', async () => {
    const r = await bsc(['evaluate', '--input', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout) as PresentedEvaluation;
    expect(e.year).toBe(2020);
    expect(e.scheme.achievement.weight).toBe(50);
    expect(e.departments).toHaveLength(42);
    for (const d of e.departments) {
      expect(Object.keys(d)).toEqual(
        expect.arrayContaining([
          'department',
          'achievement',
          'quality',
          'qualitative',
          'bonus',
          'penalty',
          'total',
          'rank',
          'grade',
          'explanation',
        ]),
      );
      expect(checkExplanation(d.explanation)).toEqual([]);
      expect(d.explanation.value).toBe(d.total);
      expect(d.total).toBeGreaterThanOrEqual(0);
      expect(d.total).toBeLessThanOrEqual(100);
    }
    const totals = e.departments.map((d) => d.total);
    // A plausible spread: scores neither bunched nor absurd, every grade used.
    expect(Math.max(...totals) - Math.min(...totals)).toBeGreaterThan(8);
    expect(Math.min(...totals)).toBeGreaterThan(50);
    expect(Math.max(...totals)).toBeLessThan(95);
    expect(new Set(e.departments.map((d) => d.grade))).toEqual(new Set(['S', 'A', 'B', 'C']));
    expect(e.departments.some((d) => d.total !== Number(d.total.toFixed(2)))).toBe(true); // full precision
    expect(e.schemeSettings.every((s) => s.isDefault)).toBe(true);
  });

  it('prints a Korean table with two decimals, one department’s explanation, and a what-if', async () => {
    const t = await bsc(['evaluate', '--input', file]);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/2020년 부서 성과평가 — 최종평가/);
    expect(t.stdout).toMatch(/순위\s+등급\s+부서/);
    expect(t.stdout).toMatch(/ \d+\.\d{2}\n/);
    expect(t.stdout).toMatch(/모든 설정이 기본값/);
    const d = await bsc(['evaluate', '--input', file, '--department', '교통과']);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toMatch(/교통과 — 최종평가: 총점 \d+\.\d{2}, 전체 \d+위, [SABC]등급/);
    expect(d.stdout).toMatch(/지표 달성도/);
    const schemeFile = path.join(dir, 'cap120.json');
    fs.writeFileSync(schemeFile, JSON.stringify({ achievement: { cap: 120 } }));
    const w = await bsc(['evaluate', '--input', file, '--scheme', schemeFile, '--json']);
    expect(w.code, w.stderr).toBe(0);
    const cmp = JSON.parse(w.stdout) as {
      changedSettings: { path: string }[];
      departments: unknown[];
      rankChanges: unknown[];
      saved: boolean;
    };
    expect(cmp.changedSettings.map((c) => c.path)).toEqual(['achievement.cap']);
    expect(cmp.departments).toHaveLength(42);
    expect(cmp.rankChanges.length).toBeGreaterThan(0);
    expect(cmp.saved).toBe(false);
    const p = await bsc(['evaluate', '--input', file, '--provisional', '--as-of', '2020-Q2', '--json']);
    expect(p.code, p.stderr).toBe(0);
    expect(JSON.parse(p.stdout)).toMatchObject({ mode: 'provisional', asOfPeriod: '2020-Q2' });
  });

  it('refuses bad input with Korean messages naming the problem', async () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ ...plan2020, indicators: [{ ...plan2020.indicators[0], target: 'many' }] }));
    const r = await bsc(['evaluate', '--input', bad, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/계획 파일이 형식에 맞지 않습니다/);
    expect(r.stderr).toMatch(/indicators\[0\]\.target/);
    const badScheme = path.join(dir, 'bad-scheme.json');
    fs.writeFileSync(badScheme, JSON.stringify({ achievement: { cap: 20 } }));
    const s = await bsc(['evaluate', '--input', file, '--scheme', badScheme]);
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/--scheme\.achievement\.cap: 달성률 상한/);
    const a = await bsc(['evaluate', '--input', file, '--as-of', '2020-Q2']);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/잠정평가/);
    const both = await bsc(['evaluate']);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/--year Y 또는 --input FILE/);
  });
});

describe('freezing the demo year and reproducing it from the snapshot’s input', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('bsc evaluate --input <snapshot input> deep-equals the stored evaluation', async () => {
    const db = database.db;
    const { plan2020 } = buildDemoPlans();
    await importPlan(db, plan2020, systemActor('test'));
    const org = (await findOrganizationByCode(db, plan2020.organization.code))!;
    const cli: EvaluationCaller = { actor: systemActor('test'), principal: null };
    await closeRating(db, cli, { year: 2020 });
    const closed = await closeEvaluation(db, cli, { year: 2020 });
    const plan = (await findEvaluationPlan(db, org.id, 2020))!;
    expect(plan.status).toBe('closed');
    const snapshot = (await findStandingSnapshot(db, org.id, plan.id))!;
    expect(snapshot.evaluation).toEqual(closed.evaluation);

    const file = path.join(dir, 'demo-snapshot-input.json');
    fs.writeFileSync(file, JSON.stringify(snapshot.input, null, 2));
    const r = await bsc(['evaluate', '--input', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(snapshot.evaluation);
  });
});

describe('bsc evaluate --year on a fresh installation', () => {
  let env: ChildEnv;
  beforeAll(async () => {
    env = await freshEnv();
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  it('evaluates the demo year from the database (text and JSON, final and provisional)', async () => {
    const t = await spawnCli(['evaluate', '--year', '2020'], env.env);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/서울특별시 송파구 2020년 부서 성과평가 — 최종평가/);
    expect(t.stderr).toMatch(/현재 자료로 계산/);
    const j = await spawnCli(['evaluate', '--year', '2020', '--json', '--provisional', '--as-of', '2020-Q3'], env.env);
    expect(j.code, j.stderr).toBe(0);
    const e = JSON.parse(j.stdout) as PresentedEvaluation;
    expect(e).toMatchObject({ year: 2020, mode: 'provisional', asOfPeriod: '2020-Q3' });
    expect(e.departments).toHaveLength(42);
    const saved = path.join(env.dataDir, 'input.json');
    const s = await spawnCli(['evaluate', '--year', '2020', '--save-input', saved, '--json'], env.env);
    expect(s.code, s.stderr).toBe(0);
    const again = await spawnCli(['evaluate', '--input', saved, '--json'], env.env);
    // Scores only: the spawn helper joins stdout chunks as text, which can split a multi-byte
    // character of a 2 MB output (the exact comparison is the in-process test above).
    const scores = (out: string) =>
      (JSON.parse(out) as PresentedEvaluation).departments.map((d) => [d.total, d.rank, d.grade]);
    expect(scores(again.stdout)).toEqual(scores(s.stdout));
    const missing = await spawnCli(['evaluate', '--year', '2031'], env.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/2031년 시행계획을\(를\) 찾을 수 없습니다/);
  });
});
