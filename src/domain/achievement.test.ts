import { describe, expect, it } from 'vitest';
import { indicatorSchema, resultSchema, type IndicatorRow, type ResultRow } from '../contracts/interchange.js';
import {
  DEFAULT_YEARLY_VALUE_SETTINGS,
  achievementRate,
  capRate,
  comparePeriods,
  contributors,
  convergeContributions,
  departmentYearlyValue,
  indicatorRate,
  indicatorValue,
  indicatorsEvaluatedFor,
  isOverAchieved,
  milestoneCompletion,
  parsePeriod,
  periodEndsBy,
  rateHigherIsBetter,
  rateLowerIsBetter,
  rateMilestones,
  resultValue,
  type RateOutcome,
  type ValueContext,
} from './achievement.js';

const indicator = (over: Partial<Parameters<typeof indicatorSchema.parse>[0]> = {}): IndicatorRow =>
  indicatorSchema.parse({
    code: 'I1',
    name: '지표',
    deptPerformanceGoal: 'G',
    leadDepartment: '교통과',
    target: 100,
    ...over,
  });
const result = (over: Partial<Parameters<typeof resultSchema.parse>[0]> = {}): ResultRow =>
  resultSchema.parse({ indicator: 'I1', department: '교통과', period: '2020', actual: 0, status: 'verified', ...over });

const final: ValueContext = { year: 2020, mode: 'final', settings: DEFAULT_YEARLY_VALUE_SETTINGS };
const provisional: ValueContext = { year: 2020, mode: 'provisional', settings: DEFAULT_YEARLY_VALUE_SETTINGS };

const rateOf = (o: RateOutcome) => (o.ok ? o.rate : null);

describe('rate: higher is better (actual ÷ target × 100)', () => {
  it('computes the ratio, above 100 too', () => {
    expect(rateOf(rateHigherIsBetter(80, 100))).toBe(80);
    expect(rateOf(rateHigherIsBetter(150, 100))).toBe(150);
    expect(rateOf(rateHigherIsBetter(1, 3))).toBeCloseTo(33.333333333, 8);
    expect(rateHigherIsBetter(80, 100)).toMatchObject({
      rule: 'higher.ratio',
      formula: '실적 80 ÷ 목표 100 × 100 = 80%',
    });
  });
  it('zero target: met (100%) when actual ≥ 0, else 0%', () => {
    expect(rateHigherIsBetter(0, 0)).toMatchObject({ ok: true, rate: 100, rule: 'higher.zeroTarget' });
    expect(rateHigherIsBetter(7, 0)).toMatchObject({ ok: true, rate: 100 });
    expect(rateHigherIsBetter(-1, 0)).toMatchObject({ ok: true, rate: 0 });
  });
  it('negative actual gives 0, negative target gives no rate', () => {
    expect(rateOf(rateHigherIsBetter(-20, 100))).toBe(0);
    expect(rateHigherIsBetter(5, -10)).toMatchObject({ ok: false, reason: 'negative_target' });
  });
});

describe('rate: lower is better', () => {
  it("'ratio' (default): target ÷ actual × 100", () => {
    expect(rateOf(rateLowerIsBetter(8, 10))).toBe(125);
    expect(rateOf(rateLowerIsBetter(20, 10))).toBe(50);
    expect(rateLowerIsBetter(20, 10)).toMatchObject({ rule: 'lower.ratio', formula: '목표 10 ÷ 실적 20 × 100 = 50%' });
  });
  it('zero actual with a positive target: 200% by default, a setting', () => {
    expect(rateLowerIsBetter(0, 10)).toMatchObject({ ok: true, rate: 200, rule: 'lower.zeroActual' });
    expect(rateOf(rateLowerIsBetter(0, 10, { lowerIsBetterFormula: 'ratio', zeroActualLowerRate: 150 }))).toBe(150);
    // 200 is not *above* 200: no over-achievement penalty.
    expect(isOverAchieved(200)).toBe(false);
  });
  it('a negative actual counts as 0', () => {
    expect(rateOf(rateLowerIsBetter(-3, 10))).toBe(200);
  });
  it('zero target: 100% when actual is 0, else 0%', () => {
    expect(rateLowerIsBetter(0, 0)).toMatchObject({ rate: 100, rule: 'lower.zeroTarget' });
    expect(rateLowerIsBetter(3, 0)).toMatchObject({ rate: 0, rule: 'lower.zeroTarget' });
  });
  it("'difference': (2 − actual ÷ target) × 100, never below 0", () => {
    const diff = { lowerIsBetterFormula: 'difference', zeroActualLowerRate: 200 } as const;
    expect(rateOf(rateLowerIsBetter(8, 10, diff))).toBeCloseTo(120, 10);
    expect(rateOf(rateLowerIsBetter(10, 10, diff))).toBe(100);
    expect(rateOf(rateLowerIsBetter(25, 10, diff))).toBe(0);
    expect(rateOf(rateLowerIsBetter(0, 10, diff))).toBe(200);
    expect(rateLowerIsBetter(8, 10, diff)).toMatchObject({ rule: 'lower.difference' });
  });
  it('negative target: no rate', () => {
    expect(rateLowerIsBetter(1, -1)).toMatchObject({ ok: false, reason: 'negative_target' });
  });
});

describe('rate: milestone-based (completed weight ÷ total × 100)', () => {
  const ms = [
    { name: '계획 수립', weight: 1 },
    { name: '용역 발주', weight: 2 },
    { name: '준공', weight: 3 },
  ];
  it('sums the weights of the completed milestones, ignoring unknown names and duplicates', () => {
    const c = milestoneCompletion(ms, ['준공', '계획 수립', '계획 수립', '없는 단계']);
    expect(c).toEqual({ completedWeight: 4, totalWeight: 6, completed: ['계획 수립', '준공'], unknown: ['없는 단계'] });
    expect(rateOf(rateMilestones(4, 6))).toBeCloseTo(66.6666666667, 8);
  });
  it('through achievementRate and resultValue', () => {
    const i = indicator({ measurement: 'milestone', milestones: ms, target: null });
    const v = resultValue(i, result({ actual: null, milestonesDone: ['용역 발주'] }));
    expect(v).toBe(2);
    expect(achievementRate(i, v)).toMatchObject({ ok: true, rule: 'milestone.weightShare' });
    expect(rateOf(achievementRate(i, v))).toBeCloseTo(33.3333333, 6);
    expect(rateOf(achievementRate(i, 0))).toBe(0);
    expect(achievementRate(i, null)).toMatchObject({ ok: false, reason: 'no_result' });
  });
  it('no milestones defined: no rate', () => {
    expect(achievementRate(indicator({ measurement: 'milestone' }), 1)).toMatchObject({
      ok: false,
      reason: 'no_milestones',
    });
  });
});

describe('achievementRate', () => {
  it('missing actual → no rate; missing target → no rate', () => {
    expect(achievementRate(indicator(), null)).toMatchObject({
      ok: false,
      reason: 'no_result',
      message: '반영할 실적이 없습니다',
    });
    expect(achievementRate(indicator({ target: null }), 5)).toMatchObject({ ok: false, reason: 'no_target' });
  });
  it('dispatches on direction', () => {
    expect(rateOf(achievementRate(indicator({ target: 50 }), 40))).toBe(80);
    expect(rateOf(achievementRate(indicator({ target: 50, direction: 'lower' }), 40))).toBe(125);
  });
  it('cap and over-achievement', () => {
    expect(capRate(150, 100)).toBe(100);
    expect(capRate(150, 120)).toBe(120);
    expect(capRate(150, null)).toBe(150);
    expect(capRate(80, 100)).toBe(80);
    expect(isOverAchieved(200.0001)).toBe(true);
    // lower is better, target 0.69, actual 0.345: 200.00000000000003 in floating point — exactly 200%, not above it
    const r = rateOf(rateLowerIsBetter(0.345, 0.69))!;
    expect(r).toBeGreaterThan(200);
    expect(isOverAchieved(r)).toBe(false);
    expect(isOverAchieved(150, 120)).toBe(true);
  });
});

describe('periods', () => {
  it('parses every period form', () => {
    expect(parsePeriod('2020')).toMatchObject({ granularity: 'year', endMonth: 12 });
    expect(parsePeriod('2020-H1')).toMatchObject({ granularity: 'half', endMonth: 6 });
    expect(parsePeriod('2020-Q3')).toMatchObject({ granularity: 'quarter', endMonth: 9 });
    expect(parsePeriod('2020-M07')).toMatchObject({ granularity: 'month', endMonth: 7 });
    expect(parsePeriod('2020-Q5')).toBeNull();
    expect(parsePeriod('x')).toBeNull();
  });
  it('orders by end, coarser last when ending together', () => {
    const keys = ['2020', '2020-Q1', '2020-M03', '2020-H2', '2020-M12', '2020-Q2', '2019-Q4'];
    const sorted = keys
      .map((k) => parsePeriod(k)!)
      .sort(comparePeriods)
      .map((p) => p.key);
    expect(sorted).toEqual(['2019-Q4', '2020-M03', '2020-Q1', '2020-Q2', '2020-M12', '2020-H2', '2020']);
    expect(periodEndsBy(parsePeriod('2020-M06')!, parsePeriod('2020-Q2')!)).toBe(true);
    expect(periodEndsBy(parsePeriod('2020-M07')!, parsePeriod('2020-Q2')!)).toBe(false);
  });
});

describe('yearly value of an indicator', () => {
  const i = indicator();
  it('the year period when present, even beside later-reported quarters', () => {
    const rs = [
      result({ period: '2020-Q4', actual: 95 }),
      result({ period: '2020', actual: 90 }),
      result({ period: '2020-Q3', actual: 70 }),
    ];
    expect(departmentYearlyValue(i, '교통과', rs, final)).toMatchObject({ value: 90, method: 'year_period' });
  });
  it('else the latest period reported (values are cumulative)', () => {
    const rs = [
      result({ period: '2020-Q1', actual: 20 }),
      result({ period: '2020-Q3', actual: 70 }),
      result({ period: '2020-Q2', actual: 45 }),
    ];
    const v = departmentYearlyValue(i, '교통과', rs, final);
    expect(v).toMatchObject({ value: 70, method: 'latest_period' });
    expect(v.results.map((r) => r.period)).toEqual(['2020-Q3']);
  });
  it('final counts verified only; provisional counts submitted, approved and verified; draft never', () => {
    const rs = [
      result({ period: '2020-Q2', actual: 40, status: 'verified' }),
      result({ period: '2020-Q3', actual: 70, status: 'approved' }),
      result({ period: '2020-Q4', actual: 99, status: 'draft' }),
    ];
    expect(departmentYearlyValue(i, '교통과', rs, final).value).toBe(40);
    expect(departmentYearlyValue(i, '교통과', rs, provisional).value).toBe(70);
    expect(
      departmentYearlyValue(i, '교통과', rs, {
        ...final,
        settings: { ...final.settings, countedStatuses: { final: ['approved', 'verified'], provisional: [] } },
      }).value,
    ).toBe(70);
  });
  it('as of a period: later periods do not count', () => {
    const rs = [result({ period: '2020-Q2', actual: 40 }), result({ period: '2020-Q3', actual: 70 })];
    expect(departmentYearlyValue(i, '교통과', rs, { ...provisional, asOfPeriod: '2020-H1' }).value).toBe(40);
  });
  it('other years, other departments, missing actuals do not count', () => {
    const rs = [
      result({ period: '2019', actual: 500 }),
      result({ period: '2020-Q2', actual: 300, department: '환경과' }),
      result({ period: '2020-Q4', actual: null }),
      result({ period: '2020-Q1', actual: 10 }),
    ];
    expect(departmentYearlyValue(i, '교통과', rs, final).value).toBe(10);
  });
  it('no counted result → value null', () => {
    expect(departmentYearlyValue(i, '교통과', [], final)).toMatchObject({ value: null, method: 'none', results: [] });
  });
  it('sum and average settings over the periods of the indicator frequency', () => {
    const rs = [
      result({ period: '2020-Q1', actual: 10 }),
      result({ period: '2020-Q2', actual: 20 }),
      result({ period: '2020-Q3', actual: 30 }),
      result({ period: '2020-M01', actual: 999 }),
    ];
    const sum = { ...final, settings: { ...final.settings, periodAggregation: 'sum' as const } };
    const avg = { ...final, settings: { ...final.settings, periodAggregation: 'average' as const } };
    expect(departmentYearlyValue(i, '교통과', rs, sum)).toMatchObject({ value: 60, method: 'sum_of_periods' });
    expect(departmentYearlyValue(i, '교통과', rs, avg)).toMatchObject({ value: 20, method: 'average_of_periods' });
    // A monthly indicator reported by quarter only: the finest granularity reported is used.
    const monthly = indicator({ frequency: 'monthly' });
    expect(departmentYearlyValue(monthly, '교통과', rs.slice(0, 3), sum).value).toBe(60);
    // The year period still wins.
    expect(departmentYearlyValue(i, '교통과', [...rs, result({ period: '2020', actual: 77 })], sum).value).toBe(77);
  });
  it('two rows for one period: the more advanced status, then the larger value — whatever the order', () => {
    const a = result({ period: '2020-Q4', actual: 5, status: 'verified' });
    const b = result({ period: '2020-Q4', actual: 7, status: 'verified' });
    const c = result({ period: '2020-Q4', actual: 9, status: 'approved' });
    expect(departmentYearlyValue(i, '교통과', [a, b, c], final).value).toBe(7);
    expect(departmentYearlyValue(i, '교통과', [c, b, a], final).value).toBe(7);
    expect(departmentYearlyValue(i, '교통과', [c, b, a], provisional).value).toBe(7);
  });
});

describe('convergence: the lead department value from the contributions', () => {
  const base = { kind: 'convergence' as const, leadDepartment: '교통과', participants: ['환경과', '도로과'] };
  const rs = [
    result({ department: '교통과', actual: 10 }),
    result({ department: '환경과', actual: 20 }),
    result({ department: '도로과', actual: 40, status: 'draft' }),
  ];
  it('sum of the contributions reported; missing ones listed', () => {
    const v = indicatorValue(indicator({ ...base, convergenceRule: 'sum' }), '교통과', rs, final);
    expect(v).toMatchObject({
      value: 30,
      method: 'convergence_sum',
      missingContributors: ['도로과'],
      department: '교통과',
    });
    expect(v.formula).toBe('융합지표(합계): 교통과 10 + 환경과 20 = 30');
    expect(v.results.map((r) => r.department)).toEqual(['교통과', '환경과']);
  });
  it('average over the contributions reported', () => {
    expect(indicatorValue(indicator({ ...base, convergenceRule: 'average' }), '교통과', rs, final)).toMatchObject({
      value: 15,
      method: 'convergence_average',
    });
  });
  it("lead's own figure", () => {
    expect(indicatorValue(indicator({ ...base, convergenceRule: 'lead' }), '교통과', rs, final)).toMatchObject({
      value: 10,
      method: 'convergence_lead',
    });
    const noLead = rs.slice(1);
    expect(indicatorValue(indicator({ ...base, convergenceRule: 'lead' }), '교통과', noLead, final)).toMatchObject({
      value: null,
      method: 'none',
    });
  });
  it('no contribution at all → null', () => {
    expect(indicatorValue(indicator({ ...base }), '교통과', [], final).value).toBeNull();
  });
  it('milestone-based: sum = a milestone done by any contributor; average = mean completed weight', () => {
    const ms = [
      { name: 'a', weight: 1 },
      { name: 'b', weight: 1 },
      { name: 'c', weight: 2 },
    ];
    const mrs = [
      result({ department: '교통과', actual: null, milestonesDone: ['a'] }),
      result({ department: '환경과', actual: null, milestonesDone: ['a', 'c'] }),
    ];
    const sum = indicatorValue(
      indicator({ ...base, measurement: 'milestone', milestones: ms, convergenceRule: 'sum' }),
      '교통과',
      mrs,
      final,
    );
    expect(sum).toMatchObject({ value: 3, milestonesDone: ['a', 'c'] });
    const avg = indicatorValue(
      indicator({ ...base, measurement: 'milestone', milestones: ms, convergenceRule: 'average' }),
      '교통과',
      mrs,
      final,
    );
    expect(avg.value).toBe(2); // (1 + 3) ÷ 2
  });
  it('contributors: lead first, participants deduplicated and sorted', () => {
    expect(contributors({ leadDepartment: '교통과', participants: ['환경과', '교통과', '도로과'] })).toEqual([
      '교통과',
      '도로과',
      '환경과',
    ]);
  });
  it('convergeContributions with explicit values', () => {
    const v = convergeContributions(indicator({ ...base, convergenceRule: 'sum' }), [
      {
        indicator: 'I1',
        department: '교통과',
        value: 1.5,
        method: 'year_period',
        milestonesDone: [],
        results: [],
        formula: '',
      },
      {
        indicator: 'I1',
        department: '환경과',
        value: null,
        method: 'none',
        milestonesDone: [],
        results: [],
        formula: '',
      },
    ]);
    expect(v).toMatchObject({ value: 1.5, missingContributors: ['환경과'] });
  });
});

describe('which indicators a department is evaluated on', () => {
  const list = [
    indicator({ code: 'U1', leadDepartment: '교통과' }),
    indicator({ code: 'U2', leadDepartment: '환경과' }),
    indicator({ code: 'C1', kind: 'convergence', leadDepartment: '환경과', participants: ['교통과'] }),
    indicator({ code: 'C2', kind: 'convergence', leadDepartment: '교통과', participants: ['환경과'] }),
    indicator({ code: 'K1', kind: 'common', leadDepartment: '감사담당관' }),
  ];
  it('own unique ones, convergence ones it leads, every common one', () => {
    expect(indicatorsEvaluatedFor('교통과', list).map((x) => [x.indicator.code, x.instance])).toEqual([
      ['C2', 'lead'],
      ['K1', 'common'],
      ['U1', 'own'],
    ]);
  });
  it("common indicators: each department's own instance", () => {
    const k = list[4]!;
    const rs = [
      result({ indicator: 'K1', department: '교통과', actual: 80 }),
      result({ indicator: 'K1', department: '환경과', actual: 120 }),
    ];
    expect(rateOf(indicatorRate(k, '교통과', rs, final).rate)).toBe(80);
    expect(rateOf(indicatorRate(k, '환경과', rs, final).rate)).toBe(120);
    expect(indicatorRate(k, '감사담당관', rs, final).rate).toMatchObject({ ok: false, reason: 'no_result' });
  });
});

describe('numeric guard', () => {
  it('a degenerate target cannot make a rate infinite', () => {
    expect(rateOf(rateHigherIsBetter(600, 1e-320))).toBe(1_000_000);
    expect(rateOf(rateLowerIsBetter(1e-320, 600))).toBe(1_000_000);
  });
});
