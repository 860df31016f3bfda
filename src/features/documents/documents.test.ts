/**
 * The generated documents, opened with a library and checked against the data:
 * - the plan document (시행계획) as DOCX (jszip: the table cells of word/document.xml), PDF
 *   (pdftotext when installed: the Korean headings and figures) and HWPX (the package and every XML
 *   part checked structurally: well-formed, namespaces bound, shape ids defined, table grids covered);
 * - the evaluation report as XLSX (exceljs) and PDF.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { planDocumentSchema, type PlanDocument } from '../../contracts/interchange.js';
import { round2 } from '../../domain/evaluation/round.js';
import { summarizePlan, type PlanSummary } from '../../domain/summary.js';
import { buildDemoPlans } from '../demo/build-demo-plan.js';
import { evaluationReportBuffer } from '../excel/tables-workbook.js';
import { buildEvaluationReportModel } from './evaluation-report.js';
import { evaluationOf } from './load.js';
import type { DocModel } from './model.js';
import { buildPlanDocumentModel, formatKrw } from './plan-document.js';
import { renderDocx } from './render-docx.js';
import { HWPX_MIMETYPE, renderHwpx } from './render-hwpx.js';
import { renderPdf } from './render-pdf.js';
import type { Evaluation } from '../../domain/evaluation/evaluate.js';

let plan2019: PlanDocument;
let plan2020: PlanDocument;
let summary: PlanSummary;
let model: DocModel;
beforeAll(() => {
  const demo = buildDemoPlans();
  plan2019 = planDocumentSchema.parse(demo.plan2019);
  plan2020 = planDocumentSchema.parse(demo.plan2020);
  summary = summarizePlan(plan2020);
  model = buildPlanDocumentModel(plan2020, plan2019);
});

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The tables of word/document.xml: rows of cell texts (cells continuing a vertical merge left out). */
function docxTables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((tr) =>
      [...tr[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)]
        .filter((tc) => !/<w:vMerge w:val="continue"\/>/.test(tc[1]!))
        .map((tc) => [...tc[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join('\n')),
    ),
  );
}

const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
const hasPdftotext = !pdftotext.error;
if (!hasPdftotext)
  console.warn('pdftotext 이 없어 PDF 텍스트 검사를 건너뜁니다 (Debian: apt-get install poppler-utils).');
function pdfText(buffer: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-pdf-')), 'doc.pdf');
  fs.writeFileSync(file, buffer);
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe('the plan document model', () => {
  it('reproduces the reference sections from the data', () => {
    const text = JSON.stringify(model.blocks);
    for (const h of [
      'I 추진개요',
      'II 2019년도 운영성과',
      'III 2020년도 성과관리 운영계획',
      'IV 2020년도 성과관리 평가계획',
      'V 2020년도 성과관리 달라진 점',
      'VI 향후계획',
      '붙임 1',
      '붙임 2',
    ])
      expect(text).toContain(h);
    // II from the 2019 data: the awards recorded and the final evaluation's average.
    expect(text).toContain('104개 수상, 인센티브 62.9억 원 확보');
    expect(text).toContain('195개 성과지표 달성도 평균값 92.63%');
    expect(text).toContain('피나클어워즈 8년 연속 금상');
    // V from the year diff.
    expect(text).toContain('부서 전략목표 85개 → 89개');
    expect(text).toContain('부서 성과목표 159개 → 163개');
    expect(text).toContain('29개 → 33개');
    expect(text).toContain('공통지표 변경: 고객만족행정도 → 제로페이(업무추진비) 추진율');
    expect(formatKrw(6_290_000_000)).toBe('62.9억 원');
    expect(formatKrw(330_000_000)).toBe('3.3억 원');
  });

  it('falls back to the recorded facts when the previous year is not in the system', () => {
    const text = JSON.stringify(buildPlanDocumentModel(plan2020, null).blocks);
    expect(text).toContain('104개 수상, 인센티브 62.9억 원 확보');
    expect(text).toContain('195개 성과지표 달성도 평균값 92.63% (기록된 사실)');
    expect(text).toContain('2019년 계획이 시스템에 없어 비교할 수 없습니다');
  });
});

describe('DOCX', () => {
  let tables: string[][][];
  let xml: string;
  beforeAll(async () => {
    const zip = await JSZip.loadAsync(await renderDocx(model));
    xml = await zip.file('word/document.xml')!.async('string');
    tables = docxTables(xml);
  });

  it('holds the goal and indicator figures 5 / 16 / 89 / 163 / 195 / 243', () => {
    const counts = tables.find((t) => t[0]?.[0] === '區 전략목표' && t[0]?.[1] === '區 성과목표')!;
    expect(counts[2]).toEqual(['5', '16', '89', '163', '195', '162', '33', '(5)', '243']);
    const byGoal = tables.find((t) => t[0]?.[0] === '비전')!;
    const body = byGoal.slice(2);
    expect(body.at(-1)).toEqual(['계', '195', '33', '243']);
    const rows = body.slice(0, -1).map((r) => r.slice(-4));
    expect(rows).toEqual(
      summary.byOrgStrategicGoal.map((g) => [
        g.name,
        String(g.indicators),
        String(g.convergenceIndicators),
        String(g.tasks),
      ]),
    );
    expect(rows.map((r) => r[0])).toEqual(['일자리 송파', '배우는 송파', '안전한 송파', '꿈꾸는 송파', '재밌는 송파']);
  });

  it('lists every department (붙임 1) and every convergence indicator (붙임 2) as the data says', () => {
    const att1 = tables.find((t) => t[0]?.join('|') === '연번|부서명|전략목표|성과목표|성과지표|이행과제')!;
    expect(att1[1]).toEqual(['총 계', '89', '163', '195', '243']);
    const depts = att1.slice(2);
    expect(depts).toHaveLength(42);
    expect(depts).toEqual(
      summary.byDepartment.map((d, i) => [
        String(i + 1),
        d.name,
        String(d.deptStrategicGoals),
        String(d.deptPerformanceGoals),
        String(d.indicators),
        String(d.tasks),
      ]),
    );
    expect(depts.find((r) => r[1] === '주택과')).toBeDefined();
    const att2 = tables.find((t) => t[0]?.join('|') === '연번|부서명|성과지표명|비고')!;
    expect(att2.slice(1)).toHaveLength(33);
    expect(att2.slice(1).filter((r) => r.at(-1) === '공통')).toHaveLength(5);
    const byGoal = tables.find((t) => t[0]?.[0] === '연번' && t[0]?.[1] === '區 성과목표')!;
    expect(byGoal.at(-1)).toEqual(['계', '195', '33', '5', '243']);
    expect(xml).toContain('I 추진개요');
  });
});

describe('PDF', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderPdf(model);
  });

  it('embeds the Korean font', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/PretendardGOV/);
  });

  it.skipIf(!hasPdftotext)('shows the Korean headings, the tables’ figures and page numbers (pdftotext)', () => {
    const text = pdfText(pdf);
    for (const h of ['추진개요', '운영성과', '운영계획', '평가계획', '달라진 점', '향후계획', '붙임'])
      expect(text).toContain(h);
    expect(text).toMatch(/5\s+16\s+89\s+163\s+195\s+162\s+33\s+\(5\)\s+243/);
    expect(text).toContain('92.63%');
    expect(text).toMatch(/- 1 \/ \d+ -/);
    for (const d of summary.byDepartment) expect(text).toContain(d.name);
  });
});

/** A minimal DOM of an XML text, parsed by saxes with namespaces (throws on any well-formedness or namespace error). */
interface El {
  name: string;
  local: string;
  uri: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}
function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const root: El = { name: '#doc', local: '#doc', uri: '', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => {
    const el: El = {
      name: t.name,
      local: t.local,
      uri: t.uri,
      attrs: Object.fromEntries(
        Object.values(t.attributes).map((a) => [(a as { name: string }).name, (a as { value: string }).value]),
      ),
      children: [],
      text: '',
    };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  });
  parser.on('text', (s) => (stack.at(-1)!.text += s));
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}
const all = (el: El, local: string, out: El[] = []): El[] => {
  if (el.local === local) out.push(el);
  el.children.forEach((c) => all(c, local, out));
  return out;
};
const HP = 'http://www.hancom.co.kr/hwpml/2011/paragraph';
const HH = 'http://www.hancom.co.kr/hwpml/2011/head';

describe('HWPX', () => {
  let zip: JSZip;
  let buffer: Buffer;
  beforeAll(async () => {
    buffer = await renderHwpx(model);
    zip = await JSZip.loadAsync(buffer);
  });

  it('is an OCF package: mimetype first and stored, the parts the container and manifest name', async () => {
    // Local file header of the first entry: signature, method 0 (stored), no extra field, name "mimetype".
    expect(buffer.readUInt32LE(0)).toBe(0x04034b50);
    expect(buffer.readUInt16LE(8)).toBe(0);
    const nameLen = buffer.readUInt16LE(26);
    expect(buffer.readUInt16LE(28)).toBe(0);
    expect(buffer.subarray(30, 30 + nameLen).toString()).toBe('mimetype');
    expect(buffer.subarray(30 + nameLen, 30 + nameLen + HWPX_MIMETYPE.length).toString()).toBe(HWPX_MIMETYPE);
    for (const f of [
      'version.xml',
      'settings.xml',
      'META-INF/container.xml',
      'META-INF/manifest.xml',
      'Contents/content.hpf',
      'Contents/header.xml',
      'Contents/section0.xml',
    ])
      expect(zip.file(f), f).not.toBeNull();
    const container = parseXml(await zip.file('META-INF/container.xml')!.async('string'));
    const rootfile = all(container, 'rootfile')[0]!;
    expect(rootfile.attrs['full-path']).toBe('Contents/content.hpf');
    const hpf = parseXml(await zip.file('Contents/content.hpf')!.async('string'));
    const items = all(hpf, 'item');
    for (const it of items) expect(zip.file(it.attrs.href!), it.attrs.href).not.toBeNull();
    const ids = new Set(items.map((i) => i.attrs.id));
    for (const ref of all(hpf, 'itemref')) expect(ids.has(ref.attrs.idref!)).toBe(true);
    // Every XML part is well-formed with its prefixes bound (saxes throws otherwise).
    for (const f of Object.keys(zip.files).filter((n) => /\.(xml|hpf)$/.test(n)))
      expect(() => parseXml(zipText[f] ?? ''), f).not.toThrow();
  });

  const zipText: Record<string, string> = {};
  beforeAll(async () => {
    for (const f of Object.keys(zip.files)) if (!zip.files[f]!.dir) zipText[f] = await zip.file(f)!.async('string');
  });

  it('defines in the header every shape the section uses, with matching item counts', () => {
    const head = parseXml(zipText['Contents/header.xml']!);
    expect(head.uri).toBe(HH);
    for (const [list, item] of [
      ['fontfaces', 'fontface'],
      ['borderFills', 'borderFill'],
      ['charProperties', 'charPr'],
      ['paraProperties', 'paraPr'],
      ['styles', 'style'],
    ] as const) {
      const l = all(head, list)[0]!;
      expect(Number(l.attrs.itemCnt), list).toBe(l.children.filter((c) => c.local === item).length);
    }
    const idsOf = (local: string) => new Set(all(head, local).map((e) => e.attrs.id));
    const charPr = idsOf('charPr');
    const paraPr = idsOf('paraPr');
    const borderFill = idsOf('borderFill');
    const style = idsOf('style');
    const sec = parseXml(zipText['Contents/section0.xml']!);
    expect(sec.uri).toBe('http://www.hancom.co.kr/hwpml/2011/section');
    const walk = (el: El) => {
      if (el.attrs.charPrIDRef !== undefined)
        expect(charPr.has(el.attrs.charPrIDRef), `charPr ${el.attrs.charPrIDRef}`).toBe(true);
      if (el.attrs.paraPrIDRef !== undefined) expect(paraPr.has(el.attrs.paraPrIDRef)).toBe(true);
      if (el.attrs.borderFillIDRef !== undefined) expect(borderFill.has(el.attrs.borderFillIDRef)).toBe(true);
      if (el.attrs.styleIDRef !== undefined) expect(style.has(el.attrs.styleIDRef)).toBe(true);
      el.children.forEach(walk);
    };
    walk(sec);
    expect(all(sec, 'secPr')).toHaveLength(1);
    expect(all(sec, 'pageNum')).toHaveLength(1);
  });

  it('has tables whose cells cover their grid exactly once, with the plan’s figures', () => {
    const sec = parseXml(zipText['Contents/section0.xml']!);
    const tables = all(sec, 'tbl').filter((t) => t.uri === HP);
    expect(tables.length).toBeGreaterThanOrEqual(8);
    const texts: string[][][] = [];
    for (const t of tables) {
      const rowCnt = Number(t.attrs.rowCnt);
      const colCnt = Number(t.attrs.colCnt);
      const trs = t.children.filter((c) => c.local === 'tr');
      expect(trs).toHaveLength(rowCnt);
      const grid = Array.from({ length: rowCnt }, () => Array<number>(colCnt).fill(0));
      const rows: string[][] = [];
      trs.forEach((tr, r) => {
        const row: string[] = [];
        for (const tc of tr.children.filter((c) => c.local === 'tc')) {
          const addr = tc.children.find((c) => c.local === 'cellAddr')!.attrs;
          const span = tc.children.find((c) => c.local === 'cellSpan')!.attrs;
          expect(Number(addr.rowAddr)).toBe(r);
          for (let i = 0; i < Number(span.rowSpan); i++)
            for (let j = 0; j < Number(span.colSpan); j++) grid[r + i]![Number(addr.colAddr) + j]! += 1;
          row.push(
            all(tc, 't')
              .map((x) => x.text)
              .join('\n'),
          );
        }
        rows.push(row);
      });
      expect(grid.flat().every((n) => n === 1)).toBe(true);
      texts.push(rows);
    }
    const counts = texts.find((t) => t[0]?.[0] === '區 전략목표' && t[0]?.[1] === '區 성과목표')!;
    expect(counts[2]).toEqual(['5', '16', '89', '163', '195', '162', '33', '(5)', '243']);
    const att1 = texts.find((t) => t[0]?.join('|') === '연번|부서명|전략목표|성과목표|성과지표|이행과제')!;
    expect(att1.slice(2)).toHaveLength(42);
    const body = all(sec, 't')
      .map((x) => x.text)
      .join('\n');
    for (const h of ['추진개요', '운영계획', '평가계획', '달라진 점', '붙임 1', '붙임 2']) expect(body).toContain(h);
  });
});

describe('the evaluation report', () => {
  let e: Evaluation;
  beforeAll(() => {
    e = evaluationOf(plan2020, 'final');
  });

  it('as XLSX: ranking and grades, breakdown, bonus and penalty lists with reasons, the scheme', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await evaluationReportBuffer(plan2020, e)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '평가 결과',
      '부서별 지표 평가',
      '가점 내역',
      '감점 내역',
      '평가체계',
    ]);
    const ranking = wb.getWorksheet('평가 결과')!;
    const header = (ranking.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual([
      '순위',
      '부서명',
      '구분',
      '지표 달성도',
      '지표 성격',
      '정성평가',
      '가점',
      '감점',
      '총점',
      '등급',
    ]);
    const rows = e.departments.map((_, i) => (ranking.getRow(3 + i).values as unknown[]).slice(1));
    expect(rows).toHaveLength(42);
    rows.forEach((r, i) => {
      const d = e.departments[i]!;
      expect(r[0]).toBe(d.rank);
      expect(r[1]).toBe(d.department);
      expect(r[8]).toBe(round2(d.total));
      expect(r[9]).toBe(d.grade);
    });
    expect(ranking.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ranking.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:2',
    });
    expect(ranking.getCell('D3').numFmt).toBe('0.00');

    const bonus = wb.getWorksheet('가점 내역')!;
    const reasons = [];
    for (let r = 3; r <= bonus.rowCount; r++) reasons.push(String(bonus.getRow(r).getCell(4).value ?? ''));
    for (const a of plan2020.evaluationInputs.bonusAwards) expect(reasons).toContain(a.reason);
    const penalty = wb.getWorksheet('감점 내역')!;
    const kinds = [];
    for (let r = 3; r <= penalty.rowCount; r++) kinds.push(String(penalty.getRow(r).getCell(2).value ?? ''));
    expect(kinds.some((k) => /목표초과달성|입력시기|증빙/.test(k))).toBe(true);
    const scheme = wb.getWorksheet('평가체계')!;
    expect(String(scheme.getRow(3).getCell(1).value)).toBe('지표 달성도 배점');
  });

  it('as PDF (landscape) with the ranking and the scheme', async () => {
    const pdf = await renderPdf(buildEvaluationReportModel(plan2020, e), { orientation: 'landscape' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (!hasPdftotext) return;
    const text = pdfText(pdf);
    for (const h of ['순위 및 등급', '부서별 평가 내역', '가점 내역', '감점 내역', '적용한 평가체계 설정'])
      expect(text).toContain(h);
    const top = e.departments[0]!;
    expect(text).toMatch(
      new RegExp(`1\\s+${top.department}\\s+${top.group}.*${round2(top.total).toFixed(2)}\\s+${top.grade}`),
    );
  });
});
