/**
 * Small plan documents for tests: `makePlan()` is a minimal *valid* plan (checkPlan finds nothing),
 * and every level can be overridden — replaced by a list of partial rows, or transformed from the
 * defaults by a function. Row builders (`row.indicator({...})`) fill every field a row needs.
 *
 *   makePlan()                                                   // 2 departments, 3 indicators, 3 tasks
 *   makePlan({ indicators: (d) => [...d, { code: 'I9', name: 'X', deptPerformanceGoal: 'D001-1' }] })
 *   makePlan({ departments: [{ name: '교통과' }], validate: false })
 *
 * By default the result goes through `planDocumentSchema.parse` (so it is exactly what an import
 * would hold); `validate: false` skips it to build documents the schema would refuse.
 * Pure (no I/O): usable from domain/ tests and features/ tests alike.
 */
import {
  INTERCHANGE_FORMAT,
  INTERCHANGE_VERSION,
  planDocumentSchema,
  type ClaimedTotals,
  type EvaluationInputs,
  type PlanDocument,
} from '../../contracts/interchange.js';

type RowOf<K extends keyof PlanDocument> = PlanDocument[K] extends readonly (infer R)[] ? R : never;

export type PillarRow = RowOf<'visionPillars'>;
export type DepartmentRow = RowOf<'departments'>;
export type OrgStrategicGoalRow = RowOf<'orgStrategicGoals'>;
export type OrgPerformanceGoalRow = RowOf<'orgPerformanceGoals'>;
export type DeptStrategicGoalRow = RowOf<'deptStrategicGoals'>;
export type DeptPerformanceGoalRow = RowOf<'deptPerformanceGoals'>;
export type IndicatorRow = RowOf<'indicators'>;
export type TaskRow = RowOf<'tasks'>;
export type ResultRow = RowOf<'results'>;
export type ExternalAwardRow = RowOf<'externalAwards'>;

/** Row builders: every field filled, `p` wins. Codes default to the first row of the minimal plan. */
export const row = {
  pillar: (p: Partial<PillarRow> = {}): PillarRow => ({ name: '비전1', ...p }),
  department: (p: Partial<DepartmentRow> = {}): DepartmentRow => ({
    name: '기획예산과',
    group: '본청',
    evaluated: true,
    formerNames: [],
    ...p,
  }),
  orgStrategicGoal: (p: Partial<OrgStrategicGoalRow> = {}): OrgStrategicGoalRow => ({
    code: 'S1',
    name: '전략목표1',
    visionPillar: '비전1',
    ...p,
  }),
  orgPerformanceGoal: (p: Partial<OrgPerformanceGoalRow> = {}): OrgPerformanceGoalRow => ({
    code: 'G01',
    no: 1,
    name: '성과목표1',
    orgStrategicGoal: 'S1',
    ...p,
  }),
  deptStrategicGoal: (p: Partial<DeptStrategicGoalRow> = {}): DeptStrategicGoalRow => ({
    code: 'D001',
    name: '부서 전략목표1',
    orgPerformanceGoal: 'G01',
    department: '기획예산과',
    illustrative: false,
    ...p,
  }),
  deptPerformanceGoal: (p: Partial<DeptPerformanceGoalRow> = {}): DeptPerformanceGoalRow => ({
    code: 'D001-1',
    name: '부서 성과목표1',
    deptStrategicGoal: 'D001',
    illustrative: false,
    ...p,
  }),
  indicator: (p: Partial<IndicatorRow> = {}): IndicatorRow => ({
    code: 'I001',
    name: '성과지표1',
    deptPerformanceGoal: 'D001-1',
    kind: 'unique',
    leadDepartment: '기획예산과',
    participants: [],
    unit: '%',
    direction: 'higher',
    measurement: 'quantitative',
    formula: '',
    dataSource: '',
    frequency: 'quarterly',
    baseline: 90,
    target: 95,
    weight: 1,
    convergenceRule: 'sum',
    milestones: [],
    tags: [],
    illustrative: false,
    ...p,
  }),
  task: (p: Partial<TaskRow> = {}): TaskRow => ({
    code: 'T001',
    name: '이행과제1',
    indicator: 'I001',
    department: '기획예산과',
    startDate: '2020-01-01',
    endDate: '2020-12-31',
    progress: 50,
    budgetProgramCode: '',
    budgetProgramName: '',
    budgetAmount: 0,
    executedAmount: 0,
    illustrative: false,
    ...p,
  }),
  result: (p: Partial<ResultRow> = {}): ResultRow => ({
    indicator: 'I001',
    department: '기획예산과',
    period: '2020',
    actual: null,
    milestonesDone: [],
    comment: '',
    status: 'draft',
    firstSubmittedAt: null,
    evidenceCount: 0,
    illustrative: false,
    ...p,
  }),
  externalAward: (p: Partial<ExternalAwardRow> = {}): ExternalAwardRow => ({
    year: 2019,
    name: '대외 평가',
    agency: '',
    department: null,
    incentiveKrw: 0,
    illustrative: false,
    ...p,
  }),
};

/** A level override: partial rows replacing the defaults, or a function of the default rows. */
export type LevelOverride<T> = Partial<T>[] | ((defaults: T[]) => Partial<T>[]);

export interface PlanOverrides {
  organization?: Partial<PlanDocument['organization']>;
  plan?: Partial<PlanDocument['plan']>;
  visionPillars?: LevelOverride<PillarRow>;
  departments?: LevelOverride<DepartmentRow>;
  orgStrategicGoals?: LevelOverride<OrgStrategicGoalRow>;
  orgPerformanceGoals?: LevelOverride<OrgPerformanceGoalRow>;
  deptStrategicGoals?: LevelOverride<DeptStrategicGoalRow>;
  deptPerformanceGoals?: LevelOverride<DeptPerformanceGoalRow>;
  indicators?: LevelOverride<IndicatorRow>;
  tasks?: LevelOverride<TaskRow>;
  results?: LevelOverride<ResultRow>;
  externalAwards?: LevelOverride<ExternalAwardRow>;
  evaluationInputs?: Partial<EvaluationInputs>;
  claimedTotals?: Partial<ClaimedTotals> | null;
  /** Parse with the interchange schema (default true). False: build documents the schema refuses. */
  validate?: boolean;
}

/** The minimal plan's rows, level by level (a fresh copy on every call). */
export function defaultRows() {
  return {
    visionPillars: [row.pillar()],
    departments: [row.department({ name: '기획예산과' }), row.department({ name: '총무과' })],
    orgStrategicGoals: [row.orgStrategicGoal()],
    orgPerformanceGoals: [row.orgPerformanceGoal()],
    deptStrategicGoals: [
      row.deptStrategicGoal({ code: 'D001', name: '성과지향적 기획·조정체계 운영', department: '기획예산과' }),
      row.deptStrategicGoal({ code: 'D002', name: '경쟁력 있는 인재 육성', department: '총무과' }),
    ],
    deptPerformanceGoals: [
      row.deptPerformanceGoal({ code: 'D001-1', name: '성과관리 내실화', deptStrategicGoal: 'D001' }),
      row.deptPerformanceGoal({ code: 'D002-1', name: '직원 역량 강화', deptStrategicGoal: 'D002' }),
    ],
    indicators: [
      row.indicator({ code: 'I001', name: '예산 집행률', deptPerformanceGoal: 'D001-1', leadDepartment: '기획예산과' }),
      row.indicator({
        code: 'I002',
        name: '직원 교육 이수율',
        deptPerformanceGoal: 'D002-1',
        leadDepartment: '총무과',
        baseline: 80,
        target: 90,
      }),
      row.indicator({
        code: 'I003',
        name: '협업과제 추진건수',
        deptPerformanceGoal: 'D001-1',
        kind: 'convergence',
        leadDepartment: '기획예산과',
        participants: ['총무과'],
        unit: '건',
        baseline: 8,
        target: 10,
      }),
    ],
    tasks: [
      row.task({ code: 'T001', name: '예산 집행 점검', indicator: 'I001', department: '기획예산과' }),
      row.task({ code: 'T002', name: '직무교육 과정 운영', indicator: 'I002', department: '총무과' }),
      row.task({ code: 'T003', name: '부서 협업과제 발굴', indicator: 'I003', department: '기획예산과' }),
    ],
    results: [] as ResultRow[],
    externalAwards: [] as ExternalAwardRow[],
  };
}

function level<T>(defaults: T[], build: (p: Partial<T>) => T, override: LevelOverride<T> | undefined): T[] {
  if (override === undefined) return defaults;
  const rows = typeof override === 'function' ? override(defaults) : override;
  return rows.map((r) => build(r));
}

/** A plan document: the minimal valid plan with the given overrides. */
export function makePlan(overrides: PlanOverrides = {}): PlanDocument {
  const d = defaultRows();
  const doc: PlanDocument = {
    format: INTERCHANGE_FORMAT,
    formatVersion: INTERCHANGE_VERSION,
    organization: { code: 'test-org', name: '테스트구', ...overrides.organization },
    plan: {
      year: 2020,
      title: '2020년 성과관리(BSC) 시행계획',
      status: 'active',
      visionName: '비전',
      visionSlogan: '',
      overview: '',
      futurePlan: '',
      priorYearFacts: {},
      evaluationScheme: {},
      calendar: {},
      illustrative: false,
      ...overrides.plan,
    },
    visionPillars: level(d.visionPillars, row.pillar, overrides.visionPillars),
    departments: level(d.departments, row.department, overrides.departments),
    orgStrategicGoals: level(d.orgStrategicGoals, row.orgStrategicGoal, overrides.orgStrategicGoals),
    orgPerformanceGoals: level(d.orgPerformanceGoals, row.orgPerformanceGoal, overrides.orgPerformanceGoals),
    deptStrategicGoals: level(d.deptStrategicGoals, row.deptStrategicGoal, overrides.deptStrategicGoals),
    deptPerformanceGoals: level(d.deptPerformanceGoals, row.deptPerformanceGoal, overrides.deptPerformanceGoals),
    indicators: level(d.indicators, row.indicator, overrides.indicators),
    tasks: level(d.tasks, row.task, overrides.tasks),
    results: level(d.results, row.result, overrides.results),
    evaluationInputs: {
      raterAssignments: [],
      ratings: [],
      bonusAwards: [],
      qualitativeScores: [],
      penaltyCases: [],
      ...overrides.evaluationInputs,
    },
    externalAwards: level(d.externalAwards, row.externalAward, overrides.externalAwards),
    claimedTotals:
      overrides.claimedTotals == null
        ? null
        : { source: '', counts: {}, commonIndicatorNames: [], byDepartment: [], ...overrides.claimedTotals },
  };
  return overrides.validate === false ? doc : planDocumentSchema.parse(doc);
}
