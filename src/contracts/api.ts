/** Shapes of the HTTP API (zod): the server validates and serialises with them; OpenAPI is generated from them. */
import { z } from 'zod';
import './zod-ko.js';

export const yearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const orgQuery = z.strictObject({ org: z.string().optional() });

export const problemSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
  }),
});

const count = z.number().int();
export const planSummarySchema = z.object({
  year: z.number().int(),
  counts: z.object({
    orgStrategicGoals: count,
    orgPerformanceGoals: count,
    deptStrategicGoals: count,
    deptPerformanceGoals: count,
    indicators: count,
    convergenceIndicators: count,
    commonIndicators: count,
    tasks: count,
    departments: count,
  }),
  byOrgStrategicGoal: z.array(
    z.object({ name: z.string(), indicators: count, convergenceIndicators: count, tasks: count }).passthrough(),
  ),
  byOrgPerformanceGoal: z.array(z.object({}).passthrough()),
  byDepartment: z.array(
    z.object({
      name: z.string(),
      deptStrategicGoals: count,
      deptPerformanceGoals: count,
      indicators: count,
      tasks: count,
    }).passthrough(),
  ),
  convergenceIndicators: z.array(z.object({ department: z.string(), name: z.string(), common: z.boolean() }).passthrough()),
});

export type TreeNodeOut = {
  level: string;
  code: string;
  name: string;
  department?: string;
  kind?: string;
  illustrative?: boolean;
  children: TreeNodeOut[];
};
export const treeNodeSchema: z.ZodType<TreeNodeOut> = z.lazy(() =>
  z.object({
    level: z.string(),
    code: z.string(),
    name: z.string(),
    department: z.string().optional(),
    kind: z.string().optional(),
    illustrative: z.boolean().optional(),
    children: z.array(treeNodeSchema),
  }),
);
