/**
 * A small factory of plan documents for the evaluation tests (tests only). Each helper takes the
 * few fields a test cares about; `planDoc` fills the rest through the interchange schema's defaults.
 */
import { planDocumentSchema, type PlanDocument, type PlanDocumentInput } from '../../contracts/interchange.js';

type In<K extends keyof PlanDocumentInput> = NonNullable<PlanDocumentInput[K]> extends (infer T)[] ? T : never;
type Inputs = NonNullable<PlanDocumentInput['evaluationInputs']>;
type InputRow<K extends keyof Inputs> = NonNullable<Inputs[K]> extends (infer T)[] ? T : never;

export const YEAR = 2020;

export function dept(name: string, over: Partial<In<'departments'>> = {}): In<'departments'> {
  return { name, ...over };
}

/** An indicator owned (led) by `lead`; default higher-is-better, target 100, weight 1. */
export function ind(code: string, lead: string, over: Partial<In<'indicators'>> = {}): In<'indicators'> {
  return { code, name: `지표 ${code}`, deptPerformanceGoal: 'DPG-1', leadDepartment: lead, target: 100, ...over };
}

/** A verified result for the year period. */
export function res(
  indicator: string,
  department: string,
  actual: number | null,
  over: Partial<In<'results'>> = {},
): In<'results'> {
  return { indicator, department, period: String(YEAR), actual, status: 'verified', ...over };
}

export function rating(
  indicator: string,
  rater: string,
  r: number | null,
  d: number | null,
  c: number | null,
): InputRow<'ratings'> {
  return { indicator, rater, representativeness: r, difficulty: d, completeness: c };
}

export function award(
  department: string,
  item: InputRow<'bonusAwards'>['item'],
  points = 1,
  reason = '사유',
): InputRow<'bonusAwards'> {
  return { department, item, points, reason };
}

export function score(department: string, points: number): InputRow<'qualitativeScores'> {
  return { department, points, givenBy: '구청장' };
}

export function penaltyCase(
  department: string,
  kind: InputRow<'penaltyCases'>['kind'],
  over: Partial<InputRow<'penaltyCases'>> = {},
): InputRow<'penaltyCases'> {
  return { department, kind, ...over };
}

export interface DocParts {
  departments?: In<'departments'>[];
  indicators?: In<'indicators'>[];
  results?: In<'results'>[];
  ratings?: InputRow<'ratings'>[];
  raterAssignments?: InputRow<'raterAssignments'>[];
  bonusAwards?: InputRow<'bonusAwards'>[];
  qualitativeScores?: InputRow<'qualitativeScores'>[];
  penaltyCases?: InputRow<'penaltyCases'>[];
  evaluationScheme?: Record<string, unknown>;
}

export function planDoc(parts: DocParts = {}): PlanDocument {
  return planDocumentSchema.parse({
    format: 'bsc-plan',
    formatVersion: 1,
    organization: { code: 'test-gu', name: '시험구' },
    plan: { year: YEAR, title: `${YEAR} 성과관리 시행계획`, evaluationScheme: parts.evaluationScheme ?? {} },
    departments: parts.departments ?? [],
    indicators: parts.indicators ?? [],
    results: parts.results ?? [],
    evaluationInputs: {
      raterAssignments: parts.raterAssignments ?? [],
      ratings: parts.ratings ?? [],
      bonusAwards: parts.bonusAwards ?? [],
      qualitativeScores: parts.qualitativeScores ?? [],
      penaltyCases: parts.penaltyCases ?? [],
    },
  });
}
