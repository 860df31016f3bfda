/** Document tables (features/documents/model) as printable worksheets: one table per sheet. */
import type ExcelJS from 'exceljs';
import { headerRows, placeRows, type Cell, type Table } from '../documents/model.js';
import { FONT_NAME, HEADER_FILL, setupPrinting, sheetName, THIN, TOTAL_FILL } from './xlsx-style.js';

const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF7F9FC' } };

function cellValue(c: Cell): ExcelJS.CellValue {
  if (typeof c.value === 'number') return c.value;
  if (c.value === null) return c.text ?? null;
  return c.value;
}

/** Adds `table` as a sheet: title row, header rows (merged as in the table), body, notes; print-ready. */
export function addTableSheet(
  wb: ExcelJS.Workbook,
  table: Table,
  opts: { caption?: string; orientation?: 'landscape' | 'portrait' } = {},
): ExcelJS.Worksheet {
  let name = sheetName(table.sheetName ?? table.title ?? table.id);
  for (let i = 2; wb.getWorksheet(name); i++) name = sheetName(`${table.sheetName ?? table.id} ${i}`);
  const ws = wb.addWorksheet(name);
  const n = table.columns.length;
  ws.columns = table.columns.map((c) => ({
    width: Math.max(6, c.width + 2),
    style: { font: { name: FONT_NAME, size: 10 } },
  }));

  const title = ws.getRow(1);
  title.getCell(1).value = [opts.caption, table.title, table.unit].filter(Boolean).join('  ');
  title.getCell(1).font = { name: FONT_NAME, size: 13, bold: true };
  title.height = 24;
  if (n > 1) ws.mergeCells(1, 1, 1, n);

  const heads = headerRows(table);
  const write = (rows: Cell[][], firstRow: number, kind: 'header' | 'body') => {
    placeRows(rows, n).forEach((placed, r) => {
      const excelRow = ws.getRow(firstRow + r);
      // Border every grid cell of the row (merged areas too).
      for (let c = 1; c <= n; c++) excelRow.getCell(c).border = THIN;
      for (const p of placed) {
        const xc = excelRow.getCell(p.col + 1);
        xc.value = cellValue(p.cell);
        const col = table.columns[p.col];
        const align = p.cell.align ?? (kind === 'header' ? 'center' : col?.align) ?? 'left';
        xc.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
        xc.font = { name: FONT_NAME, size: 10, bold: kind === 'header' || p.cell.bold };
        if (typeof p.cell.value === 'number' && col?.numFmt && kind === 'body') xc.numFmt = col.numFmt;
        const fill =
          kind === 'header' || p.cell.fill === 'header'
            ? HEADER_FILL
            : p.cell.fill === 'total'
              ? TOTAL_FILL
              : p.cell.fill === 'group'
                ? GROUP_FILL
                : undefined;
        if (fill) xc.fill = fill;
        if (p.rowSpan > 1 || p.colSpan > 1) {
          for (let i = 0; i < p.rowSpan; i++)
            for (let j = 0; j < p.colSpan; j++) {
              const covered = ws.getRow(firstRow + r + i).getCell(p.col + 1 + j);
              covered.border = THIN;
              if (fill) covered.fill = fill;
            }
          ws.mergeCells(firstRow + r, p.col + 1, firstRow + r + p.rowSpan - 1, p.col + p.colSpan);
        }
      }
      if (kind === 'header') excelRow.height = 30;
    });
  };
  write(heads, 2, 'header');
  const bodyStart = 2 + heads.length;
  write(table.rows, bodyStart, 'body');
  let r = bodyStart + table.rows.length + 1;
  for (const note of table.notes ?? []) {
    const c = ws.getRow(r++).getCell(1);
    c.value = `※ ${note}`;
    c.font = { name: FONT_NAME, size: 9, italic: true, color: { argb: 'FF555555' } };
  }
  setupPrinting(ws, {
    headerRows: 1 + heads.length,
    orientation: opts.orientation ?? 'landscape',
    title: [opts.caption, table.title].filter(Boolean).join(' '),
  });
  return ws;
}
