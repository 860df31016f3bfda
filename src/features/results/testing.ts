/**
 * Test factories for results: an organization with three departments and two plan years — a past
 * one (2020, every deadline passed) and a future one (next year, no deadline passed) — with a unique,
 * a convergence, a milestone and a common indicator; people in every role the workflow needs.
 */
import type { Db } from '../../db/client.js';
import type { PlanDocumentInput } from '../../contracts/interchange.js';
import { listDepartments } from '../../db/queries/accounts.js';
import { importPlan } from '../plans/import-plan.js';
import { systemActor } from '../plans/context.js';
import { makeUser } from '../accounts/testing.js';

export const PAST_YEAR = 2020;
export const FUTURE_YEAR = new Date().getFullYear() + 1;

export function resultsPlan(year: number): PlanDocumentInput {
  return {
    format: 'bsc-plan',
    formatVersion: 1,
    organization: { code: 'test-gu', name: '시험구' },
    plan: { year, title: `${year}년 성과관리 시행계획`, status: 'active' },
    departments: [{ name: '교통과' }, { name: '기획예산과' }, { name: '보건소', group: '보건소' }],
    orgStrategicGoals: [{ code: 'S1', name: '안전한 도시' }],
    orgPerformanceGoals: [{ code: 'G01', no: 1, name: '교통 안전', orgStrategicGoal: 'S1' }],
    deptStrategicGoals: [
      { code: 'D001', name: '교통사고 줄이기', orgPerformanceGoal: 'G01', department: '교통과' },
      { code: 'D002', name: '성과관리 내실화', orgPerformanceGoal: 'G01', department: '기획예산과' },
    ],
    deptPerformanceGoals: [
      { code: 'D001-1', name: '보행 안전', deptStrategicGoal: 'D001' },
      { code: 'D002-1', name: '협업', deptStrategicGoal: 'D002' },
    ],
    indicators: [
      {
        code: 'I001',
        name: '보행자 사고 건수',
        deptPerformanceGoal: 'D001-1',
        leadDepartment: '교통과',
        unit: '건',
        direction: 'lower',
        target: 100,
        frequency: 'quarterly',
      },
      {
        code: 'I002',
        name: '안전 시설 정비',
        deptPerformanceGoal: 'D001-1',
        leadDepartment: '교통과',
        measurement: 'milestone',
        frequency: 'yearly',
        milestones: [
          { name: '설계', weight: 1 },
          { name: '착공', weight: 1 },
          { name: '준공', weight: 2 },
        ],
      },
      {
        code: 'C001',
        name: '협업 과제 추진 건수',
        deptPerformanceGoal: 'D002-1',
        kind: 'convergence',
        leadDepartment: '기획예산과',
        participants: ['교통과', '보건소'],
        target: 30,
        frequency: 'quarterly',
        convergenceRule: 'sum',
      },
      {
        code: 'K001',
        name: '청렴 교육 이수율',
        deptPerformanceGoal: 'D002-1',
        kind: 'common',
        leadDepartment: '기획예산과',
        unit: '%',
        target: 100,
        frequency: 'half_yearly',
      },
    ],
    tasks: [],
    // The past year carries an imported verified result without evidence and its (imported) case: the
    // cut-off check must not record it twice.
    results:
      year === PAST_YEAR
        ? [
            {
              indicator: 'I001',
              department: '교통과',
              period: `${year}-Q4`,
              actual: 50,
              status: 'verified',
              firstSubmittedAt: `${year + 1}-01-05T01:00:00Z`,
            },
          ]
        : [],
    evaluationInputs:
      year === PAST_YEAR
        ? {
            penaltyCases: [
              {
                department: '교통과',
                indicator: 'I001',
                kind: 'missing_evidence',
                period: `${year}-Q4`,
                detail: '가져온 사례',
              },
            ],
          }
        : undefined,
  };
}

export async function seedResultsOrganization(db: Db) {
  await importPlan(db, resultsPlan(PAST_YEAR), systemActor('test'));
  await importPlan(db, resultsPlan(FUTURE_YEAR), systemActor('test'));
  const org = (await db.query.organizations.findFirst())!;
  const depts = Object.fromEntries((await listDepartments(db, org.id)).map((d) => [d.name, d.id])) as Record<
    string,
    string
  >;
  const o = org.id;
  await makeUser(db, o, 'staff1', [{ role: 'department_staff', departmentId: depts['교통과'] }]);
  await makeUser(db, o, 'staff1b', [{ role: 'department_staff', departmentId: depts['교통과'] }]);
  await makeUser(db, o, 'head1', [{ role: 'department_head', departmentId: depts['교통과'] }]);
  await makeUser(db, o, 'staff2', [{ role: 'department_staff', departmentId: depts['보건소'] }]);
  await makeUser(db, o, 'head2', [{ role: 'department_head', departmentId: depts['보건소'] }]);
  await makeUser(db, o, 'staff3', [{ role: 'department_staff', departmentId: depts['기획예산과'] }]);
  await makeUser(db, o, 'planner1', [{ role: 'planner' }]);
  await makeUser(db, o, 'viewer1', [{ role: 'viewer' }]);
  return { organizationId: o, departments: depts };
}
