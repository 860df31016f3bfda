/**
 * Test factory for the evaluation: a small organization "eval-gu" with a 2021 plan of four
 * evaluated departments (one of them in the 보건소 group) and one that is not evaluated, five
 * indicators (one convergence, one common), verified results, rater assignments, and one user per
 * role (rater3 is an internal rater who also works in 교통과).
 */
import type { Db } from '../../db/client.js';
import type { PlanDocumentInput } from '../../contracts/interchange.js';
import { makeUser } from '../accounts/testing.js';
import { listDepartments } from '../../db/queries/accounts.js';
import { findOrganizationByCode } from '../../db/queries/plan-document.js';
import { importPlan } from '../plans/import-plan.js';
import { systemActor } from '../plans/context.js';

export const EVAL_YEAR = 2021;

export function evaluationPlanDocument(year = EVAL_YEAR): PlanDocumentInput {
  const verified = (indicator: string, department: string, actual: number, period = String(year)) => ({
    indicator,
    department,
    period,
    actual,
    status: 'verified' as const,
    evidenceCount: 1,
  });
  return {
    format: 'bsc-plan',
    formatVersion: 1,
    organization: { code: 'eval-gu', name: '평가구' },
    plan: { year, title: `${year}년 성과관리 시행계획`, status: 'active' },
    departments: [
      { name: '교통과' },
      { name: '복지과' },
      { name: '환경과' },
      { name: '보건소', group: '보건소' },
      { name: '구의회사무국', group: '의회', evaluated: false },
    ],
    orgStrategicGoals: [{ code: 'S1', name: '살기 좋은 도시' }],
    orgPerformanceGoals: [{ code: 'G1', no: 1, name: '안전과 복지', orgStrategicGoal: 'S1' }],
    deptStrategicGoals: [
      { code: 'D1', name: '교통 안전', orgPerformanceGoal: 'G1', department: '교통과' },
      { code: 'D2', name: '복지 확대', orgPerformanceGoal: 'G1', department: '복지과' },
      { code: 'D3', name: '맑은 공기', orgPerformanceGoal: 'G1', department: '환경과' },
      { code: 'D4', name: '건강 도시', orgPerformanceGoal: 'G1', department: '보건소' },
    ],
    deptPerformanceGoals: [
      { code: 'P1', name: '보행 안전', deptStrategicGoal: 'D1' },
      { code: 'P2', name: '돌봄', deptStrategicGoal: 'D2' },
      { code: 'P3', name: '대기질', deptStrategicGoal: 'D3' },
      { code: 'P4', name: '검진', deptStrategicGoal: 'D4' },
    ],
    indicators: [
      {
        code: 'I1',
        name: '보행자 사고 건수',
        deptPerformanceGoal: 'P1',
        leadDepartment: '교통과',
        direction: 'lower',
        target: 100,
      },
      { code: 'I2', name: '돌봄 이용자 수', deptPerformanceGoal: 'P2', leadDepartment: '복지과', target: 500 },
      {
        code: 'I3',
        name: '교통약자 이동지원 건수',
        deptPerformanceGoal: 'P2',
        kind: 'convergence',
        leadDepartment: '복지과',
        participants: ['교통과'],
        target: 1000,
      },
      { code: 'I4', name: '미세먼지 저감 사업장 수', deptPerformanceGoal: 'P3', leadDepartment: '환경과', target: 40 },
      { code: 'I5', name: '건강검진 수검률', deptPerformanceGoal: 'P4', leadDepartment: '보건소', target: 80 },
      {
        code: 'C1',
        name: '청렴 교육 이수율',
        deptPerformanceGoal: 'P1',
        kind: 'common',
        leadDepartment: '교통과',
        target: 100,
      },
    ],
    results: [
      verified('I1', '교통과', 90),
      verified('I2', '복지과', 450),
      verified('I3', '복지과', 600),
      verified('I3', '교통과', 300),
      verified('I4', '환경과', 30, `${year}-H1`),
      verified('I4', '환경과', 44),
      verified('I5', '보건소', 76),
      verified('C1', '교통과', 100),
      verified('C1', '복지과', 90),
      verified('C1', '환경과', 95),
      verified('C1', '보건소', 100),
    ],
    evaluationInputs: {
      raterAssignments: [
        { indicator: 'I1', rater: 'rater1' },
        { indicator: 'I1', rater: 'rater2' },
        { indicator: 'I1', rater: 'rater3' },
        { indicator: 'I2', rater: 'rater1' },
        { indicator: 'I3', rater: 'rater2' },
        { indicator: 'I4', rater: 'rater1' },
        { indicator: 'I4', rater: 'rater2' },
        { indicator: 'I5', rater: 'rater1' },
      ],
      penaltyCases: [
        { department: '환경과', indicator: 'I4', kind: 'late_entry', period: `${year}-H1`, detail: '입력기한 경과' },
      ],
    },
  };
}

export interface EvaluationOrg {
  organizationId: string;
  departments: Record<string, string>;
}

/** Imports the plan and creates the users: planner, rater1–3, committee, executive, viewer, head-traffic, staff-welfare. */
export async function seedEvaluationOrganization(db: Db, year = EVAL_YEAR): Promise<EvaluationOrg> {
  await importPlan(db, evaluationPlanDocument(year), systemActor('test'));
  const org = (await findOrganizationByCode(db, 'eval-gu'))!;
  const depts = Object.fromEntries((await listDepartments(db, org.id)).map((d) => [d.name, d.id])) as Record<
    string,
    string
  >;
  const users: [string, Parameters<typeof makeUser>[3]][] = [
    ['planner', [{ role: 'planner' }]],
    ['rater1', [{ role: 'rater' }]],
    ['rater2', [{ role: 'rater' }]],
    ['rater3', [{ role: 'rater' }, { role: 'department_staff', departmentId: depts['교통과'] }]],
    ['committee', [{ role: 'committee' }]],
    ['executive', [{ role: 'executive' }]],
    ['viewer', [{ role: 'viewer' }]],
    ['head-traffic', [{ role: 'department_head', departmentId: depts['교통과'] }]],
    ['staff-welfare', [{ role: 'department_staff', departmentId: depts['복지과'] }]],
  ];
  for (const [username, roles] of users) await makeUser(db, org.id, username, roles);
  return { organizationId: org.id, departments: depts };
}
