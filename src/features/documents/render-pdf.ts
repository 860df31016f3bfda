/**
 * PDF rendering of a document model (pdfkit) with the shipped Korean font embedded (Pretendard GOV,
 * OFL, subset by pdfkit): A4, a title block, headings kept with what follows, bullet lists, tables
 * with borders, shaded header rows repeated on every page, merged cells (a merged cell split by a
 * page break shows its text again on the new page), a running header and page numbers "n / N".
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import {
  cellText,
  headerRows,
  placeRows,
  type Block,
  type Cell,
  type DocModel,
  type PlacedCell,
  type Table,
} from './model.js';

export const FONT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/fonts');
const REGULAR = path.join(FONT_DIR, 'PretendardGOV-Regular.otf');
const BOLD = path.join(FONT_DIR, 'PretendardGOV-Bold.otf');

const COLORS = {
  text: '#1a1a1a',
  muted: '#555555',
  rule: '#1F4E79',
  border: '#7F8C99',
  header: '#DDE7F3',
  total: '#F2F2F2',
  group: '#F7F9FC',
};
const FILL: Record<NonNullable<Cell['fill']>, string> = {
  header: COLORS.header,
  total: COLORS.total,
  group: COLORS.group,
};

type Doc = PDFKit.PDFDocument;

interface Ctx {
  doc: Doc;
  left: number;
  width: number;
  top: number;
  bottom: number;
}

const TABLE_FONT = 8.5;
const PAD_X = 3.5;
const PAD_Y = 2;

function ensureSpace(ctx: Ctx, h: number) {
  if (ctx.doc.y + h > ctx.bottom) {
    ctx.doc.addPage();
    ctx.doc.y = ctx.top;
  }
}

function textHeight(doc: Doc, text: string, width: number, bold: boolean, size: number) {
  doc.font(bold ? 'B' : 'R').fontSize(size);
  return doc.heightOfString(text || ' ', { width, lineGap: 1 });
}

interface Grid {
  placed: PlacedCell[][];
  heights: number[];
}

function measure(ctx: Ctx, rows: Cell[][], colX: number[], header: boolean): Grid {
  const n = colX.length - 1;
  const placed = placeRows(rows, n);
  const heights = rows.map(() => TABLE_FONT + 2 * PAD_Y + 2);
  const spans: { p: PlacedCell; h: number }[] = [];
  for (const row of placed)
    for (const p of row) {
      const w = colX[p.col + p.colSpan]! - colX[p.col]! - 2 * PAD_X;
      const h = textHeight(ctx.doc, cellText(p.cell), w, header || !!p.cell.bold, TABLE_FONT) + 2 * PAD_Y;
      if (p.rowSpan === 1) heights[p.row] = Math.max(heights[p.row]!, h);
      else spans.push({ p, h });
    }
  for (const { p, h } of spans) {
    const have = heights.slice(p.row, p.row + p.rowSpan).reduce((s, x) => s + x, 0);
    if (h > have) heights[p.row + p.rowSpan - 1]! += h - have;
  }
  return { placed, heights };
}

function drawCell(
  ctx: Ctx,
  cell: Cell,
  x: number,
  y: number,
  w: number,
  h: number,
  header: boolean,
  align: 'left' | 'center' | 'right',
) {
  const { doc } = ctx;
  const fill = header ? 'header' : cell.fill;
  if (fill) doc.save().rect(x, y, w, h).fill(FILL[fill]).restore();
  doc.save().lineWidth(0.5).strokeColor(COLORS.border).rect(x, y, w, h).stroke().restore();
  const text = cellText(cell);
  if (!text) return;
  const bold = header || !!cell.bold;
  const th = textHeight(doc, text, w - 2 * PAD_X, bold, TABLE_FONT);
  const ty = y + Math.max(PAD_Y, (h - th) / 2);
  doc
    .font(bold ? 'B' : 'R')
    .fontSize(TABLE_FONT)
    .fillColor(COLORS.text)
    .text(text, x + PAD_X, ty, { width: w - 2 * PAD_X, align, lineGap: 1, lineBreak: true, height: h });
}

/** Draws a table: title, header rows (repeated after every page break), body, notes. */
function drawTable(ctx: Ctx, t: Table) {
  const { doc } = ctx;
  const totalW = t.columns.reduce((s, c) => s + c.width, 0);
  const colX = [ctx.left];
  for (const c of t.columns) colX.push(colX[colX.length - 1]! + (c.width / totalW) * ctx.width);
  const head = measure(ctx, headerRows(t), colX, true);
  const body = measure(ctx, t.rows, colX, false);
  const headH = head.heights.reduce((s, x) => s + x, 0);
  const titleH = t.title || t.unit ? 18 : 0;

  // Start on a new page unless the title, the header and the first rows (up to three) fit.
  ensureSpace(ctx, titleH + headH + body.heights.slice(0, 3).reduce((s, x) => s + x, 0) + 4);
  if (titleH) {
    const y = doc.y;
    if (t.title) doc.font('B').fontSize(10.5).fillColor(COLORS.text).text(t.title, ctx.left, y, { lineBreak: false });
    if (t.unit)
      doc
        .font('R')
        .fontSize(8.5)
        .fillColor(COLORS.muted)
        .text(t.unit, ctx.left, y + 2, { width: ctx.width, align: 'right', lineBreak: false });
    doc.y = y + titleH;
  }

  const drawHeader = () => {
    let y = doc.y;
    const ys = head.heights.map((h) => {
      const at = y;
      y += h;
      return at;
    });
    for (const row of head.placed)
      for (const p of row) {
        const h = head.heights.slice(p.row, p.row + p.rowSpan).reduce((s, x) => s + x, 0);
        drawCell(
          ctx,
          p.cell,
          colX[p.col]!,
          ys[p.row]!,
          colX[p.col + p.colSpan]! - colX[p.col]!,
          h,
          true,
          p.cell.align ?? 'center',
        );
      }
    doc.y = y;
  };

  // Paginate: the y of each body row and its page segment; a merged group is kept on one page
  // when it fits in 40 % of a page.
  const pageH = ctx.bottom - ctx.top;
  const groupEnd = body.heights.map((_, r) => Math.max(r, ...(body.placed[r] ?? []).map((p) => p.row + p.rowSpan - 1)));
  drawHeader();
  const rowY: number[] = [];
  const rowPage: number[] = [];
  let page = 0;
  const pageBreak = () => {
    doc.addPage();
    doc.y = ctx.top;
    page++;
    drawHeader();
  };
  const pages: { first: number; last: number }[] = [{ first: 0, last: -1 }];
  for (let r = 0; r < body.heights.length; r++) {
    const h = body.heights[r]!;
    // The last row (a total) never goes to a page alone.
    let need = r === body.heights.length - 2 ? h + body.heights[r + 1]! : h;
    if (groupEnd[r]! > r) {
      const g = body.heights.slice(r, groupEnd[r]! + 1).reduce((s, x) => s + x, 0);
      if (g <= pageH * 0.4) need = g;
    }
    if (doc.y + need > ctx.bottom && pages[page]!.last >= pages[page]!.first) {
      // Draw what is on this page before moving on.
      drawBody(pages[page]!);
      pageBreak();
      pages.push({ first: r, last: r - 1 });
    }
    rowY[r] = doc.y;
    rowPage[r] = page;
    pages[page]!.last = r;
    doc.y += h;
  }
  function drawBody(seg: { first: number; last: number }) {
    for (let r = seg.first; r <= seg.last; r++)
      for (const p of body.placed[r]!) {
        const last = Math.min(p.row + p.rowSpan - 1, seg.last);
        const h = body.heights.slice(r, last + 1).reduce((s, x) => s + x, 0);
        drawCell(
          ctx,
          p.cell,
          colX[p.col]!,
          rowY[r]!,
          colX[p.col + p.colSpan]! - colX[p.col]!,
          h,
          false,
          p.cell.align ?? t.columns[p.col]?.align ?? 'left',
        );
      }
    // Merged cells that started on an earlier page continue on this one: drawn again.
    for (let r = 0; r < seg.first; r++)
      for (const p of body.placed[r] ?? []) {
        const end = p.row + p.rowSpan - 1;
        if (end < seg.first) continue;
        const last = Math.min(end, seg.last);
        const h = body.heights.slice(seg.first, last + 1).reduce((s, x) => s + x, 0);
        drawCell(
          ctx,
          p.cell,
          colX[p.col]!,
          rowY[seg.first]!,
          colX[p.col + p.colSpan]! - colX[p.col]!,
          h,
          false,
          p.cell.align ?? t.columns[p.col]?.align ?? 'left',
        );
      }
  }
  const lastSeg = pages[page]!;
  const endY = doc.y;
  drawBody(lastSeg);
  doc.y = endY + 3;
  for (const note of t.notes ?? []) {
    doc.font('R').fontSize(7.8).fillColor(COLORS.muted);
    ensureSpace(ctx, doc.heightOfString(`※ ${note}`, { width: ctx.width }) + 2);
    doc.text(`※ ${note}`, ctx.left, doc.y, { width: ctx.width, lineGap: 1 });
  }
  doc.y += 8;
}

const BULLET = ['○', '-', '·', '·'];

function drawBlock(ctx: Ctx, b: Block) {
  const { doc } = ctx;
  switch (b.kind) {
    case 'heading': {
      const size = b.level === 1 ? 15 : b.level === 2 ? 11.5 : 10.5;
      doc.font('B').fontSize(size);
      const h = doc.heightOfString(b.text, { width: ctx.width });
      // Keep a heading with what follows.
      ensureSpace(ctx, h + 70);
      doc.y += b.level === 1 ? 10 : 6;
      doc.fillColor(b.level === 1 ? COLORS.rule : COLORS.text).text(b.text, ctx.left, doc.y, { width: ctx.width });
      if (b.level === 1) {
        const y = doc.y + 2;
        doc
          .save()
          .lineWidth(1.2)
          .strokeColor(COLORS.rule)
          .moveTo(ctx.left, y)
          .lineTo(ctx.left + ctx.width, y)
          .stroke()
          .restore();
        doc.y = y + 6;
      } else doc.y += 3;
      return;
    }
    case 'paragraph': {
      const size = b.style === 'note' ? 8.5 : 10;
      const x = ctx.left + (b.indent ?? 0) * 14;
      doc
        .font(b.style === 'lead' ? 'B' : 'R')
        .fontSize(size)
        .fillColor(b.style === 'note' ? COLORS.muted : COLORS.text);
      const h = doc.heightOfString(b.text, { width: ctx.width - (x - ctx.left), lineGap: 2 });
      ensureSpace(ctx, Math.min(h, 40));
      doc.text(b.text, x, doc.y, { width: ctx.width - (x - ctx.left), lineGap: 2 });
      doc.y += 3;
      return;
    }
    case 'bullets':
      for (const it of b.items) {
        const level = it.level ?? 0;
        const x = ctx.left + 10 + level * 14;
        const w = ctx.width - (x - ctx.left) - 12;
        doc.font('R').fontSize(10).fillColor(COLORS.text);
        const h = doc.heightOfString(it.text, { width: w, lineGap: 2 });
        ensureSpace(ctx, Math.min(h, 30));
        const y = doc.y;
        doc.text(BULLET[level] ?? '·', x, y, { lineBreak: false });
        doc.text(it.text, x + 12, y, { width: w, lineGap: 2 });
        doc.y += 2;
      }
      doc.y += 3;
      return;
    case 'table':
      drawTable(ctx, b);
      return;
    case 'pageBreak':
      if (doc.y > ctx.top + 1) {
        doc.addPage();
        doc.y = ctx.top;
      }
      return;
  }
}

export interface PdfOptions {
  orientation?: 'portrait' | 'landscape';
}

export async function renderPdf(model: DocModel, opts: PdfOptions = {}): Promise<Buffer> {
  const margins = { top: 56, bottom: 56, left: 50, right: 50 };
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.orientation ?? 'portrait',
    margins,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: model.title,
      Author: model.meta[0] ?? '',
      Subject: model.subtitle ?? model.title,
      Creator: '성과관리 BSC',
      Producer: '성과관리 BSC (pdfkit)',
    },
    lang: 'ko-KR',
    displayTitle: true,
  });
  doc.registerFont('R', fs.readFileSync(REGULAR));
  doc.registerFont('B', fs.readFileSync(BOLD));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const ctx: Ctx = {
    doc,
    left: margins.left,
    width: doc.page.width - margins.left - margins.right,
    top: margins.top,
    bottom: doc.page.height - margins.bottom,
  };

  // Title block.
  doc.y = ctx.top + 30;
  doc
    .font('B')
    .fontSize(22)
    .fillColor(COLORS.text)
    .text(model.title, ctx.left, doc.y, { width: ctx.width, align: 'center' });
  doc.y += 8;
  if (model.subtitle)
    doc
      .font('R')
      .fontSize(12.5)
      .fillColor(COLORS.text)
      .text(model.subtitle, ctx.left, doc.y, { width: ctx.width, align: 'center' });
  doc.y += 6;
  for (const m of model.meta)
    doc.font('R').fontSize(9.5).fillColor(COLORS.muted).text(m, ctx.left, doc.y, { width: ctx.width, align: 'center' });
  doc.y += 18;

  for (const b of model.blocks) drawBlock(ctx, b);

  // Running header and page numbers on every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc
      .font('R')
      .fontSize(7.5)
      .fillColor('#777777')
      .text(model.runningHeader, ctx.left, 28, { width: ctx.width, align: 'right', lineBreak: false });
    doc
      .save()
      .lineWidth(0.4)
      .strokeColor('#BBBBBB')
      .moveTo(ctx.left, 40)
      .lineTo(ctx.left + ctx.width, 40)
      .stroke()
      .restore();
    doc
      .font('R')
      .fontSize(8.5)
      .fillColor('#555555')
      .text(`- ${i + 1} / ${range.count} -`, ctx.left, doc.page.height - 36, {
        width: ctx.width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins = saved;
  }
  doc.end();
  return done;
}
