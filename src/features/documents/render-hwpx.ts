/**
 * HWPX rendering of a document model — the open HWP format (OWPML, KS X 6101): a ZIP with
 * `mimetype` (stored, first), `version.xml`, `settings.xml`, `META-INF/container.xml`,
 * `META-INF/manifest.xml`, `Contents/content.hpf`, `Contents/header.xml` (fonts, border fills,
 * character and paragraph shapes, one style) and `Contents/section0.xml` (A4 page, page numbers,
 * paragraphs and tables with merged cells and repeated header rows).
 *
 * What is verified here (tests): the package structure, every XML part well-formed and
 * namespace-correct, every shape id referenced from the section defined in the header, every
 * table's cells covering its rowCnt × colCnt grid exactly once. It has not been opened in Hangul
 * (not available here): docs/documents.md says so. Line layout (`linesegarray`) is left to the
 * application, as other generators do; cell heights are estimates that Hangul recomputes.
 */
import JSZip from 'jszip';
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

const NS = {
  hp: 'http://www.hancom.co.kr/hwpml/2011/paragraph',
  hs: 'http://www.hancom.co.kr/hwpml/2011/section',
  hh: 'http://www.hancom.co.kr/hwpml/2011/head',
  hc: 'http://www.hancom.co.kr/hwpml/2011/core',
  ha: 'http://www.hancom.co.kr/hwpml/2011/app',
  hpf: 'http://www.hancom.co.kr/schema/2011/hpf',
  opf: 'http://www.idpf.org/2007/opf/',
  dc: 'http://purl.org/dc/elements/1.1/',
  hv: 'http://www.hancom.co.kr/hwpml/2011/version',
  ocf: 'urn:oasis:names:tc:opendocument:xmlns:container',
  odf: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
  config: 'urn:oasis:names:tc:opendocument:xmlns:config:1.0',
};
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>';
const FONT = '맑은 고딕';

/** A4 in HWPUNIT (1/7200 inch) and the text width inside 30 mm / 30 mm margins. */
const PAGE = {
  width: 59528,
  height: 84188,
  left: 8504,
  right: 8504,
  top: 5668,
  bottom: 4252,
  header: 4252,
  footer: 4252,
};
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** Escapes text for XML, dropping characters XML 1.0 does not allow. */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

// ───────────────────────── header.xml ─────────────────────────

/** Character shapes: [height (1/100 pt), bold, colour]. Index = charPr id. */
export const CHAR = {
  body: 0,
  bodyBold: 1,
  h1: 2,
  h2: 3,
  cell: 4,
  cellBold: 5,
  note: 6,
  title: 7,
  h3: 8,
} as const;
const CHAR_SHAPES: [number, boolean, string][] = [
  [1000, false, '#000000'],
  [1000, true, '#000000'],
  [1600, true, '#1F4E79'],
  [1200, true, '#000000'],
  [900, false, '#000000'],
  [900, true, '#000000'],
  [850, false, '#555555'],
  [2000, true, '#000000'],
  [1100, true, '#000000'],
];

/** Paragraph shapes: [horizontal align, left margin, prev, next, line spacing %, keepWithNext]. Index = paraPr id. */
export const PARA = {
  body: 0,
  center: 1,
  right: 2,
  bullet1: 3,
  bullet2: 4,
  bullet3: 5,
  cellLeft: 6,
  cellCenter: 7,
  cellRight: 8,
  h1: 9,
  h2: 10,
} as const;
const PARA_SHAPES: [string, number, number, number, number, boolean][] = [
  ['JUSTIFY', 0, 0, 200, 160, false],
  ['CENTER', 0, 0, 200, 160, false],
  ['RIGHT', 0, 0, 0, 160, false],
  ['LEFT', 1000, 0, 100, 160, false],
  ['LEFT', 2000, 0, 100, 160, false],
  ['LEFT', 3000, 0, 100, 160, false],
  ['LEFT', 0, 0, 0, 130, false],
  ['CENTER', 0, 0, 0, 130, false],
  ['RIGHT', 0, 0, 0, 130, false],
  ['LEFT', 0, 1600, 600, 160, true],
  ['LEFT', 0, 800, 300, 160, true],
];

/** Border fills: 1 page (none), 2 characters (none), 3 cell, 4 header cell, 5 total cell, 6 group cell. */
export const BORDER = { page: 1, char: 2, cell: 3, header: 4, total: 5, group: 6 } as const;
const FILLS: Record<number, string | null> = { 1: null, 2: 'none', 3: null, 4: '#DDE7F3', 5: '#F2F2F2', 6: '#F7F9FC' };

const LANGS = ['HANGUL', 'LATIN', 'HANJA', 'JAPANESE', 'OTHER', 'SYMBOL', 'USER'];
const perLang = (v: string | number) =>
  `hangul="${v}" latin="${v}" hanja="${v}" japanese="${v}" other="${v}" symbol="${v}" user="${v}"`;

function borderFill(id: number): string {
  const line = id >= 3 ? 'type="SOLID" width="0.12 mm" color="#7F8C99"' : 'type="NONE" width="0.1 mm" color="#000000"';
  const fill = FILLS[id];
  return (
    `<hh:borderFill id="${id}" threeD="0" shadow="0" centerLine="NONE" breakCellSeparateLine="0">` +
    '<hh:slash type="NONE" Crooked="0" isCounter="0"/><hh:backSlash type="NONE" Crooked="0" isCounter="0"/>' +
    `<hh:leftBorder ${line}/><hh:rightBorder ${line}/><hh:topBorder ${line}/><hh:bottomBorder ${line}/>` +
    '<hh:diagonal type="SOLID" width="0.1 mm" color="#000000"/>' +
    (fill ? `<hc:fillBrush><hc:winBrush faceColor="${fill}" hatchColor="#999999" alpha="0"/></hc:fillBrush>` : '') +
    '</hh:borderFill>'
  );
}

function charPr(id: number, [height, bold, color]: [number, boolean, string]): string {
  return (
    `<hh:charPr id="${id}" height="${height}" textColor="${color}" shadeColor="none" useFontSpace="0" useKerning="0" symMark="NONE" borderFillIDRef="${BORDER.char}">` +
    `<hh:fontRef ${perLang(0)}/><hh:ratio ${perLang(100)}/><hh:spacing ${perLang(0)}/><hh:relSz ${perLang(100)}/><hh:offset ${perLang(0)}/>` +
    (bold ? '<hh:bold/>' : '') +
    '<hh:underline type="NONE" shape="SOLID" color="#000000"/><hh:strikeout shape="NONE" color="#000000"/><hh:outline type="NONE"/>' +
    '<hh:shadow type="NONE" color="#C0C0C0" offsetX="10" offsetY="10"/></hh:charPr>'
  );
}

function paraPr(
  id: number,
  [align, left, prev, next, spacing, keep]: [string, number, number, number, number, boolean],
): string {
  return (
    `<hh:paraPr id="${id}" tabPrIDRef="0" condense="0" fontLineHeight="0" snapToGrid="1" suppressLineNumbers="0" checked="0">` +
    `<hh:align horizontal="${align}" vertical="BASELINE"/><hh:heading type="NONE" idRef="0" level="0"/>` +
    `<hh:breakSetting breakLatinWord="KEEP_WORD" breakNonLatinWord="KEEP_WORD" widowOrphan="0" keepWithNext="${keep ? 1 : 0}" keepLines="0" pageBreakBefore="0" lineWrap="BREAK"/>` +
    '<hh:autoSpacing eAsianEng="0" eAsianNum="0"/>' +
    `<hh:margin><hc:intent value="0" unit="HWPUNIT"/><hc:left value="${left}" unit="HWPUNIT"/><hc:right value="0" unit="HWPUNIT"/><hc:prev value="${prev}" unit="HWPUNIT"/><hc:next value="${next}" unit="HWPUNIT"/></hh:margin>` +
    `<hh:lineSpacing type="PERCENT" value="${spacing}" unit="HWPUNIT"/>` +
    `<hh:border borderFillIDRef="${BORDER.char}" offsetLeft="0" offsetRight="0" offsetTop="0" offsetBottom="0" connect="0" ignoreMargin="0"/></hh:paraPr>`
  );
}

export function headerXml(): string {
  const fonts = LANGS.map(
    (lang) =>
      `<hh:fontface lang="${lang}" fontCnt="1"><hh:font id="0" face="${FONT}" type="TTF" isEmbedded="0">` +
      '<hh:typeInfo familyType="FCAT_GOTHIC" weight="6" proportion="4" contrast="0" strokeVariation="1" armStyle="1" letterform="1" midline="1" xHeight="1"/></hh:font></hh:fontface>',
  ).join('');
  const fillIds = Object.keys(FILLS).map(Number);
  return (
    XML_DECL +
    `<hh:head xmlns:hh="${NS.hh}" xmlns:hc="${NS.hc}" xmlns:hp="${NS.hp}" version="1.4" secCnt="1">` +
    '<hh:beginNum page="1" footnote="1" endnote="1" pic="1" tbl="1" equation="1"/>' +
    '<hh:refList>' +
    `<hh:fontfaces itemCnt="${LANGS.length}">${fonts}</hh:fontfaces>` +
    `<hh:borderFills itemCnt="${fillIds.length}">${fillIds.map(borderFill).join('')}</hh:borderFills>` +
    `<hh:charProperties itemCnt="${CHAR_SHAPES.length}">${CHAR_SHAPES.map((c, i) => charPr(i, c)).join('')}</hh:charProperties>` +
    '<hh:tabProperties itemCnt="1"><hh:tabPr id="0" autoTabLeft="0" autoTabRight="0"/></hh:tabProperties>' +
    `<hh:paraProperties itemCnt="${PARA_SHAPES.length}">${PARA_SHAPES.map((p, i) => paraPr(i, p)).join('')}</hh:paraProperties>` +
    '<hh:styles itemCnt="1"><hh:style id="0" type="PARA" name="바탕글" engName="Normal" paraPrIDRef="0" charPrIDRef="0" nextStyleIDRef="0" langID="1042" lockForm="0"/></hh:styles>' +
    '</hh:refList>' +
    '<hh:compatibleDocument targetProgram="HWP201X"><hh:layoutCompatibility/></hh:compatibleDocument>' +
    '<hh:docOption><hh:linkinfo path="" pageInherit="0" footnoteInherit="0"/></hh:docOption>' +
    '</hh:head>'
  );
}

// ───────────────────────── section0.xml ─────────────────────────

function secPr(): string {
  const pbf = (type: string) =>
    `<hp:pageBorderFill type="${type}" borderFillIDRef="${BORDER.page}" textBorder="PAPER" headerInside="0" footerInside="0" fillArea="PAPER"><hp:offset left="1417" right="1417" top="1417" bottom="1417"/></hp:pageBorderFill>`;
  const note = (length: number, place: string, between: number) =>
    '<hp:autoNumFormat type="DIGIT" userChar="" prefixChar="" suffixChar=")" supscript="0"/>' +
    `<hp:noteLine length="${length}" type="SOLID" width="0.12 mm" color="#000000"/>` +
    `<hp:noteSpacing betweenNotes="${between}" belowLine="567" aboveLine="850"/>` +
    '<hp:numbering type="CONTINUOUS" newNum="1"/>' +
    `<hp:placement place="${place}" beneathText="0"/>`;
  return (
    '<hp:secPr id="" textDirection="HORIZONTAL" spaceColumns="1134" tabStop="8000" tabStopVal="4000" tabStopUnit="HWPUNIT" outlineShapeIDRef="1" memoShapeIDRef="0" textVerticalWidthHead="0" masterPageCnt="0">' +
    '<hp:grid lineGrid="0" charGrid="0" wonggojiFormat="0"/>' +
    '<hp:startNum pageStartsOn="BOTH" page="0" pic="0" tbl="0" equation="0"/>' +
    '<hp:visibility hideFirstHeader="0" hideFirstFooter="0" hideFirstMasterPage="0" border="SHOW_ALL" fill="SHOW_ALL" hideFirstPageNum="0" hideFirstEmptyLine="0" showLineNumber="0"/>' +
    '<hp:lineNumberShape restartType="0" countBy="0" distance="0" startNumber="0"/>' +
    `<hp:pagePr landscape="WIDELY" width="${PAGE.width}" height="${PAGE.height}" gutterType="LEFT_ONLY">` +
    `<hp:margin header="${PAGE.header}" footer="${PAGE.footer}" gutter="0" left="${PAGE.left}" right="${PAGE.right}" top="${PAGE.top}" bottom="${PAGE.bottom}"/></hp:pagePr>` +
    `<hp:footNotePr>${note(-1, 'EACH_COLUMN', 283)}</hp:footNotePr>` +
    `<hp:endNotePr>${note(14692344, 'END_OF_DOCUMENT', 0)}</hp:endNotePr>` +
    pbf('BOTH') +
    pbf('EVEN') +
    pbf('ODD') +
    '</hp:secPr>'
  );
}

class SectionWriter {
  private parts: string[] = [];
  private nextParaId = 1;
  private nextTableId = 1;

  private pOpen(paraPr: number, pageBreak = false) {
    return `<hp:p id="${this.nextParaId++}" paraPrIDRef="${paraPr}" styleIDRef="0" pageBreak="${pageBreak ? 1 : 0}" columnBreak="0" merged="0">`;
  }

  /** The first paragraph carries the section's page setup and the page number. */
  first(text: string, charPrId: number, paraPrId: number) {
    this.parts.push(
      this.pOpen(paraPrId) +
        `<hp:run charPrIDRef="${charPrId}">${secPr()}<hp:ctrl><hp:colPr id="" type="NEWSPAPER" layout="LEFT" colCount="1" sameSz="1" sameGap="0"/></hp:ctrl>` +
        '<hp:ctrl><hp:pageNum pos="BOTTOM_CENTER" formatType="DIGIT" sideChar="-"/></hp:ctrl>' +
        `<hp:t>${xmlText(text)}</hp:t></hp:run></hp:p>`,
    );
  }

  para(text: string, charPrId: number, paraPrId: number, pageBreak = false) {
    this.parts.push(
      `${this.pOpen(paraPrId, pageBreak)}<hp:run charPrIDRef="${charPrId}"><hp:t>${xmlText(text)}</hp:t></hp:run></hp:p>`,
    );
  }

  private cellParas(text: string, charPrId: number, paraPrId: number): string {
    return text
      .split('\n')
      .map(
        (line) =>
          `${this.pOpen(paraPrId)}<hp:run charPrIDRef="${charPrId}"><hp:t>${xmlText(line)}</hp:t></hp:run></hp:p>`,
      )
      .join('');
  }

  table(t: Table) {
    const n = t.columns.length;
    const total = t.columns.reduce((s, c) => s + c.width, 0);
    const widths = t.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH));
    const width = widths.reduce((s, x) => s + x, 0);
    const heads = headerRows(t);
    const rows = [...heads, ...t.rows];
    const placed = placeRows(rows, n);
    const MARGIN = { lr: 510, tb: 141 };
    // Estimated heights (Hangul lays the text out again): lines × 9 pt × 130 % + margins.
    const lineH = 1170;
    const heights = rows.map(() => lineH + 2 * MARGIN.tb);
    for (const row of placed)
      for (const p of row) {
        if (p.rowSpan > 1) continue;
        const w = widths.slice(p.col, p.col + p.colSpan).reduce((s, x) => s + x, 0) - 2 * MARGIN.lr;
        const lines = cellText(p.cell)
          .split('\n')
          .reduce((s, l) => s + Math.max(1, Math.ceil((l.length * 900) / Math.max(900, w))), 0);
        heights[p.row] = Math.max(heights[p.row]!, lines * lineH + 2 * MARGIN.tb);
      }
    const height = heights.reduce((s, x) => s + x, 0);
    const align = (a: Align): number =>
      a === 'center' ? PARA.cellCenter : a === 'right' ? PARA.cellRight : PARA.cellLeft;
    const fillOf = (c: Cell, header: boolean) =>
      header || c.fill === 'header'
        ? BORDER.header
        : c.fill === 'total'
          ? BORDER.total
          : c.fill === 'group'
            ? BORDER.group
            : BORDER.cell;
    const trs = placed
      .map((row, r) => {
        const header = r < heads.length;
        const tcs = row
          .map((p) => {
            const w = widths.slice(p.col, p.col + p.colSpan).reduce((s, x) => s + x, 0);
            const h = heights.slice(p.row, p.row + p.rowSpan).reduce((s, x) => s + x, 0);
            const a = p.cell.align ?? (header ? 'center' : (t.columns[p.col]?.align ?? 'left'));
            const bold = header || !!p.cell.bold;
            return (
              `<hp:tc name="" header="${header ? 1 : 0}" hasMargin="0" protect="0" editable="0" dirty="0" borderFillIDRef="${fillOf(p.cell, header)}">` +
              '<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="CENTER" linkListIDRef="0" linkListNextIDRef="0" textWidth="0" textHeight="0" hasTextRef="0" hasNumRef="0">' +
              this.cellParas(cellText(p.cell), bold ? CHAR.cellBold : CHAR.cell, align(a)) +
              '</hp:subList>' +
              `<hp:cellAddr colAddr="${p.col}" rowAddr="${p.row}"/><hp:cellSpan colSpan="${p.colSpan}" rowSpan="${p.rowSpan}"/>` +
              `<hp:cellSz width="${w}" height="${h}"/><hp:cellMargin left="${MARGIN.lr}" right="${MARGIN.lr}" top="${MARGIN.tb}" bottom="${MARGIN.tb}"/></hp:tc>`
            );
          })
          .join('');
        return `<hp:tr>${tcs}</hp:tr>`;
      })
      .join('');
    const id = this.nextTableId++;
    if (t.title || t.unit) this.para([t.title, t.unit].filter(Boolean).join('  '), CHAR.h3, PARA.h2);
    this.parts.push(
      this.pOpen(PARA.body) +
        `<hp:run charPrIDRef="${CHAR.body}"><hp:tbl id="${id}" zOrder="${id}" numberingType="TABLE" textWrap="TOP_AND_BOTTOM" textFlow="BOTH_SIDES" lock="0" dropcapstyle="None" pageBreak="CELL" repeatHeader="1" rowCnt="${rows.length}" colCnt="${n}" cellSpacing="0" borderFillIDRef="${BORDER.cell}" noAdjust="0">` +
        `<hp:sz width="${width}" widthRelTo="ABSOLUTE" height="${height}" heightRelTo="ABSOLUTE" protect="0"/>` +
        '<hp:pos treatAsChar="0" affectLSpacing="0" flowWithText="1" allowOverlap="0" holdAnchorAndSO="0" vertRelTo="PARA" horzRelTo="COLUMN" vertAlign="TOP" horzAlign="LEFT" vertOffset="0" horzOffset="0"/>' +
        '<hp:outMargin left="0" right="0" top="0" bottom="0"/>' +
        `<hp:inMargin left="${MARGIN.lr}" right="${MARGIN.lr}" top="${MARGIN.tb}" bottom="${MARGIN.tb}"/>` +
        trs +
        '</hp:tbl><hp:t/></hp:run></hp:p>',
    );
    for (const note of t.notes ?? []) this.para(`※ ${note}`, CHAR.note, PARA.body);
  }

  xml(): string {
    return (
      XML_DECL + `<hs:sec xmlns:hs="${NS.hs}" xmlns:hp="${NS.hp}" xmlns:hc="${NS.hc}">${this.parts.join('')}</hs:sec>`
    );
  }
}

const BULLET = ['○', '-', '·'];
const BULLET_PARA = [PARA.bullet1, PARA.bullet2, PARA.bullet3];

export function sectionXml(model: DocModel): string {
  const w = new SectionWriter();
  w.first(model.title, CHAR.title, PARA.center);
  if (model.subtitle) w.para(model.subtitle, CHAR.h2, PARA.center);
  for (const m of model.meta) w.para(m, CHAR.note, PARA.center);
  let pendingBreak = false;
  const block = (b: Block) => {
    switch (b.kind) {
      case 'heading':
        w.para(
          b.text,
          b.level === 1 ? CHAR.h1 : b.level === 2 ? CHAR.h2 : CHAR.h3,
          b.level === 1 ? PARA.h1 : PARA.h2,
          pendingBreak,
        );
        pendingBreak = false;
        return;
      case 'paragraph':
        w.para(
          b.text,
          b.style === 'lead' ? CHAR.bodyBold : b.style === 'note' ? CHAR.note : CHAR.body,
          PARA.body,
          pendingBreak,
        );
        pendingBreak = false;
        return;
      case 'bullets':
        for (const it of b.items) {
          const level = Math.min(2, it.level ?? 0);
          w.para(`${BULLET[level]} ${it.text}`, CHAR.body, BULLET_PARA[level]!, pendingBreak);
          pendingBreak = false;
        }
        return;
      case 'table':
        if (pendingBreak) w.para('', CHAR.body, PARA.body, true);
        pendingBreak = false;
        w.table(b);
        return;
      case 'pageBreak':
        pendingBreak = true;
        return;
    }
  };
  model.blocks.forEach(block);
  return w.xml();
}

// ───────────────────────── package ─────────────────────────

function contentHpf(model: DocModel): string {
  return (
    XML_DECL +
    `<opf:package xmlns:opf="${NS.opf}" xmlns:dc="${NS.dc}" xmlns:hpf="${NS.hpf}" xmlns:ha="${NS.ha}" xmlns:hh="${NS.hh}" xmlns:hp="${NS.hp}" xmlns:hs="${NS.hs}" xmlns:hc="${NS.hc}" xmlns:config="${NS.config}" version="" unique-identifier="" id="">` +
    `<opf:metadata><opf:title>${xmlText(model.title)}</opf:title><opf:language>ko</opf:language>` +
    `<opf:meta name="creator" content="text">${xmlText(model.meta[0] ?? '')}</opf:meta>` +
    `<opf:meta name="subject" content="text">${xmlText(model.subtitle ?? '')}</opf:meta></opf:metadata>` +
    '<opf:manifest>' +
    '<opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>' +
    '<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/>' +
    '<opf:item id="settings" href="settings.xml" media-type="application/xml"/>' +
    '</opf:manifest>' +
    '<opf:spine><opf:itemref idref="header" linear="yes"/><opf:itemref idref="section0" linear="yes"/></opf:spine>' +
    '</opf:package>'
  );
}

export const HWPX_MIMETYPE = 'application/hwp+zip';

export async function renderHwpx(model: DocModel): Promise<Buffer> {
  const zip = new JSZip();
  // The mimetype first and stored (not deflated), as in OCF/EPUB, so it can be sniffed at a fixed offset.
  zip.file('mimetype', HWPX_MIMETYPE, { compression: 'STORE' });
  zip.file(
    'version.xml',
    XML_DECL +
      `<hv:HCFVersion xmlns:hv="${NS.hv}" tagetApplication="WORDPROCESSOR" major="5" minor="0" micro="5" buildNumber="0" os="1" xmlVersion="1.4" application="성과관리 BSC" appVersion="1.0"/>`,
  );
  zip.file(
    'settings.xml',
    XML_DECL +
      `<ha:HWPApplicationSetting xmlns:ha="${NS.ha}" xmlns:config="${NS.config}"><ha:CaretPosition listIDRef="0" paraIDRef="0" pos="0"/></ha:HWPApplicationSetting>`,
  );
  zip.file(
    'META-INF/container.xml',
    XML_DECL +
      `<ocf:container xmlns:ocf="${NS.ocf}" xmlns:hpf="${NS.hpf}"><ocf:rootfiles><ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/></ocf:rootfiles></ocf:container>`,
  );
  zip.file('META-INF/manifest.xml', XML_DECL + `<odf:manifest xmlns:odf="${NS.odf}"/>`);
  zip.file('Contents/content.hpf', contentHpf(model));
  zip.file('Contents/header.xml', headerXml());
  zip.file('Contents/section0.xml', sectionXml(model));
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    mimeType: HWPX_MIMETYPE,
  });
}
