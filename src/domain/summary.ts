/**
 * The plan's tables, derived from its data (never typed in):
 * - 목표·지표 현황 → `counts`
 * - 區 전략목표별 지표·과제 현황 → `byOrgStrategicGoal`
 * - 區 성과목표별 각 부서 지표·과제 현황 → `byOrgPerformanceGoal` (one row per 부서 전략목표, in plan order)
 * - 붙임 1 부서별 목표·지표 현황 → `byDepartment` (evaluated departments, in the document's department order)
 * - 붙임 2 융합지표 현황 → `convergenceIndicators` (by lead department in department order, then plan order)
 *
 * Counting rules (docs/demo.md, "how counts reconcile"):
 * - "융합" counts convergence *and* common indicators (a common indicator is a convergence one that
 *   every department measures); "공통" counts common ones only.
 * - An indicator, and its tasks, belong to the goals above it by the hierarchy (DPG → DSG → OPG → OSG).
 * - `byDepartment`: goals and indicators under the department's own strategic goals; tasks whose
 *   `department` is the department (a task is carried out by one department).
 * - `counts.departments` counts evaluated departments only.
 * Rows whose parent code does not resolve are counted in the totals but in no group (checkPlan reports them).
 */
import type { PlanDocument } from '../contracts/interchange.js';

export interface PlanSummary {
  year: number;
  counts: {
    orgStrategicGoals: number;
    orgPerformanceGoals: number;
    deptStrategicGoals: number;
    deptPerformanceGoals: number;
    indicators: number;
    /** Convergence + common kinds. */
    convergenceIndicators: number;
    commonIndicators: number;
    tasks: number;
    /** Evaluated departments. */
    departments: number;
  };
  byOrgStrategicGoal: { name: string; indicators: number; convergenceIndicators: number; tasks: number }[];
  byOrgPerformanceGoal: {
    goalNo: number | null;
    goal: string;
    deptStrategicGoal: string;
    department: string;
    indicators: number;
    /** Convergence + common kinds. */
    convergence: number;
    common: number;
    tasks: number;
  }[];
  byDepartment: {
    name: string;
    deptStrategicGoals: number;
    deptPerformanceGoals: number;
    indicators: number;
    tasks: number;
  }[];
  convergenceIndicators: { department: string; name: string; common: boolean }[];
}

const isConvergence = (kind: string) => kind === 'convergence' || kind === 'common';

export function summarizePlan(doc: PlanDocument): PlanSummary {
  const opgByCode = new Map(doc.orgPerformanceGoals.map((g) => [g.code, g]));
  const dsgByCode = new Map(doc.deptStrategicGoals.map((g) => [g.code, g]));
  const dpgByCode = new Map(doc.deptPerformanceGoals.map((g) => [g.code, g]));
  const indByCode = new Map(doc.indicators.map((i) => [i.code, i]));

  // The DSG each indicator and each task sits under.
  const dsgOfIndicator = (code: string) => {
    const ind = indByCode.get(code);
    const dpg = ind && dpgByCode.get(ind.deptPerformanceGoal);
    return dpg ? dsgByCode.get(dpg.deptStrategicGoal) : undefined;
  };
  const osgOfDsg = (dsgCode: string | undefined) => {
    const dsg = dsgCode === undefined ? undefined : dsgByCode.get(dsgCode);
    return dsg && opgByCode.get(dsg.orgPerformanceGoal)?.orgStrategicGoal;
  };

  interface Tally {
    indicators: number;
    convergence: number;
    common: number;
    tasks: number;
  }
  const zero = (): Tally => ({ indicators: 0, convergence: 0, common: 0, tasks: 0 });
  const byDsg = new Map<string, Tally>(doc.deptStrategicGoals.map((g) => [g.code, zero()]));
  const byOsg = new Map<string, Tally>(doc.orgStrategicGoals.map((g) => [g.code, zero()]));
  const dpgCountByDsg = new Map<string, number>();
  for (const g of doc.deptPerformanceGoals)
    dpgCountByDsg.set(g.deptStrategicGoal, (dpgCountByDsg.get(g.deptStrategicGoal) ?? 0) + 1);

  for (const ind of doc.indicators) {
    const dsg = dsgOfIndicator(ind.code);
    const osg = osgOfDsg(dsg?.code);
    for (const t of [dsg && byDsg.get(dsg.code), osg && byOsg.get(osg)]) {
      if (!t) continue;
      t.indicators++;
      if (isConvergence(ind.kind)) t.convergence++;
      if (ind.kind === 'common') t.common++;
    }
  }
  const tasksByDept = new Map<string, number>();
  for (const task of doc.tasks) {
    tasksByDept.set(task.department, (tasksByDept.get(task.department) ?? 0) + 1);
    const dsg = dsgOfIndicator(task.indicator);
    const osg = osgOfDsg(dsg?.code);
    for (const t of [dsg && byDsg.get(dsg.code), osg && byOsg.get(osg)]) if (t) t.tasks++;
  }

  const evaluated = doc.departments.filter((d) => d.evaluated);
  const byDepartment = evaluated.map((d) => {
    const dsgs = doc.deptStrategicGoals.filter((g) => g.department === d.name);
    return {
      name: d.name,
      deptStrategicGoals: dsgs.length,
      deptPerformanceGoals: dsgs.reduce((s, g) => s + (dpgCountByDsg.get(g.code) ?? 0), 0),
      indicators: dsgs.reduce((s, g) => s + (byDsg.get(g.code)?.indicators ?? 0), 0),
      tasks: tasksByDept.get(d.name) ?? 0,
    };
  });

  const deptOrder = new Map(doc.departments.map((d, i) => [d.name, i]));
  const convergenceIndicators = doc.indicators
    .map((ind, i) => ({ ind, i }))
    .filter(({ ind }) => isConvergence(ind.kind))
    .sort(
      (a, b) =>
        (deptOrder.get(a.ind.leadDepartment) ?? Number.MAX_SAFE_INTEGER) -
          (deptOrder.get(b.ind.leadDepartment) ?? Number.MAX_SAFE_INTEGER) || a.i - b.i,
    )
    .map(({ ind }) => ({ department: ind.leadDepartment, name: ind.name, common: ind.kind === 'common' }));

  return {
    year: doc.plan.year,
    counts: {
      orgStrategicGoals: doc.orgStrategicGoals.length,
      orgPerformanceGoals: doc.orgPerformanceGoals.length,
      deptStrategicGoals: doc.deptStrategicGoals.length,
      deptPerformanceGoals: doc.deptPerformanceGoals.length,
      indicators: doc.indicators.length,
      convergenceIndicators: doc.indicators.filter((i) => isConvergence(i.kind)).length,
      commonIndicators: doc.indicators.filter((i) => i.kind === 'common').length,
      tasks: doc.tasks.length,
      departments: evaluated.length,
    },
    byOrgStrategicGoal: doc.orgStrategicGoals.map((g) => {
      const t = byOsg.get(g.code) ?? zero();
      return { name: g.name, indicators: t.indicators, convergenceIndicators: t.convergence, tasks: t.tasks };
    }),
    byOrgPerformanceGoal: doc.deptStrategicGoals.map((g) => {
      const opg = opgByCode.get(g.orgPerformanceGoal);
      const t = byDsg.get(g.code) ?? zero();
      return {
        goalNo: opg?.no ?? null,
        goal: opg?.name ?? '',
        deptStrategicGoal: g.name,
        department: g.department,
        indicators: t.indicators,
        convergence: t.convergence,
        common: t.common,
        tasks: t.tasks,
      };
    }),
    byDepartment,
    convergenceIndicators,
  };
}
