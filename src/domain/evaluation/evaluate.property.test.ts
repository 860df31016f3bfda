/**
 * Invariants of the evaluation over random years (fast-check): totals within 0–100, explanation
 * trees that add up, independence from input order, monotonicity in an indicator's achievement.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePlan } from './evaluate.js';
import { checkExplanation } from './explanation.js';
import { award, dept, ind, penaltyCase, planDoc, rating, res, score, type DocParts } from './testing.js';

const DEPTS = ['교통과', '환경과', '도로과', '건강증진과', '재무과', '총무과'];
const RATERS = ['위원A', '위원B', '위원C', '위원D'];
const PERIODS = ['2020', '2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4', '2020-H1', '2020-M05', '2019'];
const STATUSES = ['draft', 'submitted', 'approved', 'verified'] as const;
const MILESTONES = ['착수', '중간', '완료'];

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 5 });

const indicatorArb = (i: number, leads: readonly string[]) =>
  fc
    .record({
      lead: fc.oneof(
        { arbitrary: fc.constantFrom(...leads), weight: 9 },
        { arbitrary: fc.constantFrom(...DEPTS), weight: 1 },
      ),
      kind: fc.constantFrom('unique', 'unique', 'unique', 'convergence', 'common'),
      participants: fc.subarray(DEPTS),
      direction: fc.constantFrom('higher', 'lower'),
      measurement: fc.constantFrom('quantitative', 'quantitative', 'quantitative', 'milestone'),
      target: maybe(fc.oneof(fc.constant(0), num(-5, 500), num(1, 50), num(1, 50))),
      weight: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 3 }), num(0, 3)),
      convergenceRule: fc.constantFrom('sum', 'average', 'lead'),
    })
    .map((r) =>
      ind(`I${String(i).padStart(2, '0')}`, r.lead, {
        kind: r.kind as 'unique',
        participants: r.kind === 'convergence' ? r.participants : [],
        direction: r.direction as 'higher',
        measurement: r.measurement as 'quantitative',
        target: r.target,
        weight: r.weight,
        convergenceRule: r.convergenceRule as 'sum',
        milestones: r.measurement === 'milestone' ? MILESTONES.map((name, k) => ({ name, weight: k + 1 })) : [],
      }),
    );

const docArb: fc.Arbitrary<DocParts> = fc
  .record({
    departments: fc.uniqueArray(fc.constantFrom(...DEPTS), { minLength: 1, maxLength: DEPTS.length }),
    groups: fc.array(fc.constantFrom('본청', '보건소'), { minLength: DEPTS.length, maxLength: DEPTS.length }),
    n: fc.integer({ min: 0, max: 10 }),
  })
  .chain((b) =>
    (b.n === 0
      ? fc.constant([])
      : fc.tuple(...Array.from({ length: b.n }, (_, i) => indicatorArb(i, b.departments)))
    ).map((indicators) => ({
      ...b,
      indicators: indicators as ReturnType<typeof ind>[],
    })),
  )
  .chain((base) =>
    fc.record({
      departments: fc.constant(base.departments.map((d, k) => dept(d, { group: base.groups[k] ?? '본청' }))),
      indicators: fc.constant(base.indicators),
      // Results mostly by the indicator's lead department (or its participants), for the year, verified.
      results: fc.array(
        fc
          .record({
            indicator: fc.constantFrom(...(base.indicators.length > 0 ? base.indicators : [ind('I00', DEPTS[0]!)])),
            own: fc.boolean(),
            department: fc.constantFrom(...DEPTS),
            period: fc.oneof(fc.constant('2020'), fc.constantFrom(...PERIODS)),
            status: fc.oneof(fc.constant('verified' as const), fc.constantFrom(...STATUSES)),
            actual: maybe(fc.oneof(fc.constant(0), num(-10, 600))),
            done: fc.subarray(MILESTONES),
          })
          .map((r) =>
            res(r.indicator.code, r.own ? r.indicator.leadDepartment : r.department, r.actual, {
              period: r.period,
              status: r.status,
              milestonesDone: r.done,
            }),
          ),
        { minLength: base.indicators.length, maxLength: 40 },
      ),
      ratings: fc.array(
        fc
          .record({
            indicator: fc.integer({ min: 0, max: Math.max(0, base.indicators.length - 1) }),
            rater: fc.constantFrom(...RATERS),
            r: maybe(num(0, 100)),
            d: num(0, 100),
            c: num(0, 100),
          })
          .map((x) => rating(`I${String(x.indicator).padStart(2, '0')}`, x.rater, x.r, x.d, x.c)),
        { maxLength: 20 },
      ),
      raterAssignments: fc.array(
        fc.record({
          indicator: fc.integer({ min: 0, max: 3 }).map((i) => `I0${i}`),
          rater: fc.constantFrom(...RATERS),
        }),
        { maxLength: 4 },
      ),
      bonusAwards: fc.array(
        fc
          .record({
            department: fc.constantFrom(...DEPTS),
            item: fc.constantFrom('training', 'convergence', 'external', 'best_practice', 'effort'),
            points: num(0, 1),
            reason: fc.constantFrom('가', '나', '다'),
          })
          .map((a) => award(a.department, a.item as 'training', a.points, a.reason)),
        { maxLength: 12 },
      ),
      qualitativeScores: fc.array(
        fc
          .record({ department: fc.constantFrom(...DEPTS), points: num(0, 5) })
          .map((s) => score(s.department, s.points)),
        { maxLength: 6 },
      ),
      penaltyCases: fc.array(
        fc
          .record({
            department: fc.constantFrom(...DEPTS),
            kind: fc.constantFrom('late_entry', 'missing_evidence'),
            period: fc.constantFrom(...PERIODS, ''),
            waived: fc.boolean(),
          })
          .map((c) => penaltyCase(c.department, c.kind as 'late_entry', { period: c.period, waived: c.waived })),
        { maxLength: 12 },
      ),
    }),
  );

/** Schemes within the plan's 50 + 40 + 5 + 5 = 100 (cap ≤ 100). */
const boundedSchemeArb = fc.record(
  {
    achievement: fc.record(
      {
        cap: fc.constant(100),
        lowerIsBetterFormula: fc.constantFrom('ratio', 'difference'),
        periodAggregation: fc.constantFrom('cumulative', 'sum', 'average'),
        missingRate: fc.record({
          final: fc.constantFrom('zero', 'exclude'),
          provisional: fc.constantFrom('zero', 'exclude'),
        }),
      },
      { requiredKeys: [] },
    ),
    quality: fc.record(
      {
        trimmedMean: fc.boolean(),
        unratedIndicator: fc.constantFrom('zero', 'exclude'),
        assignedRatersOnly: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    ranking: fc.record({ by: fc.constantFrom('all', 'group') }, { requiredKeys: [] }),
    grades: fc.record({ rounding: fc.constantFrom('half_up', 'floor', 'ceil') }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const anySchemeArb = fc.oneof(
  boundedSchemeArb,
  fc.record({
    achievement: fc.record({ cap: fc.constantFrom(null, 120, 150) }),
    bonus: fc.record({ totalMax: fc.constantFrom(2, 5) }),
  }),
);
const modeArb = fc.record(
  {
    mode: fc.constantFrom('final' as const, 'provisional' as const),
    asOfPeriod: fc.constantFrom(undefined, '2020-Q2', '2020-H1', '2020'),
  },
  { requiredKeys: ['mode'] },
);

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const RUNS = { numRuns: 150 };

describe('evaluation invariants', () => {
  it('total is within 0–100 when bonus ≤ 5 and achievement + quality + qualitative ≤ 95', () => {
    fc.assert(
      fc.property(docArb, boundedSchemeArb, modeArb, (parts, scheme, options) => {
        const e = evaluatePlan(planDoc(parts), scheme, options);
        for (const d of e.departments) {
          expect(d.bonus).toBeLessThanOrEqual(5);
          expect(d.achievement + d.quality + d.qualitative).toBeLessThanOrEqual(95 + 1e-9);
          expect(d.total).toBeGreaterThanOrEqual(0);
          expect(d.total).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
      RUNS,
    );
  });

  it('every explanation tree adds up to its total', () => {
    fc.assert(
      fc.property(docArb, anySchemeArb, modeArb, (parts, scheme, options) => {
        const e = evaluatePlan(planDoc(parts), scheme, options);
        for (const d of e.departments) {
          expect(d.explanation.value).toBe(d.total);
          expect(checkExplanation(d.explanation)).toEqual([]);
          const parts5 = d.explanation.children.slice(0, 5).map((c) => c.value);
          expect(parts5).toEqual([d.achievement, d.quality, d.qualitative, d.bonus, d.penalty === 0 ? 0 : -d.penalty]);
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order of any input list', () => {
    fc.assert(
      fc.property(docArb, anySchemeArb, modeArb, fc.nat(), (parts, scheme, options, seed) => {
        const shuffled: DocParts = Object.fromEntries(
          Object.entries(parts).map(([k, v], n) => [k, Array.isArray(v) ? shuffle(v, seed + n) : v]),
        );
        expect(evaluatePlan(planDoc(shuffled), scheme, options)).toEqual(evaluatePlan(planDoc(parts), scheme, options));
      }),
      RUNS,
    );
  });

  it("is monotonic in an indicator's achievement (while the rate stays within the 200% penalty line)", () => {
    fc.assert(
      fc.property(
        docArb,
        boundedSchemeArb,
        fc.constantFrom('higher', 'lower'),
        num(1, 500),
        num(0, 1),
        num(0, 1),
        (parts, scheme, direction, target, f1, f2) => {
          const lead = parts.departments![0]!.name;
          const probe = ind('PROBE', lead, { target, direction: direction as 'higher', weight: 1 });
          // higher: actuals in [0, 2·target]; lower: in [target/2, 10·target]; "better" = larger rate.
          const [lo, hi] = [Math.min(f1, f2), Math.max(f1, f2)];
          const worse = direction === 'higher' ? lo * 2 * target : target / 2 + (1 - lo) * 9.5 * target;
          const better = direction === 'higher' ? hi * 2 * target : target / 2 + (1 - hi) * 9.5 * target;
          const run = (actual: number) =>
            evaluatePlan(
              planDoc({
                ...parts,
                indicators: [...(parts.indicators ?? []), probe],
                results: [...(parts.results ?? []), res('PROBE', lead, actual)],
              }),
              scheme,
              { mode: 'final' },
            ).departments.find((d) => d.department === lead)!;
          const a = run(worse);
          const b = run(better);
          expect(b.achievement).toBeGreaterThanOrEqual(a.achievement - 1e-9);
          expect(b.total).toBeGreaterThanOrEqual(a.total - 1e-9);
        },
      ),
      RUNS,
    );
  });

  it('the achievement part alone is monotonic beyond 200% too (under a cap)', () => {
    fc.assert(
      fc.property(docArb, num(1, 100), num(0, 1000), num(0, 1000), (parts, target, x, y) => {
        const lead = parts.departments![0]!.name;
        const probe = ind('PROBE', lead, { target });
        const run = (actual: number) =>
          evaluatePlan(
            planDoc({
              ...parts,
              indicators: [...(parts.indicators ?? []), probe],
              results: [...(parts.results ?? []), res('PROBE', lead, actual)],
            }),
            undefined,
            { mode: 'final' },
          ).departments.find((d) => d.department === lead)!.achievement;
        expect(run(Math.max(x, y))).toBeGreaterThanOrEqual(run(Math.min(x, y)) - 1e-9);
      }),
      RUNS,
    );
  });
});
