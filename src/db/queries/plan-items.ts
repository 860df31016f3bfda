/**
 * Writing one item of a plan's hierarchy (계획 관리): a goal, an indicator or a task, given as its
 * interchange row (codes and department names), resolved here to the rows' ids. The caller has
 * validated the row and its references and runs these inside its transaction.
 */
import crypto from 'node:crypto';
import { and, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import * as t from '../schema.js';
import type { PlanDocument } from '../../contracts/interchange.js';
import type { PlanRef } from './plan-document.js';

type Doc = PlanDocument;
export type ItemRow =
  | Doc['orgStrategicGoals'][number]
  | Doc['orgPerformanceGoals'][number]
  | Doc['deptStrategicGoals'][number]
  | Doc['deptPerformanceGoals'][number]
  | Doc['indicators'][number]
  | Doc['tasks'][number];
export type ItemLevel =
  'orgStrategicGoals' | 'orgPerformanceGoals' | 'deptStrategicGoals' | 'deptPerformanceGoals' | 'indicators' | 'tasks';

const TABLES = {
  orgStrategicGoals: t.orgStrategicGoals,
  orgPerformanceGoals: t.orgPerformanceGoals,
  deptStrategicGoals: t.deptStrategicGoals,
  deptPerformanceGoals: t.deptPerformanceGoals,
  indicators: t.indicators,
  tasks: t.tasks,
} as const;

/** Locks the plan row: edits of one plan year run one after the other (a parent cannot vanish under a new child). */
export async function lockPlan(tx: Db, ref: PlanRef) {
  const [row] = await tx
    .select({ status: t.plans.status, version: t.plans.version })
    .from(t.plans)
    .where(and(eq(t.plans.organizationId, ref.organizationId), eq(t.plans.id, ref.planId)))
    .for('update');
  return row;
}

async function idOf(tx: Db, ref: PlanRef, level: ItemLevel, code: string): Promise<string> {
  const tbl = TABLES[level];
  const [row] = await tx
    .select({ id: tbl.id })
    .from(tbl)
    .where(and(eq(tbl.organizationId, ref.organizationId), eq(tbl.planId, ref.planId), eq(tbl.code, code)));
  if (!row) throw new Error(`unknown ${level} ${code}`);
  return row.id;
}

async function departmentId(tx: Db, organizationId: string, name: string): Promise<string> {
  const [row] = await tx
    .select({ id: t.departments.id })
    .from(t.departments)
    .where(and(eq(t.departments.organizationId, organizationId), eq(t.departments.name, name)));
  if (!row) throw new Error(`unknown department ${name}`);
  return row.id;
}

async function pillarId(tx: Db, ref: PlanRef, name: string | null): Promise<string | null> {
  if (name === null) return null;
  const [row] = await tx
    .select({ id: t.visionPillars.id })
    .from(t.visionPillars)
    .where(
      and(
        eq(t.visionPillars.organizationId, ref.organizationId),
        eq(t.visionPillars.planId, ref.planId),
        eq(t.visionPillars.name, name),
      ),
    );
  return row?.id ?? null;
}

/** The columns of a row, its references resolved to ids (code and seq excluded). */
async function columns(tx: Db, ref: PlanRef, level: ItemLevel, row: ItemRow): Promise<Record<string, unknown>> {
  const org = ref.organizationId;
  switch (level) {
    case 'orgStrategicGoals': {
      const r = row as Doc['orgStrategicGoals'][number];
      return { name: r.name, visionPillarId: await pillarId(tx, ref, r.visionPillar) };
    }
    case 'orgPerformanceGoals': {
      const r = row as Doc['orgPerformanceGoals'][number];
      return {
        name: r.name,
        seq: r.no,
        orgStrategicGoalId: await idOf(tx, ref, 'orgStrategicGoals', r.orgStrategicGoal),
      };
    }
    case 'deptStrategicGoals': {
      const r = row as Doc['deptStrategicGoals'][number];
      return {
        name: r.name,
        orgPerformanceGoalId: await idOf(tx, ref, 'orgPerformanceGoals', r.orgPerformanceGoal),
        departmentId: await departmentId(tx, org, r.department),
        illustrative: r.illustrative,
      };
    }
    case 'deptPerformanceGoals': {
      const r = row as Doc['deptPerformanceGoals'][number];
      return {
        name: r.name,
        deptStrategicGoalId: await idOf(tx, ref, 'deptStrategicGoals', r.deptStrategicGoal),
        illustrative: r.illustrative,
      };
    }
    case 'indicators': {
      const r = row as Doc['indicators'][number];
      return {
        name: r.name,
        deptPerformanceGoalId: await idOf(tx, ref, 'deptPerformanceGoals', r.deptPerformanceGoal),
        kind: r.kind,
        leadDepartmentId: await departmentId(tx, org, r.leadDepartment),
        unit: r.unit,
        direction: r.direction,
        measurement: r.measurement,
        formula: r.formula,
        dataSource: r.dataSource,
        frequency: r.frequency,
        baseline: r.baseline,
        target: r.target,
        weight: r.weight,
        convergenceRule: r.convergenceRule,
        milestones: r.milestones,
        tags: r.tags,
        illustrative: r.illustrative,
      };
    }
    case 'tasks': {
      const r = row as Doc['tasks'][number];
      return {
        name: r.name,
        indicatorId: await idOf(tx, ref, 'indicators', r.indicator),
        departmentId: await departmentId(tx, org, r.department),
        startDate: r.startDate,
        endDate: r.endDate,
        progress: r.progress,
        budgetProgramCode: r.budgetProgramCode,
        budgetProgramName: r.budgetProgramName,
        budgetAmount: r.budgetAmount,
        executedAmount: r.executedAmount,
        illustrative: r.illustrative,
      };
    }
  }
}

/** The lead and participants of an indicator, replaced. */
async function writeIndicatorDepartments(tx: Db, ref: PlanRef, indicatorId: string, row: Doc['indicators'][number]) {
  const org = ref.organizationId;
  await tx
    .delete(t.indicatorDepartments)
    .where(and(eq(t.indicatorDepartments.organizationId, org), eq(t.indicatorDepartments.indicatorId, indicatorId)));
  const lead = await departmentId(tx, org, row.leadDepartment);
  const rows: (typeof t.indicatorDepartments.$inferInsert)[] = [
    { organizationId: org, indicatorId, departmentId: lead, role: 'lead' },
  ];
  for (const p of new Set(row.participants)) {
    const id = await departmentId(tx, org, p);
    if (id !== lead) rows.push({ organizationId: org, indicatorId, departmentId: id, role: 'participant' as const });
  }
  await tx.insert(t.indicatorDepartments).values(rows);
}

const hasVersion = (level: ItemLevel) => level === 'indicators' || level === 'tasks';

export async function updateItem(tx: Db, ref: PlanRef, level: ItemLevel, code: string, row: ItemRow) {
  const tbl = TABLES[level];
  const set = await columns(tx, ref, level, row);
  if (hasVersion(level)) set.version = sql`${(tbl as typeof t.indicators).version} + 1`;
  const [updated] = await tx
    .update(tbl)
    .set(set as never)
    .where(and(eq(tbl.organizationId, ref.organizationId), eq(tbl.planId, ref.planId), eq(tbl.code, code)))
    .returning({ id: tbl.id });
  if (!updated) throw new Error(`unknown ${level} ${code}`);
  if (level === 'indicators') await writeIndicatorDepartments(tx, ref, updated.id, row as Doc['indicators'][number]);
}

export async function insertItem(tx: Db, ref: PlanRef, level: ItemLevel, row: ItemRow) {
  const tbl = TABLES[level];
  const [last] = await tx
    .select({ seq: max(tbl.seq) })
    .from(tbl)
    .where(and(eq(tbl.organizationId, ref.organizationId), eq(tbl.planId, ref.planId)));
  const id = crypto.randomUUID();
  const values = {
    organizationId: ref.organizationId,
    planId: ref.planId,
    id,
    code: row.code,
    seq: (last?.seq ?? -1) + 1,
    ...(await columns(tx, ref, level, row)),
  };
  await tx.insert(tbl).values(values as never);
  if (level === 'indicators') await writeIndicatorDepartments(tx, ref, id, row as Doc['indicators'][number]);
}

export async function deleteItem(tx: Db, ref: PlanRef, level: ItemLevel, code: string) {
  const tbl = TABLES[level];
  const gone = await tx
    .delete(tbl)
    .where(and(eq(tbl.organizationId, ref.organizationId), eq(tbl.planId, ref.planId), eq(tbl.code, code)))
    .returning({ id: tbl.id });
  return gone.length;
}
