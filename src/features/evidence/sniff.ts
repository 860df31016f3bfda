/**
 * What a file really is, from its bytes (never from its name): the allow-list of evidence types.
 * PDF, HWP (OLE compound file with HWP streams), HWPX/DOCX/XLSX/PPTX (ZIP with the right entries),
 * DOC/XLS/PPT (OLE with the right streams), PNG/JPEG/GIF, ZIP. Everything else is refused, an
 * executable explicitly. ZIP-based files are read through their central directory (yauzl) with
 * limits on the entry count and the expanded size, and every entry is inflated against a byte
 * budget so that a zip bomb — including one whose headers lie about sizes — is refused.
 */
import yauzl from 'yauzl';
import type { Readable } from 'node:stream';

export type EvidenceType =
  'pdf' | 'hwp' | 'hwpx' | 'docx' | 'xlsx' | 'pptx' | 'doc' | 'xls' | 'ppt' | 'png' | 'jpeg' | 'gif' | 'zip';

export const EVIDENCE_TYPES: Record<EvidenceType, { label: string; mediaType: string; extensions: string[] }> = {
  pdf: { label: 'PDF', mediaType: 'application/pdf', extensions: ['pdf'] },
  hwp: { label: '한글(HWP)', mediaType: 'application/x-hwp', extensions: ['hwp'] },
  hwpx: { label: '한글(HWPX)', mediaType: 'application/hwp+zip', extensions: ['hwpx'] },
  docx: {
    label: 'Word(DOCX)',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: {
    label: 'Excel(XLSX)',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  pptx: {
    label: 'PowerPoint(PPTX)',
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  doc: { label: 'Word(DOC)', mediaType: 'application/msword', extensions: ['doc'] },
  xls: { label: 'Excel(XLS)', mediaType: 'application/vnd.ms-excel', extensions: ['xls'] },
  ppt: { label: 'PowerPoint(PPT)', mediaType: 'application/vnd.ms-powerpoint', extensions: ['ppt'] },
  png: { label: 'PNG 이미지', mediaType: 'image/png', extensions: ['png'] },
  jpeg: { label: 'JPEG 이미지', mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { label: 'GIF 이미지', mediaType: 'image/gif', extensions: ['gif'] },
  zip: { label: 'ZIP 압축 파일', mediaType: 'application/zip', extensions: ['zip'] },
};

export const ALLOWED_EXTENSIONS = Object.values(EVIDENCE_TYPES).flatMap((t) => t.extensions);

export interface ZipLimits {
  /** Most entries a ZIP-based file may have. */
  maxEntries: number;
  /** Most bytes its entries may expand to, together. */
  maxExpandedBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxExpandedBytes: 300 * 1024 * 1024 };

export type SniffResult =
  { ok: true; type: EvidenceType; mediaType: string } | { ok: false; code: string; message: string };

const refuse = (code: string, message: string): SniffResult => ({ ok: false, code, message });
const accept = (type: EvidenceType): SniffResult => ({ ok: true, type, mediaType: EVIDENCE_TYPES[type].mediaType });

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

function isExecutable(b: Uint8Array): string | null {
  if (startsWith(b, ascii('MZ'))) return 'Windows 실행 파일(EXE/DLL)';
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) return 'ELF 실행 파일';
  if (
    startsWith(b, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(b, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(b, [0xca, 0xfe, 0xba, 0xbe])
  )
    return 'macOS 실행 파일';
  if (startsWith(b, ascii('#!'))) return '스크립트';
  return null;
}

/** Sniffs the bytes; ZIP-based files are checked against the limits. */
export async function sniffEvidence(bytes: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<SniffResult> {
  if (bytes.length === 0) return refuse('empty_file', '빈 파일입니다.');
  const exe = isExecutable(bytes);
  if (exe) return refuse('executable', `${exe}은(는) 올릴 수 없습니다.`);
  if (startsWith(bytes, ascii('%PDF-'))) return accept('pdf');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return accept('png');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return accept('jpeg');
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return accept('gif');
  if (startsWith(bytes, OLE)) return sniffOle(bytes);
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) return sniffZip(bytes, limits);
  return refuse(
    'type_not_allowed',
    `허용하지 않는 파일 형식입니다. 올릴 수 있는 형식: ${Object.values(EVIDENCE_TYPES)
      .map((t) => t.label)
      .join(', ')}.`,
  );
}

// ───────────────────────────── OLE compound files (HWP, DOC, XLS, PPT) ─────────────────────────────

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;

/** The names of the entries of an OLE compound file's directory (null when it is not readable). */
export function oleEntryNames(b: Buffer): string[] | null {
  if (b.length < 512 || !startsWith(b, OLE)) return null;
  const shift = b.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectors = Math.floor((b.length - size) / size) + 1;
  const sectorOffset = (n: number) => (n + 1) * size;
  // FAT sector list: 109 in the header, then the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = b.readUInt32LE(0x4c + i * 4);
    if (s !== FREESECT && s !== ENDOFCHAIN) fatSectors.push(s);
  }
  let difat = b.readUInt32LE(0x44);
  for (let hops = 0; difat !== ENDOFCHAIN && difat !== FREESECT && hops < sectors; hops++) {
    const off = sectorOffset(difat);
    if (off + size > b.length) return null;
    for (let i = 0; i < size / 4 - 1; i++) {
      const s = b.readUInt32LE(off + i * 4);
      if (s !== FREESECT && s !== ENDOFCHAIN) fatSectors.push(s);
    }
    difat = b.readUInt32LE(off + size - 4);
  }
  const next = (s: number): number => {
    const perSector = size / 4;
    const fs = fatSectors[Math.floor(s / perSector)];
    if (fs === undefined) return ENDOFCHAIN;
    const off = sectorOffset(fs) + (s % perSector) * 4;
    return off + 4 <= b.length ? b.readUInt32LE(off) : ENDOFCHAIN;
  };
  const names: string[] = [];
  const seen = new Set<number>();
  for (let s = b.readUInt32LE(0x30); s !== ENDOFCHAIN && s !== FREESECT; s = next(s)) {
    if (seen.has(s) || seen.size > sectors) return null;
    seen.add(s);
    const off = sectorOffset(s);
    if (off + size > b.length) return null;
    for (let e = off; e < off + size; e += 128) {
      const len = b.readUInt16LE(e + 0x40);
      const type = b[e + 0x42];
      if (len < 2 || len > 64 || !type) continue;
      names.push(b.toString('utf16le', e, e + len - 2));
    }
  }
  return names;
}

function sniffOle(b: Buffer): SniffResult {
  const names = oleEntryNames(b);
  if (!names) return refuse('corrupt_file', '손상된 문서 파일입니다 (OLE 구조를 읽을 수 없습니다).');
  const has = (n: string) => names.includes(n);
  if (has('FileHeader') && (has('DocInfo') || has('BodyText'))) return accept('hwp');
  if (has('WordDocument')) return accept('doc');
  if (has('Workbook') || has('Book')) return accept('xls');
  if (has('PowerPoint Document')) return accept('ppt');
  return refuse('type_not_allowed', 'HWP·DOC·XLS·PPT가 아닌 OLE 파일(예: 설치 파일 MSI)은 올릴 수 없습니다.');
}

// ───────────────────────────── ZIP-based files ─────────────────────────────

const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10}MB`;

class Refusal extends Error {
  constructor(readonly result: SniffResult) {
    super('refused');
  }
}

async function sniffZip(bytes: Buffer, limits: ZipLimits): Promise<SniffResult> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    return refuse('corrupt_file', '손상된 ZIP 파일입니다 (중앙 디렉터리를 읽을 수 없습니다).');
  }
  try {
    if (zip.entryCount > limits.maxEntries)
      throw new Refusal(
        refuse(
          'zip_too_many_entries',
          `압축 파일의 항목이 너무 많습니다 (${zip.entryCount}개, 최대 ${limits.maxEntries}개).`,
        ),
      );
    // The declared sizes first (cheap), from the central directory.
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push(e);
        declared += e.uncompressedSize;
        if (declared > limits.maxExpandedBytes)
          return reject(
            new Refusal(
              refuse(
                'zip_too_large',
                `압축을 풀면 너무 큽니다 (${MB(declared)} 이상, 최대 ${MB(limits.maxExpandedBytes)}).`,
              ),
            ),
          );
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
    // Then the real sizes: inflate every entry against the budget (yauzl also refuses a size that lies).
    let budget = limits.maxExpandedBytes;
    const names = new Set<string>();
    let mimetype = '';
    for (const e of entries) {
      names.add(e.fileName);
      if (e.fileName.endsWith('/')) continue;
      if (e.isEncrypted())
        throw new Refusal(refuse('zip_encrypted', '암호가 걸린 압축 파일은 검사할 수 없어 올릴 수 없습니다.'));
      const stream: Readable = await zip.openReadStreamPromise(e);
      let head: Buffer | null = null;
      const chunks: Buffer[] = [];
      await new Promise<void>((resolve, reject) => {
        stream.on('data', (c: Buffer) => {
          budget -= c.length;
          if (!head) head = c.subarray(0, 8);
          if (e.fileName === 'mimetype' && chunks.length < 4) chunks.push(c);
          if (budget < 0) {
            stream.destroy();
            reject(
              new Refusal(
                refuse(
                  'zip_too_large',
                  `압축을 풀면 너무 큽니다 (최대 ${MB(limits.maxExpandedBytes)}). 압축 폭탄으로 보입니다.`,
                ),
              ),
            );
          }
        });
        stream.on('end', resolve);
        stream.on('error', (err) => reject(err));
      });
      if (head && isExecutable(head) && !/\.(bin|dat)$/i.test(e.fileName))
        throw new Refusal(refuse('zip_contains_executable', `압축 파일 안에 실행 파일이 있습니다: ${e.fileName}`));
      if (e.fileName === 'mimetype') mimetype = Buffer.concat(chunks).toString('ascii').trim();
    }
    for (const n of names)
      if (/^(word|xl|ppt)\/vbaProject\.bin$/i.test(n))
        throw new Refusal(refuse('macro_document', '매크로가 든 문서는 올릴 수 없습니다.'));
    if (mimetype === 'application/hwp+zip' || names.has('Contents/content.hpf')) return accept('hwpx');
    if (names.has('[Content_Types].xml')) {
      if (names.has('word/document.xml')) return accept('docx');
      if (names.has('xl/workbook.xml')) return accept('xlsx');
      if (names.has('ppt/presentation.xml')) return accept('pptx');
    }
    return accept('zip');
  } catch (e) {
    if (e instanceof Refusal) return e.result;
    return refuse('corrupt_file', `손상된 압축 파일입니다: ${(e as Error).message}`);
  } finally {
    zip.close();
  }
}

/** The extension of a file name (lower case, without the dot), '' when none. */
export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : '';
}

/** A name's extension must be one of the detected type's (an EXE renamed .pdf is refused by content; a PNG named .pdf by this). */
export function extensionMatches(fileName: string, type: EvidenceType): boolean {
  return EVIDENCE_TYPES[type].extensions.includes(extensionOf(fileName));
}
