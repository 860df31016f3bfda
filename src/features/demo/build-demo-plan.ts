/**
 * The built-in demo: the reference district's (서울특별시 송파구) 2020 성과관리(BSC) 시행계획 and an
 * illustrative 2019 plan, as interchange documents. Deterministic: a seeded PRNG, no clock.
 *
 * Exact, from the seed (./data): vision pillars, the 5 區 전략목표 and 16 區 성과목표, the 89 부서
 * 전략목표 with their departments and indicator / convergence / task counts, the 42 evaluated
 * departments (붙임 1 order and counts), the 33 convergence indicators of 붙임 2 with their lead
 * departments, the document's claimed figures. Illustrative (marked `illustrative: true`): every
 * name and value the seed does not give (demo-content.ts), the results and evaluation inputs
 * (demo-results.ts) and the whole 2019 plan (demo-2019.ts). docs/demo.md says which is which.
 */
import {
  planDocumentSchema,
  INTERCHANGE_FORMAT,
  INTERCHANGE_VERSION,
  type PlanDocument,
} from '../../contracts/interchange.js';
import { normalizeDepartmentName } from '../../domain/names.js';
import { normalizePlanDocument } from '../../domain/plan-normalize.js';
import { DEMO_FACTS } from './demo-facts.js';
import { CONVERGENCE_CONTENT, DSG_CONTENT } from './demo-content.js';
import { readDemoSeed, type DemoSeed, type SeedDeptStrategicGoal } from './seed-data.js';
import { stream } from './prng.js';
import { parseSpec, type ParsedSpec } from './indicator-spec.js';
import { dsgCode, makeIndicator, pad, type DemoBuild } from './demo-parts.js';
import { DEMO_CALENDAR, generateResults2020 } from './demo-results.js';
import { buildPlan2019 } from './demo-2019.js';
import { externalAwards2020 } from './external-awards.js';

export { DEMO_FACTS } from './demo-facts.js';
export type { DemoBuild } from './demo-parts.js';

type Doc = PlanDocument;
type IndicatorRow = Doc['indicators'][number];
type TaskRow = Doc['tasks'][number];

function fail(message: string): never {
  throw new Error(`데모 계획을 만들 수 없습니다: ${message}`);
}

/** Departments in 붙임 1 order, named as in the body (주택과, formerly 주택관리과), then the non-evaluated ones. */
function buildDepartments(seed: DemoSeed): Doc['departments'] {
  const bodyNameOf = new Map<string, string>();
  for (const r of seed.deptStrategicGoals) {
    const body = normalizeDepartmentName(r.departmentAsPrinted);
    const prev = bodyNameOf.get(r.department);
    if (prev !== undefined && prev !== body) fail(`부서 ${r.department}의 본문 이름이 둘입니다 (${prev}, ${body}).`);
    bodyNameOf.set(r.department, body);
  }
  const museum = new Set<string>(DEMO_FACTS.departmentGroups.박물관);
  const health = new Set<string>(DEMO_FACTS.departmentGroups.보건소);
  const evaluated = seed.attachment1.rows.map((a) => {
    const printed = normalizeDepartmentName(a.department);
    const name = bodyNameOf.get(printed) ?? fail(`붙임 1의 부서 ${a.department}에 부서 전략목표가 없습니다.`);
    return {
      name,
      group: museum.has(name) ? '박물관' : health.has(name) ? '보건소' : '본청',
      evaluated: true,
      formerNames: name === printed ? [] : [printed],
    };
  });
  const main = evaluated.filter((d) => d.group === '본청').length;
  if (main !== DEMO_FACTS.departmentGroups.본청)
    fail(`본청 부서가 ${main}개입니다 (${DEMO_FACTS.departmentGroups.본청}개여야 함).`);
  return [
    ...evaluated,
    ...DEMO_FACTS.notEvaluated.map((d) => ({ name: d.name, group: d.group, evaluated: false, formerNames: [] })),
  ];
}

/**
 * How many 부서 성과목표 each 부서 전략목표 gets: 붙임 1's count for the department, at least one per
 * strategic goal and at most one per indicator; the extra ones go to the goal with the most
 * indicators per performance goal (ties: the earlier row).
 */
export function allocatePerformanceGoals(rows: { indicators: number }[], total: number): number[] {
  if (total < rows.length) fail(`부서 성과목표 ${total}개가 전략목표 ${rows.length}개보다 적습니다.`);
  const capacity = rows.reduce((s, r) => s + r.indicators, 0);
  if (total > capacity) fail(`부서 성과목표 ${total}개가 지표 ${capacity}개보다 많습니다.`);
  const alloc = rows.map(() => 1);
  for (let extra = total - rows.length; extra > 0; extra--) {
    let best = 0;
    for (let i = 1; i < rows.length; i++)
      if (rows[i]!.indicators - alloc[i]! > rows[best]!.indicators - alloc[best]!) best = i;
    alloc[best]!++;
  }
  return alloc;
}

/** Sizes of `n` items cut into `k` consecutive groups, as even as possible, earlier groups larger. */
export function chunkSizes(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, j) => Math.floor(n / k) + (j < n % k ? 1 : 0));
}

function taskRow(
  code: string,
  name: string,
  indicator: string,
  department: string,
  program: { code: string; name: string },
  year: number,
): TaskRow {
  const rng = stream(`task:${code}:${name}`);
  const startMonth = rng.int(1, 3);
  const endMonth = rng.chance(0.6) ? 12 : rng.int(6, 11);
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const progress = rng.chance(0.75) ? 100 : rng.int(14, 19) * 5;
  const budgeted = rng.chance(0.8);
  const budgetAmount = budgeted ? Math.round(Math.exp(rng.between(Math.log(5), Math.log(2000)))) * 1_000_000 : 0;
  const share = progress === 100 ? rng.between(0.9, 1) : rng.between(0.6, 0.9);
  return {
    code,
    name,
    indicator,
    department,
    startDate: `${year}-${pad(startMonth, 2)}-01`,
    endDate: `${year}-${pad(endMonth, 2)}-${pad(lastDay, 2)}`,
    progress,
    budgetProgramCode: budgeted ? program.code : '',
    budgetProgramName: budgeted ? program.name : '',
    budgetAmount,
    executedAmount: Math.round((budgetAmount * share) / 1000) * 1000,
    illustrative: true,
  };
}

function overview(seed: DemoSeed): string {
  const t = seed.referenceText;
  const purpose =
    /2020년도 성과관리 시행계획을 수립하여[^\n]*/u.exec(t)?.[0] ?? fail('참고 원문에 계획의 목적 문장이 없습니다.');
  const section = /### I 추진개요([\s\S]*?)### II/u.exec(t)?.[1] ?? fail('참고 원문에 추진개요가 없습니다.');
  const lines = section
    .split('\n')
    .map((l) => l.replace(/\*\*/g, '').replace(/\s+$/u, ''))
    .filter((l) => l.trim() !== '')
    .map((l) => (l.startsWith('- ') ? `□ ${l.slice(2)}` : l.replace(/^ {2}- /u, '  - ')));
  return [purpose, '', ...lines].join('\n');
}

/** 향후계획: the reference text lost section VI's body; this schedule is built from the plan's evaluation plan (illustrative). */
const FUTURE_PLAN = [
  '□ 2020. 2월: 2020년 성과관리 시행계획 수립 및 부서 통보',
  '□ 2020. 3월~12월: 부서별 성과지표 실적 전산입력(증빙자료 첨부) 및 이행과제 추진',
  '  - 실적 입력기한: 보고 기간 종료 다음 달 10일 (입력시기 미준수 시 건당 0.5점 감점)',
  '□ 2020. 6월: 성과관리 워크숍 (교육 참여도 가점)',
  '□ 분기별: 기획예산과 실적 검증 및 부진 지표 점검',
  '□ 2021. 1월~2월: 지표 달성도 평가, 전문가 지표 성격 평가(대표성·난이도·완성도), 성과관리위원회 (가점 항목·부서 노력도)',
  '□ 2021. 2월: 구청장 정성평가, 평가 결과 확정 및 통보',
  '※ 예시: 원문 추출본에 "VI. 향후계획"의 본문이 없어 계획의 평가계획에서 구성한 일정입니다.',
].join('\n');

function priorYearFacts(): Record<string, unknown> {
  const p = DEMO_FACTS.previousYear;
  return {
    year: p.year,
    source: '2020 시행계획 II. 2019년도 운영성과',
    externalEvaluations: {
      awards: p.awards,
      incentivesKrw: p.incentivesKrw,
      text: '104개 수상, 인센티브 62.9억 원 확보',
    },
    notableAwards: [
      { name: p.stevie, result: '수상' },
      { name: p.pinnacle.name, result: p.pinnacle.prize, consecutiveYears: p.pinnacle.consecutiveYears },
    ],
    cityDistrictJointProjects: {
      name: '시·구 공동협력사업',
      result: '전 부문 수상',
      consecutiveYears: p.cityDistrictJointProjects.consecutiveYears,
      projects: p.cityDistrictJointProjects.projects,
      incentivesKrw: p.cityDistrictJointProjects.incentivesKrw,
    },
    indicators: {
      count: p.indicators,
      averageAchievementRate: p.averageAchievementRate,
      text: '195개 성과지표 달성도 평균값이 92.63%로 전 부서의 균형적 성장',
    },
  };
}

/** The printed 공통지표 현황 line of the reference text. */
function printedCommonNames(seed: DemoSeed): string[] {
  const line =
    /공통지표 현황\(\d+개\)\s*:\s*([^\n]+)/u.exec(seed.referenceText)?.[1] ??
    fail('참고 원문에 공통지표 현황이 없습니다.');
  return line
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function build2020(seed: DemoSeed = readDemoSeed()): DemoBuild {
  const year = DEMO_FACTS.year;
  const rows = seed.deptStrategicGoals;
  if (rows.length !== DEMO_FACTS.counts.deptStrategicGoals) fail(`부서 전략목표가 ${rows.length}개입니다.`);

  const departments = buildDepartments(seed);
  const deptName = (printed: string) => {
    const n = normalizeDepartmentName(printed);
    const d = departments.find((x) => x.name === n || x.formerNames.includes(n));
    return d?.name ?? fail(`부서 ${printed}이(가) 부서 목록에 없습니다.`);
  };

  // Vision, 區 전략목표, 區 성과목표: in order of first appearance.
  const pillars = [...new Set(rows.map((r) => r.visionPillar))];
  const osgNames = [...new Set(rows.map((r) => r.orgStrategicGoal))];
  const orgStrategicGoals = osgNames.map((name, i) => ({
    code: `S${i + 1}`,
    name,
    visionPillar: rows.find((r) => r.orgStrategicGoal === name)!.visionPillar,
  }));
  const osgCode = new Map(orgStrategicGoals.map((g) => [g.name, g.code]));
  const goalNos = [...new Set(rows.map((r) => r.orgGoalNo))].sort((a, b) => a - b);
  const orgPerformanceGoals = goalNos.map((no) => {
    const r = rows.find((x) => x.orgGoalNo === no)!;
    const names = new Set(rows.filter((x) => x.orgGoalNo === no).map((x) => `${x.orgGoal}|${x.orgStrategicGoal}`));
    if (names.size !== 1) fail(`區 성과목표 ${no}의 이름 또는 전략목표가 행마다 다릅니다.`);
    return { code: `G${pad(no, 2)}`, no, name: r.orgGoal, orgStrategicGoal: osgCode.get(r.orgStrategicGoal)! };
  });

  // 부서 전략목표 and the allocation of 부서 성과목표 (붙임 1's count per department).
  const deptStrategicGoals = rows.map((r) => ({
    code: dsgCode(r.row),
    name: r.name,
    orgPerformanceGoal: `G${pad(r.orgGoalNo, 2)}`,
    department: deptName(r.departmentAsPrinted),
    illustrative: false,
  }));
  const dpgCount = new Map<number, number>();
  for (const a of seed.attachment1.rows) {
    const name = deptName(a.department);
    const own = rows.filter((r) => deptName(r.departmentAsPrinted) === name);
    if (own.length !== a.deptStrategicGoals)
      fail(`${a.department}: 붙임 1의 전략목표 ${a.deptStrategicGoals}개 ≠ 본문 ${own.length}개`);
    const ind = own.reduce((s, r) => s + r.indicators, 0);
    if (ind !== a.indicators) fail(`${a.department}: 붙임 1의 성과지표 ${a.indicators}개 ≠ 본문 ${ind}개`);
    allocatePerformanceGoals(own, a.deptPerformanceGoals).forEach((n, i) => dpgCount.set(own[i]!.row, n));
  }

  const deptPerformanceGoals: Doc['deptPerformanceGoals'] = [];
  const indicators: IndicatorRow[] = [];
  const tasks: TaskRow[] = [];
  const specs = new Map<string, ParsedSpec>();
  const convergenceNames = new Set(seed.convergence.map((c) => c.name));
  if (convergenceNames.size !== DEMO_FACTS.counts.convergenceIndicators)
    fail(`융합지표가 ${convergenceNames.size}개입니다.`);

  for (const r of rows) buildRow(r);

  function buildRow(r: SeedDeptStrategicGoal) {
    const content = DSG_CONTENT[r.row] ?? fail(`${r.row}행(${r.name})의 예시 내용이 없습니다.`);
    const k = dpgCount.get(r.row) ?? fail(`${r.row}행의 부서 성과목표 수가 없습니다.`);
    if (content.dpgs.length !== k)
      fail(`${r.row}행: 부서 성과목표 이름이 ${content.dpgs.length}개, 배분은 ${k}개입니다.`);
    if (content.items.length !== r.indicators)
      fail(`${r.row}행: 지표가 ${content.items.length}개, 원문은 ${r.indicators}개입니다.`);
    const seedConv = seed.convergence.filter((c) => c.row === r.row);
    const contentConv = content.items.filter(([s]) => s.startsWith('=')).map(([s]) => s.slice(1));
    if (contentConv.join('|') !== seedConv.map((c) => c.name).join('|'))
      fail(`${r.row}행: 융합지표 ${contentConv.join(', ')} ≠ 붙임 2의 ${seedConv.map((c) => c.name).join(', ')}`);
    if (seedConv.length !== r.convergenceMarked)
      fail(`${r.row}행: 본문의 융합 ${r.convergenceMarked}개 ≠ 붙임 2의 ${seedConv.length}개`);
    const taskCount = content.items.reduce((s, [, t]) => s + t.length, 0);
    if (taskCount !== r.tasks) fail(`${r.row}행: 과제가 ${taskCount}개, 원문은 ${r.tasks}개입니다.`);

    const dsg = dsgCode(r.row);
    const department = deptName(r.departmentAsPrinted);
    const sizes = chunkSizes(r.indicators, k);
    content.dpgs.forEach((name, j) =>
      deptPerformanceGoals.push({ code: `${dsg}-${j + 1}`, name, deptStrategicGoal: dsg, illustrative: true }),
    );
    let item = 0;
    sizes.forEach((size, j) => {
      const dpg = `${dsg}-${j + 1}`;
      for (let m = 0; m < size; m++, item++) {
        const [specText, taskNames] = content.items[item]!;
        const code = `I${pad(indicators.length + 1, 3)}`;
        let ind: IndicatorRow;
        let spec: ParsedSpec;
        if (specText.startsWith('=')) {
          const c = seedConv.find((x) => x.name === specText.slice(1))!;
          const def = CONVERGENCE_CONTENT[c.name] ?? fail(`융합지표 ${c.name}의 예시 정의가 없습니다.`);
          const lead = deptName(c.department);
          if (lead !== department) fail(`융합지표 ${c.name}의 주관부서 ${lead} ≠ ${r.row}행의 부서 ${department}`);
          spec = parseSpec(`${c.name}|${def.unit}|${def.target}|${def.flags ?? ''}`);
          if (c.common !== (def.participants.length === 0))
            fail(`융합지표 ${c.name}: 공통 여부와 참여부서가 맞지 않습니다.`);
          const participants = def.participants.map(deptName);
          if (!c.common && (participants.length < 2 || participants.length > 4 || participants.includes(lead)))
            fail(`융합지표 ${c.name}의 참여부서는 주관부서 외 2~4개여야 합니다.`);
          ind = makeIndicator(
            spec,
            {
              code,
              deptPerformanceGoal: dpg,
              kind: c.common ? 'common' : 'convergence',
              leadDepartment: lead,
              participants,
              convergenceRule: def.rule,
            },
            c.common ? '각 부서 실적 자료 (부서별 전산입력)' : `${lead} 취합 (참여부서 제출 자료)`,
          );
        } else {
          spec = parseSpec(specText);
          if (convergenceNames.has(spec.name)) fail(`${spec.name}은(는) 융합지표입니다 (=로 적으세요).`);
          ind = makeIndicator(spec, {
            code,
            deptPerformanceGoal: dpg,
            kind: 'unique',
            leadDepartment: department,
            participants: [],
            convergenceRule: 'sum',
          });
        }
        indicators.push(ind);
        specs.set(code, spec);
        const program = { code: `P${pad(r.row, 3)}-${j + 1}`, name: content.dpgs[j]! };
        for (const t of taskNames)
          tasks.push(taskRow(`T${pad(tasks.length + 1, 3)}`, t, code, department, program, year));
      }
    });
  }

  const claimedTotals: Doc['claimedTotals'] = {
    source: DEMO_FACTS.claimed.source,
    counts: { ...DEMO_FACTS.claimed.counts, tasks: seed.attachment1.total.tasks },
    commonIndicatorNames: printedCommonNames(seed),
    byDepartment: seed.attachment1.rows.map((a) => ({
      name: a.department,
      deptStrategicGoals: a.deptStrategicGoals,
      deptPerformanceGoals: a.deptPerformanceGoals,
      indicators: a.indicators,
      tasks: a.tasks,
    })),
  };

  const doc: Doc = {
    format: INTERCHANGE_FORMAT,
    formatVersion: INTERCHANGE_VERSION,
    organization: { ...DEMO_FACTS.organization },
    plan: {
      year,
      title: DEMO_FACTS.title,
      status: 'active',
      visionName: DEMO_FACTS.vision.name,
      visionSlogan: pillars.join(' · '),
      overview: overview(seed),
      futurePlan: FUTURE_PLAN,
      priorYearFacts: priorYearFacts(),
      evaluationScheme: {},
      calendar: { ...DEMO_CALENDAR },
      illustrative: true,
    },
    visionPillars: pillars.map((name) => ({ name })),
    departments,
    orgStrategicGoals,
    orgPerformanceGoals,
    deptStrategicGoals,
    deptPerformanceGoals,
    indicators,
    tasks,
    results: [],
    evaluationInputs: { raterAssignments: [], ratings: [], bonusAwards: [], qualitativeScores: [], penaltyCases: [] },
    externalAwards: externalAwards2020(),
    claimedTotals,
  };
  const { results, evaluationInputs } = generateResults2020(doc, specs);
  return { doc: { ...doc, results, evaluationInputs }, specs };
}

/** The demo's two plans, parsed by the interchange schema and in normal form. */
export function buildDemoPlans(): { plan2019: PlanDocument; plan2020: PlanDocument } {
  const seed = readDemoSeed();
  const built = build2020(seed);
  const plan2019 = buildPlan2019(built);
  const finish = (d: Doc) => normalizePlanDocument(planDocumentSchema.parse(d));
  return { plan2019: finish(plan2019), plan2020: finish(built.doc) };
}
