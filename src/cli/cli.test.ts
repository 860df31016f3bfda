/** The CLI as a user types it, on a fresh database (embedded, or PostgreSQL with TEST_DATABASE_URL). */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { freshEnv, repoRoot, runCli, type ChildEnv } from '../testing/spawn.js';

let env: ChildEnv;
beforeAll(async () => {
  env = await freshEnv();
});
afterAll(async () => {
  await env?.cleanup();
});

describe('bsc CLI', () => {
  it('stops quietly when the reader of its output goes away (… | head)', async () => {
    const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['src/cli/bsc.ts', 'help'], {
      cwd: repoRoot,
      env: env.env,
    });
    child.stdout.destroy(); // the reader closes the pipe before the CLI writes
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr += d));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });

  it('summary --json works on a fresh database and reproduces the reconciled figures', async () => {
    const r = await runCli(['summary', '--year', '2020', '--json'], env.env);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.year).toBe(2020);
    expect(s.counts).toEqual({
      orgStrategicGoals: 5,
      orgPerformanceGoals: 16,
      deptStrategicGoals: 89,
      deptPerformanceGoals: 163,
      indicators: 195,
      convergenceIndicators: 33,
      commonIndicators: 5,
      tasks: 243,
      departments: 42,
    });
    expect(
      s.byOrgStrategicGoal.map(
        (g: { name: string; indicators: number; convergenceIndicators: number; tasks: number }) => [
          g.name,
          g.indicators,
          g.convergenceIndicators,
          g.tasks,
        ],
      ),
    ).toEqual([
      ['일자리 송파', 16, 4, 18],
      ['배우는 송파', 30, 3, 37],
      ['안전한 송파', 29, 3, 37],
      ['꿈꾸는 송파', 41, 2, 51],
      ['재밌는 송파', 79, 21, 100],
    ]);
    expect(s.byOrgPerformanceGoal).toHaveLength(89);
    expect(s.byDepartment).toHaveLength(42);
    expect(s.convergenceIndicators).toHaveLength(33);
    expect(s.convergenceIndicators.filter((c: { common: boolean }) => c.common)).toHaveLength(5);
  });

  it('check names the reference document inconsistencies and exits non-zero on errors', async () => {
    const r = await runCli(['check', '--year', '2020', '--json'], env.env);
    const report = JSON.parse(r.stdout);
    const text = report.problems.map((p: { message: string }) => p.message).join('\n');
    expect(text).toMatch(/241/);
    expect(text).toMatch(/243/);
    expect(text).toMatch(/164/);
    expect(text).toMatch(/197|195/);
    expect(text).toMatch(/주택관리과/);
    expect(text).toMatch(/주택과/);
    expect(r.code).toBe(report.errors > 0 ? 1 : 0);
  });

  it('exports, re-imports and diffs years; bad input is refused with a Korean message', async () => {
    const file = path.join(env.dataDir, 'plan-2020.json');
    const ex = await runCli(['plan', 'export', '--year', '2020', '--out', file], env.env);
    expect(ex.code, ex.stderr).toBe(0);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(doc.indicators).toHaveLength(195);

    const im = await runCli(['plan', 'import', file, '--replace'], env.env);
    expect(im.code, im.stderr).toBe(0);
    const ex2 = await runCli(['plan', 'export', '--year', '2020'], env.env);
    expect(ex2.stdout.trim()).toBe(fs.readFileSync(file, 'utf8').trim());

    const bad = path.join(env.dataDir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ ...doc, indicators: [{ ...doc.indicators[0], weight: -1 }] }));
    const r = await runCli(['plan', 'import', bad, '--replace'], env.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/indicators\[0\]\.weight/);

    const diff = await runCli(['plan', 'diff', '--from', '2019', '--to', '2020', '--json'], env.env);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toMatch(/85/);

    const copy = await runCli(['plan', 'copy', '--from', '2020', '--to', '2021'], env.env);
    expect(copy.code, copy.stderr).toBe(0);
    const none = await runCli(['summary', '--year', '1999'], env.env);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/1999년 시행계획/);
  });
});
