/**
 * DOCX rendering of a document model (docx library): A4, a title block, headings, bullet lists,
 * tables with borders, shaded and repeated header rows and merged cells, page numbers in the footer.
 * Korean text is set in 맑은 고딕 (present on every Korean Windows/Office; other systems substitute):
 * Word embeds only TrueType fonts, and the shipped Pretendard GOV is CFF-based OpenType.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table as DocxTable,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  PageOrientation,
} from 'docx';
import {
  cellText,
  headerRows,
  placeRows,
  type Align,
  type Block,
  type Cell,
  type DocModel,
  type Table,
} from './model.js';

const FONT = '맑은 고딕';
const font = { ascii: FONT, eastAsia: FONT, hAnsi: FONT, cs: FONT };
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134; // 2 cm
const FILL: Record<NonNullable<Cell['fill']>, string> = { header: 'DDE7F3', total: 'F2F2F2', group: 'F7F9FC' };
const border = { style: BorderStyle.SINGLE, size: 4, color: '7F8C99' };
const borders = { top: border, bottom: border, left: border, right: border };

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

const run = (text: string, opts: { bold?: boolean; size?: number; color?: string; italics?: boolean } = {}) =>
  new TextRun({ text, font, bold: opts.bold, size: opts.size, color: opts.color, italics: opts.italics });

function tableOf(t: Table, textWidth: number): (Paragraph | DocxTable)[] {
  const out: (Paragraph | DocxTable)[] = [];
  if (t.title || t.unit)
    out.push(
      new Paragraph({
        spacing: { before: 160, after: 60 },
        keepNext: true,
        children: [
          ...(t.title ? [run(t.title, { bold: true, size: 22 })] : []),
          ...(t.unit ? [run(`  ${t.unit}`, { size: 18, color: '555555' })] : []),
        ],
      }),
    );
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((c.width / total) * textWidth));
  const n = t.columns.length;
  const rowsOf = (rows: Cell[][], header: boolean) =>
    placeRows(rows, n).map(
      (placed) =>
        new TableRow({
          tableHeader: header,
          cantSplit: true,
          children: placed.map((p) => {
            const w = widths.slice(p.col, p.col + p.colSpan).reduce((s, x) => s + x, 0);
            const fill = header ? 'header' : p.cell.fill;
            const align = p.cell.align ?? (header ? 'center' : t.columns[p.col]?.align) ?? 'left';
            return new TableCell({
              width: { size: w, type: WidthType.DXA },
              columnSpan: p.colSpan > 1 ? p.colSpan : undefined,
              rowSpan: p.rowSpan > 1 ? p.rowSpan : undefined,
              verticalAlign: VerticalAlign.CENTER,
              borders,
              margins: { top: 30, bottom: 30, left: 70, right: 70 },
              shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill: FILL[fill] } : undefined,
              children: cellText(p.cell)
                .split('\n')
                .map(
                  (line) =>
                    new Paragraph({
                      alignment: ALIGN[align],
                      children: [run(line, { bold: header || p.cell.bold, size: 18 })],
                    }),
                ),
            });
          }),
        }),
    );
  out.push(
    new DocxTable({
      width: { size: widths.reduce((s, x) => s + x, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [...rowsOf(headerRows(t), true), ...rowsOf(t.rows, false)],
    }),
  );
  for (const note of t.notes ?? [])
    out.push(new Paragraph({ spacing: { before: 40 }, children: [run(`※ ${note}`, { size: 16, color: '555555' })] }));
  out.push(new Paragraph({ spacing: { after: 80 }, children: [] }));
  return out;
}

const BULLET = ['○', '-', '·', '·'];

function blockOf(b: Block, textWidth: number): (Paragraph | DocxTable)[] {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: b.level === 1 ? 360 : 200, after: 120 },
          border:
            b.level === 1 ? { bottom: { style: BorderStyle.SINGLE, size: 8, color: '1F4E79', space: 2 } } : undefined,
          children: [
            run(b.text, {
              bold: true,
              size: b.level === 1 ? 32 : b.level === 2 ? 24 : 21,
              color: b.level === 1 ? '1F4E79' : undefined,
            }),
          ],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: { before: 60, after: 60 },
          indent: b.indent ? { left: b.indent * 360 } : undefined,
          children: [
            run(b.text, {
              bold: b.style === 'lead',
              size: b.style === 'note' ? 18 : 21,
              color: b.style === 'note' ? '555555' : undefined,
            }),
          ],
        }),
      ];
    case 'bullets':
      return b.items.map(
        (it) =>
          new Paragraph({
            spacing: { before: 30, after: 30 },
            indent: { left: 360 + (it.level ?? 0) * 360, hanging: 260 },
            children: [run(`${BULLET[it.level ?? 0]} ${it.text}`, { size: 21 })],
          }),
      );
    case 'table':
      return tableOf(b, textWidth);
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
  }
}

export async function renderDocx(
  model: DocModel,
  opts: { orientation?: 'portrait' | 'landscape' } = {},
): Promise<Buffer> {
  const landscape = opts.orientation === 'landscape';
  const pageWidth = landscape ? A4.height : A4.width;
  const textWidth = pageWidth - 2 * MARGIN;
  const titleBlock = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 1200, after: 240 },
      children: [run(model.title, { bold: true, size: 44 })],
    }),
    ...(model.subtitle
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(model.subtitle, { size: 26 })],
          }),
        ]
      : []),
    ...model.meta.map(
      (m) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 80 },
          children: [run(m, { size: 20, color: '555555' })],
        }),
    ),
    new Paragraph({ spacing: { after: 400 }, children: [] }),
  ];
  const doc = new Document({
    creator: '성과관리 BSC',
    title: model.title,
    description: model.meta.join(' · '),
    styles: { default: { document: { run: { font, size: 21 } } } },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [run(model.runningHeader, { size: 16, color: '777777' })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    font,
                    size: 18,
                    children: ['- ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES, ' -'],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [...titleBlock, ...model.blocks.flatMap((b) => blockOf(b, textWidth))],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
