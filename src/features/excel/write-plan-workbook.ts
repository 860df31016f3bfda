/**
 * Writes the plan workbook: the empty template (optionally seeded with the organization and its
 * departments) or a whole plan year. Both use the one layout (layout.ts), so a filled template and
 * an exported plan read back the same way.
 */
import type ExcelJS from 'exceljs';
import type { PlanDocument } from '../../contracts/interchange.js';
import {
  columnLetter,
  labelOf,
  NO,
  PLAN_SHEETS,
  SHEET,
  YES,
  type ColumnDef,
  type KeyValueSheetDef,
  type SheetDef,
  type TableSheetDef,
} from './layout.js';
import {
  FONT_NAME,
  newWorkbook,
  REQUIRED_FONT,
  setupPrinting,
  styleHeaderRow,
  THIN,
  workbookBuffer,
} from './xlsx-style.js';

/** What the workbook is filled with: a whole plan, or a seed for the template (any part of a plan). */
export type PlanWorkbookContent = Partial<Omit<PlanDocument, 'plan'>> & { plan?: Partial<PlanDocument['plan']> };

interface DataValidationModel {
  type: 'list';
  allowBlank: boolean;
  formulae: string[];
  showErrorMessage: boolean;
  errorStyle?: 'stop' | 'warning' | 'information';
  errorTitle?: string;
  error?: string;
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
}
/** exceljs accepts range addresses for data validations but does not declare the method. */
const validations = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { add(address: string, v: DataValidationModel): void } }).dataValidations;

/** Value at a dotted path ('evaluationInputs.ratings'). */
export function valueAt(obj: unknown, path: string): unknown {
  let v = obj;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/**
 * Joins list values: with commas, or one per line when a value itself holds a comma (then a single
 * value ends with a line break, so that it is not split at its comma when read back).
 */
export function joinList(values: readonly string[]): string {
  if (!values.some((v) => v.includes(','))) return values.join(', ');
  return values.length === 1 ? `${values[0]}\n` : values.join('\n');
}

function isoDateToExcel(d: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : d;
}

/** The cell value of a field. */
export function encodeCell(col: ColumnDef, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  switch (col.type) {
    case 'text':
    case 'nullableText':
    case 'datetime':
      return value === '' ? null : String(value);
    case 'number':
    case 'nullableNumber':
    case 'int':
      return typeof value === 'number' ? value : null;
    case 'bool':
      return value ? YES : NO;
    case 'enum':
      return labelOf(col.options ?? [], String(value));
    case 'list':
      return Array.isArray(value) && value.length ? joinList(value.map(String)) : null;
    case 'milestones':
      return Array.isArray(value) && value.length
        ? (value as { name: string; weight: number }[]).map((m) => `${m.name}: ${m.weight}`).join('\n')
        : null;
    case 'date':
      return isoDateToExcel(String(value));
    case 'json':
      return value && typeof value === 'object' && Object.keys(value).length ? JSON.stringify(value) : null;
  }
}

function listFormula(col: ColumnDef): string | null {
  if (col.list?.kind === 'sheet') {
    const sheet = col.list.sheet.replace(/'/g, "''");
    return `'${sheet}'!$${col.list.column}$2:$${col.list.column}$5000`;
  }
  const labels = col.type === 'bool' ? [YES, NO] : col.options?.map((o) => o.label);
  if (!labels?.length) return null;
  const f = `"${labels.join(',')}"`;
  return f.length <= 255 ? f : null;
}

function addListValidation(ws: ExcelJS.Worksheet, address: string, col: ColumnDef) {
  const formula = listFormula(col);
  if (!formula) return;
  const warn = col.listWarnOnly || col.list?.kind === 'sheet';
  validations(ws).add(address, {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    // Lists of another sheet only warn: a row may be filled before its parent sheet is.
    errorStyle: warn ? 'warning' : 'stop',
    errorTitle: col.header,
    error:
      col.type === 'enum' || col.type === 'bool'
        ? `목록에서 고르세요: ${(col.options?.map((o) => o.label) ?? [YES, NO]).join(', ')}`
        : `목록에 없는 값입니다. ${col.note}`,
  });
}

function headerNote(col: ColumnDef): string {
  return `${col.required ? '(필수) ' : ''}${col.note}`;
}

function writeTableSheet(ws: ExcelJS.Worksheet, def: TableSheetDef, rows: readonly Record<string, unknown>[]) {
  ws.columns = def.columns.map((c) => ({
    key: c.key,
    width: c.width,
    style: { font: { name: FONT_NAME }, ...(c.numFmt ? { numFmt: c.numFmt } : {}) },
  }));
  const header = ws.getRow(1);
  def.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.note = headerNote(c);
  });
  styleHeaderRow(header);
  def.columns.forEach((c, i) => {
    if (c.required) header.getCell(i + 1).font = { name: FONT_NAME, ...REQUIRED_FONT };
  });
  for (const r of rows) {
    const row = ws.addRow(def.columns.map((c) => encodeCell(c, r[c.key])));
    def.columns.forEach((c, i) => {
      if (c.type === 'list' || c.type === 'milestones' || c.key === 'name')
        row.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
    });
  }
  const lastRow = Math.max(rows.length + 500, 1000);
  def.columns.forEach((c, i) => {
    if (c.list || c.type === 'enum' || c.type === 'bool')
      addListValidation(ws, `${columnLetter(i + 1)}2:${columnLetter(i + 1)}${lastRow}`, c);
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: def.columns.length } };
  setupPrinting(ws, { headerRows: 1, title: def.name, freezeColumns: def.columns[0]?.key === 'code' ? 2 : 1 });
}

function writeKeyValueSheet(ws: ExcelJS.Worksheet, def: KeyValueSheetDef, content: PlanWorkbookContent) {
  ws.columns = [
    { key: 'label', width: 26, style: { font: { name: FONT_NAME } } },
    { key: 'value', width: 70, style: { font: { name: FONT_NAME }, alignment: { wrapText: true, vertical: 'top' } } },
    {
      key: 'note',
      width: 60,
      style: { font: { name: FONT_NAME, color: { argb: 'FF555555' } }, alignment: { wrapText: true, vertical: 'top' } },
    },
  ];
  const header = ws.getRow(1);
  header.values = ['항목', '값', '설명'];
  styleHeaderRow(header, 22);
  for (const r of def.rows) {
    const v = valueAt(content, r.path);
    const values = r.repeat ? (Array.isArray(v) && v.length ? v : [null]) : [v];
    for (const one of values) {
      const row = ws.addRow([r.header, encodeCell(r, one), headerNote(r)]);
      const label = row.getCell(1);
      label.font = { name: FONT_NAME, bold: true, ...(r.required ? REQUIRED_FONT : {}) };
      label.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F6FA' } };
      label.border = THIN;
      row.getCell(2).border = THIN;
      if (r.numFmt) row.getCell(2).numFmt = r.numFmt;
      if (r.type === 'enum' || r.type === 'bool') addListValidation(ws, `B${row.number}`, r);
    }
  }
  setupPrinting(ws, { headerRows: 1, title: def.name, orientation: 'portrait', freezeColumns: 1 });
}

function writeGuide(ws: ExcelJS.Worksheet, content: PlanWorkbookContent, filled: boolean) {
  ws.columns = [{ width: 24 }, { width: 12 }, { width: 90 }];
  const year = content.plan?.year;
  const title = ws.addRow([`성과관리(BSC) 계획 엑셀 서식${year ? ` — ${year}년` : ''}`]);
  title.font = { name: FONT_NAME, bold: true, size: 14 };
  const lines = [
    filled
      ? '이 파일은 시스템에서 내보낸 계획입니다. 고친 뒤 다시 가져오면(bsc excel import FILE --replace) 같은 계획이 됩니다.'
      : '시트마다 한 단계의 목록을 적습니다. 위 단계부터 채우세요: 부서 → 區 전략목표 → 區 성과목표 → 부서 전략목표 → 부서 성과목표 → 성과지표 → 이행과제.',
    '각 행은 코드로 상위 단계를 가리킵니다 (예: 성과지표의 "부서 성과목표 코드"). 코드는 시트 안에서 유일해야 합니다.',
    '머리글에 마우스를 올리면 설명이 보입니다. 빨간 머리글은 필수 열입니다. 목록(▼)이 있는 칸은 목록에서 고르세요.',
    '부서명은 부서 시트의 이름과 같아야 합니다. 여러 값(참여부서 등)은 쉼표나 줄바꿈(Alt+Enter)으로 나눕니다.',
    '표(區 전략목표별 지표·과제 현황 등)는 적지 않습니다: 가져온 데이터에서 계산합니다.',
    "가져오기 전에 점검만 하려면: bsc excel import FILE --dry-run (문제를 시트·행·열로 알려 줍니다). '(선택)' 시트는 지워도 됩니다.",
  ];
  for (const l of lines) ws.addRow([l]).getCell(1).alignment = { wrapText: false };
  ws.addRow([]);
  const h = ws.addRow(['시트', '필수 여부', '내용']);
  styleHeaderRow(h, 20);
  for (const s of PLAN_SHEETS) {
    const r = ws.addRow([s.name, s.optional ? '선택' : '필수', s.description]);
    r.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    r.eachCell((c) => (c.border = THIN));
  }
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function sheetRows(def: SheetDef, content: PlanWorkbookContent): Record<string, unknown>[] {
  if (def.kind !== 'table') return [];
  const v = valueAt(content, def.path);
  return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
}

/**
 * The workbook for a plan (`filled`: an exported plan) or the template seeded with `content`
 * (organization, year, departments … whatever is given).
 */
export function buildPlanWorkbook(content: PlanWorkbookContent, opts: { filled: boolean }): ExcelJS.Workbook {
  const year = content.plan?.year;
  const wb = newWorkbook(opts.filled ? `${year ?? ''}년 성과관리 계획` : '성과관리 계획 서식');
  writeGuide(wb.addWorksheet(SHEET.guide), content, opts.filled);
  for (const def of PLAN_SHEETS) {
    const ws = wb.addWorksheet(def.name, {
      properties: { tabColor: { argb: def.optional ? 'FFBFBFBF' : 'FF4F81BD' } },
    });
    if (def.kind === 'keyValue') writeKeyValueSheet(ws, def, content);
    else writeTableSheet(ws, def, sheetRows(def, content));
  }
  return wb;
}

export async function planWorkbookBuffer(content: PlanWorkbookContent, opts: { filled: boolean }): Promise<Buffer> {
  return workbookBuffer(buildPlanWorkbook(content, opts));
}
