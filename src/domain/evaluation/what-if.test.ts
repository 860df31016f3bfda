import { describe, expect, it } from 'vitest';
import { compareSchemes, rankChanges } from './what-if.js';
import { dept, ind, planDoc, res, score } from './testing.js';

// 가: one indicator at 150% (counts as 100 under the default cap); 나: 110% and a better qualitative score.
const doc = planDoc({
  departments: [dept('가'), dept('나'), dept('다')],
  indicators: [ind('A', '가'), ind('B', '나'), ind('C', '다')],
  results: [res('A', '가', 150), res('B', '나', 110), res('C', '다', 60)],
  qualitativeScores: [score('가', 3), score('나', 4), score('다', 5)],
});

describe('what-if: the same data under another scheme', () => {
  const c = compareSchemes(doc, undefined, { achievement: { cap: 120 } }, { mode: 'final' });

  it('lists the changed settings', () => {
    expect(c.changedSettings).toEqual([{ path: 'achievement.cap', label: '달성률 상한(%)', base: 100, alt: 120 }]);
  });

  it('gives both totals, ranks, grades, the differences and rank changes', () => {
    // base: 가 50 + 3 = 53, 나 50 + 4 = 54, 다 30 + 5 = 35; cap 120: 가 60 + 3 = 63, 나 55 + 4 = 59
    expect(
      c.departments.map((r) => [r.department, r.base.total, r.base.rank, r.alt.total, r.alt.rank, r.rankChange]),
    ).toEqual([
      ['나', 54, 1, 59, 2, -1],
      ['가', 53, 2, 63, 1, 1],
      ['다', 35, 3, 35, 3, 0],
    ]);
    expect(c.departments.map((r) => [r.base.grade, r.alt.grade, r.gradeChanged])).toEqual([
      ['S', 'A', true],
      ['A', 'S', true],
      ['B', 'B', false],
    ]);
    expect(c.departments[1]!.totalDiff).toBe(10);
    expect(rankChanges(c).map((r) => r.department)).toEqual(['가', '나']);
  });

  it('saves nothing: the document is untouched and each evaluation stands alone', () => {
    const before = JSON.stringify(doc);
    compareSchemes(doc, { quality: { weight: 30 } }, { achievement: { weight: 60 } }, { mode: 'provisional' });
    expect(JSON.stringify(doc)).toBe(before);
    expect(c.base.scheme.achievement.cap).toBe(100);
    expect(c.alt.scheme.achievement.cap).toBe(120);
  });
});
