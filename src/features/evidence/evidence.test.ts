import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { contentDisposition, cleanFileName } from './file-name.js';
import { oleEntryNames, sniffEvidence, extensionMatches } from './sniff.js';
import { LocalEvidenceStore, sha256Hex } from './storage.js';
import { commandScanner } from './scanner.js';

/** A minimal OLE compound file (512-byte sectors: header, one FAT sector, one directory sector) with these stream names. */
function ole(names: string[]): Buffer {
  const b = Buffer.alloc(512 * 3, 0);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(b, 0);
  b.writeUInt16LE(0x3e, 0x18);
  b.writeUInt16LE(3, 0x1a);
  b.writeUInt16LE(0xfffe, 0x1c);
  b.writeUInt16LE(9, 0x1e);
  b.writeUInt16LE(6, 0x20);
  b.writeUInt32LE(1, 0x2c); // one FAT sector
  b.writeUInt32LE(1, 0x30); // directory in sector 1
  b.writeUInt32LE(4096, 0x38);
  b.writeUInt32LE(0xfffffffe, 0x3c);
  b.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) b.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  const fat = 512; // sector 0
  for (let i = 0; i < 128; i++) b.writeUInt32LE(0xffffffff, fat + i * 4);
  b.writeUInt32LE(0xfffffffd, fat); // sector 0: FAT
  b.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: end of the directory chain
  const dir = 1024;
  ['Root Entry', ...names].slice(0, 4).forEach((n, i) => {
    const e = dir + i * 128;
    b.write(n, e, 'utf16le');
    b.writeUInt16LE((n.length + 1) * 2, e + 0x40);
    b[e + 0x42] = i === 0 ? 5 : 2;
  });
  return b;
}

describe('content sniffing', () => {
  it('tells HWP, DOC, XLS, PPT apart by their OLE streams and refuses other OLE files', async () => {
    expect(oleEntryNames(ole(['FileHeader', 'DocInfo', 'BodyText']))).toEqual([
      'Root Entry',
      'FileHeader',
      'DocInfo',
      'BodyText',
    ]);
    expect(await sniffEvidence(ole(['FileHeader', 'DocInfo', 'BodyText']))).toMatchObject({ ok: true, type: 'hwp' });
    expect(await sniffEvidence(ole(['WordDocument', '1Table']))).toMatchObject({ ok: true, type: 'doc' });
    expect(await sniffEvidence(ole(['Workbook']))).toMatchObject({ ok: true, type: 'xls' });
    expect(await sniffEvidence(ole(['PowerPoint Document']))).toMatchObject({ ok: true, type: 'ppt' });
    expect(await sniffEvidence(ole(['\u4840\u4641\u4837']))).toMatchObject({ ok: false, code: 'type_not_allowed' });
    const broken = ole(['WordDocument']);
    broken.writeUInt16LE(7, 0x1e);
    expect(await sniffEvidence(broken)).toMatchObject({ ok: false, code: 'corrupt_file' });
  });

  it('recognises images, PDF and refuses executables and unknown bytes', async () => {
    expect(await sniffEvidence(Buffer.from('%PDF-1.7\n'))).toMatchObject({
      ok: true,
      type: 'pdf',
      mediaType: 'application/pdf',
    });
    expect(await sniffEvidence(Buffer.from('ffd8ffe000104a464946', 'hex'))).toMatchObject({ ok: true, type: 'jpeg' });
    expect(await sniffEvidence(Buffer.from('GIF89a......'))).toMatchObject({ ok: true, type: 'gif' });
    expect(await sniffEvidence(Buffer.from('MZ\x90\x00'))).toMatchObject({ ok: false, code: 'executable' });
    expect(await sniffEvidence(Buffer.from('\x7fELF\x02\x01'))).toMatchObject({ ok: false, code: 'executable' });
    expect(await sniffEvidence(Buffer.from('#!/bin/sh\nrm -rf /'))).toMatchObject({ ok: false, code: 'executable' });
    expect(await sniffEvidence(Buffer.from('<html><script>'))).toMatchObject({ ok: false, code: 'type_not_allowed' });
    expect(await sniffEvidence(Buffer.alloc(0))).toMatchObject({ ok: false, code: 'empty_file' });
    expect(extensionMatches('사진.JPG', 'jpeg')).toBe(true);
    expect(extensionMatches('사진.png.exe', 'png')).toBe(false);
  });

  it('tells HWPX, DOCX, XLSX, PPTX and ZIP apart and refuses macros and executables inside', async () => {
    const zip = async (files: Record<string, string | Buffer>) => {
      const z = new JSZip();
      for (const [n, c] of Object.entries(files)) z.file(n, c);
      return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    };
    expect(
      await sniffEvidence(await zip({ mimetype: 'application/hwp+zip', 'Contents/content.hpf': '<x/>' })),
    ).toMatchObject({ type: 'hwpx' });
    expect(await sniffEvidence(await zip({ '[Content_Types].xml': '<T/>', 'xl/workbook.xml': '<w/>' }))).toMatchObject({
      type: 'xlsx',
    });
    expect(
      await sniffEvidence(await zip({ '[Content_Types].xml': '<T/>', 'ppt/presentation.xml': '<p/>' })),
    ).toMatchObject({ type: 'pptx' });
    expect(await sniffEvidence(await zip({ 'a.txt': 'a' }))).toMatchObject({ type: 'zip' });
    expect(
      await sniffEvidence(
        await zip({ '[Content_Types].xml': '<T/>', 'word/document.xml': '<d/>', 'word/vbaProject.bin': 'x' }),
      ),
    ).toMatchObject({
      ok: false,
      code: 'macro_document',
    });
    expect(await sniffEvidence(await zip({ 'setup.pdf': Buffer.from('MZ\x90\x00') }))).toMatchObject({
      ok: false,
      code: 'zip_contains_executable',
    });
  });

  it('refuses a zip whose headers lie about the expanded size (a bomb behind small numbers)', async () => {
    const z = new JSZip();
    z.file('a.txt', Buffer.alloc(2 * 1024 * 1024, 0x41));
    const bytes = await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    // Declare 100 bytes in the local header (offset 22) and the central directory entry (offset 24).
    bytes.writeUInt32LE(100, 22);
    const cd = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(100, cd + 24);
    const r = await sniffEvidence(bytes, { maxEntries: 10, maxExpandedBytes: 1024 * 1024 });
    expect(r.ok).toBe(false);
    // Within the (honest) limit the sum is fine, so the refusal comes from inflating the entry.
    expect(r).toMatchObject({ ok: false });
    expect(['zip_too_large', 'corrupt_file']).toContain((r as { code: string }).code);
  });
});

describe('file names', () => {
  it('keeps the name as data: NFC, no path, no control characters', () => {
    expect(cleanFileName('C:\\Users\\kim\\실적 보고.pdf')).toBe('실적 보고.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('실적'.normalize('NFD') + '.hwp')).toBe('실적.hwp');
    expect(cleanFileName('a\u0000b\r\n.pdf')).toBe('ab.pdf');
    expect(cleanFileName('..')).toBe('evidence');
    expect(cleanFileName('가'.repeat(300) + '.pdf')).toHaveLength(200);
  });
  it('sends it back in an RFC 6266 Content-Disposition with an ASCII fallback', () => {
    expect(contentDisposition('2020년 "최종" 보고서.pdf')).toBe(
      `attachment; filename="2020_ ____ ___.pdf"; filename*=UTF-8''2020%EB%85%84%20%22%EC%B5%9C%EC%A2%85%22%20%EB%B3%B4%EA%B3%A0%EC%84%9C.pdf`,
    );
    expect(contentDisposition("it's (1).pdf")).toBe(
      `attachment; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`,
    );
  });
});

describe('the local store and the scanner hook', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-evidence-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stores by SHA-256, once, in a path made from the hash only', async () => {
    const store = new LocalEvidenceStore(dir);
    const bytes = Buffer.from('%PDF-1.4 증빙');
    const a = await store.put(bytes);
    const b = await store.put(bytes);
    expect(a).toEqual(b);
    expect(a.hash).toBe(sha256Hex(bytes));
    expect(fs.existsSync(path.join(dir, a.hash.slice(0, 2), a.hash.slice(2, 4), a.hash))).toBe(true);
    const chunks: Buffer[] = [];
    for await (const c of await store.open(a.hash)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    await expect(store.open('../../etc/passwd')).rejects.toThrow();
    expect(await store.has('0'.repeat(64))).toBe(false);
  });

  it('runs a command scanner: exit 0 clean, 1 infected, else an error', async () => {
    const script = (code: number) => {
      const f = path.join(dir, `scan${code}.sh`);
      fs.writeFileSync(f, `#!/bin/sh\necho "Eicar-Test-Signature FOUND"\nexit ${code}\n`, { mode: 0o755 });
      return f;
    };
    expect(await commandScanner(script(0)).scan(Buffer.from('x'), 'a.pdf')).toEqual({ clean: true });
    expect(await commandScanner(script(1)).scan(Buffer.from('x'), 'a.pdf')).toEqual({
      clean: false,
      threat: 'Eicar-Test-Signature FOUND',
    });
    expect(await commandScanner(script(2)).scan(Buffer.from('x'), 'a.pdf')).toHaveProperty('error');
  });
});
