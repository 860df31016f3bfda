/** Small helpers over an indicator's results (ordering of periods, the latest value). */
import type { ResultRow } from '../api/types';

/** Sort key of a period: 2020 < 2020-H1 < 2020-Q1 < 2020-M01 within a year, by position in the year. */
export function periodOrder(period: string): number {
  const m = /^(\d{4})(?:-(H|Q|M)(\d{1,2}))?$/.exec(period);
  if (!m) return Number.MAX_SAFE_INTEGER;
  const year = Number(m[1]);
  const n = Number(m[3] ?? 0);
  // The month a period ends in, so that a quarter sorts with its last month; a whole year last.
  const endMonth = m[2] === 'H' ? n * 6 : m[2] === 'Q' ? n * 3 : m[2] === 'M' ? n : 12.5;
  return year * 100 + endMonth;
}

export function sortResults(results: ResultRow[]): ResultRow[] {
  return [...results].sort(
    (a, b) => periodOrder(a.period) - periodOrder(b.period) || a.department.localeCompare(b.department, 'ko'),
  );
}

/** A period key for people: 2020-Q3 → "2020년 3분기" / "Q3 2020" (templates from the catalog). */
export function periodLabel(
  period: string,
  t: { year: string; half1: string; half2: string; quarter: string; month: string },
): string {
  const m = /^(\d{4})(?:-(H|Q|M)(\d{1,2}))?$/.exec(period);
  if (!m) return period;
  const y = m[1]!;
  const n = Number(m[3] ?? 0);
  const fill = (tpl: string) => tpl.replace('{y}', y).replace('{n}', String(n));
  if (m[2] === 'H') return fill(n === 1 ? t.half1 : t.half2);
  if (m[2] === 'Q') return fill(t.quarter);
  if (m[2] === 'M') return fill(t.month);
  return fill(t.year);
}
