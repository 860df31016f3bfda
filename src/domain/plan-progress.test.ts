import { describe, expect, it } from 'vitest';
import { makePlan } from './testing/plan-factory.js';
import { indicatorProgressRate, planProgress, progressBand } from './plan-progress.js';

describe('plan progress (home dashboard)', () => {
  // I001 target 95 (기획예산과), I002 target 90 (총무과), I003 convergence target 10, all under one 區 전략목표.
  const doc = makePlan({
    results: [
      { indicator: 'I001', department: '기획예산과', period: '2020-H1', actual: 19, status: 'verified' },
      { indicator: 'I001', department: '기획예산과', period: '2020-H2', actual: 76, status: 'submitted' },
      { indicator: 'I002', department: '총무과', period: '2020', actual: 99, status: 'approved' },
      { indicator: 'I003', department: '기획예산과', period: '2020', actual: null, status: 'draft' },
    ],
  });

  it('an indicator counts its latest result with a value, capped at 100%', () => {
    expect(indicatorProgressRate(doc, 'I001')).toBeCloseTo((76 / 95) * 100, 9); // H2, not H1
    expect(indicatorProgressRate(doc, 'I002')).toBe(100); // 110% capped
    expect(indicatorProgressRate(doc, 'I003')).toBeNull(); // a draft without a value
  });

  it('a goal is the mean of its rated indicators, banded for the map; results counted by status', () => {
    const p = planProgress(doc);
    expect(p.goals).toHaveLength(1);
    const g = p.goals[0]!;
    expect(g).toMatchObject({ indicators: 3, rated: 2, band: 'good' }); // (80 + 100) ÷ 2 = 90: on the line
    expect(g.rate).toBeCloseTo(((76 / 95) * 100 + 100) / 2, 9);
    expect(p.results).toEqual({ draft: 1, submitted: 1, approved: 1, verified: 1 });
  });

  it('bands at 90 and 70; no rate, no band', () => {
    expect([progressBand(90), progressBand(89.99), progressBand(70), progressBand(69.9), progressBand(null)]).toEqual([
      'good',
      'fair',
      'fair',
      'poor',
      null,
    ]);
  });

  it('a lower-is-better indicator uses target ÷ actual', () => {
    const lower = makePlan({
      indicators: (d) => d.map((i) => (i.code === 'I001' ? { ...i, direction: 'lower' as const, target: 10 } : i)),
      results: [{ indicator: 'I001', department: '기획예산과', period: '2020', actual: 20 }],
    });
    expect(indicatorProgressRate(lower, 'I001')).toBe(50);
  });
});
