import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  evaluatePlan,
  gradeCutoffs,
  gradeOfRank,
  rankOf,
  round2,
  type DepartmentEvaluation,
  type Evaluation,
} from './evaluate.js';
import { checkExplanation, walkExplanation, type ExplanationNode } from './explanation.js';
import { DEFAULT_SCHEME, resolveScheme } from './scheme.js';
import { award, dept, ind, penaltyCase, planDoc, rating, res, score, type DocParts } from './testing.js';

const byName = (e: Evaluation, name: string): DepartmentEvaluation => {
  const d = e.departments.find((x) => x.department === name);
  if (!d) throw new Error(`no ${name}`);
  return d;
};
const final = { mode: 'final' as const };
const provisional = { mode: 'provisional' as const };
const evaluate = (
  parts: DocParts,
  scheme?: Record<string, unknown>,
  options: { mode: 'final' | 'provisional'; asOfPeriod?: string } = final,
) => evaluatePlan(planDoc(parts), scheme, options);
const nodes = (root: ExplanationNode, rule: string) => {
  const out: ExplanationNode[] = [];
  walkExplanation(root, (n) => {
    if (n.rule === rule) out.push(n);
  });
  return out;
};
const expectSoundTrees = (e: Evaluation) => {
  for (const d of e.departments) {
    expect(d.explanation.value).toBe(d.total);
    expect(checkExplanation(d.explanation)).toEqual([]);
  }
};

/** The worked example of docs/scoring.md. */
const worked: DocParts = {
  departments: [
    dept('교통과'),
    dept('환경과'),
    dept('건강증진과', { group: '보건소' }),
    dept('구의회사무국', { group: '의회', evaluated: false }),
  ],
  indicators: [
    ind('T1', '교통과', { target: 100, weight: 2 }),
    ind('T2', '교통과', { target: 10, direction: 'lower' }),
    ind('E1', '환경과', { target: 50 }),
    ind('H1', '건강증진과', { target: 100 }),
    ind('H2', '건강증진과', { target: 100 }),
    ind('X1', '구의회사무국'),
  ],
  results: [
    res('T1', '교통과', 90),
    res('T2', '교통과', 8),
    res('E1', '환경과', 125),
    res('H1', '건강증진과', 100),
    res('H2', '건강증진과', 70, { status: 'submitted' }),
  ],
  ratings: [
    rating('T1', '위원A', 80, 70, 90),
    rating('T1', '위원B', 60, 60, 60),
    rating('T2', '위원A', 100, 50, 50),
    rating('E1', '위원A', 90, 90, 90),
  ],
  bonusAwards: [award('교통과', 'training', 1, '워크숍 참석'), award('교통과', 'external', 0.5, '서울시 평가 우수')],
  qualitativeScores: [score('교통과', 4), score('환경과', 3), score('건강증진과', 5)],
  penaltyCases: [
    penaltyCase('교통과', 'late_entry', { period: '2020-Q2', indicator: 'T1' }),
    penaltyCase('교통과', 'missing_evidence', {
      period: '2020-Q3',
      indicator: 'T2',
      waived: true,
      waivedReason: '시스템 장애',
    }),
    penaltyCase('환경과', 'missing_evidence', { period: '2020-Q4', indicator: 'E1' }),
  ],
};

describe('the worked example (docs/scoring.md)', () => {
  const e = evaluate(worked);

  it('교통과: 46.67 + 27.73 + 4 + 1.5 − 0.5 = 79.4', () => {
    const d = byName(e, '교통과');
    // achievement: (2 × 90 + 1 × min(125, 100)) ÷ 3 ÷ 100 × 50
    expect(d.achievement).toBeCloseTo(((2 * 90 + 100) / 3 / 100) * 50, 12);
    // quality: T1 = mean(0.4·80+0.4·70+0.2·90 = 78, 60) = 69; T2 = 0.4·100+0.4·50+0.2·50 = 70; (2·69 + 70) ÷ 3 × 0.4
    expect(d.quality).toBeCloseTo(((2 * 69 + 70) / 3) * 0.4, 12);
    expect(d.qualitative).toBe(4);
    expect(d.bonus).toBe(1.5);
    expect(d.penalty).toBe(0.5); // the waived missing-evidence case does not count
    expect(d.total).toBeCloseTo(79.4, 12);
    expect(round2(d.total)).toBe(79.4);
    expect(d.indicators.map((i) => [i.indicator, i.rate.ok && i.rate.rate, i.scoredRate])).toEqual([
      ['T1', 90, 90],
      ['T2', 125, 100],
    ]);
  });

  it('환경과: cap 100, the 250% indicator costs −1, evidence −0.5: 50 + 36 + 3 − 1.5 = 87.5', () => {
    const d = byName(e, '환경과');
    expect([d.achievement, d.quality, d.qualitative, d.bonus, d.penalty]).toEqual([50, 36, 3, 0, 1.5]);
    expect(d.total).toBe(87.5);
    expect(d.indicators[0]!.overAchieved).toBe(true);
  });

  it('건강증진과: a result not yet verified counts as 0 in the final evaluation; no rating gives quality 0', () => {
    const d = byName(e, '건강증진과');
    expect(d.achievement).toBe(25); // (100 + 0) ÷ 2 × 0.5
    expect(d.indicators.map((i) => i.counted)).toEqual(['rate', 'zero']);
    expect(d.quality).toBe(0);
    expect(d.explanation.children[1]!.note).toBe('품질평가된 지표가 하나도 없는 부서는 지표 성격 0점입니다');
    expect(d.total).toBe(30);
  });

  it('ranks and grades the evaluated departments only', () => {
    expect(e.departments.map((d) => [d.department, d.rank, d.grade, d.rankingGroup])).toEqual([
      ['환경과', 1, 'S', '전체'],
      ['교통과', 2, 'A', '전체'],
      ['건강증진과', 3, 'B', '전체'],
    ]);
    expect(e.rankingGroups).toEqual([
      {
        name: '전체',
        size: 3,
        gradeCutoffs: [
          { grade: 'S', upTo: 1 },
          { grade: 'A', upTo: 2 },
          { grade: 'B', upTo: 3 },
          { grade: 'C', upTo: 3 },
        ],
        gradeCounts: { S: 1, A: 1, B: 1, C: 0 },
      },
    ]);
    expect(e).toMatchObject({ year: 2020, organization: '시험구', mode: 'final', asOfPeriod: null });
    expect(e.scheme).toEqual(DEFAULT_SCHEME);
  });

  it('provisional: the submitted result counts', () => {
    const p = evaluate(worked, undefined, provisional);
    expect(byName(p, '건강증진과').achievement).toBe(42.5); // (100 + 70) ÷ 2 × 0.5
  });

  it('explains every point: the root is the total, children add up, data is named', () => {
    expectSoundTrees(e);
    const d = byName(e, '교통과');
    const root = d.explanation;
    expect(root.rule).toBe('total');
    expect(root.children.map((c) => [c.rule, round2(c.value)])).toEqual([
      ['achievement.weightedMean', 46.67],
      ['quality.weightedMean', 27.73],
      ['qualitative', 4],
      ['bonus.total', 1.5],
      ['penalty.total', -0.5],
    ]);
    const t2 = nodes(root, 'achievement.indicator').find((n) => n.source?.ref === 'T2')!;
    expect(t2.formula).toBe('가중치 1 × 인정 달성률 100% (달성률 125%, 상한 100%) ÷ Σ가중치 3 ÷ 100 × 50 = 16.67');
    expect(t2.sources).toEqual([{ kind: 'result', ref: 'T2 · 교통과 · 2020 (검증)', label: '실적', value: 8 }]);
    expect(t2.note).toContain('목표 10 ÷ 실적 8 × 100 = 125% [lower.ratio]');
    const ratingsT1 = nodes(root, 'quality.indicator').find((n) => n.source?.ref === 'T1')!;
    expect(ratingsT1.sources?.map((s) => [s.kind, s.ref, s.value])).toEqual([
      ['rating', 'T1 · 위원A', 78],
      ['rating', 'T1 · 위원B', 60],
    ]);
    expect(nodes(root, 'bonus.award').map((n) => n.source)).toEqual([
      { kind: 'award', ref: '교통과 · training · 워크숍 참석', label: '성과관리 교육 참여도', value: 1 },
      {
        kind: 'award',
        ref: '교통과 · external · 서울시 평가 우수',
        label: '대외기관 경쟁력 제고 우수부서',
        value: 0.5,
      },
    ]);
    expect(nodes(root, 'penalty.waived')).toMatchObject([
      {
        value: 0,
        note: '면제 사유: 시스템 장애',
        source: { kind: 'case', ref: '교통과 · 증빙자료 미제출 · 2020-Q3 · T2' },
      },
    ]);
    expect(nodes(root, 'penalty.lateEntry')).toMatchObject([{ value: -0.5 }]);
    expect(nodes(root, 'qualitative')[0]!.source).toMatchObject({ kind: 'qualitative', ref: '교통과', value: 4 });
  });

  it('does not depend on the order of the inputs', () => {
    const rev = <T>(xs?: T[]) => (xs ? [...xs].reverse() : xs);
    const shuffled: DocParts = Object.fromEntries(
      Object.entries(worked).map(([k, v]) => [k, Array.isArray(v) ? rev(v) : v]),
    );
    expect(evaluate(shuffled)).toEqual(e);
  });
});

describe('achievement edges', () => {
  const one = (
    indicator: DocParts['indicators'],
    results: DocParts['results'],
    scheme?: Record<string, unknown>,
    options: { mode: 'final' | 'provisional' } = final,
  ) => byName(evaluate({ departments: [dept('교통과')], indicators: indicator, results }, scheme, options), '교통과');

  it('zero target (higher is better) is met: 100%', () => {
    const d = one([ind('Z', '교통과', { target: 0 })], [res('Z', '교통과', 3)]);
    expect(d.indicators[0]!.rate).toMatchObject({ ok: true, rate: 100, rule: 'higher.zeroTarget' });
    expect(d.achievement).toBe(50);
  });

  it('zero actual on lower-is-better: 200%, capped to 100, no penalty', () => {
    const d = one([ind('L', '교통과', { target: 5, direction: 'lower' })], [res('L', '교통과', 0)]);
    expect(d.indicators[0]!.rate).toMatchObject({ ok: true, rate: 200, rule: 'lower.zeroActual' });
    expect(d.achievement).toBe(50);
    expect(d.penalty).toBe(0);
  });

  it('missing result: 0% in the final evaluation, left out in the provisional one (settings)', () => {
    const inds = [ind('A', '교통과'), ind('B', '교통과')];
    const rs = [res('A', '교통과', 80)];
    expect(one(inds, rs).achievement).toBe(20); // (80 + 0) ÷ 2 × 0.5
    expect(one(inds, rs, undefined, provisional).achievement).toBe(40); // 80 × 0.5
    expect(one(inds, rs, { achievement: { missingRate: { final: 'exclude' } } }).achievement).toBe(40);
    const d = one(inds, rs);
    expect(nodes(d.explanation, 'achievement.indicator.zero')).toMatchObject([
      { value: 0, note: '반영할 실적이 없습니다 → 최종평가에서 0%로 반영' },
    ]);
    const p = one(inds, rs, undefined, provisional);
    expect(nodes(p.explanation, 'achievement.indicator.excluded')).toMatchObject([
      { value: 0, note: '반영할 실적이 없습니다 → 잠정평가에서 제외' },
    ]);
  });

  it('no indicator, or nothing to count: achievement 0 with a reason', () => {
    const d = one([], []);
    expect(d.achievement).toBe(0);
    expect(d.explanation.children[0]).toMatchObject({ value: 0, note: '평가대상 지표가 없습니다', children: [] });
    const p = one([ind('A', '교통과')], [], undefined, provisional);
    expect(p.achievement).toBe(0);
    expect(p.explanation.children[0]!.formula).toBe('반영할 지표가 없어 0점');
  });

  it('cap: 100% by default, a setting', () => {
    const inds = [ind('A', '교통과')];
    const rs = [res('A', '교통과', 150)];
    expect(one(inds, rs).achievement).toBe(50);
    expect(one(inds, rs, { achievement: { cap: 120 } }).achievement).toBe(60);
    expect(one(inds, rs, { achievement: { cap: null } }).achievement).toBe(75);
  });

  it('more than 200%: −1 per indicator; exactly 200%: no penalty', () => {
    const d = one(
      [ind('A', '교통과'), ind('B', '교통과'), ind('C', '교통과')],
      [res('A', '교통과', 250), res('B', '교통과', 200), res('C', '교통과', 201)],
    );
    expect(d.penalty).toBe(2);
    expect(nodes(d.explanation, 'penalty.overAchievement').map((n) => [n.source?.ref, n.value, n.formula])).toEqual([
      ['A', -1, '달성률 250% > 200% → −1'],
      ['C', -1, '달성률 201% > 200% → −1'],
    ]);
  });

  it('milestone-based: completed weight ÷ total', () => {
    const d = one(
      [
        ind('M', '교통과', {
          measurement: 'milestone',
          target: null,
          milestones: [
            { name: 'a', weight: 1 },
            { name: 'b', weight: 1 },
            { name: 'c', weight: 2 },
          ],
        }),
      ],
      [res('M', '교통과', null, { milestonesDone: ['a', 'c'] })],
    );
    expect(d.indicators[0]!.rate).toMatchObject({ ok: true, rate: 75 });
    expect(d.achievement).toBe(37.5);
  });

  it('lower-is-better with the difference formula (setting)', () => {
    const d = one([ind('L', '교통과', { target: 10, direction: 'lower' })], [res('L', '교통과', 12)], {
      achievement: { lowerIsBetterFormula: 'difference' },
    });
    expect(d.achievement).toBeCloseTo(40, 12); // (2 − 1.2) × 100 = 80%
  });
});

describe('convergence and common indicators', () => {
  const parts = (rule: 'sum' | 'average' | 'lead'): DocParts => ({
    departments: [dept('교통과'), dept('환경과'), dept('도로과')],
    indicators: [
      ind('C1', '교통과', {
        kind: 'convergence',
        participants: ['환경과', '도로과'],
        convergenceRule: rule,
        target: 100,
      }),
    ],
    results: [res('C1', '교통과', 30), res('C1', '환경과', 50)],
  });
  it('sum: the lead is evaluated on 30 + 50 = 80 (도로과 reported nothing)', () => {
    const e = evaluate(parts('sum'));
    const lead = byName(e, '교통과');
    expect(lead.achievement).toBe(40);
    expect(lead.indicators[0]).toMatchObject({
      instance: 'lead',
      value: { value: 80, missingContributors: ['도로과'] },
    });
    expect(nodes(lead.explanation, 'achievement.indicator')[0]!.note).toContain('실적 없는 참여부서: 도로과');
    // participants are not evaluated on it
    expect(byName(e, '환경과').indicators).toEqual([]);
    expect(byName(e, '환경과').achievement).toBe(0);
  });
  it('average: (30 + 50) ÷ 2 = 40', () => {
    expect(byName(evaluate(parts('average')), '교통과').achievement).toBe(20);
  });
  it("lead: the lead's own 30", () => {
    expect(byName(evaluate(parts('lead')), '교통과').achievement).toBe(15);
  });
  it("common: each department's own instance against the same target", () => {
    const e = evaluate({
      departments: [dept('교통과'), dept('환경과'), dept('감사담당관')],
      indicators: [ind('K1', '감사담당관', { kind: 'common', target: 100 })],
      results: [res('K1', '교통과', 80), res('K1', '환경과', 120), res('K1', '감사담당관', 60)],
      ratings: [rating('K1', '위원A', 50, 50, 50)],
    });
    expect([
      byName(e, '교통과').achievement,
      byName(e, '환경과').achievement,
      byName(e, '감사담당관').achievement,
    ]).toEqual([40, 50, 30]);
    expect(byName(e, '교통과').indicators[0]).toMatchObject({ instance: 'common', value: { department: '교통과' } });
    // the indicator's quality counts for each instance
    expect(byName(e, '환경과').quality).toBe(20);
  });
});

describe('quality', () => {
  const four = [
    rating('Q', '가', 50, 50, 50),
    rating('Q', '나', 70, 70, 70),
    rating('Q', '다', 90, 90, 90),
    rating('Q', '라', 100, 100, 100),
  ];
  const q = (ratings: DocParts['ratings'], scheme?: Record<string, unknown>, extra: Partial<DocParts> = {}) =>
    byName(
      evaluate({ departments: [dept('교통과')], indicators: [ind('Q', '교통과')], ratings, ...extra }, scheme),
      '교통과',
    );

  it('averages the raters by default; the trimmed mean drops the highest and the lowest (setting)', () => {
    expect(q(four).quality).toBe(31); // 77.5 × 0.4
    const t = q(four, { quality: { trimmedMean: true } });
    expect(t.quality).toBe(32); // (70 + 90) ÷ 2 = 80 → × 0.4
    expect(t.indicators[0]!.quality).toMatchObject({ method: 'trimmed_mean', score: 80 });
    expect(t.indicators[0]!.quality.ratings.map((r) => [r.rater, r.status])).toEqual([
      ['가', 'trimmed'],
      ['나', 'counted'],
      ['다', 'counted'],
      ['라', 'trimmed'],
    ]);
    // fewer raters than the minimum: plain mean
    expect(q(four.slice(0, 2), { quality: { trimmedMean: true } }).quality).toBe(24);
  });

  it('ignores incomplete ratings and, when raters are assigned, unassigned raters', () => {
    const d = q(
      [rating('Q', '가', 80, 80, 80), rating('Q', '나', 10, null, 10), rating('Q', '외부', 0, 0, 0)],
      undefined,
      {
        raterAssignments: [
          { indicator: 'Q', rater: '가' },
          { indicator: 'Q', rater: '나' },
        ],
      },
    );
    expect(d.quality).toBe(32);
    expect(d.indicators[0]!.quality.ratings.map((r) => r.status)).toEqual(['counted', 'incomplete', 'unassigned']);
  });

  it('weighted by indicator weight; unrated indicators left out (or 0, a setting)', () => {
    const parts: DocParts = {
      departments: [dept('교통과')],
      indicators: [ind('A', '교통과', { weight: 3 }), ind('B', '교통과', { weight: 1 })],
      ratings: [rating('A', '가', 60, 60, 60)],
    };
    expect(byName(evaluate(parts), '교통과').quality).toBe(24);
    expect(byName(evaluate(parts, { quality: { unratedIndicator: 'zero' } }), '교통과').quality).toBeCloseTo(18, 12); // 3·60 ÷ 4 × 0.4
  });
});

describe('qualitative, bonus, penalties, total', () => {
  it('qualitative: 0–5 points, scaled to the weight', () => {
    const parts = { departments: [dept('교통과')], qualitativeScores: [score('교통과', 4)] };
    expect(byName(evaluate(parts), '교통과').qualitative).toBe(4);
    expect(byName(evaluate(parts, { qualitative: { weight: 10 } }), '교통과').qualitative).toBe(8);
  });

  it('bonus: at most 1 per item and 5 in all', () => {
    const d = byName(
      evaluate({
        departments: [dept('교통과')],
        bonusAwards: [
          award('교통과', 'training', 1, '1차'),
          award('교통과', 'training', 0.5, '2차'),
          award('교통과', 'effort', 0.7),
        ],
      }),
      '교통과',
    );
    expect(d.bonus).toBeCloseTo(1.7, 12);
    expect(nodes(d.explanation, 'bonus.itemCap')).toMatchObject([{ value: -0.5 }]);
    const all = (['training', 'convergence', 'external', 'best_practice', 'effort'] as const).map((i) =>
      award('교통과', i, 1),
    );
    expect(byName(evaluate({ departments: [dept('교통과')], bonusAwards: all }), '교통과').bonus).toBe(5);
    const capped = byName(
      evaluate({ departments: [dept('교통과')], bonusAwards: all }, { bonus: { totalMax: 3 } }),
      '교통과',
    );
    expect(capped.bonus).toBe(3);
    expect(nodes(capped.explanation, 'bonus.totalCap')).toMatchObject([{ value: -2 }]);
    expectSoundTrees(evaluate({ departments: [dept('교통과')], bonusAwards: all }, { bonus: { totalMax: 3 } }));
  });

  it('penalties: −0.5 per non-waived case of each kind', () => {
    const d = byName(
      evaluate({
        departments: [dept('교통과')],
        qualitativeScores: [score('교통과', 5)],
        penaltyCases: [
          penaltyCase('교통과', 'late_entry', { period: '2020-Q1' }),
          penaltyCase('교통과', 'late_entry', { period: '2020-Q2' }),
          penaltyCase('교통과', 'missing_evidence', { period: '2020-Q2' }),
          penaltyCase('교통과', 'missing_evidence', { period: '2020-Q3', waived: true }),
        ],
      }),
      '교통과',
    );
    expect(d.penalty).toBe(1.5);
    expect(d.total).toBe(3.5);
  });

  it('the total is never below 0', () => {
    const e = evaluate({
      departments: [dept('교통과')],
      penaltyCases: [penaltyCase('교통과', 'late_entry'), penaltyCase('교통과', 'missing_evidence')],
    });
    const d = byName(e, '교통과');
    expect(d.penalty).toBe(1);
    expect(d.total).toBe(0);
    expect(nodes(d.explanation, 'total.minimum')).toMatchObject([{ value: 1 }]);
    expectSoundTrees(e);
  });
});

describe('ranks and grades', () => {
  const ranked = (points: number[], scheme?: Record<string, unknown>) =>
    evaluate(
      {
        departments: points.map((_, i) => dept(`부서${i + 1}`)),
        qualitativeScores: points.map((p, i) => score(`부서${i + 1}`, p)),
      },
      scheme,
    ).departments.map((d) => [d.department, d.rank, d.grade]);

  it('ties share a rank: 1, 2, 2, 4', () => {
    expect(ranked([5, 4, 4, 3])).toEqual([
      ['부서1', 1, 'S'],
      ['부서2', 2, 'A'],
      ['부서3', 2, 'A'],
      ['부서4', 4, 'B'],
    ]);
    expect(rankOf(80, [90, 80, 80, 70])).toBe(2);
    expect(rankOf(70, [90, 80, 80, 70])).toBe(4);
  });

  it('totals equal within 1e-9 are ties (0.1 + 0.2 vs 0.3)', () => {
    const e = evaluate({
      departments: [dept('가'), dept('나')],
      bonusAwards: [award('가', 'training', 0.1), award('가', 'effort', 0.2), award('나', 'training', 0.3)],
    });
    expect(byName(e, '가').total).not.toBe(byName(e, '나').total);
    expect(e.departments.map((d) => d.rank)).toEqual([1, 1]);
  });

  it('grades by rank share, cumulative counts rounded half up (S 20%, A 40%, B 30%, C 10%)', () => {
    // 5 departments: S ≤ round(1) = 1, A ≤ round(3) = 3, B ≤ round(4.5) = 5
    expect(ranked([5, 4, 3, 2, 1]).map((r) => r[2])).toEqual(['S', 'A', 'A', 'B', 'B']);
    expect(ranked([5, 4, 3, 2, 1], { grades: { rounding: 'floor' } }).map((r) => r[2])).toEqual([
      'S',
      'A',
      'A',
      'B',
      'C',
    ]);
    // the reference plan's 42 departments: 8 S, 17 A, 13 B, 4 C
    expect(gradeCutoffs(42, DEFAULT_SCHEME.grades).map((c) => c.upTo)).toEqual([8, 25, 38, 42]);
    // 37 (본청 alone): round(7.4) = 7, round(22.2) = 22, round(33.3) = 33
    expect(gradeCutoffs(37, DEFAULT_SCHEME.grades).map((c) => c.upTo)).toEqual([7, 22, 33, 37]);
    // 10: exactly 2, 6, 9 — no floating-point surprise
    expect(gradeCutoffs(10, DEFAULT_SCHEME.grades).map((c) => c.upTo)).toEqual([2, 6, 9, 10]);
    // 2.5 → 3 (half up): group of 25 with S 10%
    expect(
      gradeCutoffs(
        25,
        resolveScheme({
          grades: {
            shares: [
              { grade: 'S', share: 10 },
              { grade: 'A', share: 90 },
            ],
          },
        }).grades,
      )[0]!.upTo,
    ).toBe(3);
    expect(gradeOfRank(3, gradeCutoffs(5, DEFAULT_SCHEME.grades))).toBe('A');
    // all tied: all rank 1, all S
    expect(ranked([3, 3, 3]).map((r) => r[2])).toEqual(['S', 'S', 'S']);
  });

  it('ranking groups: all departments by default; by department group as a setting, groups can be merged', () => {
    const parts: DocParts = {
      departments: [dept('가'), dept('나'), dept('보건A', { group: '보건소' }), dept('박물관', { group: '박물관' })],
      qualitativeScores: [score('가', 1), score('나', 2), score('보건A', 3), score('박물관', 4)],
    };
    expect(evaluate(parts).departments.map((d) => [d.department, d.rank])).toEqual([
      ['박물관', 1],
      ['보건A', 2],
      ['나', 3],
      ['가', 4],
    ]);
    const g = evaluate(parts, { ranking: { by: 'group', groupMap: { 박물관: '본청' } } });
    expect(g.departments.map((d) => [d.rankingGroup, d.department, d.rank])).toEqual([
      ['보건소', '보건A', 1],
      ['본청', '박물관', 1],
      ['본청', '나', 2],
      ['본청', '가', 3],
    ]);
    expect(g.rankingGroups.map((r) => [r.name, r.size])).toEqual([
      ['보건소', 1],
      ['본청', 3],
    ]);
  });
});

describe('provisional scores as of a period', () => {
  it('counts results and cases of periods ending by then', () => {
    const parts: DocParts = {
      departments: [dept('교통과')],
      indicators: [ind('A', '교통과')],
      results: [
        res('A', '교통과', 40, { period: '2020-Q2', status: 'submitted' }),
        res('A', '교통과', 70, { period: '2020-Q3', status: 'approved' }),
      ],
      penaltyCases: [
        penaltyCase('교통과', 'late_entry', { period: '2020-Q2' }),
        penaltyCase('교통과', 'late_entry', { period: '2020-Q3' }),
      ],
    };
    const q2 = byName(evaluate(parts, undefined, { mode: 'provisional', asOfPeriod: '2020-Q2' }), '교통과');
    expect([q2.achievement, q2.penalty]).toEqual([20, 0.5]);
    const now = byName(evaluate(parts, undefined, provisional), '교통과');
    expect([now.achievement, now.penalty]).toEqual([35, 1]);
    // final: nothing verified yet
    expect(byName(evaluate(parts), '교통과').achievement).toBe(0);
    expect(evaluate(parts, undefined, { mode: 'provisional', asOfPeriod: '2020-Q2' }).asOfPeriod).toBe('2020-Q2');
  });
  it('refuses a malformed period', () => {
    expect(() => evaluate({}, undefined, { mode: 'provisional', asOfPeriod: '2020-Q9' })).toThrow(AppError);
  });
});

describe('data problems', () => {
  it('former department names are aliases; unknown names are reported and left out', () => {
    const e = evaluate({
      departments: [dept('주택관리과', { formerNames: ['주택과'] })],
      indicators: [ind('H', '주택과')],
      results: [res('H', '주택과', 90)],
      bonusAwards: [award('없는과', 'training')],
    });
    expect(byName(e, '주택관리과').achievement).toBe(45);
    expect(e.warnings).toEqual([
      {
        path: 'bonusAwards',
        code: 'unknown_department',
        message: "bonusAwards의 부서 '없는과'이(가) 부서 목록에 없습니다: 반영하지 않습니다",
      },
    ]);
  });
  it('an indicator whose owner is not evaluated is reported', () => {
    const e = evaluate({ departments: [dept('의회', { evaluated: false })], indicators: [ind('X', '의회')] });
    expect(e.departments).toEqual([]);
    expect(e.warnings.map((w) => w.code)).toEqual(['lead_not_evaluated']);
  });
  it("uses the plan's own scheme when none is given", () => {
    const parts: DocParts = {
      departments: [dept('교통과')],
      indicators: [ind('A', '교통과')],
      results: [res('A', '교통과', 150)],
      evaluationScheme: { achievement: { cap: 110 } },
    };
    const e = evaluate(parts);
    expect(e.scheme.achievement.cap).toBe(110);
    expect(byName(e, '교통과').achievement).toBe(55);
    expect(() => evaluate({ ...parts, evaluationScheme: { achievement: { cap: 'x' } } })).toThrow(AppError);
  });
});
