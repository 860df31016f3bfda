/**
 * The layout of the plan workbook (엑셀 서식): one sheet per level of a plan document, its columns
 * with Korean headers, notes and drop-down lists, and how each column maps to a field of the
 * interchange format (contracts/interchange.ts). The template writer, the plan export and the
 * importer all read this one definition, so a filled template round-trips into the same plan.
 *
 * Pure data: no I/O.
 */

/** A Korean label for each value of an enumerated field (the drop-down shows the labels). */
export interface EnumOption {
  value: string;
  label: string;
}

export type CellType =
  | 'text' // string, kept as typed ('' when blank → the schema default)
  | 'nullableText' // string, blank → null
  | 'number' // number, blank → the schema default
  | 'nullableNumber' // number, blank → null
  | 'int' // integer (counts, KRW), blank → default
  | 'bool' // 예/아니오
  | 'enum' // one of `options` (label or value)
  | 'list' // several values: one per line, or separated by commas
  | 'milestones' // one per line: "이름: 가중치"
  | 'date' // YYYY-MM-DD (an Excel date or text), blank → null
  | 'datetime' // ISO 8601 text with offset, blank → null
  | 'json'; // a JSON object, blank → {}

/** Where a drop-down takes its values: a fixed list or a column of another sheet. */
export type ListSource = { kind: 'options' } | { kind: 'sheet'; sheet: string; column: string };

export interface ColumnDef {
  /** Field name in the row object of the interchange format. */
  key: string;
  header: string;
  type: CellType;
  /** Column width in characters. */
  width: number;
  required?: boolean;
  note: string;
  options?: readonly EnumOption[];
  /** Drop-down list (enums get one from their options). */
  list?: ListSource;
  /** A drop-down that only warns (values outside the list are allowed). */
  listWarnOnly?: boolean;
  /** Excel number format of the data cells. */
  numFmt?: string;
}

/** A sheet of rows: one row per item of a list of the plan document. */
export interface TableSheetDef {
  kind: 'table';
  name: string;
  /** Path of the list in the plan document: 'indicators', 'evaluationInputs.ratings', … */
  path: string;
  /** Sheets that may be absent (an absent sheet gives an empty list). */
  optional: boolean;
  description: string;
  columns: readonly ColumnDef[];
}

/** A sheet of "항목 | 값" rows: fields of one object (the plan header, the claimed totals). */
export interface KeyValueSheetDef {
  kind: 'keyValue';
  name: string;
  optional: boolean;
  description: string;
  rows: readonly (ColumnDef & {
    /** Path of the field in the plan document: 'plan.year'. */ path: string;
    repeat?: boolean;
  })[];
}

export type SheetDef = TableSheetDef | KeyValueSheetDef;

// ───────────────────────── Korean labels of enumerated values ─────────────────────────

export const PLAN_STATUS: readonly EnumOption[] = [
  { value: 'draft', label: '초안' },
  { value: 'active', label: '시행' },
  { value: 'closed', label: '마감' },
];
export const INDICATOR_KIND: readonly EnumOption[] = [
  { value: 'unique', label: '고유' },
  { value: 'convergence', label: '융합' },
  { value: 'common', label: '공통' },
];
export const DIRECTION: readonly EnumOption[] = [
  { value: 'higher', label: '높을수록 좋음' },
  { value: 'lower', label: '낮을수록 좋음' },
];
export const MEASUREMENT: readonly EnumOption[] = [
  { value: 'quantitative', label: '정량' },
  { value: 'milestone', label: '마일스톤' },
];
export const FREQUENCY: readonly EnumOption[] = [
  { value: 'monthly', label: '월' },
  { value: 'quarterly', label: '분기' },
  { value: 'half_yearly', label: '반기' },
  { value: 'yearly', label: '연' },
];
export const CONVERGENCE_RULE: readonly EnumOption[] = [
  { value: 'sum', label: '합계' },
  { value: 'average', label: '평균' },
  { value: 'lead', label: '주관부서 실적' },
];
export const RESULT_STATUS: readonly EnumOption[] = [
  { value: 'draft', label: '작성 중' },
  { value: 'submitted', label: '제출' },
  { value: 'approved', label: '승인' },
  { value: 'verified', label: '검증' },
];
export const BONUS_ITEM: readonly EnumOption[] = [
  { value: 'training', label: '성과관리 교육 참여도' },
  { value: 'convergence', label: '융합지표 협력 우수부서' },
  { value: 'external', label: '대외기관 경쟁력 제고 우수부서' },
  { value: 'best_practice', label: '우수사례' },
  { value: 'effort', label: '성과관리 부서 노력도' },
];
export const PENALTY_KIND: readonly EnumOption[] = [
  { value: 'late_entry', label: '실적 입력시기 미준수' },
  { value: 'missing_evidence', label: '증빙자료 미제출' },
];
export const DEPARTMENT_GROUP: readonly EnumOption[] = ['본청', '박물관', '보건소', '의회', '동'].map((g) => ({
  value: g,
  label: g,
}));

export const YES = '예';
export const NO = '아니오';

export const labelOf = (options: readonly EnumOption[], value: string) =>
  options.find((o) => o.value === value)?.label ?? value;

// ───────────────────────── sheets ─────────────────────────

export const SHEET = {
  guide: '안내',
  plan: '계획',
  pillars: '비전',
  departments: '부서',
  orgStrategicGoals: '區 전략목표',
  orgPerformanceGoals: '區 성과목표',
  deptStrategicGoals: '부서 전략목표',
  deptPerformanceGoals: '부서 성과목표',
  indicators: '성과지표',
  tasks: '이행과제',
  results: '실적',
  raterAssignments: '평가위원 배정',
  ratings: '지표 성격 평가',
  bonusAwards: '가점',
  qualitativeScores: '정성평가',
  penaltyCases: '감점 사례',
  externalAwards: '대외 수상',
  claimedTotals: '주장 합계',
  claimedByDepartment: '주장 합계(부서별)',
} as const;

const dept = (key: string, header: string, note: string, required = true): ColumnDef => ({
  key,
  header,
  type: 'text',
  width: 18,
  required,
  note,
  list: { kind: 'sheet', sheet: SHEET.departments, column: 'A' },
});
const codeCol = (header: string, note: string): ColumnDef => ({
  key: 'code',
  header,
  type: 'text',
  width: 12,
  required: true,
  note,
  numFmt: '@',
});
const parent = (key: string, header: string, sheet: string, note: string): ColumnDef => ({
  key,
  header,
  type: 'text',
  width: 14,
  required: true,
  note,
  numFmt: '@',
  list: { kind: 'sheet', sheet, column: 'A' },
});
const nameCol = (header: string, width = 40): ColumnDef => ({
  key: 'name',
  header,
  type: 'text',
  width,
  required: true,
  note: `${header} (필수, 300자 이내).`,
});
const illustrative: ColumnDef = {
  key: 'illustrative',
  header: '예시',
  type: 'bool',
  width: 7,
  note: "'예'이면 실제 계획이 아닌 예시 내용입니다 (데모). 비우면 '아니오'.",
};
const indicatorRef = (sheetNote = '성과지표 시트의 코드.'): ColumnDef =>
  parent('indicator', '성과지표 코드', SHEET.indicators, sheetNote);

export const PLAN_SHEET: KeyValueSheetDef = {
  kind: 'keyValue',
  name: SHEET.plan,
  optional: false,
  description: '기관과 계획 연도, 문서에 들어가는 글(추진개요, 향후계획).',
  rows: [
    {
      path: 'organization.code',
      key: 'code',
      header: '기관 코드',
      type: 'text',
      width: 0,
      required: true,
      note: '영문 소문자·숫자·하이픈 (예: songpa).',
    },
    {
      path: 'organization.name',
      key: 'name',
      header: '기관명',
      type: 'text',
      width: 0,
      required: true,
      note: '예: 서울특별시 송파구.',
    },
    {
      path: 'plan.year',
      key: 'year',
      header: '연도',
      type: 'int',
      width: 0,
      required: true,
      note: '계획 연도 (예: 2020).',
    },
    {
      path: 'plan.title',
      key: 'title',
      header: '계획 제목',
      type: 'text',
      width: 0,
      required: true,
      note: '예: 2020년 성과관리(BSC) 시행계획.',
    },
    {
      path: 'plan.status',
      key: 'status',
      header: '상태',
      type: 'enum',
      options: PLAN_STATUS,
      width: 0,
      note: '초안·시행·마감. 비우면 시행.',
    },
    { path: 'plan.visionName', key: 'visionName', header: '비전명', type: 'text', width: 0, note: '예: 비전 2022.' },
    {
      path: 'plan.visionSlogan',
      key: 'visionSlogan',
      header: '비전 슬로건',
      type: 'text',
      width: 0,
      note: '비전의 구호.',
    },
    {
      path: 'plan.overview',
      key: 'overview',
      header: '추진개요',
      type: 'text',
      width: 0,
      note: '시행계획 문서 I장(추진개요)의 글. 줄바꿈(Alt+Enter)으로 항목을 나눕니다.',
    },
    {
      path: 'plan.futurePlan',
      key: 'futurePlan',
      header: '향후계획',
      type: 'text',
      width: 0,
      note: '시행계획 문서 VI장(향후계획)의 글.',
    },
    {
      path: 'plan.illustrative',
      key: 'illustrative',
      header: '예시 데이터',
      type: 'bool',
      width: 0,
      note: "'예'이면 예시(데모) 계획입니다.",
    },
    {
      path: 'plan.priorYearFacts',
      key: 'priorYearFacts',
      header: '전년도 운영성과 (JSON)',
      type: 'json',
      width: 0,
      note: '전년도 자료가 시스템에 없을 때 문서 II장에 쓰는 사실 (수상 건수, 인센티브 등). JSON 객체.',
    },
    {
      path: 'plan.evaluationScheme',
      key: 'evaluationScheme',
      header: '평가체계 설정 (JSON)',
      type: 'json',
      width: 0,
      note: '기본값과 다른 평가체계 설정만 (docs/scoring.md). JSON 객체, 비우면 기본값.',
    },
    {
      path: 'plan.calendar',
      key: 'calendar',
      header: '보고 일정 설정 (JSON)',
      type: 'json',
      width: 0,
      note: '실적 입력 마감 등 일정 설정. JSON 객체.',
    },
  ],
};

export const CLAIMED_SHEET: KeyValueSheetDef = {
  kind: 'keyValue',
  name: SHEET.claimedTotals,
  optional: true,
  description:
    '원본 문서가 적어 둔 합계(주장). 데이터와 비교해 차이를 보고합니다 (bsc excel check). 없으면 시트를 지우세요.',
  rows: [
    {
      path: 'claimedTotals.source',
      key: 'source',
      header: '출처',
      type: 'text',
      width: 0,
      note: '합계를 적은 문서·부분 (예: 2020 시행계획 붙임 1).',
    },
    {
      path: 'claimedTotals.counts.orgStrategicGoals',
      key: 'orgStrategicGoals',
      header: '區 전략목표 수',
      type: 'int',
      width: 0,
      note: '문서가 적은 수.',
    },
    {
      path: 'claimedTotals.counts.orgPerformanceGoals',
      key: 'orgPerformanceGoals',
      header: '區 성과목표 수',
      type: 'int',
      width: 0,
      note: '문서가 적은 수.',
    },
    {
      path: 'claimedTotals.counts.deptStrategicGoals',
      key: 'deptStrategicGoals',
      header: '부서 전략목표 수',
      type: 'int',
      width: 0,
      note: '문서가 적은 수.',
    },
    {
      path: 'claimedTotals.counts.deptPerformanceGoals',
      key: 'deptPerformanceGoals',
      header: '부서 성과목표 수',
      type: 'int',
      width: 0,
      note: '문서가 적은 수.',
    },
    {
      path: 'claimedTotals.counts.indicators',
      key: 'indicators',
      header: '성과지표 수',
      type: 'int',
      width: 0,
      note: '문서가 적은 수.',
    },
    {
      path: 'claimedTotals.counts.uniqueIndicators',
      key: 'uniqueIndicators',
      header: '고유지표 수',
      type: 'int',
      width: 0,
      note: '문서가 적은 수.',
    },
    {
      path: 'claimedTotals.counts.convergenceIndicators',
      key: 'convergenceIndicators',
      header: '융합지표 수',
      type: 'int',
      width: 0,
      note: '문서가 적은 수 (공통지표 포함).',
    },
    {
      path: 'claimedTotals.counts.commonIndicators',
      key: 'commonIndicators',
      header: '공통지표 수',
      type: 'int',
      width: 0,
      note: '문서가 적은 수.',
    },
    {
      path: 'claimedTotals.counts.tasks',
      key: 'tasks',
      header: '이행과제 수',
      type: 'int',
      width: 0,
      note: '문서가 적은 수.',
    },
    {
      path: 'claimedTotals.counts.departments',
      key: 'departments',
      header: '부서 수',
      type: 'int',
      width: 0,
      note: '문서가 적은 수.',
    },
    {
      path: 'claimedTotals.commonIndicatorNames',
      key: 'commonIndicatorNames',
      header: '공통지표명',
      type: 'text',
      width: 0,
      repeat: true,
      note: '문서가 공통지표로 적은 이름, 한 행에 하나 (이 행을 반복).',
    },
  ],
};

export const TABLE_SHEETS: readonly TableSheetDef[] = [
  {
    kind: 'table',
    name: SHEET.pillars,
    path: 'visionPillars',
    optional: true,
    description: '비전의 기둥 (예: 일자리 1위, 교육 1위, 삶의 질 1위).',
    columns: [{ key: 'name', header: '비전', type: 'text', width: 30, required: true, note: '비전 기둥의 이름.' }],
  },
  {
    kind: 'table',
    name: SHEET.departments,
    path: 'departments',
    optional: false,
    description: '부서 목록. 다른 시트의 부서명은 여기 있는 이름이어야 합니다.',
    columns: [
      {
        key: 'name',
        header: '부서명',
        type: 'text',
        width: 20,
        required: true,
        note: '부서명 (띄어쓰기 없이, 예: 교통과).',
      },
      {
        key: 'group',
        header: '구분',
        type: 'text',
        width: 10,
        note: '본청·박물관·보건소·의회·동 (다른 값도 가능). 비우면 본청.',
        options: DEPARTMENT_GROUP,
        list: { kind: 'options' },
        listWarnOnly: true,
      },
      {
        key: 'evaluated',
        header: '평가대상',
        type: 'bool',
        width: 9,
        note: "'아니오'이면 평가에서 제외 (의회사무국, 동 주민센터). 비우면 '예'.",
      },
      {
        key: 'formerNames',
        header: '이전 부서명',
        type: 'list',
        width: 24,
        note: '같은 부서의 다른(이전) 이름. 여럿이면 쉼표나 줄바꿈으로 나눕니다 (예: 주택관리과).',
      },
    ],
  },
  {
    kind: 'table',
    name: SHEET.orgStrategicGoals,
    path: 'orgStrategicGoals',
    optional: false,
    description: '區 전략목표.',
    columns: [
      codeCol('코드', '區 전략목표 코드 (시트 안에서 유일, 예: S1).'),
      nameCol('區 전략목표명', 30),
      {
        key: 'visionPillar',
        header: '비전',
        type: 'nullableText',
        width: 16,
        note: '비전 시트의 이름 (없으면 비움).',
        list: { kind: 'sheet', sheet: SHEET.pillars, column: 'A' },
      },
    ],
  },
  {
    kind: 'table',
    name: SHEET.orgPerformanceGoals,
    path: 'orgPerformanceGoals',
    optional: false,
    description: '區 성과목표: 區 전략목표 아래.',
    columns: [
      codeCol('코드', '區 성과목표 코드 (시트 안에서 유일, 예: G01).'),
      {
        key: 'no',
        header: '번호',
        type: 'int',
        width: 7,
        required: true,
        note: '계획에서의 번호 (1부터).',
        numFmt: '0',
      },
      nameCol('區 성과목표명'),
      parent('orgStrategicGoal', '區 전략목표 코드', SHEET.orgStrategicGoals, '區 전략목표 시트의 코드.'),
    ],
  },
  {
    kind: 'table',
    name: SHEET.deptStrategicGoals,
    path: 'deptStrategicGoals',
    optional: false,
    description: '부서 전략목표: 부서가 맡고, 區 성과목표 아래.',
    columns: [
      codeCol('코드', '부서 전략목표 코드 (시트 안에서 유일).'),
      nameCol('부서 전략목표명'),
      parent('orgPerformanceGoal', '區 성과목표 코드', SHEET.orgPerformanceGoals, '區 성과목표 시트의 코드.'),
      dept('department', '부서명', '부서 시트의 부서명.'),
      illustrative,
    ],
  },
  {
    kind: 'table',
    name: SHEET.deptPerformanceGoals,
    path: 'deptPerformanceGoals',
    optional: false,
    description: '부서 성과목표: 부서 전략목표 아래.',
    columns: [
      codeCol('코드', '부서 성과목표 코드 (시트 안에서 유일).'),
      nameCol('부서 성과목표명'),
      parent('deptStrategicGoal', '부서 전략목표 코드', SHEET.deptStrategicGoals, '부서 전략목표 시트의 코드.'),
      illustrative,
    ],
  },
  {
    kind: 'table',
    name: SHEET.indicators,
    path: 'indicators',
    optional: false,
    description: '성과지표: 부서 성과목표 아래. 융합지표는 주관부서와 참여부서를, 공통지표는 주관부서만 적습니다.',
    columns: [
      codeCol('코드', '성과지표 코드 (시트 안에서 유일).'),
      nameCol('성과지표명'),
      parent('deptPerformanceGoal', '부서 성과목표 코드', SHEET.deptPerformanceGoals, '부서 성과목표 시트의 코드.'),
      {
        key: 'kind',
        header: '구분',
        type: 'enum',
        options: INDICATOR_KIND,
        width: 8,
        note: '고유·융합·공통. 공통지표는 모든 평가대상 부서가 각자 측정하는 융합지표. 비우면 고유.',
      },
      dept('leadDepartment', '주관부서', '지표를 가진 부서 (융합·공통지표는 주관부서).'),
      {
        key: 'participants',
        header: '참여부서',
        type: 'list',
        width: 22,
        note: '융합지표에 참여하는 다른 부서. 쉼표나 줄바꿈으로 나눕니다. 공통지표는 비웁니다(전 부서).',
      },
      { key: 'unit', header: '단위', type: 'text', width: 8, note: '예: %, 건, 명.' },
      {
        key: 'direction',
        header: '방향',
        type: 'enum',
        options: DIRECTION,
        width: 13,
        note: '높을수록 좋음 / 낮을수록 좋음. 비우면 높을수록 좋음.',
      },
      {
        key: 'measurement',
        header: '측정방식',
        type: 'enum',
        options: MEASUREMENT,
        width: 10,
        note: '정량(실적치) / 마일스톤(단계 완료). 비우면 정량.',
      },
      { key: 'formula', header: '산식', type: 'text', width: 30, note: '측정 산식.' },
      { key: 'dataSource', header: '자료출처', type: 'text', width: 18, note: '측정 자료의 출처.' },
      {
        key: 'frequency',
        header: '측정주기',
        type: 'enum',
        options: FREQUENCY,
        width: 9,
        note: '월·분기·반기·연. 비우면 분기.',
      },
      {
        key: 'baseline',
        header: '기준치',
        type: 'nullableNumber',
        width: 10,
        note: '전년도 실적 등 기준값 (숫자, 없으면 비움).',
        numFmt: '#,##0.##',
      },
      {
        key: 'target',
        header: '목표치',
        type: 'nullableNumber',
        width: 10,
        note: '목표값 (숫자, 없으면 비움).',
        numFmt: '#,##0.##',
      },
      {
        key: 'weight',
        header: '가중치',
        type: 'number',
        width: 8,
        note: '부서 안에서의 가중치 (0 이상). 비우면 1.',
        numFmt: '0.##',
      },
      {
        key: 'convergenceRule',
        header: '융합 집계',
        type: 'enum',
        options: CONVERGENCE_RULE,
        width: 12,
        note: '융합지표 실적의 집계: 합계·평균·주관부서 실적. 비우면 합계.',
      },
      {
        key: 'milestones',
        header: '마일스톤',
        type: 'milestones',
        width: 26,
        note: "마일스톤 지표의 단계, 한 줄에 하나: '단계명: 가중치' (가중치 생략 시 1).",
      },
      {
        key: 'tags',
        header: '연계 평가',
        type: 'list',
        width: 16,
        note: '상위기관 평가 연계 (정부합동평가, 서울시 인센티브 등). 쉼표나 줄바꿈으로 나눕니다.',
      },
      illustrative,
    ],
  },
  {
    kind: 'table',
    name: SHEET.tasks,
    path: 'tasks',
    optional: false,
    description: '이행과제: 성과지표를 움직이는 일. 예산사업과 금액(원)을 연결합니다.',
    columns: [
      codeCol('코드', '이행과제 코드 (시트 안에서 유일).'),
      nameCol('이행과제명'),
      indicatorRef(),
      dept('department', '부서명', '과제를 맡은 부서.'),
      {
        key: 'startDate',
        header: '시작일',
        type: 'date',
        width: 12,
        note: '날짜 (예: 2020-03-01), 없으면 비움.',
        numFmt: 'yyyy-mm-dd',
      },
      {
        key: 'endDate',
        header: '종료일',
        type: 'date',
        width: 12,
        note: '날짜 (예: 2020-12-31), 없으면 비움.',
        numFmt: 'yyyy-mm-dd',
      },
      { key: 'progress', header: '진척률(%)', type: 'number', width: 9, note: '0~100. 비우면 0.', numFmt: '0.##' },
      {
        key: 'budgetProgramCode',
        header: '예산사업 코드',
        type: 'text',
        width: 12,
        note: '세출예산 사업 코드.',
        numFmt: '@',
      },
      { key: 'budgetProgramName', header: '예산사업명', type: 'text', width: 22, note: '세출예산 사업명.' },
      {
        key: 'budgetAmount',
        header: '예산액(원)',
        type: 'int',
        width: 15,
        note: '원 단위 정수. 비우면 0.',
        numFmt: '#,##0',
      },
      {
        key: 'executedAmount',
        header: '집행액(원)',
        type: 'int',
        width: 15,
        note: '원 단위 정수. 비우면 0.',
        numFmt: '#,##0',
      },
      illustrative,
    ],
  },
  {
    kind: 'table',
    name: SHEET.results,
    path: 'results',
    optional: true,
    description: '실적 (선택): 지표·부서·기간마다 한 행. 계획만 가져올 때는 비워 두세요.',
    columns: [
      indicatorRef(),
      dept('department', '부서명', '실적을 낸 부서 (주관부서, 융합지표의 참여부서, 공통지표의 각 부서).'),
      {
        key: 'period',
        header: '기간',
        type: 'text',
        width: 10,
        required: true,
        note: '2020 (연간), 2020-H1 (반기), 2020-Q3 (분기), 2020-M07 (월).',
        numFmt: '@',
      },
      {
        key: 'actual',
        header: '실적치',
        type: 'nullableNumber',
        width: 10,
        note: '숫자 (마일스톤 지표는 비움).',
        numFmt: '#,##0.##',
      },
      {
        key: 'milestonesDone',
        header: '완료 마일스톤',
        type: 'list',
        width: 22,
        note: '완료한 단계명, 쉼표나 줄바꿈으로 나눕니다.',
      },
      { key: 'comment', header: '의견', type: 'text', width: 26, note: '실적 설명.' },
      {
        key: 'status',
        header: '상태',
        type: 'enum',
        options: RESULT_STATUS,
        width: 9,
        note: '작성 중·제출·승인·검증. 비우면 작성 중.',
      },
      {
        key: 'firstSubmittedAt',
        header: '최초 제출 일시',
        type: 'datetime',
        width: 28,
        note: 'ISO 8601 (예: 2020-04-03T10:00:00+09:00), 없으면 비움.',
        numFmt: '@',
      },
      {
        key: 'evidenceCount',
        header: '증빙 건수',
        type: 'int',
        width: 9,
        note: '첨부한 증빙자료 수 (파일은 엑셀에 들어가지 않습니다).',
        numFmt: '0',
      },
      illustrative,
    ],
  },
  {
    kind: 'table',
    name: SHEET.raterAssignments,
    path: 'evaluationInputs.raterAssignments',
    optional: true,
    description: '지표 성격 평가의 평가위원 배정 (선택).',
    columns: [
      indicatorRef(),
      { key: 'rater', header: '평가위원', type: 'text', width: 16, required: true, note: '평가위원 식별자.' },
    ],
  },
  {
    kind: 'table',
    name: SHEET.ratings,
    path: 'evaluationInputs.ratings',
    optional: true,
    description: '지표 성격 평가 점수 (선택): 대표성·난이도·완성도, 각 0~100.',
    columns: [
      indicatorRef(),
      { key: 'rater', header: '평가위원', type: 'text', width: 16, required: true, note: '평가위원 식별자.' },
      { key: 'representativeness', header: '대표성', type: 'nullableNumber', width: 9, note: '0~100.', numFmt: '0.##' },
      { key: 'difficulty', header: '난이도', type: 'nullableNumber', width: 9, note: '0~100.', numFmt: '0.##' },
      { key: 'completeness', header: '완성도', type: 'nullableNumber', width: 9, note: '0~100.', numFmt: '0.##' },
      illustrative,
    ],
  },
  {
    kind: 'table',
    name: SHEET.bonusAwards,
    path: 'evaluationInputs.bonusAwards',
    optional: true,
    description: '가점 (선택): 부서·항목마다 한 행, 사유 필수.',
    columns: [
      dept('department', '부서명', '가점을 받는 부서.'),
      {
        key: 'item',
        header: '항목',
        type: 'enum',
        options: BONUS_ITEM,
        width: 26,
        required: true,
        note: '가점 항목 (5개 중 하나).',
      },
      { key: 'points', header: '점수', type: 'number', width: 7, required: true, note: '0~1점.', numFmt: '0.##' },
      { key: 'reason', header: '사유', type: 'text', width: 36, required: true, note: '가점 사유.' },
      { key: 'grantedBy', header: '부여자', type: 'text', width: 16, note: '예: 성과관리위원회.' },
      illustrative,
    ],
  },
  {
    kind: 'table',
    name: SHEET.qualitativeScores,
    path: 'evaluationInputs.qualitativeScores',
    optional: true,
    description: '정성평가 (선택): 기관장이 부서마다 0~5점.',
    columns: [
      dept('department', '부서명', '평가받는 부서.'),
      { key: 'points', header: '점수', type: 'number', width: 7, required: true, note: '0~5점.', numFmt: '0.##' },
      { key: 'comment', header: '의견', type: 'text', width: 36, note: '평가 의견.' },
      { key: 'givenBy', header: '평가자', type: 'text', width: 16, note: '예: 구청장.' },
      illustrative,
    ],
  },
  {
    kind: 'table',
    name: SHEET.penaltyCases,
    path: 'evaluationInputs.penaltyCases',
    optional: true,
    description: '감점 사례 (선택): 실적 입력시기 미준수, 증빙자료 미제출. 목표초과달성 감점은 실적에서 계산됩니다.',
    columns: [
      dept('department', '부서명', '감점 대상 부서.'),
      { ...indicatorRef('관련 성과지표 코드 (없으면 비움).'), key: 'indicator', type: 'nullableText', required: false },
      {
        key: 'kind',
        header: '유형',
        type: 'enum',
        options: PENALTY_KIND,
        width: 20,
        required: true,
        note: '실적 입력시기 미준수 / 증빙자료 미제출.',
      },
      { key: 'period', header: '기간', type: 'text', width: 10, note: '해당 보고 기간 (예: 2020-Q1).', numFmt: '@' },
      { key: 'detail', header: '내용', type: 'text', width: 30, note: '사례 설명.' },
      { key: 'waived', header: '면제', type: 'bool', width: 7, note: "'예'이면 감점하지 않습니다 (면제 사유 필요)." },
      { key: 'waivedReason', header: '면제 사유', type: 'text', width: 24, note: '면제한 까닭.' },
      illustrative,
    ],
  },
  {
    kind: 'table',
    name: SHEET.externalAwards,
    path: 'externalAwards',
    optional: true,
    description: '대외기관 공모·평가 수상과 인센티브 (선택): 가점(대외기관 경쟁력)과 문서 II장의 근거.',
    columns: [
      { key: 'year', header: '연도', type: 'int', width: 7, required: true, note: '수상 연도.', numFmt: '0' },
      nameCol('수상명', 36),
      { key: 'agency', header: '주관 기관', type: 'text', width: 18, note: '예: 행정안전부, 서울시.' },
      { ...dept('department', '부서명', '수상 부서 (기관 전체면 비움).', false), type: 'nullableText' },
      {
        key: 'incentiveKrw',
        header: '인센티브(원)',
        type: 'int',
        width: 15,
        note: '원 단위 정수. 없으면 0.',
        numFmt: '#,##0',
      },
      illustrative,
    ],
  },
  {
    kind: 'table',
    name: SHEET.claimedByDepartment,
    path: 'claimedTotals.byDepartment',
    optional: true,
    description: '원본 문서가 적은 부서별 합계(주장), 예: 붙임 1 부서별 목표·지표 현황. 부서명은 문서에 적힌 그대로.',
    columns: [
      {
        key: 'name',
        header: '부서명',
        type: 'text',
        width: 20,
        required: true,
        note: '문서에 적힌 부서명 (부서 시트에 없어도 됩니다: 차이로 보고).',
      },
      { key: 'deptStrategicGoals', header: '전략목표', type: 'int', width: 9, note: '문서가 적은 수.', numFmt: '0' },
      { key: 'deptPerformanceGoals', header: '성과목표', type: 'int', width: 9, note: '문서가 적은 수.', numFmt: '0' },
      { key: 'indicators', header: '성과지표', type: 'int', width: 9, note: '문서가 적은 수.', numFmt: '0' },
      { key: 'tasks', header: '이행과제', type: 'int', width: 9, note: '문서가 적은 수.', numFmt: '0' },
    ],
  },
];

/** Every sheet in workbook order (after the guide). */
export const PLAN_SHEETS: readonly SheetDef[] = [
  PLAN_SHEET,
  ...TABLE_SHEETS.filter((s) => s.name !== SHEET.claimedByDepartment),
  CLAIMED_SHEET,
  TABLE_SHEETS.find((s) => s.name === SHEET.claimedByDepartment)!,
];

/** Column letter (1 → A). */
export function columnLetter(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Header text as compared on import: whitespace and a trailing '*' removed. */
export const headerKey = (h: string) => h.replace(/[\s*]+/g, '').replace(/\(필수\)$/, '');
