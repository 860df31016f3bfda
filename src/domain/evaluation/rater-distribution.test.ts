import { describe, expect, it } from 'vitest';
import { distributeRaters } from './rater-distribution.js';

const R = ['a', 'b', 'c'];
const all = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ indicator: `I${i + 1}`, current: [] as string[], eligible: R }));

describe('distributeRaters (고르게 배정)', () => {
  it('gives each indicator N raters with counts within one of each other', () => {
    const r = distributeRaters(all(10), R, 2);
    expect(r.assignments.every((a) => a.after.length === 2)).toBe(true);
    const loads = Object.values(r.load);
    expect(loads.reduce((s, n) => s + n, 0)).toBe(20);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(r.short).toEqual([]);
  });

  it('keeps a current rater on a tie and counts the indicators outside the proposal', () => {
    const r = distributeRaters([{ indicator: 'X', current: ['c'], eligible: R }], R, 1);
    expect(r.assignments[0]!.after).toEqual(['c']);
    const busy = distributeRaters([{ indicator: 'X', current: ['a'], eligible: R }], R, 1, { a: 5, b: 1 });
    expect(busy.assignments[0]).toEqual({ indicator: 'X', before: ['a'], after: ['c'] });
    expect(busy.load).toEqual({ a: 5, b: 1, c: 1 });
  });

  it('never assigns an ineligible rater; too few eligible is reported', () => {
    const r = distributeRaters(
      [
        { indicator: 'OWN', current: ['c'], eligible: ['a', 'b'] },
        { indicator: 'FREE', current: [], eligible: R },
      ],
      R,
      3,
    );
    expect(r.assignments[0]!.after).toEqual(['a', 'b']);
    expect(r.assignments[1]!.after).toEqual(['a', 'b', 'c']);
    expect(r.short).toEqual([{ indicator: 'OWN', eligible: 2 }]);
  });
});
