import { describe, expect, it } from 'vitest';
import { diffPlans } from './plan-diff.js';
import { makePlan } from './testing/plan-factory.js';

const y2019 = (o: Parameters<typeof makePlan>[0] = {}) =>
  makePlan({ ...o, plan: { year: 2019, title: '2019년 계획', ...o.plan } });

describe('diffPlans', () => {
  it('finds nothing between a plan and itself (other than the years)', () => {
    const d = diffPlans(y2019(), makePlan());
    expect(d.from).toEqual({ year: 2019, title: '2019년 계획' });
    expect(d.highlights).toEqual([]);
    for (const l of Object.values(d.levels)) {
      expect(l).toMatchObject({ added: [], removed: [], renamed: [], recoded: [], changed: [] });
    }
    expect(d.counts.indicators).toEqual({ from: 3, to: 3, change: 0 });
  });

  it('counts per level, and lists added and removed rows in document order', () => {
    const d = diffPlans(
      y2019({
        indicators: (x) => [
          ...x,
          { code: 'I009', name: '폐지 지표', deptPerformanceGoal: 'D002-1', leadDepartment: '총무과' },
        ],
      }),
      makePlan({
        deptStrategicGoals: (x) => [...x, { code: 'D003', name: '새 전략목표', department: '총무과' }],
        deptPerformanceGoals: (x) => [...x, { code: 'D003-1', name: '새 성과목표', deptStrategicGoal: 'D003' }],
        indicators: (x) => [
          ...x,
          { code: 'I004', name: '신규 지표', deptPerformanceGoal: 'D003-1', leadDepartment: '총무과' },
        ],
      }),
    );
    expect(d.counts.deptStrategicGoals).toEqual({ from: 2, to: 3, change: 1 });
    expect(d.counts.indicators).toEqual({ from: 4, to: 4, change: 0 });
    expect(d.levels.deptStrategicGoals.added).toEqual([{ code: 'D003', name: '새 전략목표', department: '총무과' }]);
    expect(d.levels.indicators.added).toEqual([
      { code: 'I004', name: '신규 지표', department: '총무과', kind: 'unique' },
    ]);
    expect(d.levels.indicators.removed).toEqual([
      { code: 'I009', name: '폐지 지표', department: '총무과', kind: 'unique' },
    ]);
    expect(d.highlights).toEqual(['부서 전략목표 2개 → 3개 (+1)', '부서 성과목표 2개 → 3개 (+1)']);
  });

  it('reports the same code with another name as renamed, but not a difference of spacing or dots', () => {
    const d = diffPlans(
      y2019({ indicators: (x) => [{ ...x[0]!, name: '예산집행률' }, { ...x[1]!, name: '직원ㆍ교육 이수율' }, x[2]!] }),
      makePlan({
        indicators: (x) => [{ ...x[0]!, name: '예산 조기집행률' }, { ...x[1]!, name: '직원·교육 이수율' }, x[2]!],
      }),
    );
    expect(d.levels.indicators.renamed).toEqual([
      { code: 'I001', from: '예산집행률', to: '예산 조기집행률', department: '기획예산과' },
    ]);
  });

  it('matches rows left over by name when their code changed', () => {
    const d = diffPlans(y2019({ tasks: (x) => [{ ...x[0]!, code: 'T100' }, x[1]!, x[2]!] }), makePlan());
    expect(d.levels.tasks.recoded).toEqual([
      { name: '예산 집행 점검', from: 'T100', to: 'T001', department: '기획예산과' },
    ]);
    expect(d.levels.tasks.added).toEqual([]);
    expect(d.levels.tasks.removed).toEqual([]);
  });

  it('reports a moved row (another parent) as changed', () => {
    const d = diffPlans(
      y2019(),
      makePlan({
        indicators: (x) => [
          x[0]!,
          x[1]!,
          { ...x[2]!, deptPerformanceGoal: 'D002-1', leadDepartment: '총무과', participants: ['기획예산과'] },
        ],
      }),
    );
    expect(d.levels.indicators.changed).toEqual([
      { code: 'I003', name: '협업과제 추진건수', field: 'deptPerformanceGoal', from: 'D001-1', to: 'D002-1' },
      { code: 'I003', name: '협업과제 추진건수', field: 'leadDepartment', from: '기획예산과', to: '총무과' },
    ]);
  });

  it('reports kind changes, and counts them in the convergence lists', () => {
    const d = diffPlans(
      y2019(),
      makePlan({
        indicators: (x) => [
          x[0]!,
          { ...x[1]!, kind: 'convergence', participants: ['기획예산과'] },
          { ...x[2]!, kind: 'unique', participants: [] },
        ],
      }),
    );
    expect(d.levels.indicators.kindChanged).toEqual([
      { code: 'I002', name: '직원 교육 이수율', from: 'unique', to: 'convergence' },
      { code: 'I003', name: '협업과제 추진건수', from: 'convergence', to: 'unique' },
    ]);
    expect(d.convergence.added.map((x) => x.code)).toEqual(['I002']);
    expect(d.convergence.removed.map((x) => x.code)).toEqual(['I003']);
    expect(d.counts.convergenceIndicators.change).toBe(0);
  });

  it('pairs common indicators dropped and introduced as replaced; leftovers are added or removed', () => {
    const common = (code: string, name: string) => ({
      code,
      name,
      deptPerformanceGoal: 'D001-1',
      kind: 'common' as const,
      leadDepartment: '기획예산과',
    });
    const d = diffPlans(
      y2019({ indicators: (x) => [...x, common('I010', '고객만족행정도'), common('I011', '직원 연가 사용률')] }),
      makePlan({
        indicators: (x) => [
          ...x,
          common('I011', '직원 연가 사용률'),
          common('I012', '제로페이(업무추진비) 추진율'),
          common('I013', '청렴시책 달성'),
        ],
      }),
    );
    expect(d.common.replaced).toEqual([
      {
        from: { code: 'I010', name: '고객만족행정도', department: '기획예산과', kind: 'common' },
        to: { code: 'I012', name: '제로페이(업무추진비) 추진율', department: '기획예산과', kind: 'common' },
      },
    ]);
    expect(d.common.added.map((x) => x.name)).toEqual(['청렴시책 달성']);
    expect(d.common.removed).toEqual([]);
    expect(d.highlights).toContain('공통지표 변경: 고객만족행정도 → 제로페이(업무추진비) 추진율');
    expect(d.highlights).toContain('공통지표 추가: 청렴시책 달성');
  });

  it('treats a common indicator that becomes convergence as dropped from the commons', () => {
    const d = diffPlans(
      y2019({
        indicators: (x) => [
          ...x,
          { code: 'I010', name: '공통', deptPerformanceGoal: 'D001-1', kind: 'common', leadDepartment: '기획예산과' },
        ],
      }),
      makePlan({
        indicators: (x) => [
          ...x,
          {
            code: 'I010',
            name: '공통',
            deptPerformanceGoal: 'D001-1',
            kind: 'convergence',
            leadDepartment: '기획예산과',
            participants: ['총무과'],
          },
        ],
      }),
    );
    expect(d.common.removed.map((x) => x.code)).toEqual(['I010']);
    expect(d.convergence).toEqual({ added: [], removed: [] });
  });

  it('follows a department renamed through formerNames, without reporting its goals as moved', () => {
    const d = diffPlans(
      y2019(),
      makePlan({
        departments: (x) => [x[0]!, { ...x[1]!, name: '행정지원과', formerNames: ['총 무 과'] }],
        deptStrategicGoals: (x) => [x[0]!, { ...x[1]!, department: '행정지원과' }],
        indicators: (x) => [
          x[0]!,
          { ...x[1]!, leadDepartment: '행정지원과' },
          { ...x[2]!, participants: ['행정지원과'] },
        ],
        tasks: (x) => [x[0]!, { ...x[1]!, department: '행정지원과' }, x[2]!],
      }),
    );
    expect(d.departments).toEqual({
      added: [],
      removed: [],
      renamed: [{ from: '총무과', to: '행정지원과' }],
      evaluatedChanged: [],
    });
    expect(d.levels.deptStrategicGoals.changed).toEqual([]);
    expect(d.levels.indicators.changed).toEqual([]);
    expect(d.levels.tasks.changed).toEqual([]);
    expect(d.highlights).toEqual(['부서 명칭 변경: 총무과 → 행정지원과']);
  });

  it('reports departments added, removed and no longer evaluated', () => {
    const d = diffPlans(
      y2019({ departments: (x) => [...x, { name: '구의회사무국', group: '의회', evaluated: false }] }),
      makePlan({ departments: (x) => [x[0]!, { ...x[1]!, evaluated: false }, { name: '재무과' }] }),
    );
    expect(d.departments.added).toEqual([{ name: '재무과', evaluated: true }]);
    expect(d.departments.removed).toEqual([{ name: '구의회사무국', evaluated: false }]);
    expect(d.departments.evaluatedChanged).toEqual([{ name: '총무과', from: true, to: false }]);
    expect(d.counts.departments).toEqual({ from: 2, to: 2, change: 0 });
  });

  it('is JSON-serialisable and deterministic', () => {
    const a = y2019({ indicators: (x) => [x[0]!, x[2]!] });
    const b = makePlan();
    const d = diffPlans(a, b);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    expect(JSON.stringify(diffPlans(a, b))).toBe(JSON.stringify(d));
  });
});
