/** Shared formatting of the workbooks this product writes: headers, print setup, file buffers. */
import ExcelJS from 'exceljs';

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
export const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFB00020' } };
export const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FF9AA5B1' } },
  left: { style: 'thin', color: { argb: 'FF9AA5B1' } },
  bottom: { style: 'thin', color: { argb: 'FF9AA5B1' } },
  right: { style: 'thin', color: { argb: 'FF9AA5B1' } },
};
/** A font most Korean Office installations have; Excel substitutes when absent. */
export const FONT_NAME = '맑은 고딕';

export function newWorkbook(title: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '성과관리 BSC';
  wb.title = title;
  wb.created = new Date(0);
  wb.modified = new Date(0);
  return wb;
}

/** Styles a header row: bold, shaded, bordered, wrapped, centred. */
export function styleHeaderRow(row: ExcelJS.Row, height = 30) {
  row.height = height;
  row.eachCell({ includeEmpty: false }, (cell) => {
    cell.font = { name: FONT_NAME, bold: true, ...(cell.font ?? {}) };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

/**
 * Print setup: A4 landscape (or portrait), fit to one page wide, header rows repeated on every page
 * (print titles), page numbers in the footer, frozen header rows on screen.
 */
export function setupPrinting(
  ws: ExcelJS.Worksheet,
  opts: { headerRows: number; orientation?: 'landscape' | 'portrait'; title?: string; freezeColumns?: number },
) {
  ws.pageSetup = {
    paperSize: 9,
    orientation: opts.orientation ?? 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `1:${opts.headerRows}`,
  };
  ws.headerFooter = {
    oddHeader: opts.title ? `&L&"${FONT_NAME},Bold"${opts.title.replace(/&/g, '&&')}` : '',
    oddFooter: '&C&P / &N',
  };
  ws.views = [{ state: 'frozen', ySplit: opts.headerRows, xSplit: opts.freezeColumns ?? 0, zoomScale: 100 }];
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Worksheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '·').slice(0, 31);
}
