/**
 * Plan documents for the Excel tests and the import benchmark: a small plan that uses every sheet
 * and column, and a generated plan of any size. Illustrative content only.
 */
import { planDocumentSchema, type PlanDocument, type PlanDocumentInput } from '../../contracts/interchange.js';

/** A small plan touching every sheet and column of the workbook. */
export function smallPlan(year = 2031): PlanDocumentInput {
  return {
    format: 'bsc-plan',
    formatVersion: 1,
    organization: { code: 'excel-gu', name: '엑셀구' },
    plan: {
      year,
      title: `${year}년 성과관리(BSC) 시행계획`,
      status: 'draft',
      visionName: '비전 2035',
      visionSlogan: '함께 여는 내일',
      overview: '근거: 정부업무평가 기본법 제18조\n대상: 3개 부서',
      futurePlan: '분기별 점검, 연말 평가',
      priorYearFacts: {
        externalEvaluations: { awards: 12, incentivesKrw: 1_200_000_000 },
        notableAwards: [{ name: '지방자치 경영대상', result: '대상', consecutiveYears: 2 }],
        indicators: { count: 150, averageAchievementRate: 91.5 },
      },
      evaluationScheme: { achievement: { cap: 120 } },
      calendar: { deadlines: { Q1: `${year}-04-10` } },
      illustrative: true,
    },
    visionPillars: [{ name: '일자리 1위' }, { name: '삶의 질 1위' }],
    departments: [
      { name: '기획예산과' },
      { name: '교통과', formerNames: ['교통행정과', '교통정책과'] },
      { name: '보건소', group: '보건소' },
      { name: '의회사무국', group: '의회', evaluated: false },
    ],
    orgStrategicGoals: [
      { code: 'S1', name: '일하는 도시', visionPillar: '일자리 1위' },
      { code: 'S2', name: '안전한 도시', visionPillar: null },
    ],
    orgPerformanceGoals: [
      { code: 'G01', no: 1, name: '좋은 일자리', orgStrategicGoal: 'S1' },
      { code: 'G02', no: 2, name: '교통 안전', orgStrategicGoal: 'S2' },
    ],
    deptStrategicGoals: [
      { code: 'D001', name: '교통사고 줄이기', orgPerformanceGoal: 'G02', department: '교통과', illustrative: true },
      { code: 'D002', name: '성과관리 내실화, 예산 연계', orgPerformanceGoal: 'G01', department: '기획예산과' },
    ],
    deptPerformanceGoals: [
      { code: 'D001-1', name: '보행 안전', deptStrategicGoal: 'D001' },
      { code: 'D002-1', name: '평가 체계', deptStrategicGoal: 'D002', illustrative: true },
    ],
    indicators: [
      {
        code: '001',
        name: '보행자 사고 건수',
        deptPerformanceGoal: 'D001-1',
        leadDepartment: '교통과',
        unit: '건',
        direction: 'lower',
        formula: '연간 보행자 사고 건수 (경찰청 통계)',
        dataSource: '경찰청',
        frequency: 'yearly',
        baseline: 120.5,
        target: 100,
        weight: 1.5,
        tags: ['정부합동평가', '서울시 인센티브'],
      },
      {
        code: 'I002',
        name: '제안 반영률',
        deptPerformanceGoal: 'D002-1',
        kind: 'convergence',
        leadDepartment: '기획예산과',
        participants: ['교통과', '보건소'],
        unit: '%',
        target: 80,
        frequency: 'half_yearly',
        convergenceRule: 'average',
      },
      {
        code: 'I003',
        name: '청렴시책 달성도',
        deptPerformanceGoal: 'D002-1',
        kind: 'common',
        leadDepartment: '기획예산과',
        measurement: 'milestone',
        milestones: [
          { name: '계획 수립', weight: 1 },
          { name: '교육: 전 직원', weight: 2.5 },
        ],
        frequency: 'monthly',
        weight: 0,
        tags: ['기관 자체, 내부'],
        illustrative: true,
      },
    ],
    tasks: [
      {
        code: 'T001',
        name: '횡단보도 개선',
        indicator: '001',
        department: '교통과',
        startDate: `${year}-03-01`,
        endDate: `${year}-11-30`,
        progress: 42.5,
        budgetProgramCode: '0012',
        budgetProgramName: '교통안전시설 확충',
        budgetAmount: 150_000_000,
        executedAmount: 61_234_567,
      },
      { code: 'T002', name: '제안 공모', indicator: 'I002', department: '기획예산과', illustrative: true },
    ],
    results: [
      {
        indicator: '001',
        department: '교통과',
        period: `${year}`,
        actual: 97,
        status: 'verified',
        firstSubmittedAt: `${year + 1}-01-05T09:30:00.000+09:00`,
        evidenceCount: 2,
        comment: '연간 실적',
      },
      { indicator: 'I002', department: '보건소', period: `${year}-H1`, actual: 70.25, status: 'submitted' },
      {
        indicator: 'I003',
        department: '교통과',
        period: `${year}-M03`,
        milestonesDone: ['계획 수립'],
        status: 'approved',
      },
    ],
    evaluationInputs: {
      raterAssignments: [{ indicator: '001', rater: 'rater-1' }],
      ratings: [{ indicator: '001', rater: 'rater-1', representativeness: 80, difficulty: 72.5, completeness: null }],
      bonusAwards: [
        { department: '교통과', item: 'training', points: 1, reason: '워크숍 참석', grantedBy: '기획예산과' },
      ],
      qualitativeScores: [{ department: '교통과', points: 4.5, comment: '노력', givenBy: '구청장' }],
      penaltyCases: [
        {
          department: '교통과',
          indicator: '001',
          kind: 'late_entry',
          period: `${year}-Q1`,
          detail: '3일 늦음',
          waived: true,
          waivedReason: '시스템 장애',
        },
        { department: '보건소', kind: 'missing_evidence', period: `${year}-H1` },
      ],
    },
    externalAwards: [
      {
        year: year - 1,
        name: '지방자치단체 혁신평가 우수',
        agency: '행정안전부',
        department: null,
        incentiveKrw: 300_000_000,
      },
    ],
    claimedTotals: {
      source: '원본 문서 붙임 1',
      counts: { indicators: 3, tasks: 3, uniqueIndicators: 2, convergenceIndicators: 2 },
      commonIndicatorNames: ['청렴시책 달성', '직원 연가 사용률'],
      byDepartment: [{ name: '교통행정과', deptStrategicGoals: 1, indicators: 1, tasks: 2 }],
    },
  };
}

/** A generated plan with `indicators` indicators (≈ 1.25 tasks each, a result per indicator). */
export function generatedPlan(indicators: number, year = 2040): PlanDocument {
  const deptCount = 40;
  const departments = Array.from({ length: deptCount }, (_, i) => ({
    name: `부서${String(i + 1).padStart(2, '0')}과`,
  }));
  const osg = Array.from({ length: 5 }, (_, i) => ({
    code: `S${i + 1}`,
    name: `전략목표 ${i + 1}`,
    visionPillar: null,
  }));
  const opg = Array.from({ length: 16 }, (_, i) => ({
    code: `G${String(i + 1).padStart(2, '0')}`,
    no: i + 1,
    name: `성과목표 ${i + 1}`,
    orgStrategicGoal: `S${(i % 5) + 1}`,
  }));
  const dsgCount = Math.max(1, Math.round(indicators / 2.2));
  const dsg = Array.from({ length: dsgCount }, (_, i) => ({
    code: `D${String(i + 1).padStart(4, '0')}`,
    name: `부서 전략목표 ${i + 1}`,
    orgPerformanceGoal: opg[i % opg.length]!.code,
    department: departments[i % deptCount]!.name,
  }));
  const dpgCount = Math.max(1, Math.round(indicators / 1.2));
  const dpg = Array.from({ length: dpgCount }, (_, i) => ({
    code: `P${String(i + 1).padStart(4, '0')}`,
    name: `부서 성과목표 ${i + 1}`,
    deptStrategicGoal: dsg[i % dsgCount]!.code,
  }));
  const ind = Array.from({ length: indicators }, (_, i) => {
    const goal = dpg[i % dpgCount]!;
    const owner = dsg.find((d) => d.code === goal.deptStrategicGoal)!.department;
    const conv = i % 10 === 0;
    return {
      code: `I${String(i + 1).padStart(5, '0')}`,
      name: `성과지표 ${i + 1} — 주민 만족도, 처리 건수`,
      deptPerformanceGoal: goal.code,
      kind: conv ? ('convergence' as const) : ('unique' as const),
      leadDepartment: owner,
      participants: conv
        ? [departments[(i + 1) % deptCount]!.name, departments[(i + 2) % deptCount]!.name].filter((d) => d !== owner)
        : [],
      unit: i % 3 === 0 ? '%' : '건',
      direction: i % 7 === 0 ? ('lower' as const) : ('higher' as const),
      formula: '(실적 ÷ 목표) × 100',
      frequency: 'quarterly' as const,
      baseline: 100 + (i % 50),
      target: 110 + (i % 60),
      tags: i % 5 === 0 ? ['정부합동평가'] : [],
    };
  });
  const tasks = Array.from({ length: Math.round(indicators * 1.25) }, (_, i) => {
    const x = ind[i % indicators]!;
    return {
      code: `T${String(i + 1).padStart(5, '0')}`,
      name: `이행과제 ${i + 1}`,
      indicator: x.code,
      department: x.leadDepartment,
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
      progress: i % 100,
      budgetAmount: 1_000_000 * (i % 30),
    };
  });
  const results = ind.map((x, i) => ({
    indicator: x.code,
    department: x.leadDepartment,
    period: `${year}-Q1`,
    actual: 20 + (i % 40),
    status: 'submitted' as const,
  }));
  return planDocumentSchema.parse({
    format: 'bsc-plan',
    formatVersion: 1,
    organization: { code: 'bench-gu', name: '벤치구' },
    plan: { year, title: `${year}년 성과관리 시행계획 (생성)`, illustrative: true },
    departments,
    orgStrategicGoals: osg,
    orgPerformanceGoals: opg,
    deptStrategicGoals: dsg,
    deptPerformanceGoals: dpg,
    indicators: ind,
    tasks,
    results,
  } satisfies PlanDocumentInput);
}
