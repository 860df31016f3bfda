/**
 * Request bodies of the plan administration API (계획 관리): one body per level of the hierarchy,
 * built from the interchange row schemas (docs/interchange.md) so a row created here is exactly a
 * row an import would accept. Strict objects: an unknown property is a 400 naming it.
 */
import { z } from 'zod';
import {
  deptPerformanceGoalSchema,
  deptStrategicGoalSchema,
  indicatorSchema,
  orgPerformanceGoalSchema,
  orgStrategicGoalSchema,
  taskSchema,
} from '../../contracts/interchange.js';

/** The levels that can be edited, named as the lists of the plan document (and the plan checks' paths). */
export const EDIT_LEVELS = [
  'orgStrategicGoals',
  'orgPerformanceGoals',
  'deptStrategicGoals',
  'deptPerformanceGoals',
  'indicators',
  'tasks',
] as const;
export type EditLevel = (typeof EDIT_LEVELS)[number];

export const LEVEL_LABELS: Record<EditLevel, string> = {
  orgStrategicGoals: '區 전략목표',
  orgPerformanceGoals: '區 성과목표',
  deptStrategicGoals: '부서 전략목표',
  deptPerformanceGoals: '부서 성과목표',
  indicators: '성과지표',
  tasks: '이행과제',
};

/** The level each level hangs under, and the field of its row that holds the parent's code. */
export const PARENTS = {
  orgPerformanceGoals: { level: 'orgStrategicGoals', field: 'orgStrategicGoal' },
  deptStrategicGoals: { level: 'orgPerformanceGoals', field: 'orgPerformanceGoal' },
  deptPerformanceGoals: { level: 'deptStrategicGoals', field: 'deptStrategicGoal' },
  indicators: { level: 'deptPerformanceGoals', field: 'deptPerformanceGoal' },
  tasks: { level: 'indicators', field: 'indicator' },
} as const satisfies Partial<Record<EditLevel, { level: EditLevel; field: string }>>;

export const ROW_SCHEMAS = {
  orgStrategicGoals: orgStrategicGoalSchema,
  orgPerformanceGoals: orgPerformanceGoalSchema,
  deptStrategicGoals: deptStrategicGoalSchema,
  deptPerformanceGoals: deptPerformanceGoalSchema,
  indicators: indicatorSchema,
  tasks: taskSchema,
} as const;

const versionField = z
  .string({ message: 'version(읽을 때 받은 값)이 필요합니다' })
  .min(1, 'version(읽을 때 받은 값)이 필요합니다')
  .max(64);

/**
 * The body of an edit: `version` (from the read) and only the fields that change. Built from the
 * row schema with its defaults removed, so a field left out stays as it is; the code cannot change.
 */
function patchSchema<S extends z.ZodObject>(row: S) {
  const shape: Record<string, z.ZodType> = { version: versionField };
  for (const [key, field] of Object.entries(row.shape)) {
    if (key === 'code') continue;
    const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = bare.optional();
  }
  return z.strictObject(shape);
}

export const PATCH_SCHEMAS = Object.fromEntries(
  EDIT_LEVELS.map((level) => [level, patchSchema(ROW_SCHEMAS[level])]),
) as Record<EditLevel, z.ZodObject>;

export const itemParams = z.strictObject({
  year: z.coerce.number().int().min(2000, '연도는 2000 이상이어야 합니다').max(2100, '연도는 2100 이하여야 합니다'),
  code: z.string().trim().min(1, '코드가 비어 있습니다').max(64),
});

export const deleteQuery = z.strictObject({ version: versionField });

/** What the read of one item answers; `version` is what an edit or delete must send back. */
export const itemResponse = z.object({
  year: z.number(),
  level: z.string(),
  code: z.string(),
  item: z.record(z.string(), z.unknown()),
  version: z.string(),
  /** What depends on the item (a delete is refused while any count is above 0). */
  dependents: z.record(z.string(), z.number()),
  /** The names a department field may take. */
  departments: z.array(z.string()),
  planStatus: z.string(),
});
