/**
 * The plan workbook: the template's sheets, headers, drop-downs, notes and frozen headers; the round
 * trip import(excel(export(plan))) = plan after normalisation (a small plan using every column, and
 * the demo year); every problem placed by sheet, row and column in Korean; a 2,000-indicator workbook;
 * the progress callback; the legacy check of the reference document's claimed figures.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planDocumentSchema, type PlanDocument } from '../../contracts/interchange.js';
import { normalizePlanDocument } from '../../domain/plan-normalize.js';
import { buildDemoPlans } from '../demo/build-demo-plan.js';
import { checkPlanWorkbook } from './check-plan-workbook.js';
import { generatedPlan, smallPlan } from './fixtures.js';
import { PLAN_SHEETS, SHEET, TABLE_SHEETS } from './layout.js';
import { formatProblem, parsePlanWorkbook, type ImportProgress } from './parse-plan-workbook.js';
import { planWorkbookBuffer } from './write-plan-workbook.js';

async function readBack(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}
type DataValidations = { model: Record<string, { type: string; formulae?: string[] }> };
const validationsOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: DataValidations }).dataValidations.model;

let demo2020: PlanDocument;
beforeAll(() => {
  demo2020 = planDocumentSchema.parse(buildDemoPlans().plan2020);
});

describe('the template', () => {
  it('has one sheet per level with Korean headers, notes, drop-down lists and frozen headers', async () => {
    const wb = await readBack(await planWorkbookBuffer({ plan: { year: 2021 } }, { filled: false }));
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET.guide, ...PLAN_SHEETS.map((s) => s.name)]);
    for (const name of [
      SHEET.departments,
      SHEET.orgStrategicGoals,
      SHEET.orgPerformanceGoals,
      SHEET.deptStrategicGoals,
      SHEET.deptPerformanceGoals,
      SHEET.indicators,
      SHEET.tasks,
      SHEET.results,
      SHEET.claimedTotals,
    ])
      expect(wb.getWorksheet(name), name).toBeDefined();

    const ind = wb.getWorksheet(SHEET.indicators)!;
    const headers = (ind.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(TABLE_SHEETS.find((s) => s.name === SHEET.indicators)!.columns.map((c) => c.header));
    expect(headers.every((h) => /[가-힣]/.test(String(h)))).toBe(true);
    // Notes on the headers, a frozen header row, printing set up.
    expect(String(ind.getCell('A1').note)).toMatch(/필수/);
    expect(ind.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ind.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, paperSize: 9 });

    // Drop-downs: kind, direction, frequency (fixed lists), department names and parent codes (other sheets).
    const dv = validationsOf(ind);
    const col = (header: string) => String.fromCharCode(65 + headers.indexOf(header));
    expect(dv[`${col('구분')}2`]).toMatchObject({ type: 'list', formulae: ['"고유,융합,공통"'] });
    expect(dv[`${col('방향')}2`]).toMatchObject({ type: 'list', formulae: ['"높을수록 좋음,낮을수록 좋음"'] });
    expect(dv[`${col('측정주기')}2`]).toMatchObject({ type: 'list', formulae: ['"월,분기,반기,연"'] });
    expect(dv[`${col('주관부서')}2`]!.formulae![0]).toBe("'부서'!$A$2:$A$5000");
    expect(dv[`${col('부서 성과목표 코드')}2`]!.formulae![0]).toBe("'부서 성과목표'!$A$2:$A$5000");
    expect(validationsOf(wb.getWorksheet(SHEET.deptStrategicGoals)!)['C2']!.formulae![0]).toBe(
      "'區 성과목표'!$A$2:$A$5000",
    );
    expect(validationsOf(wb.getWorksheet(SHEET.plan)!)).toBeDefined();
    expect(wb.getWorksheet(SHEET.plan)!.getCell('B4').value).toBe(2021);
  });
});

describe('round trip: a filled template imports into the same plan', () => {
  it('a small plan using every sheet and column', async () => {
    const plan = normalizePlanDocument(planDocumentSchema.parse(smallPlan()));
    const parsed = await parsePlanWorkbook(await planWorkbookBuffer(plan, { filled: true }));
    expect(parsed.problems.map(formatProblem)).toEqual([]);
    expect(normalizePlanDocument(parsed.document!)).toEqual(plan);
  });

  it('the demo year (195 indicators, 243 tasks, results, evaluation inputs, claimed totals)', async () => {
    const plan = normalizePlanDocument(demo2020);
    const parsed = await parsePlanWorkbook(await planWorkbookBuffer(plan, { filled: true }));
    expect(parsed.problems.map(formatProblem)).toEqual([]);
    expect(parsed.rows[SHEET.indicators]).toBe(195);
    expect(normalizePlanDocument(parsed.document!)).toEqual(plan);
  });
});

describe('problems by sheet, row and column', () => {
  it('reports cell, schema and reference problems in Korean where they are', async () => {
    const wb = await readBack(
      await planWorkbookBuffer(normalizePlanDocument(planDocumentSchema.parse(smallPlan())), { filled: true }),
    );
    const ind = wb.getWorksheet(SHEET.indicators)!;
    const headers = (ind.getRow(1).values as unknown[]).map(String);
    const at = (ws: ExcelJS.Worksheet, row: number, header: string) =>
      ws.getRow(row).getCell((ws.getRow(1).values as unknown[]).map(String).indexOf(header));
    at(ind, 2, '목표치').value = '백';
    at(ind, 3, '구분').value = '혼합';
    at(ind, 3, '부서 성과목표 코드').value = 'NOPE';
    at(ind, 4, '성과지표명').value = null;
    at(ind, 4, '가중치').value = -2;
    const tasks = wb.getWorksheet(SHEET.tasks)!;
    at(tasks, 2, '부서명').value = '없는과';
    at(tasks, 3, '시작일').value = '2031-02-30';
    at(tasks, 3, '코드').value = 'T001';
    wb.getWorksheet(SHEET.plan)!.getCell('B4').value = '이천삼십일';
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect(headers.length).toBeGreaterThan(5);

    const r = await parsePlanWorkbook(buf);
    expect(r.document).toBeNull();
    const find = (sheet: string, row: number | null, header: string | null) =>
      r.problems.find((p) => p.sheet === sheet && p.row === row && p.header === header);
    expect(find(SHEET.indicators, 2, '목표치')?.message).toMatch(/숫자가 아닙니다/);
    expect(find(SHEET.indicators, 3, '구분')?.message).toMatch(/고유, 융합, 공통/);
    expect(find(SHEET.indicators, 4, '성과지표명')?.message).toMatch(/필수/);
    expect(find(SHEET.plan, 4, '연도')?.message).toMatch(/숫자/);
    // Schema problems (after the cell problems) are placed too.
    expect(find(SHEET.indicators, 4, '가중치')?.message).toMatch(/0 이상/);
    for (const p of r.problems) {
      expect(p.sheet).not.toBeNull();
      expect(p.message).toMatch(/[가-힣]/);
    }
    expect(formatProblem(find(SHEET.indicators, 2, '목표치')!)).toMatch(/^성과지표 시트 2행 [A-Z]+열\(목표치\): /);

    // Fixed cells: the reference check runs and names the rows.
    at(ind, 2, '목표치').value = 100;
    at(ind, 3, '구분').value = '융합';
    at(ind, 4, '성과지표명').value = '청렴';
    at(ind, 4, '가중치').value = 1;
    wb.getWorksheet(SHEET.plan)!.getCell('B4').value = 2031;
    at(tasks, 3, '시작일').value = '2031-02-28';
    const r2 = await parsePlanWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    const find2 = (sheet: string, row: number, header: string) =>
      r2.problems.find((p) => p.sheet === sheet && p.row === row && p.header === header);
    expect(find2(SHEET.indicators, 3, '부서 성과목표 코드')?.message).toMatch(/NOPE/);
    expect(find2(SHEET.tasks, 2, '부서명')?.message).toMatch(/없는과/);
    expect(find2(SHEET.tasks, 3, '코드')?.message).toMatch(/중복/);
  });

  it('names missing sheets and columns, and a file that is not a workbook', async () => {
    const wb = await readBack(await planWorkbookBuffer({ plan: { year: 2031 } }, { filled: false }));
    wb.removeWorksheet(wb.getWorksheet(SHEET.tasks)!.id);
    wb.getWorksheet(SHEET.indicators)!.getCell('B1').value = '이름';
    const r = await parsePlanWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.problems.map(formatProblem)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/이행과제 시트: 필수 시트/),
        expect.stringMatching(/성과지표 시트 1행 \(성과지표명\): 필수 열/),
      ]),
    );
    expect(r.warnings.map(formatProblem)).toEqual(
      expect.arrayContaining([expect.stringMatching(/알 수 없는 열 '이름'/)]),
    );
    await expect(parsePlanWorkbook(Buffer.from('not a zip'))).rejects.toMatchObject({ code: 'not_xlsx' });
  });
});

describe('a workbook with 2,000 indicators', () => {
  it('imports (parse and validation) with progress reported up to 100 %', async () => {
    const plan = generatedPlan(2000);
    const buffer = await planWorkbookBuffer(plan, { filled: true });
    const seen: ImportProgress[] = [];
    const r = await parsePlanWorkbook(buffer, { onProgress: (p) => seen.push(p) });
    expect(r.problems).toEqual([]);
    expect(r.document!.indicators).toHaveLength(2000);
    expect(r.document!.tasks).toHaveLength(2500);
    expect(seen[0]!.phase).toBe('read');
    expect(seen.at(-1)).toMatchObject({ phase: 'done', percent: 100 });
    expect(seen.map((p) => p.percent)).toEqual([...seen.map((p) => p.percent)].sort((a, b) => a - b));
    expect(seen.some((p) => p.phase === 'sheets' && p.sheet === SHEET.indicators)).toBe(true);
  }, 120_000);
});

describe('legacy check: the reference document’s own figures', () => {
  it('names every difference between the claimed totals and the data', async () => {
    const r = await checkPlanWorkbook(await planWorkbookBuffer(demo2020, { filled: true }));
    expect(r.readable).toBe(true);
    const text = r.checks.map((c) => c.message).join('\n');
    expect(text).toMatch(/이행과제 수: .*241개, 데이터는 243개/);
    expect(text).toMatch(/고유지표 164개 \+ 융합지표 33개 = 197개인데, 성과지표 계는 195개/);
    expect(text).toMatch(/'주택관리과'.*'주택과'의 다른 이름/);
    for (const [dept, claimed, derived] of [
      ['주거사업과', 5, 4],
      ['국제관광과', 5, 7],
      ['자치행정과', 4, 5],
    ] as const)
      expect(text).toMatch(new RegExp(`${dept}의 이행과제 수: .*${claimed}개, 데이터는 ${derived}개`));
    // Each difference is placed on the claimed-totals sheets.
    const tasks = r.checks.find((c) => c.path === 'claimedTotals.counts.tasks')!;
    expect(tasks.sheet).toBe(SHEET.claimedTotals);
    expect(tasks.row).toBeGreaterThan(1);
    const housing = r.checks.find((c) => c.code === 'claimed_department_two_names')!;
    expect(housing.sheet).toBe(SHEET.claimedByDepartment);
    expect(r.claimedDifferences).toBeGreaterThanOrEqual(7);
    expect(r.errors).toBe(0);
  });
});
