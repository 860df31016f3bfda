/**
 * Reads a filled plan workbook into a plan document and reports every problem by sheet, row and
 * column (Korean). Cell-level problems (a number expected, a value not in the list, a required cell
 * left blank) are found here; everything else — the interchange schema and the references between
 * levels — by the same validation as the JSON import (`validatePlanDocument`), whose paths
 * (`indicators[12].target`) are mapped back to the cell they came from.
 *
 * Reading takes a progress callback (the web upload shows a progress bar).
 */
import ExcelJS from 'exceljs';
import type { PlanDocument } from '../../contracts/interchange.js';
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION } from '../../contracts/interchange.js';
import { AppError, type ProblemDetail } from '../../domain/errors.js';
import { toSeoulIso } from '../../domain/dates.js';
import { validatePlanDocument } from '../plans/import-plan.js';
import {
  columnLetter,
  headerKey,
  NO,
  PLAN_SHEETS,
  SHEET,
  YES,
  type ColumnDef,
  type KeyValueSheetDef,
  type TableSheetDef,
} from './layout.js';

/** One problem, located in the workbook. */
export interface SheetProblem {
  /** Sheet name; null when the problem concerns the whole workbook. */
  sheet: string | null;
  /** 1-based row number in the sheet. */
  row: number | null;
  /** Column letter (A, B, …). */
  column: string | null;
  /** The column's header (or the key-value sheet's item). */
  header: string | null;
  message: string;
  code: string;
  /** The field path in the plan document, where there is one. */
  path?: string;
}

export type ImportPhase = 'read' | 'sheets' | 'validate' | 'done';
export interface ImportProgress {
  phase: ImportPhase;
  /** 0–100 for the whole parse. */
  percent: number;
  message: string;
  sheet?: string;
}
export type ProgressCallback = (p: ImportProgress) => void;

export interface ParsedPlanWorkbook {
  /** The validated document (defaults filled), or null when there is any problem. */
  document: PlanDocument | null;
  /** What the cells said, before validation (for diagnosis). */
  input: Record<string, unknown>;
  problems: SheetProblem[];
  warnings: SheetProblem[];
  /** Data rows read per sheet. */
  rows: Record<string, number>;
  /** Where a field of the document came from ('plan.year', 'indicators[3].target'). */
  locate(path: string): Pick<SheetProblem, 'sheet' | 'row' | 'column' | 'header'>;
}

/** "성과지표 시트 12행 N열(목표치): 숫자가 아닙니다". */
export function formatProblem(p: SheetProblem): string {
  if (!p.sheet) return p.message;
  const where = [
    `${p.sheet} 시트`,
    p.row ? `${p.row}행` : '',
    p.column ? `${p.column}열${p.header ? `(${p.header})` : ''}` : p.header ? `(${p.header})` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `${where}: ${p.message}`;
}

// ───────────────────────── cells ─────────────────────────

type Raw = string | number | boolean | Date | null;

/** The plain value of a cell: rich text joined, formulas by their result, hyperlinks by their text. */
export function rawValue(v: ExcelJS.CellValue | undefined): Raw {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v)
      return rawValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v && 'hyperlink' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return null;
  }
  return String(v);
}

const isBlank = (r: Raw) => r === null || (typeof r === 'string' && r.trim() === '');

type Decoded = { ok: true; value: unknown } | { ok: false; message: string } | { ok: true; blank: true };
const ok = (value: unknown): Decoded => ({ ok: true, value });
const fail = (message: string): Decoded => ({ ok: false, message });
const BLANK: Decoded = { ok: true, blank: true };

function parseNumber(r: Raw): number | null {
  if (typeof r === 'number') return Number.isFinite(r) ? r : null;
  if (typeof r === 'string') {
    const t = r.replace(/[,\s]/g, '').replace(/%$/, '');
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
    const n = Number(t);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Excel serial day number → ISO date. */
const serialToIso = (n: number) => new Date(Math.round((n - 25569) * 86_400_000)).toISOString().slice(0, 10);

function parseDate(r: Raw): string | null {
  if (r instanceof Date) return Number.isNaN(r.getTime()) ? null : r.toISOString().slice(0, 10);
  if (typeof r === 'number') return r > 0 && r < 2_958_466 ? serialToIso(r) : null;
  if (typeof r === 'string') {
    const m = /^\s*(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\s*\.?\s*$/.exec(r);
    if (!m) return null;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    return `${y}-${pad(mo)}-${pad(d)}`;
  }
  return null;
}

/** Splits a list cell: one value per line, or separated by commas when on one line. */
export function splitList(text: string): string[] {
  const parts = text.includes('\n') ? text.split(/\r?\n/) : text.split(',');
  return parts.map((s) => s.trim()).filter(Boolean);
}

const TRUE_WORDS = new Set([YES, '예', '네', 'y', 'yes', 'true', 'o', '1', '○', 'v', '✓']);
const FALSE_WORDS = new Set([NO, '아니요', '아니오', 'n', 'no', 'false', 'x', '0', '×', '-']);

export function decodeCell(col: ColumnDef, r: Raw): Decoded {
  if (isBlank(r)) {
    if (col.required) return fail('필수 항목이 비어 있습니다');
    switch (col.type) {
      case 'nullableText':
      case 'nullableNumber':
      case 'date':
      case 'datetime':
        return ok(null);
      default:
        return BLANK;
    }
  }
  switch (col.type) {
    case 'text':
    case 'nullableText':
      if (r instanceof Date) return ok(r.toISOString().slice(0, 10));
      if (typeof r === 'boolean') return ok(r ? YES : NO);
      return ok(String(r));
    case 'number':
    case 'nullableNumber': {
      const n = parseNumber(r);
      return n === null ? fail(`숫자가 아닙니다: '${String(r)}'`) : ok(n);
    }
    case 'int': {
      const n = parseNumber(r);
      if (n === null) return fail(`숫자가 아닙니다: '${String(r)}'`);
      return Number.isInteger(n) ? ok(n) : fail(`정수여야 합니다: ${n}`);
    }
    case 'bool': {
      if (typeof r === 'boolean') return ok(r);
      const t = String(r).trim().toLowerCase();
      if (TRUE_WORDS.has(t)) return ok(true);
      if (FALSE_WORDS.has(t)) return ok(false);
      return fail(`'예' 또는 '아니오'여야 합니다: '${String(r)}'`);
    }
    case 'enum': {
      const t = String(r).trim();
      const key = headerKey(t);
      const opt = col.options?.find((o) => headerKey(o.label) === key || o.value === t);
      return opt
        ? ok(opt.value)
        : fail(`'${t}'은(는) 고를 수 없는 값입니다. 가능한 값: ${(col.options ?? []).map((o) => o.label).join(', ')}`);
    }
    case 'list':
      return ok(splitList(String(r)));
    case 'milestones': {
      const out = [];
      for (const line of String(r).split(/\r?\n/)) {
        if (!line.trim()) continue;
        const m = /^(.*?)\s*[:：]\s*([-+]?\d+(?:\.\d+)?)\s*$/.exec(line);
        out.push(m ? { name: m[1]!.trim(), weight: Number(m[2]) } : { name: line.trim(), weight: 1 });
      }
      return ok(out);
    }
    case 'date': {
      const d = parseDate(r);
      return d ? ok(d) : fail(`날짜가 아닙니다 (예: 2020-03-01): '${String(r)}'`);
    }
    case 'datetime': {
      if (r instanceof Date) return ok(toSeoulIso(new Date(r.getTime() - 9 * 3_600_000)));
      const t = String(r).trim();
      // A time without an offset is Seoul time.
      const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/.exec(t);
      return ok(local ? `${local[1]}T${local[2]}${local[3] ?? ':00'}+09:00` : t);
    }
    case 'json': {
      try {
        const v: unknown = JSON.parse(String(r));
        if (!v || typeof v !== 'object' || Array.isArray(v)) return fail('JSON 객체({ … })여야 합니다');
        return ok(v);
      } catch (e) {
        return fail(`JSON으로 읽을 수 없습니다: ${(e as Error).message}`);
      }
    }
  }
}

// ───────────────────────── sheets ─────────────────────────

/** Where each item of the document came from, to place the validation problems. */
interface Locator {
  /** List path → sheet, sheet row of each item, column letter of each field. */
  lists: Map<string, { sheet: string; rows: number[]; columns: Map<string, { letter: string; header: string }> }>;
  /** Field path of a key-value sheet → sheet and row (repeated rows: path[i]). */
  fields: Map<string, { sheet: string; row: number; header: string }>;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

interface SheetContext {
  problems: SheetProblem[];
  warnings: SheetProblem[];
  locator: Locator;
}

function readTableSheet(
  ws: ExcelJS.Worksheet,
  def: TableSheetDef,
  ctx: SheetContext,
  tick: (n: number) => void,
): Record<string, unknown>[] {
  const headerRow = ws.getRow(1);
  const byHeader = new Map(def.columns.map((c) => [headerKey(c.header), c]));
  const present: { col: ColumnDef; index: number }[] = [];
  const columns = new Map<string, { letter: string; header: string }>();
  headerRow.eachCell({ includeEmpty: false }, (cell, index) => {
    const text = rawValue(cell.value);
    if (isBlank(text)) return;
    const col = byHeader.get(headerKey(String(text)));
    if (!col) {
      ctx.warnings.push({
        sheet: def.name,
        row: 1,
        column: columnLetter(index),
        header: String(text),
        code: 'unknown_column',
        message: `알 수 없는 열 '${String(text)}'은(는) 읽지 않습니다`,
      });
      return;
    }
    if (columns.has(col.key)) {
      ctx.problems.push({
        sheet: def.name,
        row: 1,
        column: columnLetter(index),
        header: col.header,
        code: 'duplicate_column',
        message: `열 '${col.header}'이(가) 두 번 있습니다`,
      });
      return;
    }
    present.push({ col, index });
    columns.set(col.key, { letter: columnLetter(index), header: col.header });
  });
  for (const c of def.columns) {
    if (c.required && !columns.has(c.key))
      ctx.problems.push({
        sheet: def.name,
        row: 1,
        column: null,
        header: c.header,
        code: 'missing_column',
        message: `필수 열 '${c.header}'이(가) 없습니다`,
      });
  }
  const rows: Record<string, unknown>[] = [];
  const rowNumbers: number[] = [];
  const last = ws.actualRowCount > 0 ? ws.rowCount : 1;
  for (let n = 2; n <= last; n++) {
    const row = ws.getRow(n);
    if (n % 200 === 0) tick(200);
    const raws = present.map((p) => rawValue(row.getCell(p.index).value));
    if (raws.every(isBlank)) continue;
    const obj: Record<string, unknown> = {};
    present.forEach((p, i) => {
      const d = decodeCell(p.col, raws[i]!);
      if (!d.ok) {
        ctx.problems.push({
          sheet: def.name,
          row: n,
          column: columnLetter(p.index),
          header: p.col.header,
          code: 'invalid_cell',
          message: d.message,
        });
      } else if (!('blank' in d)) obj[p.col.key] = d.value;
    });
    rows.push(obj);
    rowNumbers.push(n);
  }
  tick(last % 200);
  ctx.locator.lists.set(def.path, { sheet: def.name, rows: rowNumbers, columns });
  return rows;
}

function readKeyValueSheet(
  ws: ExcelJS.Worksheet,
  def: KeyValueSheetDef,
  target: Record<string, unknown>,
  ctx: SheetContext,
): boolean {
  const byLabel = new Map(def.rows.map((r) => [headerKey(r.header), r]));
  const seen = new Set<string>();
  let any = false;
  const last = ws.actualRowCount > 0 ? ws.rowCount : 0;
  for (let n = 1; n <= last; n++) {
    const row = ws.getRow(n);
    const label = rawValue(row.getCell(1).value);
    if (isBlank(label)) continue;
    const key = headerKey(String(label));
    if (key === '항목') continue;
    const def2 = byLabel.get(key);
    if (!def2) {
      ctx.warnings.push({
        sheet: def.name,
        row: n,
        column: 'A',
        header: String(label),
        code: 'unknown_item',
        message: `알 수 없는 항목 '${String(label)}'은(는) 읽지 않습니다`,
      });
      continue;
    }
    const raw = rawValue(row.getCell(2).value);
    if (def2.repeat) {
      if (isBlank(raw)) continue;
      const list = (target[def2.path] ??= []) as unknown[];
      ctx.locator.fields.set(`${def2.path}[${list.length}]`, { sheet: def.name, row: n, header: def2.header });
      const d = decodeCell({ ...def2, required: false }, raw);
      if (d.ok && !('blank' in d)) list.push(d.value);
      any = true;
      continue;
    }
    if (seen.has(def2.path)) {
      ctx.problems.push({
        sheet: def.name,
        row: n,
        column: 'A',
        header: def2.header,
        code: 'duplicate_item',
        message: `항목 '${def2.header}'이(가) 두 번 있습니다`,
      });
      continue;
    }
    seen.add(def2.path);
    ctx.locator.fields.set(def2.path, { sheet: def.name, row: n, header: def2.header });
    const d = decodeCell(def2, raw);
    if (!d.ok)
      ctx.problems.push({
        sheet: def.name,
        row: n,
        column: 'B',
        header: def2.header,
        code: 'invalid_cell',
        message: d.message,
      });
    else if (!('blank' in d)) {
      target[def2.path] = d.value;
      any = true;
    }
  }
  for (const r of def.rows) {
    if (r.required && !seen.has(r.path))
      ctx.problems.push({
        sheet: def.name,
        row: null,
        column: 'A',
        header: r.header,
        code: 'missing_item',
        message: `필수 항목 '${r.header}'의 행이 없습니다`,
      });
  }
  return any;
}

// ───────────────────────── validation problems → cells ─────────────────────────

function locate(detail: ProblemDetail, locator: Locator): SheetProblem {
  const base = { message: detail.message, code: detail.code ?? 'invalid', path: detail.path };
  const field = locator.fields.get(detail.path) ?? locator.fields.get(detail.path.replace(/\[\d+\]$/, ''));
  if (field) return { ...base, sheet: field.sheet, row: field.row, column: 'B', header: field.header };
  const m = /^(.+?)\[(\d+)\](?:\.([A-Za-z]+))?/.exec(detail.path);
  if (m) {
    const list = locator.lists.get(m[1]!);
    if (list) {
      const row = list.rows[Number(m[2])] ?? null;
      const col = m[3] ? list.columns.get(m[3]) : undefined;
      return { ...base, sheet: list.sheet, row, column: col?.letter ?? null, header: col?.header ?? m[3] ?? null };
    }
  }
  const whole = locator.lists.get(detail.path);
  if (whole) return { ...base, sheet: whole.sheet, row: null, column: null, header: null };
  // A field of a key-value sheet that has no row (e.g. a required item missing), or a group of them.
  for (const def of PLAN_SHEETS) {
    if (def.kind === 'keyValue') {
      const r = def.rows.find(
        (x) => detail.path === x.path || detail.path.startsWith(`${x.path}.`) || detail.path.startsWith(`${x.path}[`),
      );
      if (r) return { ...base, sheet: def.name, row: null, column: 'B', header: r.header };
      if (def.rows.some((x) => x.path.startsWith(`${detail.path}.`)))
        return { ...base, sheet: def.name, row: null, column: null, header: null };
    } else if (def.path === detail.path) return { ...base, sheet: def.name, row: null, column: null, header: null };
  }
  return { ...base, sheet: null, row: null, column: null, header: null };
}

// ───────────────────────── workbook ─────────────────────────

const SHEET_NAMES = new Set<string>([SHEET.guide, ...PLAN_SHEETS.map((s) => s.name)]);

/** Loads an .xlsx file; a file that is not one gives a validation error. */
export async function loadWorkbook(data: Buffer | Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch (e) {
    throw new AppError('validation', 'not_xlsx', `엑셀(.xlsx) 파일로 읽을 수 없습니다: ${(e as Error).message}`, [
      { path: '(파일)', message: 'xlsx 형식이 아닙니다 (.xls, .csv는 엑셀에서 .xlsx로 저장해 주세요)' },
    ]);
  }
  return wb;
}

/** Parses a filled plan workbook (bytes). Never throws for problems in the content: they are returned. */
export async function parsePlanWorkbook(
  data: Buffer | Uint8Array | ArrayBuffer,
  opts: { onProgress?: ProgressCallback } = {},
): Promise<ParsedPlanWorkbook> {
  const progress = opts.onProgress ?? (() => {});
  progress({ phase: 'read', percent: 0, message: '파일을 읽는 중' });
  const wb = await loadWorkbook(data);
  return parseLoadedWorkbook(wb, progress);
}

export function parseLoadedWorkbook(wb: ExcelJS.Workbook, progress: ProgressCallback = () => {}): ParsedPlanWorkbook {
  const ctx: SheetContext = { problems: [], warnings: [], locator: { lists: new Map(), fields: new Map() } };
  const input: Record<string, unknown> = { format: INTERCHANGE_FORMAT, formatVersion: INTERCHANGE_VERSION };
  const rows: Record<string, number> = {};

  for (const ws of wb.worksheets) {
    if (!SHEET_NAMES.has(ws.name))
      ctx.warnings.push({
        sheet: ws.name,
        row: null,
        column: null,
        header: null,
        code: 'unknown_sheet',
        message: `알 수 없는 시트 '${ws.name}'은(는) 읽지 않습니다`,
      });
  }
  const totalRows = PLAN_SHEETS.reduce((s, d) => s + (wb.getWorksheet(d.name)?.rowCount ?? 0), 0) || 1;
  let doneRows = 0;
  const tick = (sheet: string) => (n: number) => {
    doneRows += n;
    progress({
      phase: 'sheets',
      percent: Math.min(90, 40 + Math.round((50 * doneRows) / totalRows)),
      message: `${sheet} 시트를 읽는 중`,
      sheet,
    });
  };
  progress({ phase: 'sheets', percent: 40, message: '시트를 읽는 중' });

  const flat: Record<string, unknown> = {};
  let claimed = false;
  for (const def of PLAN_SHEETS) {
    const ws = wb.getWorksheet(def.name);
    if (!ws) {
      if (!def.optional)
        ctx.problems.push({
          sheet: def.name,
          row: null,
          column: null,
          header: null,
          code: 'missing_sheet',
          message: `필수 시트 '${def.name}'이(가) 없습니다`,
        });
      continue;
    }
    if (def.kind === 'keyValue') {
      const any = readKeyValueSheet(ws, def, flat, ctx);
      if (def.name === SHEET.claimedTotals && any) claimed = true;
      tick(def.name)(ws.rowCount);
      continue;
    }
    const list = readTableSheet(ws, def, ctx, tick(def.name));
    rows[def.name] = list.length;
    if (def.path === 'claimedTotals.byDepartment') {
      if (list.length) {
        claimed = true;
        flat[def.path] = list;
      }
    } else setPath(input, def.path, list);
  }
  for (const [path, value] of Object.entries(flat)) {
    if (path.startsWith('claimedTotals.')) continue;
    setPath(input, path, value);
  }
  if (claimed) {
    const ct: Record<string, unknown> = {};
    for (const [path, value] of Object.entries(flat))
      if (path.startsWith('claimedTotals.')) setPath(ct, path.slice('claimedTotals.'.length), value);
    input.claimedTotals = ct;
  }

  progress({ phase: 'validate', percent: 92, message: '계획을 검증하는 중' });
  let document: PlanDocument | null = null;
  // Validated even when cells had problems, so that one pass reports everything; a cell already
  // reported is not reported again by the schema.
  const reported = new Set(ctx.problems.map((p) => `${p.sheet}|${p.row}|${p.column}`));
  try {
    document = validatePlanDocument(input);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    for (const d of e.details) {
      const p = locate(d, ctx.locator);
      if (!reported.has(`${p.sheet}|${p.row}|${p.column}`)) ctx.problems.push(p);
    }
    if (!e.details.length)
      ctx.problems.push({ sheet: null, row: null, column: null, header: null, code: e.code, message: e.message });
  }
  progress({
    phase: 'done',
    percent: 100,
    message: ctx.problems.length ? `문제 ${ctx.problems.length}건` : '읽기 완료',
  });
  const where = (path: string) => {
    const { sheet, row, column, header } = locate({ path, message: '' }, ctx.locator);
    return { sheet, row, column, header };
  };
  return {
    document: ctx.problems.length ? null : document,
    input,
    problems: ctx.problems,
    warnings: ctx.warnings,
    rows,
    locate: where,
  };
}
