/**
 * The original file name (often Korean) is kept as data and sent back in an RFC 6266
 * Content-Disposition (`filename*=UTF-8''…`, RFC 8187), never used as a path.
 */

/** The name as kept: NFC (macOS sends NFD Hangul), last path segment, no control characters, ≤ 200 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let name = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (name === '.' || name === '..') name = '';
  if (name.length > 200) {
    const m = /(\.[A-Za-z0-9]{1,10})$/.exec(name);
    const ext = m ? m[1]! : '';
    name = name.slice(0, 200 - ext.length) + ext;
  }
  return name || 'evidence';
}

/** RFC 8187 value characters (attr-char); everything else percent-encoded from UTF-8. */
function encodeRfc8187(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<UTF-8 name>` */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const name = cleanFileName(fileName);
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}
