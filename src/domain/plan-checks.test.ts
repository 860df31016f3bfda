import { describe, expect, it } from 'vitest';
import { checkPlan, countProblems, josa, PLAN_CHECKS, type PlanCheckProblem } from './plan-checks.js';
import { makePlan, row, type PlanOverrides } from './testing/plan-factory.js';

const codesOf = (problems: PlanCheckProblem[]) => problems.map((p) => p.code);
const exercised = new Set<string>();

/** Checks a document built from overrides and returns its problems (recording the codes seen). */
function check(overrides: PlanOverrides): PlanCheckProblem[] {
  const problems = checkPlan(makePlan(overrides));
  for (const p of problems) exercised.add(p.code);
  return problems;
}

describe('checkPlan: the minimal plan', () => {
  it('finds nothing in a valid plan', () => {
    expect(checkPlan(makePlan())).toEqual([]);
  });
});

describe('checkPlan: references and duplicates', () => {
  it('reports a duplicate code by the code', () => {
    const p = check({ indicators: (d) => [...d, { ...d[0]!, name: '다른 지표' }] });
    expect(p).toContainEqual(
      expect.objectContaining({ code: 'duplicate_code', severity: 'error', path: 'indicators[I001].code' }),
    );
  });

  it('reports duplicate departments and duplicate results', () => {
    expect(codesOf(check({ departments: (d) => [...d, d[0]!] }))).toContain('duplicate_department');
    const r = row.result({ indicator: 'I001', department: '기획예산과', period: '2020-Q1', actual: 1 });
    const p = check({ results: [r, r] });
    expect(p).toContainEqual(
      expect.objectContaining({ code: 'duplicate_result', path: 'results[I001/기획예산과/2020-Q1]' }),
    );
  });

  it('reports a parent code that does not exist, at the row named by its code', () => {
    const p = check({ deptStrategicGoals: (d) => [{ ...d[0]!, orgPerformanceGoal: 'G99' }, d[1]!] });
    expect(p).toContainEqual(
      expect.objectContaining({
        code: 'unknown_reference',
        severity: 'error',
        path: 'deptStrategicGoals[D001].orgPerformanceGoal',
      }),
    );
    const q = check({ indicators: (d) => [{ ...d[0]!, deptPerformanceGoal: 'D404-1' }, ...d.slice(1)] });
    expect(q).toContainEqual(
      expect.objectContaining({ code: 'unknown_reference', path: 'indicators[I001].deptPerformanceGoal' }),
    );
  });

  it('reports an unknown department once, with its name', () => {
    const p = check({ deptStrategicGoals: (d) => [d[0]!, { ...d[1]!, department: '없는과' }] });
    expect(check({ tasks: (d) => [{ ...d[0]!, department: '없는과' }, ...d.slice(1)] }).map((x) => x.code)).toEqual([
      'unknown_department',
    ]);
    const hits = p.filter((x) => x.path === 'deptStrategicGoals[D002].department');
    expect(hits).toEqual([expect.objectContaining({ code: 'unknown_department', severity: 'error' })]);
    expect(hits[0]!.message).toContain("'없는과'");
  });
});

describe('checkPlan: department names', () => {
  it('reports a reference by a former name as two names for one department', () => {
    const p = check({
      departments: (d) => [d[0]!, { ...d[1]!, name: '주택과', formerNames: ['주택관리과'] }],
      deptStrategicGoals: (d) => [d[0]!, { ...d[1]!, department: '주택과' }],
      indicators: (d) => [d[0]!, { ...d[1]!, leadDepartment: '주택관리과' }, { ...d[2]!, participants: ['주택과'] }],
      tasks: (d) => [d[0]!, { ...d[1]!, department: '주택과' }, d[2]!],
    });
    const two = p.filter((x) => x.code === 'department_two_names');
    expect(two).toHaveLength(1);
    // Reported once: the other checks read the former name as its department (no cascade).
    expect(p).toHaveLength(1);
    expect(two[0]).toMatchObject({ severity: 'error', path: 'indicators[I002].leadDepartment' });
    expect(two[0]!.message).toBe(
      "'주택관리과'는 부서 '주택과'의 이전 이름입니다. 한 부서에 두 이름을 쓰지 말고 '주택과'로 쓰세요.",
    );
  });

  it('reports a name printed with spaces where the department exists', () => {
    const p = check({ tasks: (d) => [{ ...d[0]!, department: '기 획 예 산 과' }, ...d.slice(1)] });
    expect(p).toContainEqual(
      expect.objectContaining({ code: 'department_name_spacing', path: 'tasks[T001].department' }),
    );
  });

  it('reports two departments whose normalised names are equal, and a name with spaces', () => {
    const p = check({ departments: (d) => [...d, { name: '총 무 과' }] });
    expect(p).toContainEqual(
      expect.objectContaining({ code: 'department_names_collide', path: 'departments[총 무 과].name' }),
    );
    expect(p).toContainEqual(expect.objectContaining({ code: 'department_name_not_normalized', severity: 'warning' }));
  });

  it("reports a former name that is another department's current name, and one claimed by two departments", () => {
    const p = check({
      departments: (d) => [
        { ...d[0]!, formerNames: ['총무과', '행정관리과'] },
        { ...d[1]!, formerNames: ['행정관리과'] },
      ],
    });
    expect(p).toContainEqual(
      expect.objectContaining({
        code: 'department_two_names',
        path: 'departments[기획예산과].formerNames[0]',
        severity: 'error',
      }),
    );
    expect(p.filter((x) => x.code === 'former_name_ambiguous')).toEqual([
      expect.objectContaining({
        path: 'departments[기획예산과].formerNames[1]',
        details: { formerName: '행정관리과', departments: ['기획예산과', '총무과'] },
      }),
    ]);
  });

  it('reports an evaluated department without goals, and goals of a department that is not evaluated', () => {
    expect(check({ departments: (d) => [...d, { name: '재무과' }] })).toContainEqual(
      expect.objectContaining({ code: 'department_without_goals', path: 'departments[재무과]', severity: 'warning' }),
    );
    expect(check({ departments: (d) => [d[0]!, { ...d[1]!, evaluated: false }] })).toContainEqual(
      expect.objectContaining({ code: 'goal_of_unevaluated_department', path: 'deptStrategicGoals[D002].department' }),
    );
  });
});

describe('checkPlan: goals without children', () => {
  it('reports each level', () => {
    const p = check({
      orgStrategicGoals: (d) => [...d, { code: 'S2', name: '빈 전략목표' }],
      orgPerformanceGoals: (d) => [...d, { code: 'G02', no: 2, name: '빈 성과목표' }],
      deptStrategicGoals: (d) => [...d, { code: 'D003', name: '빈 부서 전략목표' }],
      deptPerformanceGoals: (d) => [...d, { code: 'D001-2', name: '지표 없는 성과목표' }],
    });
    const find = (path: string) => p.find((x) => x.path === path);
    expect(find('orgStrategicGoals[S2]')).toMatchObject({ code: 'goal_without_children', severity: 'error' });
    expect(find('orgPerformanceGoals[G02]')).toMatchObject({ code: 'goal_without_children' });
    expect(find('deptStrategicGoals[D003]')).toMatchObject({ code: 'goal_without_children' });
    expect(find('deptPerformanceGoals[D001-2]')).toMatchObject({ code: 'goal_without_indicator', severity: 'error' });
    expect(find('orgStrategicGoals[S2]')!.message).toBe("區 전략목표 S2 '빈 전략목표'에 區 성과목표가 없습니다.");
  });
});

describe('checkPlan: indicators', () => {
  it('reports a missing target (error) and a missing unit (warning)', () => {
    const p = check({ indicators: (d) => [{ ...d[0]!, target: null, unit: '' }, ...d.slice(1)] });
    expect(p).toContainEqual(
      expect.objectContaining({ code: 'indicator_missing_target', severity: 'error', path: 'indicators[I001].target' }),
    );
    expect(p).toContainEqual(
      expect.objectContaining({ code: 'indicator_missing_unit', severity: 'warning', path: 'indicators[I001].unit' }),
    );
  });

  it('asks milestones, not a target, of a milestone-based indicator', () => {
    const ok = check({
      indicators: (d) => [
        { ...d[0]!, measurement: 'milestone', target: null, milestones: [{ name: '착수', weight: 1 }] },
        ...d.slice(1),
      ],
    });
    expect(ok).toEqual([]);
    const p = check({ indicators: (d) => [{ ...d[0]!, measurement: 'milestone', target: null }, ...d.slice(1)] });
    expect(codesOf(p)).toEqual(['indicator_missing_milestones']);
  });

  it('warns when the target goes back from the baseline, in either direction', () => {
    const p = check({
      indicators: (d) => [
        { ...d[0]!, baseline: 96, target: 95 },
        { ...d[1]!, direction: 'lower', baseline: 3, target: 4, unit: '일' },
        d[2]!,
      ],
    });
    expect(p.filter((x) => x.code === 'indicator_target_below_baseline').map((x) => x.path)).toEqual([
      'indicators[I001].target',
      'indicators[I002].target',
    ]);
    expect(p[0]!.message).toBe("성과지표 I001 '예산 집행률'의 목표치 95%가 기준치 96%보다 낮습니다.");
  });

  it('asks two departments of a convergence indicator', () => {
    for (const participants of [[], ['기획예산과']]) {
      const p = check({ indicators: (d) => [d[0]!, d[1]!, { ...d[2]!, participants }] });
      expect(p).toContainEqual(
        expect.objectContaining({ code: 'convergence_too_few_departments', path: 'indicators[I003].participants' }),
      );
    }
  });

  it('warns about participants on unique and common indicators', () => {
    const p = check({
      indicators: (d) => [
        { ...d[0]!, participants: ['총무과'] },
        { ...d[1]!, kind: 'common', participants: ['기획예산과'] },
        d[2]!,
      ],
    });
    expect(codesOf(p)).toEqual(['participants_on_unique', 'participants_on_common']);
  });

  it("reports a unique indicator owned by another department than its goal's (error; warning for convergence)", () => {
    const p = check({
      indicators: (d) => [
        { ...d[0]!, leadDepartment: '총무과' },
        d[1]!,
        { ...d[2]!, leadDepartment: '총무과', participants: ['기획예산과'] },
      ],
    });
    expect(p.find((x) => x.path === 'indicators[I001].leadDepartment')).toMatchObject({
      code: 'lead_department_mismatch',
      severity: 'error',
    });
    expect(p.find((x) => x.path === 'indicators[I003].leadDepartment')).toMatchObject({
      code: 'convergence_lead_department_mismatch',
      severity: 'warning',
    });
  });

  it("reports a department whose indicators' weights add up to 0, and warns about each weight 0", () => {
    const p = check({ indicators: (d) => [d[0]!, { ...d[1]!, weight: 0 }, d[2]!] });
    expect(p).toContainEqual(
      expect.objectContaining({ code: 'department_weights_zero', path: 'departments[총무과]', severity: 'error' }),
    );
    expect(p).toContainEqual(
      expect.objectContaining({ code: 'indicator_weight_zero', path: 'indicators[I002].weight' }),
    );
    // A common indicator with weight counts for every department.
    const q = check({
      indicators: (d) => [
        d[0]!,
        { ...d[1]!, weight: 0 },
        d[2]!,
        { code: 'I004', name: '공통', deptPerformanceGoal: 'D001-1', kind: 'common', leadDepartment: '기획예산과' },
      ],
    });
    expect(codesOf(q)).not.toContain('department_weights_zero');
  });
});

describe('checkPlan: tasks and results', () => {
  it('reports reversed dates, progress out of range, a schedule outside the year, over-execution, an uninvolved department', () => {
    const p = check({
      tasks: (d) => [
        { ...d[0]!, startDate: '2020-05-01', endDate: '2020-04-30' },
        { ...d[1]!, progress: 120, startDate: '2019-01-01', endDate: '2019-12-31' },
        { ...d[2]!, budgetAmount: 1000, executedAmount: 2000 },
        { code: 'T004', name: '남의 지표 과제', indicator: 'I002', department: '기획예산과' },
      ],
      validate: false,
    });
    const at = (path: string) => p.filter((x) => x.path === path).map((x) => x.code);
    expect(at('tasks[T001].endDate')).toEqual(['task_dates_reversed']);
    expect(at('tasks[T002].progress')).toEqual(['task_progress_out_of_range']);
    expect(at('tasks[T002]')).toEqual(['task_outside_plan_year']);
    expect(at('tasks[T003].executedAmount')).toEqual(['task_executed_over_budget']);
    expect(at('tasks[T004].department')).toEqual(['task_department_not_involved']);
    expect(p.find((x) => x.code === 'task_dates_reversed')!.message).toBe(
      "이행과제 T001 '예산 집행 점검'의 종료일 2020-04-30이 시작일 2020-05-01보다 빠릅니다.",
    );
    for (const x of p) exercised.add(x.code);
  });

  it('accepts a participant’s task on a convergence indicator and any evaluated department on a common one', () => {
    expect(
      check({ tasks: (d) => [...d, { code: 'T004', name: '협업 참여', indicator: 'I003', department: '총무과' }] }),
    ).toEqual([]);
  });

  it('reports results of another year and of an uninvolved department', () => {
    const p = check({
      results: [
        row.result({ indicator: 'I001', department: '기획예산과', period: '2019-Q4', actual: 1 }),
        row.result({ indicator: 'I001', department: '총무과', period: '2020-Q1', actual: 1 }),
        row.result({ indicator: 'I003', department: '총무과', period: '2020-Q1', actual: 1 }),
      ],
    });
    expect(p.map((x) => [x.code, x.path])).toEqual([
      ['result_period_other_year', 'results[I001/기획예산과/2019-Q4].period'],
      ['result_department_not_involved', 'results[I001/총무과/2020-Q1].department'],
    ]);
  });
});

describe('checkPlan: claimed totals', () => {
  const claimed = (c: PlanOverrides['claimedTotals']) => check({ claimedTotals: c });

  it('finds nothing when the claims match the data', () => {
    expect(
      claimed({
        source: '붙임',
        counts: {
          orgStrategicGoals: 1,
          deptStrategicGoals: 2,
          indicators: 3,
          uniqueIndicators: 2,
          convergenceIndicators: 1,
          tasks: 3,
          departments: 2,
        },
        byDepartment: [
          { name: '기획예산과', deptStrategicGoals: 1, deptPerformanceGoals: 1, indicators: 2, tasks: 2 },
          { name: '총 무 과', tasks: 1 },
        ],
      }),
    ).toEqual([]);
  });

  it('reports each count that differs, naming both figures', () => {
    const p = claimed({ source: '본문', counts: { tasks: 2, commonIndicators: 1 } });
    expect(p).toEqual([
      expect.objectContaining({
        code: 'claimed_count_mismatch',
        severity: 'warning',
        path: 'claimedTotals.counts.commonIndicators',
        message: '공통지표 수: 문서(본문)는 1개, 데이터는 0개입니다 (-1).',
      }),
      expect.objectContaining({
        path: 'claimedTotals.counts.tasks',
        message: '이행과제 수: 문서(본문)는 2개, 데이터는 3개입니다 (+1).',
        details: { key: 'tasks', claimed: 2, derived: 3 },
      }),
    ]);
  });

  it('reports claimed unique + convergence that do not add up to the claimed indicators', () => {
    const p = claimed({ counts: { indicators: 3, uniqueIndicators: 3, convergenceIndicators: 1 } });
    expect(p.find((x) => x.code === 'claimed_sum_mismatch')).toMatchObject({
      path: 'claimedTotals.counts',
      message: '문서의 고유지표 3개 + 융합지표 1개 = 4개인데, 성과지표 계는 3개입니다.',
    });
  });

  it('reports per-department differences, a former name, an unknown name, a missing department and a wrong column sum', () => {
    const p = check({
      departments: (d) => [d[0]!, { ...d[1]!, formerNames: ['행정지원과'] }],
      claimedTotals: {
        counts: { tasks: 3 },
        byDepartment: [
          { name: '행정지원과', tasks: 2 },
          { name: '없는과', tasks: 0 },
        ],
      },
    });
    expect(p.map((x) => [x.code, x.path])).toEqual([
      ['claimed_department_two_names', 'claimedTotals.byDepartment[행정지원과].name'],
      ['claimed_department_mismatch', 'claimedTotals.byDepartment[행정지원과].tasks'],
      ['claimed_department_unknown', 'claimedTotals.byDepartment[없는과].name'],
      ['claimed_department_missing', 'claimedTotals.byDepartment'],
      ['claimed_sum_mismatch', 'claimedTotals.byDepartment'],
    ]);
    expect(p[1]!.message).toBe('총무과(문서: 행정지원과)의 이행과제 수: 문서는 2개, 데이터는 1개입니다 (-1).');
  });

  it('pairs common indicator names that differ after normalisation, and reports the unpaired ones', () => {
    const p = check({
      indicators: (d) => [
        ...d,
        {
          code: 'I004',
          name: '제로페이(업무추진비) 추진율',
          deptPerformanceGoal: 'D001-1',
          kind: 'common',
          leadDepartment: '기획예산과',
        },
        {
          code: 'I005',
          name: '직원 연가 사용률',
          deptPerformanceGoal: 'D002-1',
          kind: 'common',
          leadDepartment: '총무과',
        },
        {
          code: 'I006',
          name: '청렴시책 달성',
          deptPerformanceGoal: 'D001-1',
          kind: 'common',
          leadDepartment: '기획예산과',
        },
      ],
      claimedTotals: { commonIndicatorNames: ['제로페이（업무추진비） 사용률', '직원연가 사용률', '고객만족행정도'] },
    });
    expect(p.map((x) => [x.code, x.path, x.details])).toEqual([
      [
        'claimed_common_name_mismatch',
        'claimedTotals.commonIndicatorNames[0]',
        { claimedName: '제로페이（업무추진비） 사용률', name: '제로페이(업무추진비) 추진율', indicator: 'I004' },
      ],
      ['claimed_common_name_unknown', 'claimedTotals.commonIndicatorNames[2]', { claimedName: '고객만족행정도' }],
      ['claimed_common_name_missing', 'indicators[I006]', { indicator: 'I006', name: '청렴시책 달성' }],
    ]);
  });
});

describe('checkPlan: catalogue', () => {
  it('gives every problem the severity of its catalogue entry, and counts them', () => {
    const p = check({ indicators: (d) => [{ ...d[0]!, target: null, unit: '' }, ...d.slice(1)] });
    const severities = new Map(PLAN_CHECKS.map((c) => [c.code, c.severity]));
    for (const x of p) expect(x.severity).toBe(severities.get(x.code as never));
    expect(countProblems(p)).toEqual({ errors: 1, warnings: 1 });
  });

  it('has unique codes, and every one of them is exercised by the tests above', () => {
    const codes = PLAN_CHECKS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => !exercised.has(c))).toEqual([]);
  });
});

describe('josa', () => {
  it('chooses the particle by the last syllable, digits read in Korean', () => {
    expect(josa('주택과', '은/는')).toBe('는');
    expect(josa('교육협력관', '은/는')).toBe('은');
    expect(josa('총무과', '와/과')).toBe('와');
    expect(josa('세무1과', '이/가')).toBe('가');
    expect(josa('2020-04-30', '이/가')).toBe('이');
    expect(josa('2020-Q2', '이/가')).toBe('가');
    expect(josa('95%', '이/가')).toBe('가');
    expect(josa('서울', '로/으로')).toBe('로');
    expect(josa('본청', '로/으로')).toBe('으로');
    expect(josa('ABC', '이/가')).toBe('이(가)');
  });
});
