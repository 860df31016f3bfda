/** Read-only views of a plan year, all derived from its data (never typed in). */
import type { Db } from '../../db/client.js';
import { readPlanDocument } from '../../db/queries/plan-document.js';
import { summarizePlan } from '../../domain/summary.js';
import { checkPlan } from '../../domain/plan-checks.js';
import { diffPlans } from '../../domain/plan-diff.js';
import { buildPlanTree } from '../../domain/plan-tree.js';
import { planProgress } from '../../domain/plan-progress.js';
import { achievementRate, comparePeriods, parsePeriod, resultValue } from '../../domain/achievement.js';
import type { PlanDocument } from '../../contracts/interchange.js';
import { notFound } from '../../domain/errors.js';
import { requirePlan, resolveOrganization } from './context.js';

export async function loadPlanDocument(db: Db, year: number, orgCode?: string) {
  const org = await resolveOrganization(db, orgCode);
  return readPlanDocument(db, await requirePlan(db, org.id, year));
}

export async function getPlanSummary(db: Db, year: number, orgCode?: string) {
  return summarizePlan(await loadPlanDocument(db, year, orgCode));
}

export async function getPlanProgress(db: Db, year: number, orgCode?: string) {
  return { year, ...planProgress(await loadPlanDocument(db, year, orgCode)) };
}

export async function getPlanChecks(db: Db, year: number, orgCode?: string) {
  const problems = checkPlan(await loadPlanDocument(db, year, orgCode));
  return {
    year,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    problems,
  };
}

export async function getPlanDiff(db: Db, from: number, to: number, orgCode?: string) {
  const [a, b] = await Promise.all([loadPlanDocument(db, from, orgCode), loadPlanDocument(db, to, orgCode)]);
  return diffPlans(a, b);
}

export async function getPlanTree(db: Db, year: number, department?: string, orgCode?: string) {
  const doc = await loadPlanDocument(db, year, orgCode);
  if (department && !doc.departments.some((d) => d.name === department))
    throw notFound(`부서 '${department}'`, 'department_not_found');
  const tree = buildPlanTree(doc, department);
  return {
    year,
    organization: doc.organization,
    plan: doc.plan,
    department: department ?? null,
    tree,
    ...(department ? { scorecard: departmentScorecard(doc, department, tree) } : {}),
  };
}

type TreeNodeLike = { level: string; code: string; children: TreeNodeLike[] };

/**
 * One department's scorecard in one read: for each indicator in its part of the tree, the results
 * that show its progress (the department's own; for an indicator it only takes part in without own
 * results, the lead department's), in period order, and the latest of them with its achievement rate
 * by the plan's rule (domain/achievement.ts), so that the page needs no request per indicator.
 */
export function departmentScorecard(doc: PlanDocument, department: string, tree: TreeNodeLike[]) {
  const codes = new Set<string>();
  const walk = (nodes: TreeNodeLike[]) =>
    nodes.forEach((n) => {
      if (n.level === 'indicator') codes.add(n.code);
      walk(n.children);
    });
  walk(tree);
  const order = (period: string) => parsePeriod(period);
  return doc.indicators
    .filter((i) => codes.has(i.code))
    .map((indicator) => {
      const all = doc.results.filter((r) => r.indicator === indicator.code);
      const own = all.filter((r) => r.department === department);
      const shown = (own.length ? own : all.filter((r) => r.department === indicator.leadDepartment))
        .filter((r) => order(r.period) !== null)
        .sort((a, b) => comparePeriods(order(a.period)!, order(b.period)!));
      const withValue = shown.filter((r) => resultValue(indicator, r) !== null);
      const last = withValue[withValue.length - 1];
      const rate = last ? achievementRate(indicator, resultValue(indicator, last)) : null;
      return {
        indicator,
        tasks: doc.tasks.filter((t) => t.indicator === indicator.code).length,
        results: shown,
        latest: last
          ? {
              period: last.period,
              department: last.department,
              actual: last.actual,
              status: last.status,
              rate: rate?.ok ? rate.rate : null,
            }
          : null,
      };
    });
}

export async function getIndicator(db: Db, year: number, code: string, orgCode?: string) {
  const doc = await loadPlanDocument(db, year, orgCode);
  const indicator = doc.indicators.find((i) => i.code === code);
  if (!indicator) throw notFound(`성과지표 '${code}'`, 'indicator_not_found');
  const dpg = doc.deptPerformanceGoals.find((g) => g.code === indicator.deptPerformanceGoal);
  const dsg = doc.deptStrategicGoals.find((g) => g.code === dpg?.deptStrategicGoal);
  const opg = doc.orgPerformanceGoals.find((g) => g.code === dsg?.orgPerformanceGoal);
  const osg = doc.orgStrategicGoals.find((g) => g.code === opg?.orgStrategicGoal);
  return {
    year,
    indicator,
    path: {
      orgStrategicGoal: osg ?? null,
      orgPerformanceGoal: opg ?? null,
      deptStrategicGoal: dsg ?? null,
      deptPerformanceGoal: dpg ?? null,
    },
    tasks: doc.tasks.filter((t) => t.indicator === code),
    results: doc.results.filter((r) => r.indicator === code),
  };
}
