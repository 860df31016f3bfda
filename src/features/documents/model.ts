/**
 * A format-neutral document: headings, paragraphs, bullet lists and tables (with merged cells).
 * The plan document (시행계획) and the evaluation report are built once as this model from the data,
 * then rendered to DOCX, PDF, HWPX and XLSX by the renderers of this folder, so every format
 * shows the same tables with the same figures.
 */
export type Align = 'left' | 'center' | 'right';

export interface Cell {
  /** Numbers stay numbers (Excel keeps them numeric); `text` overrides how they are shown. */
  value: string | number | null;
  text?: string;
  rowSpan?: number;
  colSpan?: number;
  bold?: boolean;
  align?: Align;
  /** Shading: header, a total row, a group label. */
  fill?: 'header' | 'total' | 'group';
}

export interface Column {
  header: string;
  /** Relative width (≈ characters). */
  width: number;
  align?: Align;
  /** Excel number format for numeric cells. */
  numFmt?: string;
}

export interface Table {
  kind: 'table';
  /** Stable id (tests, Excel sheet names). */
  id: string;
  title?: string;
  /** "(단위 : 개)" */
  unit?: string;
  columns: Column[];
  /** Header rows with spans; when absent, one row of the columns' headers. Covered cells are omitted (HTML rules). */
  header?: Cell[][];
  /** Body rows; a cell covered by a row/column span above or to the left is omitted (HTML rules). */
  rows: Cell[][];
  notes?: string[];
  /** Name of the Excel sheet (≤ 31 characters). */
  sheetName?: string;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; style?: 'normal' | 'note' | 'lead'; indent?: number }
  | { kind: 'bullets'; items: { text: string; level?: number }[] }
  | Table
  | { kind: 'pageBreak' };

export interface DocModel {
  title: string;
  subtitle?: string;
  /** Shown under the title ("서울특별시 송파구", "예시 데이터", the date of generation). */
  meta: string[];
  /** Shown in the page header of every page. */
  runningHeader: string;
  blocks: Block[];
}

export const cell = (value: string | number | null, opts: Omit<Cell, 'value'> = {}): Cell => ({ value, ...opts });

/** The text a cell shows. */
export function cellText(c: Cell): string {
  if (c.text !== undefined) return c.text;
  if (c.value === null) return '';
  return typeof c.value === 'number' ? formatNumber(c.value) : c.value;
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export interface PlacedCell {
  cell: Cell;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * The cells of a list of rows placed on the grid (HTML rules: a cell takes the first free column of
 * its row). Returns the placed cells of each row and the number of columns.
 */
export function placeRows(rows: Cell[][], columns: number): PlacedCell[][] {
  const taken: boolean[][] = [];
  const isTaken = (r: number, c: number) => taken[r]?.[c] === true;
  const take = (r: number, c: number) => ((taken[r] ??= [])[c] = true);
  return rows.map((row, r) => {
    let c = 0;
    const placed: PlacedCell[] = [];
    for (const cell of row) {
      while (isTaken(r, c)) c++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, rows.length - r));
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, columns - c));
      for (let i = 0; i < rowSpan; i++) for (let j = 0; j < colSpan; j++) take(r + i, c + j);
      placed.push({ cell, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
    return placed;
  });
}

/** The header rows of a table (its columns' headers when it declares none). */
export function headerRows(t: Table): Cell[][] {
  return t.header ?? [t.columns.map((c) => ({ value: c.header }))];
}

/**
 * Cells of consecutive rows with the same key merged: the first row's cell gets rowSpan, the
 * others are left out. `rows` must hold the cell at `col` in every row (before merging).
 */
export function mergeDown(rows: Cell[][], col: number, key: (rowIndex: number) => string): Cell[][] {
  const out = rows.map((r) => [...r]);
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && key(i) === key(start)) continue;
    const span = i - start;
    if (span > 1) {
      out[start]![col] = { ...out[start]![col]!, rowSpan: span };
      for (let j = start + 1; j < i; j++) out[j]![col] = null as unknown as Cell;
    }
    start = i;
  }
  return out.map((r) => r.filter((c) => c !== null));
}
