/**
 * SQL of the evaluation: the plan's evaluation state (scheme, rating closed, status), the inputs
 * that are not results (rater assignments, quality ratings, bonus awards, qualitative scores) and
 * the frozen evaluations (snapshots). Writers take the plan row's lock first (`lockPlan`), so an
 * input write and the year's close never interleave.
 */
import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  bonusAwards,
  departments,
  evaluationSnapshots,
  indicatorDepartments,
  indicators,
  plans,
  qualitativeScores,
  qualityRatings,
  raterAssignments,
  type BonusItem,
} from '../schema.js';

const newId = () => crypto.randomUUID();

// ───────────────────────────── plan ─────────────────────────────

export type PlanStatus = 'draft' | 'active' | 'closed';

export interface EvaluationPlanRow {
  organizationId: string;
  id: string;
  year: number;
  status: PlanStatus;
  evaluationScheme: Record<string, unknown>;
  ratingClosedAt: Date | null;
  ratingClosedBy: string | null;
  version: number;
  updatedAt: Date;
}

const planCols = {
  organizationId: plans.organizationId,
  id: plans.id,
  year: plans.year,
  status: plans.status,
  evaluationScheme: plans.evaluationScheme,
  ratingClosedAt: plans.ratingClosedAt,
  ratingClosedBy: plans.ratingClosedBy,
  version: plans.version,
  updatedAt: plans.updatedAt,
};

export async function findEvaluationPlan(
  db: Db,
  organizationId: string,
  year: number,
): Promise<EvaluationPlanRow | undefined> {
  const [row] = await db
    .select(planCols)
    .from(plans)
    .where(and(eq(plans.organizationId, organizationId), eq(plans.year, year)));
  return row;
}

/**
 * The plan row of a year, locked for the rest of the transaction: `update` by the year's state
 * changes (close, re-open, scheme, rating close), `share` by input writes (they may run side by side).
 */
export async function lockPlan(
  tx: Db,
  organizationId: string,
  year: number,
  mode: 'update' | 'share',
): Promise<EvaluationPlanRow | undefined> {
  const [row] = await tx
    .select(planCols)
    .from(plans)
    .where(and(eq(plans.organizationId, organizationId), eq(plans.year, year)))
    .for(mode === 'update' ? 'update' : 'share');
  return row;
}

/** Changes the plan row if it still has `expectedVersion`; bumps the version. Undefined when stale. */
export async function updatePlanGuarded(
  tx: Db,
  plan: Pick<EvaluationPlanRow, 'organizationId' | 'id'>,
  expectedVersion: number,
  set: Partial<{
    evaluationScheme: Record<string, unknown>;
    status: PlanStatus;
    ratingClosedAt: Date | null;
    ratingClosedBy: string | null;
  }>,
): Promise<EvaluationPlanRow | undefined> {
  const [row] = await tx
    .update(plans)
    .set({ ...set, version: sql`${plans.version} + 1`, updatedAt: new Date() })
    .where(
      and(eq(plans.organizationId, plan.organizationId), eq(plans.id, plan.id), eq(plans.version, expectedVersion)),
    )
    .returning(planCols);
  return row;
}

// ───────────────────────────── departments, indicators ─────────────────────────────

export interface EvalDepartment {
  id: string;
  name: string;
  group: string;
  evaluated: boolean;
  active: boolean;
}

export async function listEvalDepartments(db: Db, organizationId: string): Promise<EvalDepartment[]> {
  return db
    .select({
      id: departments.id,
      name: departments.name,
      group: departments.groupName,
      evaluated: departments.evaluated,
      active: departments.active,
    })
    .from(departments)
    .where(eq(departments.organizationId, organizationId))
    .orderBy(asc(departments.seq), asc(departments.name));
}

export interface EvalIndicator {
  id: string;
  code: string;
  name: string;
  kind: 'unique' | 'convergence' | 'common';
  leadDepartmentId: string;
  /** Lead and participants (indicator_departments). */
  departmentIds: string[];
}

const indicatorCols = {
  id: indicators.id,
  code: indicators.code,
  name: indicators.name,
  kind: indicators.kind,
  leadDepartmentId: indicators.leadDepartmentId,
};

async function withDepartments(db: Db, organizationId: string, rows: Omit<EvalIndicator, 'departmentIds'>[]) {
  if (rows.length === 0) return [];
  const parts = await db
    .select({ indicatorId: indicatorDepartments.indicatorId, departmentId: indicatorDepartments.departmentId })
    .from(indicatorDepartments)
    .where(
      and(
        eq(indicatorDepartments.organizationId, organizationId),
        inArray(
          indicatorDepartments.indicatorId,
          rows.map((r) => r.id),
        ),
      ),
    );
  const by = new Map<string, Set<string>>();
  for (const p of parts) by.set(p.indicatorId, (by.get(p.indicatorId) ?? new Set()).add(p.departmentId));
  return rows.map((r) => ({ ...r, departmentIds: [...(by.get(r.id) ?? new Set()).add(r.leadDepartmentId)] }));
}

export async function listEvalIndicators(db: Db, organizationId: string, planId: string): Promise<EvalIndicator[]> {
  const rows = await db
    .select(indicatorCols)
    .from(indicators)
    .where(and(eq(indicators.organizationId, organizationId), eq(indicators.planId, planId)))
    .orderBy(asc(indicators.seq), asc(indicators.code));
  return withDepartments(db, organizationId, rows);
}

export async function findEvalIndicator(
  db: Db,
  organizationId: string,
  planId: string,
  code: string,
): Promise<EvalIndicator | undefined> {
  const rows = await db
    .select(indicatorCols)
    .from(indicators)
    .where(
      and(eq(indicators.organizationId, organizationId), eq(indicators.planId, planId), eq(indicators.code, code)),
    );
  return (await withDepartments(db, organizationId, rows))[0];
}

// ───────────────────────────── rater assignments ─────────────────────────────

export interface AssignmentRow {
  indicatorId: string;
  rater: string;
}

export async function listAssignments(
  db: Db,
  organizationId: string,
  planId: string,
  filter: { rater?: string; indicatorId?: string } = {},
): Promise<AssignmentRow[]> {
  const where = [eq(raterAssignments.organizationId, organizationId), eq(raterAssignments.planId, planId)];
  if (filter.rater !== undefined) where.push(eq(raterAssignments.rater, filter.rater));
  if (filter.indicatorId !== undefined) where.push(eq(raterAssignments.indicatorId, filter.indicatorId));
  return db
    .select({ indicatorId: raterAssignments.indicatorId, rater: raterAssignments.rater })
    .from(raterAssignments)
    .where(and(...where))
    .orderBy(asc(raterAssignments.indicatorId), asc(raterAssignments.rater));
}

/** Replaces the raters assigned to each indicator given (one delete and one insert for all of them). */
export async function replaceAssignments(
  tx: Db,
  organizationId: string,
  planId: string,
  changes: { indicatorId: string; raters: string[] }[],
): Promise<void> {
  if (changes.length === 0) return;
  await tx.delete(raterAssignments).where(
    and(
      eq(raterAssignments.organizationId, organizationId),
      eq(raterAssignments.planId, planId),
      inArray(
        raterAssignments.indicatorId,
        changes.map((c) => c.indicatorId),
      ),
    ),
  );
  const rows = changes.flatMap((c) =>
    c.raters.map((rater) => ({ organizationId, planId, indicatorId: c.indicatorId, rater })),
  );
  if (rows.length) await tx.insert(raterAssignments).values(rows);
}

// ───────────────────────────── quality ratings ─────────────────────────────

export type RatingRow = typeof qualityRatings.$inferSelect;

export async function listRatings(
  db: Db,
  organizationId: string,
  planId: string,
  filter: { rater?: string; indicatorIds?: string[] } = {},
): Promise<RatingRow[]> {
  if (filter.indicatorIds && filter.indicatorIds.length === 0) return [];
  const where = [eq(qualityRatings.organizationId, organizationId), eq(qualityRatings.planId, planId)];
  if (filter.rater !== undefined) where.push(eq(qualityRatings.rater, filter.rater));
  if (filter.indicatorIds) where.push(inArray(qualityRatings.indicatorId, filter.indicatorIds));
  return db
    .select()
    .from(qualityRatings)
    .where(and(...where))
    .orderBy(asc(qualityRatings.indicatorId), asc(qualityRatings.rater));
}

export async function findRating(
  db: Db,
  organizationId: string,
  indicatorId: string,
  rater: string,
): Promise<RatingRow | undefined> {
  const [row] = await db
    .select()
    .from(qualityRatings)
    .where(
      and(
        eq(qualityRatings.organizationId, organizationId),
        eq(qualityRatings.indicatorId, indicatorId),
        eq(qualityRatings.rater, rater),
      ),
    );
  return row;
}

export interface RatingScores {
  representativeness: number | null;
  difficulty: number | null;
  completeness: number | null;
}

export async function insertRating(
  tx: Db,
  row: { organizationId: string; planId: string; indicatorId: string; rater: string } & RatingScores,
): Promise<RatingRow | undefined> {
  const [r] = await tx
    .insert(qualityRatings)
    .values({ ...row, id: newId() })
    .onConflictDoNothing()
    .returning();
  return r;
}

export async function updateRatingGuarded(
  tx: Db,
  organizationId: string,
  id: string,
  expectedVersion: number,
  scores: RatingScores,
): Promise<RatingRow | undefined> {
  const [r] = await tx
    .update(qualityRatings)
    .set({ ...scores, illustrative: false, version: sql`${qualityRatings.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(qualityRatings.organizationId, organizationId),
        eq(qualityRatings.id, id),
        eq(qualityRatings.version, expectedVersion),
      ),
    )
    .returning();
  return r;
}

// ───────────────────────────── bonus awards ─────────────────────────────

export type BonusAwardRow = typeof bonusAwards.$inferSelect;

export async function listBonusAwards(
  db: Db,
  organizationId: string,
  planId: string,
  departmentIds?: string[],
): Promise<BonusAwardRow[]> {
  if (departmentIds && departmentIds.length === 0) return [];
  const where = [eq(bonusAwards.organizationId, organizationId), eq(bonusAwards.planId, planId)];
  if (departmentIds) where.push(inArray(bonusAwards.departmentId, departmentIds));
  return db
    .select()
    .from(bonusAwards)
    .where(and(...where));
}

export async function findBonusAward(
  db: Db,
  organizationId: string,
  planId: string,
  departmentId: string,
  item: BonusItem,
): Promise<BonusAwardRow | undefined> {
  const [row] = await db
    .select()
    .from(bonusAwards)
    .where(
      and(
        eq(bonusAwards.organizationId, organizationId),
        eq(bonusAwards.planId, planId),
        eq(bonusAwards.departmentId, departmentId),
        eq(bonusAwards.item, item),
      ),
    );
  return row;
}

export interface BonusValues {
  points: number;
  reason: string;
  grantedBy: string;
}

export async function insertBonusAward(
  tx: Db,
  row: { organizationId: string; planId: string; departmentId: string; item: BonusItem } & BonusValues,
): Promise<BonusAwardRow | undefined> {
  const [r] = await tx
    .insert(bonusAwards)
    .values({ ...row, id: newId() })
    .onConflictDoNothing()
    .returning();
  return r;
}

export async function updateBonusAwardGuarded(
  tx: Db,
  organizationId: string,
  id: string,
  expectedVersion: number,
  values: BonusValues,
): Promise<BonusAwardRow | undefined> {
  const [r] = await tx
    .update(bonusAwards)
    .set({ ...values, illustrative: false, version: sql`${bonusAwards.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(bonusAwards.organizationId, organizationId),
        eq(bonusAwards.id, id),
        eq(bonusAwards.version, expectedVersion),
      ),
    )
    .returning();
  return r;
}

export async function deleteBonusAwardGuarded(
  tx: Db,
  organizationId: string,
  id: string,
  expectedVersion: number,
): Promise<BonusAwardRow | undefined> {
  const [r] = await tx
    .delete(bonusAwards)
    .where(
      and(
        eq(bonusAwards.organizationId, organizationId),
        eq(bonusAwards.id, id),
        eq(bonusAwards.version, expectedVersion),
      ),
    )
    .returning();
  return r;
}

// ───────────────────────────── qualitative scores ─────────────────────────────

export type QualitativeScoreRow = typeof qualitativeScores.$inferSelect;

export async function listQualitativeScores(
  db: Db,
  organizationId: string,
  planId: string,
  departmentIds?: string[],
): Promise<QualitativeScoreRow[]> {
  if (departmentIds && departmentIds.length === 0) return [];
  const where = [eq(qualitativeScores.organizationId, organizationId), eq(qualitativeScores.planId, planId)];
  if (departmentIds) where.push(inArray(qualitativeScores.departmentId, departmentIds));
  return db
    .select()
    .from(qualitativeScores)
    .where(and(...where));
}

export async function findQualitativeScore(
  db: Db,
  organizationId: string,
  planId: string,
  departmentId: string,
): Promise<QualitativeScoreRow | undefined> {
  const [row] = await db
    .select()
    .from(qualitativeScores)
    .where(
      and(
        eq(qualitativeScores.organizationId, organizationId),
        eq(qualitativeScores.planId, planId),
        eq(qualitativeScores.departmentId, departmentId),
      ),
    );
  return row;
}

export interface QualitativeValues {
  points: number;
  comment: string;
  givenBy: string;
}

export async function insertQualitativeScore(
  tx: Db,
  row: { organizationId: string; planId: string; departmentId: string } & QualitativeValues,
): Promise<QualitativeScoreRow | undefined> {
  const [r] = await tx
    .insert(qualitativeScores)
    .values({ ...row, id: newId() })
    .onConflictDoNothing()
    .returning();
  return r;
}

export async function updateQualitativeScoreGuarded(
  tx: Db,
  organizationId: string,
  id: string,
  expectedVersion: number,
  values: QualitativeValues,
): Promise<QualitativeScoreRow | undefined> {
  const [r] = await tx
    .update(qualitativeScores)
    .set({ ...values, illustrative: false, version: sql`${qualitativeScores.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(qualitativeScores.organizationId, organizationId),
        eq(qualitativeScores.id, id),
        eq(qualitativeScores.version, expectedVersion),
      ),
    )
    .returning();
  return r;
}

// ───────────────────────────── snapshots ─────────────────────────────

export type SnapshotRow = typeof evaluationSnapshots.$inferSelect;
export type SnapshotMeta = Omit<SnapshotRow, 'input' | 'evaluation'>;

const snapshotMetaCols = {
  organizationId: evaluationSnapshots.organizationId,
  id: evaluationSnapshots.id,
  planId: evaluationSnapshots.planId,
  createdAt: evaluationSnapshots.createdAt,
  createdBy: evaluationSnapshots.createdBy,
  reopenedAt: evaluationSnapshots.reopenedAt,
  reopenedBy: evaluationSnapshots.reopenedBy,
  reopenReason: evaluationSnapshots.reopenReason,
};

export async function insertSnapshot(
  tx: Db,
  row: {
    organizationId: string;
    planId: string;
    createdBy: string;
    input: Record<string, unknown>;
    evaluation: Record<string, unknown>;
  },
): Promise<SnapshotMeta> {
  const [r] = await tx
    .insert(evaluationSnapshots)
    .values({ ...row, id: newId() })
    .returning(snapshotMetaCols);
  return r!;
}

/** The snapshot that stands for the year (not re-opened), if any. */
export async function findStandingSnapshot(
  db: Db,
  organizationId: string,
  planId: string,
): Promise<SnapshotRow | undefined> {
  const [row] = await db
    .select()
    .from(evaluationSnapshots)
    .where(
      and(
        eq(evaluationSnapshots.organizationId, organizationId),
        eq(evaluationSnapshots.planId, planId),
        isNull(evaluationSnapshots.reopenedAt),
      ),
    );
  return row;
}

export async function findSnapshot(
  db: Db,
  organizationId: string,
  planId: string,
  id: string,
): Promise<SnapshotRow | undefined> {
  const [row] = await db
    .select()
    .from(evaluationSnapshots)
    .where(
      and(
        eq(evaluationSnapshots.organizationId, organizationId),
        eq(evaluationSnapshots.planId, planId),
        eq(evaluationSnapshots.id, id),
      ),
    );
  return row;
}

export async function listSnapshots(db: Db, organizationId: string, planId: string): Promise<SnapshotMeta[]> {
  return db
    .select(snapshotMetaCols)
    .from(evaluationSnapshots)
    .where(and(eq(evaluationSnapshots.organizationId, organizationId), eq(evaluationSnapshots.planId, planId)))
    .orderBy(desc(evaluationSnapshots.createdAt));
}

/** Marks the standing snapshot re-opened (the only change a snapshot accepts, once). */
export async function markSnapshotReopened(
  tx: Db,
  organizationId: string,
  planId: string,
  by: string,
  reason: string,
  at = new Date(),
): Promise<SnapshotMeta | undefined> {
  const [r] = await tx
    .update(evaluationSnapshots)
    .set({ reopenedAt: at, reopenedBy: by, reopenReason: reason })
    .where(
      and(
        eq(evaluationSnapshots.organizationId, organizationId),
        eq(evaluationSnapshots.planId, planId),
        isNull(evaluationSnapshots.reopenedAt),
      ),
    )
    .returning(snapshotMetaCols);
  return r;
}
