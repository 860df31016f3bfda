/**
 * The plan interchange format (JSON): one organization's plan for one year, with optionally that
 * year's results and evaluation inputs. It is the one shape that the demo seed, import/export,
 * the Excel template, the derived tables (domain/summary), the plan checks, the year diff and the
 * evaluation engine all read.
 *
 * Levels are flat lists (one per level, like the sheets of the Excel template); each row names its
 * parent by `code`. Departments are referred to by name. Documented in docs/interchange.md;
 * `npm run bsc -- plan schema` prints the JSON Schema.
 */
import { z } from 'zod';
import './zod-ko.js';

const code = z.string().trim().min(1, '코드가 비어 있습니다').max(64);
const name = z.string().trim().min(1, '이름이 비어 있습니다').max(300);
const deptName = z.string().trim().min(1, '부서명이 비어 있습니다').max(100);
const text = z.string().max(20_000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '날짜는 YYYY-MM-DD 형식이어야 합니다');
const isoDateTime = z.iso.datetime({ offset: true, message: '일시는 ISO 8601 형식이어야 합니다' });
const finite = z.number().finite();

export const periodKey = z
  .string()
  .regex(/^\d{4}(-(H[12]|Q[1-4]|M(0[1-9]|1[0-2])))?$/, '기간은 2020, 2020-H1, 2020-Q3, 2020-M07 형식이어야 합니다');

export const organizationSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, '기관 코드는 영문 소문자·숫자·하이픈이어야 합니다'),
  name,
});

export const planHeaderSchema = z.strictObject({
  year: z.number().int().min(2000, '연도는 2000 이상이어야 합니다').max(2100),
  title: name,
  status: z.enum(['draft', 'active', 'closed']).default('active'),
  visionName: z.string().max(200).default(''),
  visionSlogan: z.string().max(500).default(''),
  /** 추진개요 (free text for the plan document). */
  overview: text.default(''),
  /** 향후계획 */
  futurePlan: text.default(''),
  /** Recorded facts about the previous year, used where the system holds no data for it. */
  priorYearFacts: z.record(z.string(), z.unknown()).default({}),
  /** Settings of the year's evaluation scheme that differ from the defaults (domain/evaluation). */
  evaluationScheme: z.record(z.string(), z.unknown()).default({}),
  /** Reporting calendar settings (deadlines, holidays, cut-off). */
  calendar: z.record(z.string(), z.unknown()).default({}),
  /** True when the content is illustrative (the demo), not a real plan. */
  illustrative: z.boolean().default(false),
});

export const visionPillarSchema = z.strictObject({ name });

export const departmentSchema = z.strictObject({
  name: deptName,
  /** 본청 | 박물관 | 보건소 | 의회 | 동 … */
  group: z.string().trim().min(1).max(50).default('본청'),
  evaluated: z.boolean().default(true),
  formerNames: z.array(deptName).default([]),
});

export const orgStrategicGoalSchema = z.strictObject({
  code,
  name,
  /** Name of a vision pillar of this plan. */
  visionPillar: z.string().max(200).nullable().default(null),
});

export const orgPerformanceGoalSchema = z.strictObject({
  code,
  /** The goal's number in the plan (1..16 in the reference plan). */
  no: z.number().int().min(1),
  name,
  orgStrategicGoal: code,
});

export const deptStrategicGoalSchema = z.strictObject({
  code,
  name,
  orgPerformanceGoal: code,
  department: deptName,
  illustrative: z.boolean().default(false),
});

export const deptPerformanceGoalSchema = z.strictObject({
  code,
  name,
  deptStrategicGoal: code,
  illustrative: z.boolean().default(false),
});

export const milestoneSchema = z.strictObject({ name, weight: finite.positive('가중치는 0보다 커야 합니다') });

export const indicatorSchema = z.strictObject({
  code,
  name,
  deptPerformanceGoal: code,
  /** unique 고유 | convergence 융합 | common 공통 (a convergence indicator every department measures). */
  kind: z.enum(['unique', 'convergence', 'common']).default('unique'),
  /** Owner (unique) or lead department (convergence/common). */
  leadDepartment: deptName,
  /** Other departments taking part (convergence); empty for common ones (every evaluated department). */
  participants: z.array(deptName).default([]),
  unit: z.string().max(50).default(''),
  direction: z.enum(['higher', 'lower']).default('higher'),
  measurement: z.enum(['quantitative', 'milestone']).default('quantitative'),
  formula: z.string().max(2000).default(''),
  dataSource: z.string().max(500).default(''),
  frequency: z.enum(['monthly', 'quarterly', 'half_yearly', 'yearly']).default('quarterly'),
  baseline: finite.nullable().default(null),
  target: finite.nullable().default(null),
  weight: finite.nonnegative('가중치는 0 이상이어야 합니다').default(1),
  convergenceRule: z.enum(['sum', 'average', 'lead']).default('sum'),
  milestones: z.array(milestoneSchema).default([]),
  /** Higher-level evaluations: 정부합동평가, 서울시 인센티브 … */
  tags: z.array(z.string().trim().min(1).max(100)).default([]),
  illustrative: z.boolean().default(false),
});

export const taskSchema = z.strictObject({
  code,
  name,
  indicator: code,
  department: deptName,
  startDate: isoDate.nullable().default(null),
  endDate: isoDate.nullable().default(null),
  progress: finite.min(0, '진척률은 0~100입니다').max(100, '진척률은 0~100입니다').default(0),
  budgetProgramCode: z.string().max(64).default(''),
  budgetProgramName: z.string().max(300).default(''),
  /** KRW, integers. */
  budgetAmount: z.number().int('예산은 원 단위 정수입니다').nonnegative().default(0),
  executedAmount: z.number().int('집행액은 원 단위 정수입니다').nonnegative().default(0),
  illustrative: z.boolean().default(false),
});

export const resultSchema = z.strictObject({
  indicator: code,
  /** The department whose value this is (owner, participant of a convergence one, or own instance of a common one). */
  department: deptName,
  period: periodKey,
  actual: finite.nullable().default(null),
  milestonesDone: z.array(name).default([]),
  comment: z.string().max(4000).default(''),
  status: z.enum(['draft', 'submitted', 'approved', 'verified']).default('draft'),
  firstSubmittedAt: isoDateTime.nullable().default(null),
  /** Number of evidence files attached (the files themselves are not in the interchange file). */
  evidenceCount: z.number().int().nonnegative().default(0),
  illustrative: z.boolean().default(false),
});

export const qualityRatingSchema = z.strictObject({
  indicator: code,
  rater: z.string().trim().min(1).max(100),
  representativeness: finite.min(0).max(100).nullable().default(null),
  difficulty: finite.min(0).max(100).nullable().default(null),
  completeness: finite.min(0).max(100).nullable().default(null),
  illustrative: z.boolean().default(false),
});

export const bonusItemSchema = z.enum(['training', 'convergence', 'external', 'best_practice', 'effort']);

export const bonusAwardSchema = z.strictObject({
  department: deptName,
  item: bonusItemSchema,
  points: finite.min(0, '가점은 0~1점입니다').max(1, '가점은 0~1점입니다'),
  reason: z.string().trim().min(1, '가점 사유를 입력하세요').max(2000),
  grantedBy: z.string().max(100).default(''),
  illustrative: z.boolean().default(false),
});

export const qualitativeScoreSchema = z.strictObject({
  department: deptName,
  points: finite.min(0, '정성평가는 0~5점입니다').max(5, '정성평가는 0~5점입니다'),
  comment: z.string().max(2000).default(''),
  givenBy: z.string().max(100).default(''),
  illustrative: z.boolean().default(false),
});

export const penaltyCaseSchema = z.strictObject({
  department: deptName,
  indicator: code.nullable().default(null),
  kind: z.enum(['late_entry', 'missing_evidence']),
  period: z.string().max(20).default(''),
  detail: z.string().max(2000).default(''),
  waived: z.boolean().default(false),
  waivedReason: z.string().max(2000).default(''),
  illustrative: z.boolean().default(false),
});

export const raterAssignmentSchema = z.strictObject({ indicator: code, rater: z.string().trim().min(1).max(100) });

export const evaluationInputsSchema = z.strictObject({
  raterAssignments: z.array(raterAssignmentSchema).default([]),
  ratings: z.array(qualityRatingSchema).default([]),
  bonusAwards: z.array(bonusAwardSchema).default([]),
  qualitativeScores: z.array(qualitativeScoreSchema).default([]),
  penaltyCases: z.array(penaltyCaseSchema).default([]),
});

export const externalAwardSchema = z.strictObject({
  year: z.number().int(),
  name,
  agency: z.string().max(200).default(''),
  department: deptName.nullable().default(null),
  incentiveKrw: z.number().int().nonnegative().default(0),
  illustrative: z.boolean().default(false),
});

/** Figures a source document claims (e.g. the reference plan's 붙임 1), to be checked against the data. */
export const claimedTotalsSchema = z.strictObject({
  source: z.string().max(200).default(''),
  counts: z
    .strictObject({
      orgStrategicGoals: z.number().int().optional(),
      orgPerformanceGoals: z.number().int().optional(),
      deptStrategicGoals: z.number().int().optional(),
      deptPerformanceGoals: z.number().int().optional(),
      indicators: z.number().int().optional(),
      uniqueIndicators: z.number().int().optional(),
      convergenceIndicators: z.number().int().optional(),
      commonIndicators: z.number().int().optional(),
      tasks: z.number().int().optional(),
      departments: z.number().int().optional(),
    })
    .default({}),
  commonIndicatorNames: z.array(z.string()).default([]),
  byDepartment: z
    .array(
      z.strictObject({
        name: z.string(),
        deptStrategicGoals: z.number().int().optional(),
        deptPerformanceGoals: z.number().int().optional(),
        indicators: z.number().int().optional(),
        tasks: z.number().int().optional(),
      }),
    )
    .default([]),
});

export const INTERCHANGE_FORMAT = 'bsc-plan';
export const INTERCHANGE_VERSION = 1;

export const planDocumentSchema = z.strictObject({
  format: z.literal(INTERCHANGE_FORMAT),
  formatVersion: z.literal(INTERCHANGE_VERSION),
  organization: organizationSchema,
  plan: planHeaderSchema,
  visionPillars: z.array(visionPillarSchema).default([]),
  departments: z.array(departmentSchema).default([]),
  orgStrategicGoals: z.array(orgStrategicGoalSchema).default([]),
  orgPerformanceGoals: z.array(orgPerformanceGoalSchema).default([]),
  deptStrategicGoals: z.array(deptStrategicGoalSchema).default([]),
  deptPerformanceGoals: z.array(deptPerformanceGoalSchema).default([]),
  indicators: z.array(indicatorSchema).default([]),
  tasks: z.array(taskSchema).default([]),
  results: z.array(resultSchema).default([]),
  evaluationInputs: evaluationInputsSchema.default({
    raterAssignments: [],
    ratings: [],
    bonusAwards: [],
    qualitativeScores: [],
    penaltyCases: [],
  }),
  externalAwards: z.array(externalAwardSchema).default([]),
  claimedTotals: claimedTotalsSchema.nullable().default(null),
});

/** A parsed, defaults-filled plan document. */
export type PlanDocument = z.infer<typeof planDocumentSchema>;
/** What a file may contain before defaults are filled. */
export type PlanDocumentInput = z.input<typeof planDocumentSchema>;
export type IndicatorRow = PlanDocument['indicators'][number];
export type TaskRow = PlanDocument['tasks'][number];
export type ResultRow = PlanDocument['results'][number];
export type DepartmentRow = PlanDocument['departments'][number];
export type ClaimedTotals = z.infer<typeof claimedTotalsSchema>;
export type EvaluationInputs = PlanDocument['evaluationInputs'];

/** The JSON Schema of the interchange format (draft 2020-12), generated from the zod schema. */
export function planDocumentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(planDocumentSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
