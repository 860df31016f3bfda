/**
 * The demo's 2019 plan — illustrative as a whole, built from the 2020 plan so that comparing the
 * two years gives exactly the 2020 plan's "달라진 점" (section V):
 * - 부서 전략목표 85 → 89 and 부서 성과목표 159 → 163: four 2020 strategic goals (one performance
 *   goal each) are new in 2020 (demo-content NEW_IN_2020_DSG_ROWS);
 * - 융합지표 29 → 33: the five new ones (주요 언론매체 보도건수, 직원교육 이수율, 직원 후생복지
 *   만족도, 친환경 공용차량 도입율, 제로페이(업무추진비) 추진율) are absent, and 2019 has the common
 *   indicator 고객만족행정도 (replaced in 2020 by 제로페이(업무추진비) 추진율);
 * - 성과지표 195 in both years: 2019 has six unique indicators 2020 dropped (INDICATORS_ONLY_2019).
 * Codes of rows present in both years are the 2020 codes (I196…, T244… for 2019-only rows).
 * Results: one verified yearly result per department value, whose average achievement over the
 * 195 indicators is exactly the plan's 92.63% (rounded to 2 decimals): the five common indicators
 * at 92.63% in every department, the 190 others averaging 92.63%, no rate above 100%.
 * Closed year; no evaluation inputs; the 2019 external awards (104, 6,290,000,000 KRW).
 */
import type { PlanDocument } from '../../contracts/interchange.js';
import { DEMO_FACTS } from './demo-facts.js';
import { INDICATORS_ONLY_2019, NEW_IN_2020_DSG_ROWS } from './demo-content.js';
import { makeIndicator, dsgCode, type DemoBuild } from './demo-parts.js';
import { decimalsOf, makeBaseline, parseSpec, roundTo, FLOW_UNITS, type ParsedSpec } from './indicator-spec.js';
import { externalAwards2019 } from './external-awards.js';
import { seoulTimestamp, weekday } from './demo-results.js';
import { stream } from './prng.js';

type Doc = PlanDocument;
type IndicatorRow = Doc['indicators'][number];
type ResultRow = Doc['results'][number];

/** The achievement rate of a value, as the demo computes it for 2019 (no rate here exceeds 100%). */
export function demoRate(
  ind: Pick<IndicatorRow, 'measurement' | 'milestones' | 'direction' | 'target'>,
  value: number,
): number {
  if (ind.measurement === 'milestone') return (value / ind.milestones.reduce((s, m) => s + m.weight, 0)) * 100;
  const t = ind.target!;
  return ind.direction === 'lower' ? (t / value) * 100 : (value / t) * 100;
}

export function buildPlan2019(built: DemoBuild): Doc {
  const d2020 = built.doc;
  const year = DEMO_FACTS.previousYear.year;
  const removedDsg = new Set(NEW_IN_2020_DSG_ROWS.map(dsgCode));
  const newConvergence = new Set<string>(DEMO_FACTS.changes.newConvergenceIndicators);

  const deptStrategicGoals = d2020.deptStrategicGoals
    .filter((g) => !removedDsg.has(g.code))
    .map((g) => ({ ...g, illustrative: true }));
  const deptPerformanceGoals = d2020.deptPerformanceGoals.filter((g) => !removedDsg.has(g.deptStrategicGoal));
  const dpgCodes = new Set(deptPerformanceGoals.map((g) => g.code));
  const dsgDept = new Map(deptStrategicGoals.map((g) => [g.code, g.department]));
  const dpgDept = new Map(deptPerformanceGoals.map((g) => [g.code, dsgDept.get(g.deptStrategicGoal)!]));

  // Indicators kept from 2020: 2019's target is the 2020 baseline (the level reached), with its own baseline.
  const specs = new Map<string, ParsedSpec>();
  const kept = d2020.indicators
    .filter((x) => dpgCodes.has(x.deptPerformanceGoal) && !newConvergence.has(x.name))
    .map((x): IndicatorRow => {
      specs.set(x.code, built.specs.get(x.code)!);
      if (x.measurement === 'milestone' || x.baseline === null || x.target === null) return x;
      const rng = stream(`2019:${x.code}`);
      const target = x.baseline;
      return { ...x, target, baseline: makeBaseline(rng, x.unit, target, x.direction) };
    });
  const only2019 = INDICATORS_ONLY_2019.map((o): IndicatorRow => {
    const dpg = `${dsgCode(o.row)}-${o.dpg + 1}`;
    const department = dpgDept.get(dpg);
    if (department === undefined) throw new Error(`2019 지표 ${o.code}의 부서 성과목표 ${dpg}가 없습니다.`);
    const spec = parseSpec(o.spec);
    specs.set(o.code, spec);
    return makeIndicator(
      spec,
      {
        code: o.code,
        deptPerformanceGoal: dpg,
        kind: o.kind,
        leadDepartment: department,
        participants: [],
        convergenceRule: 'average',
      },
      o.kind === 'common' ? '각 부서 실적 자료 (부서별 전산입력)' : undefined,
    );
  });
  // Keep plan order: each 2019-only indicator after the last indicator of its performance goal.
  const indicators: IndicatorRow[] = [...kept];
  for (const x of only2019) {
    const at = indicators.map((i) => i.deptPerformanceGoal).lastIndexOf(x.deptPerformanceGoal);
    indicators.splice(at + 1, 0, x);
  }
  const indicatorCodes = new Set(indicators.map((x) => x.code));

  const shift = (date: string | null) => (date === null ? null : `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`);
  const tasks: Doc['tasks'] = d2020.tasks
    .filter((t) => indicatorCodes.has(t.indicator))
    .map((t) => ({
      ...t,
      startDate: shift(t.startDate),
      endDate: shift(t.endDate),
      progress: 100,
      executedAmount: Math.round((t.budgetAmount * 0.95) / 1000) * 1000,
    }));
  let taskNo = d2020.tasks.length;
  for (const o of INDICATORS_ONLY_2019) {
    const ind = indicators.find((x) => x.code === o.code)!;
    for (const name of o.tasks) {
      taskNo++;
      tasks.push({
        code: `T${String(taskNo).padStart(3, '0')}`,
        name,
        indicator: o.code,
        department: ind.leadDepartment,
        startDate: `${year}-02-01`,
        endDate: `${year}-12-31`,
        progress: 100,
        budgetProgramCode: '',
        budgetProgramName: '',
        budgetAmount: 0,
        executedAmount: 0,
        illustrative: true,
      });
    }
  }

  const evaluated = d2020.departments.filter((d) => d.evaluated).map((d) => d.name);
  return {
    ...d2020,
    plan: {
      ...d2020.plan,
      year,
      title: `${year}년 성과관리(BSC) 시행계획`,
      status: 'closed',
      overview: `${year}년도 성과관리 시행계획 (예시: 2020년 계획에서 "달라진 점"을 되돌려 구성한 전년도 계획입니다).`,
      futurePlan: '',
      priorYearFacts: {},
      illustrative: true,
    },
    deptStrategicGoals,
    deptPerformanceGoals,
    indicators,
    tasks,
    results: results2019(indicators, evaluated, year),
    evaluationInputs: { raterAssignments: [], ratings: [], bonusAwards: [], qualitativeScores: [], penaltyCases: [] },
    externalAwards: externalAwards2019(),
    claimedTotals: null,
  };
}

/** The plan's 2019 average achievement, in hundredths of a percent. */
const AVERAGE_CENTS = Math.round(DEMO_FACTS.previousYear.averageAchievementRate * 100);

function results2019(indicators: IndicatorRow[], evaluated: string[], year: number): ResultRow[] {
  const avg = AVERAGE_CENTS / 100;
  // 1. A value per non-common indicator (rate ≤ 100): lower-is-better and milestone ones at 100%.
  const values = new Map<string, number>();
  for (const x of indicators) {
    if (x.kind === 'common') continue;
    const rng = stream(`2019-results:${x.code}`);
    if (x.measurement === 'milestone')
      values.set(
        x.code,
        x.milestones.reduce((s, m) => s + m.weight, 0),
      );
    else if (x.direction === 'lower') values.set(x.code, x.target!);
    else {
      const u = rng.next();
      const rate = u < 0.08 ? rng.between(62, 78) : u < 0.3 ? rng.between(80, 90) : rng.between(90, 100);
      values.set(x.code, Math.min(x.target!, roundTo((x.target! * rate) / 100, decimalsOf(x.unit))));
    }
  }
  // 2. Bring the mean of the 190 to the plan's figure through percentage indicators (values in 0.01%).
  const nonCommon = indicators.filter((x) => x.kind !== 'common');
  const need = avg * nonCommon.length;
  const adjustable = nonCommon.filter(
    (x) => x.measurement === 'quantitative' && x.direction === 'higher' && x.unit === '%' && x.target! >= 30,
  );
  let residual = need - nonCommon.reduce((s, x) => s + demoRate(x, values.get(x.code)!), 0);
  for (const x of adjustable) {
    if (Math.abs(residual) < 0.001) break;
    const t = x.target!;
    const current = values.get(x.code)!;
    const wanted = current + (residual * t) / 100;
    const next = roundTo(Math.min(t, Math.max(t * 0.6, wanted)), 2);
    residual -= demoRate(x, next) - demoRate(x, current);
    values.set(x.code, next);
  }
  const mean = (nonCommon.reduce((s, x) => s + demoRate(x, values.get(x.code)!), 0) + 0) / nonCommon.length;
  if (Math.round(mean * 100) !== AVERAGE_CENTS) throw new Error(`2019 평균 달성률을 맞추지 못했습니다: ${mean}`);

  // 3. Rows: one yearly verified result per department value.
  const rows: ResultRow[] = [];
  const row = (x: IndicatorRow, department: string, value: number, k: number): ResultRow => {
    const rng = stream(`2019-entry:${x.code}:${department}:${k}`);
    return {
      indicator: x.code,
      department,
      period: String(year),
      actual: x.measurement === 'milestone' ? null : value,
      milestonesDone: x.measurement === 'milestone' ? x.milestones.map((m) => m.name) : [],
      comment: '',
      status: 'verified',
      firstSubmittedAt: seoulTimestamp(
        year + 1,
        1,
        weekday(year + 1, 1, rng.int(2, 9), false),
        rng.int(9 * 60, 18 * 60),
      ),
      evidenceCount: rng.int(1, 3),
      illustrative: true,
    };
  };
  for (const x of indicators) {
    if (x.kind === 'common') {
      // Every department at the average rate, so the average is the same however common indicators are weighted.
      const value = Math.round(((x.target! * AVERAGE_CENTS) / 10000) * 10000) / 10000;
      evaluated.forEach((d, k) => rows.push(row(x, d, value, k)));
      continue;
    }
    const value = values.get(x.code)!;
    if (x.kind === 'unique' || x.measurement === 'milestone') {
      rows.push(row(x, x.leadDepartment, value, 0));
      continue;
    }
    const all = [x.leadDepartment, ...x.participants];
    if (x.convergenceRule === 'sum') {
      // Integer shares (flows) that add up to the value; the lead carries the remainder.
      const d = FLOW_UNITS.has(x.unit) ? decimalsOf(x.unit) : 2;
      const share = roundTo(value / all.length, d);
      all.forEach((dept, k) =>
        rows.push(row(x, dept, k === 0 ? roundTo(value - share * (all.length - 1), d) : share, k)),
      );
    } else all.forEach((dept, k) => rows.push(row(x, dept, value, k)));
  }
  return rows;
}
