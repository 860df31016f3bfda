/**
 * Response shapes of the read API, written against src/contracts (type-only imports: nothing of
 * zod reaches the bundle). Where the server's schema is open (`passthrough`), the fields the pages
 * read are listed here as optional.
 */
import type { z } from 'zod';
import type { planSummarySchema, TreeNodeOut } from '../../../src/contracts/api.js';
import type { IndicatorRow, ResultRow, TaskRow } from '../../../src/contracts/interchange.js';

export type { IndicatorRow, ResultRow, TaskRow };

export type Level =
  'orgStrategicGoal' | 'orgPerformanceGoal' | 'deptStrategicGoal' | 'deptPerformanceGoal' | 'indicator' | 'task';
export type TreeNode = Omit<TreeNodeOut, 'level' | 'children'> & { level: Level; children: TreeNode[] };

export interface PlanListItem {
  year: number;
  status: string;
  title: string;
  illustrative: boolean;
}
export interface PlansResponse {
  organization: { code: string; name: string };
  plans: PlanListItem[];
}

type SummaryBase = z.infer<typeof planSummarySchema>;
export interface OrgStrategicGoalRow {
  name: string;
  indicators: number;
  convergenceIndicators: number;
  tasks: number;
  code?: string;
  visionPillar?: string | null;
  orgPerformanceGoals?: number;
  commonIndicators?: number;
}
/** One row per department strategic goal (區 성과목표별 부서 지표·과제 현황), in plan order. */
export interface OrgPerformanceGoalRow {
  goalNo: number | null;
  goal: string;
  deptStrategicGoal: string;
  department: string;
  indicators: number;
  /** Convergence and common indicators. */
  convergence: number;
  common: number;
  tasks: number;
  illustrative?: boolean;
}
export interface ConvergenceRow {
  department: string;
  name: string;
  common: boolean;
  code?: string;
  illustrative?: boolean;
}
export interface DepartmentRow {
  name: string;
  deptStrategicGoals: number;
  deptPerformanceGoals: number;
  indicators: number;
  tasks: number;
  group?: string;
}
export type PlanSummary = Omit<
  SummaryBase,
  'byOrgStrategicGoal' | 'byOrgPerformanceGoal' | 'convergenceIndicators' | 'byDepartment'
> & {
  byOrgStrategicGoal: OrgStrategicGoalRow[];
  byOrgPerformanceGoal: OrgPerformanceGoalRow[];
  byDepartment: DepartmentRow[];
  convergenceIndicators: ConvergenceRow[];
};
export type CountKey = keyof PlanSummary['counts'];

export interface PlanHeader {
  title: string;
  status: string;
  visionName: string;
  visionSlogan?: string;
  illustrative: boolean;
  year?: number;
}
export interface TreeResponse {
  year: number;
  organization?: { code: string; name: string };
  plan?: PlanHeader;
  department: string | null;
  tree: TreeNode[];
  /** With a department: its indicators with their results and the latest rate (features/plans/plan-views.ts). */
  scorecard?: ScorecardRow[];
}

export interface ScorecardRow {
  indicator: IndicatorRow;
  tasks: number;
  results: ResultRow[];
  latest: {
    period: string;
    department: string;
    actual: number | null;
    status: ResultRow['status'];
    rate: number | null;
  } | null;
}

export interface GoalRef {
  code: string;
  name: string;
  no?: number;
  department?: string;
  visionPillar?: string | null;
  illustrative?: boolean;
}
export interface IndicatorResponse {
  year: number;
  indicator: IndicatorRow;
  path: {
    orgStrategicGoal?: GoalRef | null;
    orgPerformanceGoal?: GoalRef | null;
    deptStrategicGoal?: GoalRef | null;
    deptPerformanceGoal?: GoalRef | null;
  };
  tasks: TaskRow[];
  results: ResultRow[];
}

export interface PlanProblem {
  severity: 'error' | 'warning';
  code: string;
  path: string;
  message: string;
  [key: string]: unknown;
}
export interface ChecksResponse {
  year: number;
  errors: number;
  warnings: number;
  problems: PlanProblem[];
}

/** `GET /plans/diff` (domain/plan-diff.ts). */
export type { PlanDiff as DiffResponse } from '../../../src/domain/plan-diff.js';
