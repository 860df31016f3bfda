/**
 * The figures the reference plan states (DOMAIN.md, "The seed's tables, reconciled"; the plan's
 * sections I, II and V) — what the demo must reproduce exactly. Tests compare the demo's derived
 * tables with these; the builder takes from here only what the TSV seed does not carry (the
 * department groups, the previous year's figures and the 2019→2020 changes).
 */
export const DEMO_FACTS = {
  organization: { code: 'songpa', name: '서울특별시 송파구' },
  year: 2020,
  title: '2020년 성과관리(BSC) 시행계획',
  vision: { name: '비전 2022', pillars: ['일자리 1위', '교육 1위', '삶의 질 1위'] },
  orgStrategicGoals: [
    {
      code: 'S1',
      name: '일자리 송파',
      pillar: '일자리 1위',
      goals: [1, 2, 3],
      indicators: 16,
      convergenceIndicators: 4,
      tasks: 18,
    },
    {
      code: 'S2',
      name: '배우는 송파',
      pillar: '교육 1위',
      goals: [4, 5, 6, 7],
      indicators: 30,
      convergenceIndicators: 3,
      tasks: 37,
    },
    {
      code: 'S3',
      name: '안전한 송파',
      pillar: '삶의 질 1위',
      goals: [8, 9],
      indicators: 29,
      convergenceIndicators: 3,
      tasks: 37,
    },
    {
      code: 'S4',
      name: '꿈꾸는 송파',
      pillar: '삶의 질 1위',
      goals: [10, 11, 12],
      indicators: 41,
      convergenceIndicators: 2,
      tasks: 51,
    },
    {
      code: 'S5',
      name: '재밌는 송파',
      pillar: '삶의 질 1위',
      goals: [13, 14, 15, 16],
      indicators: 79,
      convergenceIndicators: 21,
      tasks: 100,
    },
  ],
  /** 목표·지표 현황 as derived from the data (the body's figures, reconciled). */
  counts: {
    orgStrategicGoals: 5,
    orgPerformanceGoals: 16,
    deptStrategicGoals: 89,
    deptPerformanceGoals: 163,
    indicators: 195,
    convergenceIndicators: 33,
    commonIndicators: 5,
    tasks: 243,
    departments: 42,
  },
  /** 평가대상: 42개부서 (區 본청 37, 박물관 1, 보건소 4); 구의회사무국, 동 주민센터 제외. */
  departmentGroups: {
    본청: 37,
    박물관: ['송파책박물관'],
    보건소: ['보건위생과', '건강증진과', '의약과', '보건지소'],
  },
  notEvaluated: [
    { name: '구의회사무국', group: '의회' },
    { name: '동주민센터', group: '동' },
  ],
  /** One department, two names: 주택과 in the body, 주택관리과 in 붙임 1. */
  twoNames: { name: '주택과', formerName: '주택관리과' },
  /** The five common indicators, as named in 붙임 2 (the data's names). */
  commonIndicators: [
    '사회적경제기업제품 구매율',
    '청렴시책 달성',
    '직원 연가 사용률',
    '제안마당 등록실적 지수',
    '제로페이(업무추진비) 추진율',
  ],
  /** What the document claims (body table and 붙임 1), for the consistency checks. */
  claimed: {
    source: '2020 시행계획 본문·붙임 1',
    counts: {
      indicators: 195,
      uniqueIndicators: 164,
      convergenceIndicators: 33,
      commonIndicators: 5,
      tasks: 241,
      deptStrategicGoals: 89,
      deptPerformanceGoals: 163,
      orgStrategicGoals: 5,
      orgPerformanceGoals: 16,
      departments: 42,
    },
    /** 공통지표 현황(5개) as printed in the body. */
    commonIndicatorNames: [
      '사회적경제기업 제품 구매율',
      '청렴시책 달성도',
      '직원 연가 사용률',
      '제안등록 실적지수',
      '제로페이(업무추진비) 사용률',
    ],
    /** 붙임 1 vs the body (derived): tasks differ for three departments. */
    taskDifferences: [
      { department: '주거사업과', claimed: 5, derived: 4 },
      { department: '국제관광과', claimed: 5, derived: 7 },
      { department: '자치행정과', claimed: 4, derived: 5 },
    ],
  },
  /** Section V "달라진 점" (2019 → 2020). */
  changes: {
    deptStrategicGoals: { from: 85, to: 89 },
    deptPerformanceGoals: { from: 159, to: 163 },
    convergenceIndicators: { from: 29, to: 33 },
    newConvergenceIndicators: [
      '주요 언론매체 보도건수',
      '직원교육 이수율',
      '직원 후생복지 만족도',
      '친환경 공용차량 도입율',
      '제로페이(업무추진비) 추진율',
    ],
    commonReplaced: { from: '고객만족행정도', to: '제로페이(업무추진비) 추진율' },
    newEvaluationItem: '성과관리 부서 노력도 평가 신설',
  },
  /** Section II "2019년도 운영성과". */
  previousYear: {
    year: 2019,
    awards: 104,
    incentivesKrw: 6_290_000_000,
    stevie: '아시아·태평양 스티비 어워드',
    pinnacle: { name: '피나클어워즈', prize: '금상', consecutiveYears: 8 },
    cityDistrictJointProjects: { consecutiveYears: 3, projects: 12, incentivesKrw: 330_000_000 },
    indicators: 195,
    averageAchievementRate: 92.63,
  },
} as const;
