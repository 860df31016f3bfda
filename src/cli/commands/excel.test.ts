/** `bsc excel …` and `bsc documents …` as a user types them, on a fresh database holding the demo. */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshEnv, runCli, type ChildEnv } from '../../testing/spawn.js';

let env: ChildEnv;
beforeAll(async () => {
  env = await freshEnv();
});
afterAll(async () => {
  await env?.cleanup();
});
const file = (name: string) => path.join(env.dataDir, name);

describe('bsc excel / documents', () => {
  it('template (no database), export-plan → import --dry-run → import --replace, check of the claimed figures', async () => {
    const t = await runCli(['excel', 'template', '--out', file('t.xlsx')], env.env);
    expect(t.code, t.stderr).toBe(0);
    expect(fs.readFileSync(file('t.xlsx')).subarray(0, 2).toString()).toBe('PK');

    const ex = await runCli(['excel', 'export-plan', '--year', '2020', '--out', file('p.xlsx')], env.env);
    expect(ex.code, ex.stderr).toBe(0);
    const dry = await runCli(['excel', 'import', file('p.xlsx'), '--dry-run', '--replace'], env.env);
    expect(dry.code, dry.stderr + dry.stdout).toBe(0);
    expect(dry.stdout).toMatch(/성과지표 195 \(융합 33, 공통 5\) · 이행과제 243/);
    expect(dry.stdout).toMatch(/점검만 했습니다/);
    expect(dry.stderr).toMatch(/\[100%\] 읽기 완료/);
    const refused = await runCli(['excel', 'import', file('p.xlsx')], env.env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/계획 시트 4행 B열\(연도\): 2020년 시행계획이 이미 있습니다/);
    const im = await runCli(['excel', 'import', file('p.xlsx'), '--replace'], env.env);
    expect(im.code, im.stdout).toBe(0);
    expect(im.stdout).toMatch(/2020년 계획을 바꿨습니다/);

    const check = await runCli(['excel', 'check', file('p.xlsx')], env.env);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/241개, 데이터는 243개/);
    expect(check.stdout).toMatch(/164개 \+ 융합지표 33개 = 197개인데, 성과지표 계는 195개/);
    expect(check.stdout).toMatch(/주택관리과.*주택과/);
    expect((await runCli(['excel', 'check', file('p.xlsx'), '--strict'], env.env)).code).toBe(1);
  }, 240_000);

  it('documents plan (docx) and evaluation (xlsx); a wrong format is refused in Korean', async () => {
    const d = await runCli(
      ['documents', 'plan', '--year', '2020', '--format', 'docx', '--out', file('plan.docx')],
      env.env,
    );
    expect(d.code, d.stderr).toBe(0);
    const xml = await (
      await JSZip.loadAsync(fs.readFileSync(file('plan.docx')))
    )
      .file('word/document.xml')!
      .async('string');
    for (const n of ['>5<', '>16<', '>89<', '>163<', '>195<', '>243<']) expect(xml).toContain(n);
    const e = await runCli(
      ['documents', 'evaluation', '--year', '2020', '--format', 'xlsx', '--out', file('e.xlsx')],
      env.env,
    );
    expect(e.code, e.stderr).toBe(0);
    const bad = await runCli(['documents', 'plan', '--year', '2020', '--format', 'odt'], env.env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/지원하지 않는 형식입니다: odt/);
  }, 240_000);
});
