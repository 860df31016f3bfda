/** The tables workbook read back with exceljs: every derived table against domain/summary, the evaluation, print setup. */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planDocumentSchema, type PlanDocument } from '../../contracts/interchange.js';
import { round2 } from '../../domain/evaluation/round.js';
import { summarizePlan, type PlanSummary } from '../../domain/summary.js';
import { buildDemoPlans } from '../demo/build-demo-plan.js';
import { evaluationOf } from '../documents/load.js';
import { planTablesBuffer } from './tables-workbook.js';

let doc: PlanDocument;
let s: PlanSummary;
let wb: ExcelJS.Workbook;
beforeAll(async () => {
  doc = planDocumentSchema.parse(buildDemoPlans().plan2020);
  s = summarizePlan(doc);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await planTablesBuffer(doc, evaluationOf(doc, 'final'))) as unknown as ArrayBuffer);
});
const row = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

describe('tables workbook', () => {
  it('has a print-ready sheet per table', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '목표·지표 현황',
      '區 전략목표별',
      '區 성과목표별',
      '부서별 (붙임 1)',
      '융합지표 (붙임 2)',
      '실적 (기간별)',
      '평가 결과',
      '부서별 지표 평가',
      '가점 내역',
      '감점 내역',
      '평가체계',
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow, ws.name).toMatch(/^1:\d$/);
      expect(ws.views[0]?.state, ws.name).toBe('frozen');
      expect(ws.getColumn(1).width, ws.name).toBeGreaterThan(5);
    }
    expect(wb.getWorksheet('區 성과목표별')!.pageSetup.orientation).toBe('landscape');
  });

  it('목표·지표 현황 and 區 전략목표별 equal the derived figures', () => {
    expect(row(wb.getWorksheet('목표·지표 현황')!, 4)).toEqual([5, 16, 89, 163, 195, 162, 33, 5, 243]);
    const g = wb.getWorksheet('區 전략목표별')!;
    s.byOrgStrategicGoal.forEach((x, i) =>
      expect(row(g, 4 + i).slice(1)).toEqual([x.name, x.indicators, x.convergenceIndicators, x.tasks]),
    );
    expect(row(g, 4 + s.byOrgStrategicGoal.length).slice(2)).toEqual([195, 33, 243]);
    // The vision pillar is merged over its goals.
    expect(g.getCell('A6').isMerged).toBe(true);
  });

  it('區 성과목표별, 붙임 1 and 붙임 2 list every row of the data', () => {
    const opg = wb.getWorksheet('區 성과목표별')!;
    const rows = s.byOrgPerformanceGoal.map((_, i) => row(opg, 4 + i));
    rows.forEach((r, i) => {
      const x = s.byOrgPerformanceGoal[i]!;
      expect(r[2]).toBe(x.deptStrategicGoal);
      expect(r[3]).toBe(x.department);
      expect(r[4]).toBe(x.indicators);
      expect(r[7]).toBe(x.tasks);
    });
    const d = wb.getWorksheet('부서별 (붙임 1)')!;
    expect(row(d, 3).slice(2)).toEqual([89, 163, 195, 243]);
    s.byDepartment.forEach((x, i) =>
      expect(row(d, 4 + i)).toEqual([
        i + 1,
        x.name,
        x.deptStrategicGoals,
        x.deptPerformanceGoals,
        x.indicators,
        x.tasks,
      ]),
    );
    const c = wb.getWorksheet('융합지표 (붙임 2)')!;
    s.convergenceIndicators.forEach((x, i) => expect(row(c, 3 + i).slice(2)).toEqual([x.name, x.common ? '공통' : '']));
  });

  it('results by period keep the values entered; the evaluation sheets its scores', () => {
    const r = wb.getWorksheet('실적 (기간별)')!;
    const header = row(r, 2).map(String);
    expect(header.slice(0, 5)).toEqual(['지표 코드', '성과지표명', '부서', '단위', '목표치']);
    const first = doc.results.find((x) => x.actual !== null)!;
    let found = false;
    for (let n = 3; n <= r.rowCount && !found; n++) {
      const v = row(r, n);
      if (v[0] === first.indicator && v[2] === first.department) {
        expect(v[header.indexOf(first.period)]).toBe(first.actual);
        found = true;
      }
    }
    expect(found).toBe(true);
    const e = evaluationOf(doc, 'final');
    const ranking = wb.getWorksheet('평가 결과')!;
    e.departments.forEach((d, i) => expect(row(ranking, 3 + i)[8]).toBe(round2(d.total)));
  });
});
