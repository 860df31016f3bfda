/** Read-only views of a plan year, all derived from its data (never typed in). */
import type { Db } from '../../db/client.js';
import { readPlanDocument } from '../../db/queries/plan-document.js';
import { summarizePlan } from '../../domain/summary.js';
import { checkPlan } from '../../domain/plan-checks.js';
import { diffPlans } from '../../domain/plan-diff.js';
import { buildPlanTree, treeIndicatorCodes } from '../../domain/plan-tree.js';
import { departmentScorecard, planHome, planProgress } from '../../domain/plan-progress.js';
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

/** The home dashboard in one request and one read of the plan (instead of summary, tree and progress). */
export async function getPlanHome(db: Db, year: number, orgCode?: string) {
  return planHome(await loadPlanDocument(db, year, orgCode));
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
    ...(department ? { scorecard: departmentScorecard(doc, department, treeIndicatorCodes(tree)) } : {}),
  };
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
