/**
 * A deterministic national-scale data set: N organizations (250 by default) each with one 2020 plan
 * of 200 indicators, a realistic hierarchy and 12 monthly results per indicator, as PlanDocuments.
 *
 * Per organization: 5 org strategic goals, ~16 org performance goals, ~40 departments, ~90 dept
 * strategic goals, ~160 dept performance goals, 200 indicators (~15 % convergence, 5 of them common),
 * ~250 tasks (1.25 per indicator), 2,400 results (the lead department's value for 2020-M01…M12).
 *
 * Each organization has its own seeded PRNG (seeded by its index), so organization k is the same
 * document whatever the number of organizations generated. Everything is marked illustrative.
 *
 * Loading goes through insertPlanDocument, one transaction per organization, like an import.
 */
import crypto from 'node:crypto';
import type { Db } from '../src/db/client.js';
import { insertPlanDocument, upsertOrganization } from '../src/db/queries/plan-document.js';
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION, type PlanDocument } from '../src/contracts/interchange.js';

export const NATIONAL_YEAR = 2020;
export const GENERATOR_VERSION = 1;
export const INDICATORS_PER_ORG = 200;

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32 seeded from a string hash): small, fast, identical on every platform.

export interface Rng {
  /** [0, 1) */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  shuffle<T>(xs: T[]): T[];
}

export function rngFor(seed: string): Rng {
  let a = crypto.createHash('sha256').update(seed).digest().readUInt32LE(0);
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() < p,
    shuffle(xs) {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = int(0, i);
        [xs[i], xs[j]] = [xs[j]!, xs[i]!];
      }
      return xs;
    },
  };
}

/** Splits `total` items over `buckets` buckets, each at least 1, the rest at random. */
function spread(rng: Rng, total: number, buckets: number): number[] {
  if (total < buckets) throw new Error(`cannot spread ${total} over ${buckets}`);
  const counts = new Array<number>(buckets).fill(1);
  for (let i = buckets; i < total; i++) counts[rng.int(0, buckets - 1)]! += 1;
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (illustrative, in the style of a Korean district's plan). Lists are written as
// "a, b, c" strings to keep them compact.

const list = (s: string) => s.split(',').map((x) => x.trim());

const ORG_STEMS = list(
  '가람, 나래, 다솜, 한빛, 새봄, 푸름, 누리, 미르, 하늬, 별솔, 온새, 라온, 아라, 해솔, 도담, 마루, 바다, 산들, 여울, 은빛, 자람, 초롱, 큰솔, 태봄, 파랑',
);
const ORG_KINDS = ['시', '군', '구'] as const;

const PILLARS = ['일자리 1위', '교육 1위', '삶의 질 1위'];
const OSG_NAMES = list('일자리 넘치는, 함께 배우는, 안전한, 꿈을 키우는, 활력 있는, 따뜻한, 깨끗한, 소통하는');

const DEPARTMENTS: { name: string; group: string }[] = [
  ...list(
    '기획예산과, 감사담당관, 홍보담당관, 총무과, 재무과, 세무1과, 세무2과, 세무행정과, 자치행정과, 민원여권과, ' +
      '정보통신과, 부동산정보과, 일자리정책과, 지역경제과, 교육지원과, 문화체육과, 역사문화재과, 국제관광과, ' +
      '복지정책과, 어르신청소년과, 여성보육과, 생활보장과, 가정복지과, 청소행정과, 환경과, 공원녹지과, 도시계획과, ' +
      '주택과, 주거사업과, 건축과, 교통정책과, 주차관리과, 교통행정과, 도로과, 치수과, 재난안전과, 건설관리과, ' +
      '평생학습과, 체육진흥과, 도시재생과, 스마트도시과, 기후환경과, 청년정책과, 장애인복지과, 사회적경제과, ' +
      '토지관리과, 민생경제과, 소통협력과',
  ).map((name) => ({ name, group: '본청' })),
  ...list('보건행정과, 건강증진과, 의약과, 보건위생과, 보건지소').map((name) => ({ name, group: '보건소' })),
  { name: '구립박물관', group: '박물관' },
];

const SUBJECTS = list(
  '청년 일자리, 중소기업 지원, 전통시장 활성화, 평생학습, 방과후 돌봄, 도서관 이용, 생활안전, 재난 대비, ' +
    '감염병 예방, 건강검진, 식품위생, 어르신 돌봄, 장애인 자립, 보육 서비스, 주거 환경, 녹지 공간, 대기질 개선, ' +
    '자원 순환, 보행 환경, 대중교통, 주차 공급, 도로 정비, 문화 행사, 생활체육, 관광 자원, 민원 서비스, ' +
    '정보화 서비스, 주민 참여, 재정 건전성, 세입 확충, 청렴도, 공공시설 관리',
);
const MEASURES: { name: string; unit: string; lower?: boolean }[] = [
  { name: '참여자 수', unit: '명' },
  { name: '추진 건수', unit: '건' },
  { name: '만족도', unit: '점' },
  { name: '달성률', unit: '%' },
  { name: '개선율', unit: '%' },
  { name: '운영 횟수', unit: '회' },
  { name: '조성 면적', unit: '㎡' },
  { name: '확충 개소', unit: '개소' },
  { name: '집행률', unit: '%' },
  { name: '처리 기간', unit: '일', lower: true },
  { name: '발생 건수', unit: '건', lower: true },
  { name: '민원 건수', unit: '건', lower: true },
];
const VERBS = ['확대', '강화', '조성', '활성화', '내실화', '고도화', '개선', '지원'];
const TASK_KINDS = ['사업', '프로그램 운영', '시설 확충', '캠페인', '제도 정비', '홍보'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const round1 = (x: number) => Math.round(x * 10) / 10;

export function organizationCode(index: number) {
  return `nat-${pad(index + 1, 3)}`;
}

/** The plan document of organization `index` (0-based). */
export function generateOrganization(index: number): PlanDocument {
  const rng = rngFor(`bsc-national:v${GENERATOR_VERSION}:${index}`);
  const orgName = `${ORG_STEMS[index % ORG_STEMS.length]}${ORG_KINDS[Math.floor(index / ORG_STEMS.length) % 3]}${
    index >= ORG_STEMS.length * 3 ? ` ${Math.floor(index / (ORG_STEMS.length * 3)) + 1}` : ''
  }`;

  // Departments: ~40 of the pool, in a stable order (the pool's), 보건소/박물관 groups included when drawn.
  const deptCount = rng.int(37, 43);
  const chosen = new Set(rng.shuffle(DEPARTMENTS.map((_, i) => i)).slice(0, deptCount));
  const departments = DEPARTMENTS.filter((_, i) => chosen.has(i)).map((d) => ({
    name: d.name,
    group: d.group,
    evaluated: d.name !== '감사담당관',
    formerNames: [] as string[],
  }));
  const deptNames = departments.map((d) => d.name);

  const visionPillars = PILLARS.map((name) => ({ name }));
  const osgNames = rng.shuffle([...OSG_NAMES]).slice(0, 5);
  const orgStrategicGoals = osgNames.map((n, i) => ({
    code: `S${i + 1}`,
    name: `${n} ${orgName}`,
    visionPillar: PILLARS[Math.min(i, PILLARS.length - 1)]!,
  }));

  // ~16 org performance goals over the 5 strategic goals, numbered 1..n in order.
  const opgCounts = spread(rng, rng.int(14, 18), orgStrategicGoals.length);
  const orgPerformanceGoals: PlanDocument['orgPerformanceGoals'] = [];
  opgCounts.forEach((n, s) => {
    for (let k = 0; k < n; k++) {
      const no = orgPerformanceGoals.length + 1;
      orgPerformanceGoals.push({
        code: `G${pad(no, 2)}`,
        no,
        name: `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)}`,
        orgStrategicGoal: orgStrategicGoals[s]!.code,
      });
    }
  });

  // ~90 dept strategic goals: every department has at least one; each sits under an org performance goal.
  const dsgTotal = rng.int(86, 94);
  const dsgDepts = [...deptNames, ...Array.from({ length: dsgTotal - deptNames.length }, () => rng.pick(deptNames))];
  const dsgRaw = dsgDepts.map((department) => ({ department, opg: rng.int(0, orgPerformanceGoals.length - 1) }));
  // Every org performance goal gets at least one dept strategic goal.
  orgPerformanceGoals.forEach((_, i) => {
    if (!dsgRaw.some((d) => d.opg === i)) dsgRaw[rng.int(0, dsgRaw.length - 1)]!.opg = i;
  });
  // Ordered as a plan prints them: by org performance goal, then department order.
  const deptOrder = new Map(deptNames.map((n, i) => [n, i]));
  dsgRaw.sort((a, b) => a.opg - b.opg || deptOrder.get(a.department)! - deptOrder.get(b.department)!);
  const deptStrategicGoals = dsgRaw.map((d, i) => ({
    code: `DS${pad(i + 1, 3)}`,
    name: `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)}을 통한 ${orgPerformanceGoals[d.opg]!.name.split(' ')[0]} 실현`,
    orgPerformanceGoal: orgPerformanceGoals[d.opg]!.code,
    department: d.department,
    illustrative: true,
  }));

  // ~160 dept performance goals, each dept strategic goal at least one.
  const dpgCounts = spread(rng, rng.int(155, 165), deptStrategicGoals.length);
  const deptPerformanceGoals: PlanDocument['deptPerformanceGoals'] = [];
  const dpgDept: string[] = [];
  dpgCounts.forEach((n, s) => {
    for (let k = 0; k < n; k++) {
      deptPerformanceGoals.push({
        code: `DP${pad(deptPerformanceGoals.length + 1, 3)}`,
        name: `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)}`,
        deptStrategicGoal: deptStrategicGoals[s]!.code,
        illustrative: true,
      });
      dpgDept.push(deptStrategicGoals[s]!.department);
    }
  });

  // 200 indicators, each dept performance goal at least one; ~15 % convergence, 5 of them common.
  const indCounts = spread(rng, INDICATORS_PER_ORG, deptPerformanceGoals.length);
  const kinds: ('unique' | 'convergence' | 'common')[] = new Array(INDICATORS_PER_ORG).fill('unique');
  const convergenceCount = rng.int(26, 34);
  const convergenceAt = rng.shuffle(Array.from({ length: INDICATORS_PER_ORG }, (_, i) => i)).slice(0, convergenceCount);
  convergenceAt.forEach((at, k) => (kinds[at] = k < 5 ? 'common' : 'convergence'));
  const indicators: PlanDocument['indicators'] = [];
  indCounts.forEach((n, g) => {
    for (let k = 0; k < n; k++) {
      const i = indicators.length;
      const kind = kinds[i]!;
      const lead = dpgDept[g]!;
      const measure = rng.pick(MEASURES);
      const milestone = kind === 'unique' && rng.chance(0.1);
      const baseline = measure.unit === '%' || measure.unit === '점' ? rng.int(40, 85) : rng.int(10, 5000);
      const target = measure.lower
        ? Math.round(baseline * (0.7 + rng.next() * 0.25))
        : Math.round(baseline * (1.05 + rng.next() * 0.4));
      const others = deptNames.filter((d) => d !== lead);
      indicators.push({
        code: `I-${pad(i + 1, 3)}`,
        name: `${rng.pick(SUBJECTS)} ${measure.name}`,
        deptPerformanceGoal: deptPerformanceGoals[g]!.code,
        kind,
        leadDepartment: lead,
        participants: kind === 'convergence' ? rng.shuffle(others).slice(0, rng.int(2, 4)) : [],
        unit: milestone ? '' : measure.unit,
        direction: measure.lower && !milestone ? 'lower' : 'higher',
        measurement: milestone ? 'milestone' : 'quantitative',
        formula: milestone ? '' : `(실적 ÷ 목표) × 100`,
        dataSource: milestone ? '추진 실적 보고' : `${lead} 행정자료`,
        frequency: 'monthly',
        baseline: milestone ? null : baseline,
        target: milestone ? null : target,
        weight: rng.pick([1, 1, 1, 1.5, 2]),
        convergenceRule: kind === 'convergence' ? rng.pick(['sum', 'average', 'lead'] as const) : 'sum',
        milestones: milestone
          ? [
              { name: '계획 수립', weight: 20 },
              { name: '추진', weight: 50 },
              { name: '완료 및 평가', weight: 30 },
            ]
          : [],
        tags: kind !== 'unique' && rng.chance(0.3) ? ['정부합동평가'] : [],
        illustrative: true,
      });
    }
  });

  // ~250 tasks: one per indicator, a second one for a quarter of them.
  const tasks: PlanDocument['tasks'] = [];
  for (const ind of indicators) {
    const n = rng.chance(0.25) ? 2 : 1;
    for (let k = 0; k < n; k++) {
      const department = ind.participants.length && k > 0 ? rng.pick(ind.participants) : ind.leadDepartment;
      const budget = rng.chance(0.7) ? rng.int(1, 500) * 1_000_000 : 0;
      const start = rng.int(1, 4);
      tasks.push({
        code: `T-${pad(tasks.length + 1, 4)}`,
        name: `${ind.name.split(' ')[0]} ${rng.pick(TASK_KINDS)}`,
        indicator: ind.code,
        department,
        startDate: `2020-${pad(start, 2)}-01`,
        endDate: `2020-12-31`,
        progress: rng.int(60, 100),
        budgetProgramCode: budget ? `P${pad(rng.int(1, 999), 3)}` : '',
        budgetProgramName: budget ? `${ind.name.split(' ')[0]} 사업` : '',
        budgetAmount: budget,
        executedAmount: budget ? Math.round((budget * rng.int(50, 100)) / 100) : 0,
        illustrative: true,
      });
    }
  }

  // 12 monthly results per indicator (the lead department's), cumulative towards the target.
  const results: PlanDocument['results'] = [];
  for (const ind of indicators) {
    const reach = 0.8 + rng.next() * 0.35;
    for (let m = 1; m <= 12; m++) {
      const status = m <= 8 ? 'verified' : m <= 10 ? 'approved' : m === 11 ? 'submitted' : 'draft';
      const next = m === 12 ? '2021-01' : `2020-${pad(m + 1, 2)}`;
      let actual: number | null = null;
      let milestonesDone: string[] = [];
      if (ind.measurement === 'milestone') {
        milestonesDone = ind.milestones.slice(0, Math.min(3, Math.floor(m / 4))).map((x) => x.name);
      } else {
        const b = ind.baseline ?? 0;
        const t = ind.target ?? 0;
        actual = round1(b + (t - b) * reach * (m / 12) + (rng.next() - 0.5) * Math.abs(t - b) * 0.05);
      }
      results.push({
        indicator: ind.code,
        department: ind.leadDepartment,
        period: `2020-M${pad(m, 2)}`,
        actual,
        milestonesDone,
        comment: m % 3 === 0 ? `${m}월 실적 입력` : '',
        status,
        firstSubmittedAt: status === 'draft' ? null : `${next}-0${rng.int(1, 9)}T${pad(rng.int(9, 17), 2)}:00:00+09:00`,
        evidenceCount: status === 'draft' ? 0 : rng.int(0, 2),
        illustrative: true,
      });
    }
  }

  return {
    format: INTERCHANGE_FORMAT,
    formatVersion: INTERCHANGE_VERSION,
    organization: { code: organizationCode(index), name: orgName },
    plan: {
      year: NATIONAL_YEAR,
      title: `${orgName} ${NATIONAL_YEAR}년 성과관리 시행계획 (벤치마크용 가상 자료)`,
      status: 'active',
      visionName: `비전 ${NATIONAL_YEAR + 2}`,
      visionSlogan: `함께 만드는 ${orgName}`,
      overview: '',
      futurePlan: '',
      priorYearFacts: {},
      evaluationScheme: {},
      calendar: {},
      illustrative: true,
    },
    visionPillars,
    departments,
    orgStrategicGoals,
    orgPerformanceGoals,
    deptStrategicGoals,
    deptPerformanceGoals,
    indicators,
    tasks,
    results,
    evaluationInputs: { raterAssignments: [], ratings: [], bonusAwards: [], qualitativeScores: [], penaltyCases: [] },
    externalAwards: [],
    claimedTotals: null,
  };
}

export interface LoadProgress {
  loaded: number;
  total: number;
  elapsedMs: number;
}

export interface LoadReport {
  organizations: number;
  rows: { indicators: number; tasks: number; results: number; all: number };
  /** Time spent generating the documents (in JS). */
  generateMs: number;
  /** Time spent in insertPlanDocument transactions. */
  insertMs: number;
  totalMs: number;
}

/** Number of rows a document writes (all tables). */
export function rowCount(doc: PlanDocument): number {
  return (
    2 + // organization, plan
    doc.visionPillars.length +
    doc.departments.length +
    doc.orgStrategicGoals.length +
    doc.orgPerformanceGoals.length +
    doc.deptStrategicGoals.length +
    doc.deptPerformanceGoals.length +
    doc.indicators.length +
    doc.indicators.reduce((n, i) => n + 1 + i.participants.length, 0) +
    doc.tasks.length +
    doc.results.length
  );
}

/**
 * Generates and loads organizations 0..count-1, one transaction per organization through
 * insertPlanDocument (as an import does, without the audit row).
 */
export async function loadNational(db: Db, count: number, onProgress?: (p: LoadProgress) => void): Promise<LoadReport> {
  const report: LoadReport = {
    organizations: count,
    rows: { indicators: 0, tasks: 0, results: 0, all: 0 },
    generateMs: 0,
    insertMs: 0,
    totalMs: 0,
  };
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const g0 = performance.now();
    const doc = generateOrganization(i);
    const g1 = performance.now();
    await db.transaction(async (tx) => {
      const organizationId = await upsertOrganization(tx, doc.organization);
      await insertPlanDocument(tx, organizationId, doc);
    });
    report.generateMs += g1 - g0;
    report.insertMs += performance.now() - g1;
    report.rows.indicators += doc.indicators.length;
    report.rows.tasks += doc.tasks.length;
    report.rows.results += doc.results.length;
    report.rows.all += rowCount(doc);
    onProgress?.({ loaded: i + 1, total: count, elapsedMs: performance.now() - t0 });
  }
  report.totalMs = performance.now() - t0;
  return report;
}

/** SHA-256 over the documents of organizations 0..count-1: the same value on every run and machine. */
export function fingerprint(count: number): string {
  const h = crypto.createHash('sha256');
  for (let i = 0; i < count; i++) h.update(JSON.stringify(generateOrganization(i)));
  return h.digest('hex');
}
