/** The plan as a nested tree (區 전략목표 → 區 성과목표 → 부서 전략목표 → 부서 성과목표 → 성과지표 → 이행과제). */
import type { PlanDocument } from '../contracts/interchange.js';

export interface TreeNode {
  level: 'orgStrategicGoal' | 'orgPerformanceGoal' | 'deptStrategicGoal' | 'deptPerformanceGoal' | 'indicator' | 'task';
  code: string;
  name: string;
  department?: string;
  kind?: string;
  illustrative?: boolean;
  children: TreeNode[];
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Optionally limited to one department's part (its goals, the indicators it leads or takes part in). */
export function buildPlanTree(doc: PlanDocument, department?: string): TreeNode[] {
  const tasksBy = groupBy(doc.tasks, (t) => t.indicator);
  const indBy = groupBy(doc.indicators, (i) => i.deptPerformanceGoal);
  const dpgBy = groupBy(doc.deptPerformanceGoals, (g) => g.deptStrategicGoal);
  const dsgBy = groupBy(doc.deptStrategicGoals, (g) => g.orgPerformanceGoal);
  const opgBy = groupBy(doc.orgPerformanceGoals, (g) => g.orgStrategicGoal);
  const involves = (i: PlanDocument['indicators'][number]) =>
    !department || i.leadDepartment === department || i.participants.includes(department) || i.kind === 'common';

  const nodes = doc.orgStrategicGoals.map((osg): TreeNode => ({
    level: 'orgStrategicGoal',
    code: osg.code,
    name: osg.name,
    children: (opgBy.get(osg.code) ?? []).map((opg): TreeNode => ({
      level: 'orgPerformanceGoal',
      code: opg.code,
      name: `${opg.no}. ${opg.name}`,
      children: (dsgBy.get(opg.code) ?? [])
        .map((dsg): TreeNode => ({
          level: 'deptStrategicGoal',
          code: dsg.code,
          name: dsg.name,
          department: dsg.department,
          illustrative: dsg.illustrative,
          children: (dpgBy.get(dsg.code) ?? []).map((dpg): TreeNode => ({
            level: 'deptPerformanceGoal',
            code: dpg.code,
            name: dpg.name,
            illustrative: dpg.illustrative,
            children: (indBy.get(dpg.code) ?? [])
              .filter((i) => dsg.department === department || involves(i))
              .map((i): TreeNode => ({
                level: 'indicator',
                code: i.code,
                name: i.name,
                department: i.leadDepartment,
                kind: i.kind,
                illustrative: i.illustrative,
                children: (tasksBy.get(i.code) ?? []).map((t) => ({
                  level: 'task' as const,
                  code: t.code,
                  name: t.name,
                  department: t.department,
                  illustrative: t.illustrative,
                  children: [],
                })),
              })),
          })),
        }))
        .filter((dsg) => !department || dsg.department === department || dsg.children.some((c) => c.children.length)),
    })),
  }));
  if (!department) return nodes;
  // Drop empty branches of other departments.
  const prune = (n: TreeNode[]): TreeNode[] =>
    n
      .map((x) => ({ ...x, children: x.level === 'deptStrategicGoal' ? x.children : prune(x.children) }))
      .filter((x) => x.level === 'deptStrategicGoal' || x.children.length > 0);
  return prune(nodes);
}

/** The codes of the indicators anywhere in `nodes`. */
export function treeIndicatorCodes(nodes: TreeNode[]): Set<string> {
  const codes = new Set<string>();
  const walk = (list: TreeNode[]) =>
    list.forEach((n) => {
      if (n.level === 'indicator') codes.add(n.code);
      walk(n.children);
    });
  walk(nodes);
  return codes;
}
