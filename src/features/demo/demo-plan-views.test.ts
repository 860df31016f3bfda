/**
 * The plan's tables, checks and year diff computed on the demo reproduce the reference plan
 * (DOMAIN.md's reconciled table, 붙임 1, 붙임 2, section V) and find the source's inconsistencies.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarizePlan } from '../../domain/summary.js';
import { checkPlan } from '../../domain/plan-checks.js';
import { diffPlans } from '../../domain/plan-diff.js';
import { buildDemoPlans } from './build-demo-plan.js';

const tsv = (file: string) => {
  const [head, ...lines] = fs
    .readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const cols = head!.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i]!, v.trim()])));
};
const seedRows = tsv('plan-2020-reconciled.tsv');
const seedConv = tsv('convergence-2020.tsv');
const seedAtt = tsv('attachment1-2020-as-printed.tsv').filter((a) => a.no !== 'total');

const { plan2019, plan2020 } = buildDemoPlans();
const summary = summarizePlan(plan2020);

describe('summary of the demo 2020 plan', () => {
  it('reproduces 목표·지표 현황', () => {
    expect(summary.year).toBe(2020);
    expect(summary.counts).toEqual({
      orgStrategicGoals: 5,
      orgPerformanceGoals: 16,
      deptStrategicGoals: 89,
      deptPerformanceGoals: 163,
      indicators: 195,
      convergenceIndicators: 33,
      commonIndicators: 5,
      tasks: 243,
      departments: 42,
    });
  });

  it('reproduces 區 전략목표별 지표·과제 현황', () => {
    expect(summary.byOrgStrategicGoal).toEqual([
      { name: '일자리 송파', indicators: 16, convergenceIndicators: 4, tasks: 18 },
      { name: '배우는 송파', indicators: 30, convergenceIndicators: 3, tasks: 37 },
      { name: '안전한 송파', indicators: 29, convergenceIndicators: 3, tasks: 37 },
      { name: '꿈꾸는 송파', indicators: 41, convergenceIndicators: 2, tasks: 51 },
      { name: '재밌는 송파', indicators: 79, convergenceIndicators: 21, tasks: 100 },
    ]);
  });

  it('reproduces 區 성과목표별 부서 지표·과제 현황, one row per dept strategic goal', () => {
    expect(summary.byOrgPerformanceGoal).toHaveLength(89);
    summary.byOrgPerformanceGoal.forEach((row, i) => {
      const r = seedRows[i]!;
      const conv = seedConv.filter((c) => c.row === r.row);
      expect(row).toEqual({
        goalNo: Number(r.org_goal_no),
        goal: r.org_goal,
        deptStrategicGoal: r.dept_strategic_goal,
        department: r.department_as_printed!.replace(/\s+/g, ''),
        indicators: Number(r.indicators),
        convergence: Number(r.convergence_marked),
        common: conv.filter((c) => c.common === '공통').length,
        tasks: Number(r.tasks),
      });
      // The body marks 공통 on four rows; 붙임 2 adds 제로페이 (row 4): the data follows 붙임 2.
      expect(row.common).toBeGreaterThanOrEqual(Number(r.common_marked));
    });
  });

  it('reproduces 붙임 1 except the three documented task differences and the name 주택관리과', () => {
    const differences: Record<string, number> = { 주거사업과: 4, 국제관광과: 7, 자치행정과: 5 };
    expect(summary.byDepartment).toEqual(
      seedAtt.map((a) => ({
        name: a.department === '주택관리과' ? '주택과' : a.department,
        deptStrategicGoals: Number(a.dept_strategic_goals),
        deptPerformanceGoals: Number(a.dept_performance_goals),
        indicators: Number(a.indicators),
        tasks: differences[a.department!] ?? Number(a.tasks),
      })),
    );
  });

  it('reproduces 붙임 2 융합지표 현황 in its order', () => {
    expect(summary.convergenceIndicators).toEqual(
      seedConv.map((c) => ({ department: c.department, name: c.indicator, common: c.common === '공통' })),
    );
  });
});

describe('checks of the demo 2020 plan', () => {
  const problems = checkPlan(plan2020);
  const byCode = (code: string) => problems.filter((p) => p.code === code);

  it('finds no structural problem in the data itself', () => {
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.filter((p) => !p.code.startsWith('claimed_'))).toEqual([]);
  });

  it('reports the claimed 241 tasks against the 243 of the data, and 164 + 33 ≠ 195', () => {
    const tasks = problems.find((p) => p.path === 'claimedTotals.counts.tasks')!;
    expect(tasks).toMatchObject({
      severity: 'warning',
      code: 'claimed_count_mismatch',
      details: { claimed: 241, derived: 243 },
    });
    expect(tasks.message).toContain('241');
    expect(tasks.message).toContain('243');
    const sum = byCode('claimed_sum_mismatch');
    expect(sum).toHaveLength(1);
    expect(sum[0]!.message).toMatch(/164.*33.*197.*195/);
    const unique = problems.find((p) => p.path === 'claimedTotals.counts.uniqueIndicators')!;
    expect(unique.details).toMatchObject({ claimed: 164, derived: 162 });
    expect(byCode('claimed_count_mismatch').map((p) => p.path)).toEqual([
      'claimedTotals.counts.uniqueIndicators',
      'claimedTotals.counts.tasks',
    ]);
  });

  it('reports the per-department task differences of 붙임 1 and nothing else per department', () => {
    const diffs = byCode('claimed_department_mismatch').map((p) => p.details);
    expect(diffs).toEqual([
      expect.objectContaining({ department: '국제관광과', field: 'tasks', claimed: 5, derived: 7 }),
      expect.objectContaining({ department: '자치행정과', field: 'tasks', claimed: 4, derived: 5 }),
      expect.objectContaining({ department: '주거사업과', field: 'tasks', claimed: 5, derived: 4 }),
    ]);
  });

  it('reports 주택관리과 as another name of 주택과', () => {
    const two = byCode('claimed_department_two_names');
    expect(two).toHaveLength(1);
    expect(two[0]!.path).toBe('claimedTotals.byDepartment[주택관리과].name');
    expect(two[0]!.message).toContain('주택과');
    expect(byCode('claimed_department_unknown')).toEqual([]);
    expect(byCode('claimed_department_missing')).toEqual([]);
  });

  it('reports the common indicator names that differ between sections', () => {
    expect(byCode('claimed_common_name_mismatch').map((p) => [p.details!.claimedName, p.details!.name])).toEqual([
      ['청렴시책 달성도', '청렴시책 달성'],
      ['제안등록 실적지수', '제안마당 등록실적 지수'],
      ['제로페이(업무추진비) 사용률', '제로페이(업무추진비) 추진율'],
    ]);
    expect(byCode('claimed_common_name_unknown')).toEqual([]);
    expect(byCode('claimed_common_name_missing')).toEqual([]);
  });

  it('finds nothing structural in the 2019 plan either', () => {
    expect(checkPlan(plan2019)).toEqual([]);
  });
});

describe('달라진 점: diffPlans(2019, 2020) on the demo', () => {
  const d = diffPlans(plan2019, plan2020);

  it('gives the plan’s changes in counts', () => {
    expect(d.from).toEqual({ year: 2019, title: '2019년 성과관리(BSC) 시행계획' });
    expect(d.to).toEqual({ year: 2020, title: '2020년 성과관리(BSC) 시행계획' });
    expect(d.counts.deptStrategicGoals).toEqual({ from: 85, to: 89, change: 4 });
    expect(d.counts.deptPerformanceGoals).toEqual({ from: 159, to: 163, change: 4 });
    expect(d.counts.convergenceIndicators).toEqual({ from: 29, to: 33, change: 4 });
    expect(d.counts.commonIndicators).toEqual({ from: 5, to: 5, change: 0 });
    expect(d.counts.indicators).toEqual({ from: 195, to: 195, change: 0 });
    expect(d.counts.departments).toEqual({ from: 42, to: 42, change: 0 });
  });

  it('gives the common indicator replaced and the five new convergence indicators', () => {
    expect(d.common.replaced.map((r) => [r.from.name, r.to.name])).toEqual([
      ['고객만족행정도', '제로페이(업무추진비) 추진율'],
    ]);
    expect(d.common.added).toEqual([]);
    expect(d.common.removed).toEqual([]);
    expect(d.convergence.added.map((x) => x.name).sort()).toEqual(
      [
        '주요 언론매체 보도건수',
        '직원교육 이수율',
        '직원 후생복지 만족도',
        '친환경 공용차량 도입율',
        '제로페이(업무추진비) 추진율',
      ].sort(),
    );
    expect(d.convergence.removed.map((x) => x.name)).toEqual(['고객만족행정도']);
    expect(d.highlights).toContain('공통지표 변경: 고객만족행정도 → 제로페이(업무추진비) 추진율');
    expect(d.highlights).toContain('부서 전략목표 85개 → 89개 (+4)');
  });

  it('lists the new goals and the indicators added and dropped, and nothing renamed', () => {
    expect(d.levels.deptStrategicGoals.added).toHaveLength(4);
    expect(d.levels.deptStrategicGoals.removed).toEqual([]);
    expect(d.levels.deptPerformanceGoals.added).toHaveLength(4);
    expect(d.levels.indicators.added).toHaveLength(7);
    expect(d.levels.indicators.removed).toHaveLength(7);
    expect(d.levels.indicators.kindChanged).toEqual([]);
    for (const l of Object.values(d.levels)) {
      expect(l.renamed).toEqual([]);
      expect(l.recoded).toEqual([]);
    }
    expect(d.departments).toEqual({ added: [], removed: [], renamed: [], evaluatedChanged: [] });
  });

  it('is JSON-serialisable', () => {
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});
