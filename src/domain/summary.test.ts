import { describe, expect, it } from 'vitest';
import { summarizePlan } from './summary.js';
import { makePlan } from './testing/plan-factory.js';

describe('summarizePlan', () => {
  it('counts every level of the minimal plan', () => {
    const s = summarizePlan(makePlan());
    expect(s).toEqual({
      year: 2020,
      counts: {
        orgStrategicGoals: 1,
        orgPerformanceGoals: 1,
        deptStrategicGoals: 2,
        deptPerformanceGoals: 2,
        indicators: 3,
        convergenceIndicators: 1,
        commonIndicators: 0,
        tasks: 3,
        departments: 2,
      },
      byOrgStrategicGoal: [{ name: '전략목표1', indicators: 3, convergenceIndicators: 1, tasks: 3 }],
      byOrgPerformanceGoal: [
        {
          goalNo: 1,
          goal: '성과목표1',
          deptStrategicGoal: '성과지향적 기획·조정체계 운영',
          department: '기획예산과',
          indicators: 2,
          convergence: 1,
          common: 0,
          tasks: 2,
        },
        {
          goalNo: 1,
          goal: '성과목표1',
          deptStrategicGoal: '경쟁력 있는 인재 육성',
          department: '총무과',
          indicators: 1,
          convergence: 0,
          common: 0,
          tasks: 1,
        },
      ],
      byDepartment: [
        { name: '기획예산과', deptStrategicGoals: 1, deptPerformanceGoals: 1, indicators: 2, tasks: 2 },
        { name: '총무과', deptStrategicGoals: 1, deptPerformanceGoals: 1, indicators: 1, tasks: 1 },
      ],
      convergenceIndicators: [{ department: '기획예산과', name: '협업과제 추진건수', common: false }],
    });
  });

  it('counts common indicators as convergence too, and separately as common', () => {
    const s = summarizePlan(
      makePlan({
        indicators: (d) => [
          ...d,
          {
            code: 'I004',
            name: '직원 연가 사용률',
            deptPerformanceGoal: 'D002-1',
            kind: 'common',
            leadDepartment: '총무과',
          },
        ],
      }),
    );
    expect(s.counts.convergenceIndicators).toBe(2);
    expect(s.counts.commonIndicators).toBe(1);
    expect(s.byOrgPerformanceGoal[1]).toMatchObject({ indicators: 2, convergence: 1, common: 1 });
    expect(s.byOrgStrategicGoal[0]).toMatchObject({ indicators: 4, convergenceIndicators: 2 });
  });

  it('lists evaluated departments only, in document order, and counts departments by evaluation', () => {
    const s = summarizePlan(
      makePlan({
        departments: (d) => [{ name: '구의회사무국', group: '의회', evaluated: false }, d[1]!, d[0]!],
      }),
    );
    expect(s.byDepartment.map((r) => r.name)).toEqual(['총무과', '기획예산과']);
    expect(s.counts.departments).toBe(2);
  });

  it("counts a task for the department that carries it out, and under its indicator's goals", () => {
    const s = summarizePlan(
      makePlan({
        tasks: (d) => [...d, { code: 'T004', name: '협업 과제 참여', indicator: 'I003', department: '총무과' }],
      }),
    );
    expect(s.byDepartment.find((r) => r.name === '총무과')!.tasks).toBe(2);
    expect(s.byOrgPerformanceGoal[0]!.tasks).toBe(3);
  });

  it('orders convergence indicators by lead department (document order), then plan order', () => {
    const s = summarizePlan(
      makePlan({
        indicators: (d) => [
          {
            code: 'I000',
            name: '총무 협업지표',
            deptPerformanceGoal: 'D002-1',
            kind: 'convergence',
            leadDepartment: '총무과',
            participants: ['기획예산과'],
          },
          ...d,
        ],
      }),
    );
    expect(s.convergenceIndicators.map((c) => c.name)).toEqual(['협업과제 추진건수', '총무 협업지표']);
  });

  it('keeps rows with unresolved parents in the totals but in no group', () => {
    const s = summarizePlan(
      makePlan({
        indicators: (d) => [...d, { code: 'I009', name: '떠 있는 지표', deptPerformanceGoal: 'D999-1' }],
        validate: false,
      }),
    );
    expect(s.counts.indicators).toBe(4);
    expect(s.byOrgStrategicGoal[0]!.indicators).toBe(3);
    expect(s.byOrgPerformanceGoal[0]!.goalNo).toBe(1);
  });

  it('reports a dept strategic goal whose org goal is unknown with goalNo null', () => {
    const s = summarizePlan(
      makePlan({ deptStrategicGoals: (d) => [{ ...d[0]!, orgPerformanceGoal: 'G99' }, d[1]!], validate: false }),
    );
    expect(s.byOrgPerformanceGoal[0]).toMatchObject({ goalNo: null, goal: '' });
    expect(s.byOrgStrategicGoal[0]!.indicators).toBe(1);
  });
});
