/**
 * Names as printed in plan documents, and how to compare them.
 *
 * - Department names are printed with spaces between syllables ("교 통 과", "어르신 복지과"):
 *   `normalizeDepartmentName` removes every whitespace inside the name ("교통과", "어르신복지과").
 * - Goal and indicator names differ between sections of one document only by spacing, middle dots
 *   (· ㆍ ‧ ・), full-width brackets or full-width letters: `normalizeForCompare` folds those, so
 *   two names are "the same" when their folded forms are equal (`sameName`). It is a comparison
 *   key, never a name to show.
 *
 * Pure: no I/O.
 */

/** Every Unicode whitespace (incl. NBSP U+00A0, ideographic space U+3000, zero-width space U+200B, BOM). */
const WHITESPACE = /[\s\u200B\u2060\uFEFF]+/gu;

/** Middle dots used interchangeably in Korean official text, all folded to U+00B7 '·'. */
const MIDDLE_DOTS = /[\u00B7\u318D\u2027\u2219\u22C5\u30FB\uFF65\u0387\u16EB\u2E31]/gu;

/** Department name as it should be stored: NFC, every whitespace removed. "교 통 과" → "교통과". */
export function normalizeDepartmentName(name: string): string {
  return name.normalize('NFC').replace(WHITESPACE, '');
}

/**
 * Comparison key of a name: NFC; full-width ASCII (letters, digits, brackets （）［］｛｝, punctuation)
 * → half-width; 〔〕 → []; middle dots unified to '·'; every whitespace removed; Latin letters lower-cased.
 * "제로페이（업무추진비） 사용률" and "제로페이(업무추진비)사용률" give the same key;
 * "민ㆍ관 협력" and "민·관 협력" too.
 */
export function normalizeForCompare(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/gu, ' ')
    .replace(/[\u3014\u3010]/gu, '[')
    .replace(/[\u3015\u3011]/gu, ']')
    .replace(MIDDLE_DOTS, '·')
    .replace(WHITESPACE, '')
    .toLowerCase();
}

/** True when two names are the same after `normalizeForCompare`. */
export function sameName(a: string, b: string): boolean {
  return normalizeForCompare(a) === normalizeForCompare(b);
}

/**
 * Similarity of two names in [0, 1] (Dice coefficient over character bigrams of their comparison
 * keys). Used to pair a name printed in one section with the closest name of another section
 * ("제안등록 실적지수" ↔ "제안마당 등록실적 지수").
 */
export function nameSimilarity(a: string, b: string): number {
  const ka = normalizeForCompare(a);
  const kb = normalizeForCompare(b);
  if (ka === kb) return 1;
  const grams = (s: string) => {
    const chars = [...s];
    const m = new Map<string, number>();
    if (chars.length === 1) m.set(chars[0]!, 1);
    for (let i = 0; i + 1 < chars.length; i++) {
      const g = chars[i]! + chars[i + 1]!;
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const ga = grams(ka);
  const gb = grams(kb);
  let common = 0;
  let total = 0;
  for (const n of ga.values()) total += n;
  for (const n of gb.values()) total += n;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  return total === 0 ? 0 : (2 * common) / total;
}
