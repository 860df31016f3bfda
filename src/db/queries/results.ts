/**
 * SQL of results (실적), their timeline, evidence files, penalty cases and notifications.
 * Workflow changes are guarded updates: `UPDATE … WHERE id = $1 AND status = $from` — the caller
 * checks that a row came back.
 */
import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  departments,
  evidence,
  indicatorDepartments,
  indicators,
  notifications,
  penaltyCases,
  plans,
  resultEvents,
  results,
  userRoles,
  users,
  type ResultStatus,
  type Role,
} from '../schema.js';

export type ResultRowDb = typeof results.$inferSelect;
export type IndicatorRowDb = typeof indicators.$inferSelect;
export type EvidenceRowDb = typeof evidence.$inferSelect;
export type PenaltyCaseRowDb = typeof penaltyCases.$inferSelect;
export type NotificationRowDb = typeof notifications.$inferSelect;

const newId = () => crypto.randomUUID();

// ───────────────────────────── plans, indicators, departments ─────────────────────────────

export interface PlanInfo {
  organizationId: string;
  id: string;
  year: number;
  status: 'draft' | 'active' | 'closed';
  calendar: Record<string, unknown>;
  version: number;
}

const planCols = {
  organizationId: plans.organizationId,
  id: plans.id,
  year: plans.year,
  status: plans.status,
  calendar: plans.calendar,
  version: plans.version,
};

export async function findPlanByYear(db: Db, organizationId: string, year: number): Promise<PlanInfo | undefined> {
  const [row] = await db
    .select(planCols)
    .from(plans)
    .where(and(eq(plans.organizationId, organizationId), eq(plans.year, year)));
  return row;
}

export async function findPlanById(db: Db, organizationId: string, id: string): Promise<PlanInfo | undefined> {
  const [row] = await db
    .select(planCols)
    .from(plans)
    .where(and(eq(plans.organizationId, organizationId), eq(plans.id, id)));
  return row;
}

/** The plan an inbox shows by default: the latest active one, else the latest. */
export async function findCurrentPlan(db: Db, organizationId: string): Promise<PlanInfo | undefined> {
  const [row] = await db
    .select(planCols)
    .from(plans)
    .where(eq(plans.organizationId, organizationId))
    .orderBy(sql`case when ${plans.status} = 'active' then 0 else 1 end`, desc(plans.year))
    .limit(1);
  return row;
}

export async function listOpenPlans(db: Db, organizationId?: string): Promise<PlanInfo[]> {
  const where = organizationId
    ? and(eq(plans.organizationId, organizationId), sql`${plans.status} <> 'closed'`)
    : sql`${plans.status} <> 'closed'`;
  return db.select(planCols).from(plans).where(where).orderBy(asc(plans.organizationId), asc(plans.year));
}

/** Sets the calendar if the plan still has `expectedVersion`; bumps the version. */
export async function updatePlanCalendar(
  tx: Db,
  organizationId: string,
  planId: string,
  expectedVersion: number,
  calendar: Record<string, unknown>,
): Promise<PlanInfo | undefined> {
  const [row] = await tx
    .update(plans)
    .set({ calendar, version: sql`${plans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(plans.organizationId, organizationId), eq(plans.id, planId), eq(plans.version, expectedVersion)))
    .returning(planCols);
  return row;
}

export interface IndicatorInfo {
  id: string;
  planId: string;
  code: string;
  name: string;
  kind: 'unique' | 'convergence' | 'common';
  leadDepartmentId: string;
  unit: string;
  direction: 'higher' | 'lower';
  measurement: 'quantitative' | 'milestone';
  frequency: 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';
  target: number | null;
  convergenceRule: 'sum' | 'average' | 'lead';
  milestones: { name: string; weight: number }[];
  participantIds: string[];
}

const indicatorCols = {
  id: indicators.id,
  planId: indicators.planId,
  code: indicators.code,
  name: indicators.name,
  kind: indicators.kind,
  leadDepartmentId: indicators.leadDepartmentId,
  unit: indicators.unit,
  direction: indicators.direction,
  measurement: indicators.measurement,
  frequency: indicators.frequency,
  target: indicators.target,
  convergenceRule: indicators.convergenceRule,
  milestones: indicators.milestones,
};

async function withParticipants(
  db: Db,
  organizationId: string,
  rows: Omit<IndicatorInfo, 'participantIds'>[],
): Promise<IndicatorInfo[]> {
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
  const by = new Map<string, string[]>();
  for (const p of parts) by.set(p.indicatorId, [...(by.get(p.indicatorId) ?? []), p.departmentId]);
  return rows.map((r) => ({ ...r, participantIds: (by.get(r.id) ?? []).filter((d) => d !== r.leadDepartmentId) }));
}

export async function listPlanIndicators(db: Db, organizationId: string, planId: string): Promise<IndicatorInfo[]> {
  const rows = await db
    .select(indicatorCols)
    .from(indicators)
    .where(and(eq(indicators.organizationId, organizationId), eq(indicators.planId, planId)))
    .orderBy(asc(indicators.seq), asc(indicators.code));
  return withParticipants(db, organizationId, rows);
}

export async function findIndicatorById(
  db: Db,
  organizationId: string,
  id: string,
): Promise<IndicatorInfo | undefined> {
  const rows = await db
    .select(indicatorCols)
    .from(indicators)
    .where(and(eq(indicators.organizationId, organizationId), eq(indicators.id, id)));
  return (await withParticipants(db, organizationId, rows))[0];
}

export async function findIndicatorByCode(
  db: Db,
  organizationId: string,
  planId: string,
  code: string,
): Promise<IndicatorInfo | undefined> {
  const rows = await db
    .select(indicatorCols)
    .from(indicators)
    .where(
      and(eq(indicators.organizationId, organizationId), eq(indicators.planId, planId), eq(indicators.code, code)),
    );
  return (await withParticipants(db, organizationId, rows))[0];
}

export interface DepartmentInfo {
  id: string;
  name: string;
  evaluated: boolean;
  active: boolean;
}

export async function listOrgDepartments(db: Db, organizationId: string): Promise<DepartmentInfo[]> {
  return db
    .select({
      id: departments.id,
      name: departments.name,
      evaluated: departments.evaluated,
      active: departments.active,
    })
    .from(departments)
    .where(eq(departments.organizationId, organizationId))
    .orderBy(asc(departments.seq), asc(departments.name));
}

// ───────────────────────────── results ─────────────────────────────

export async function findResult(db: Db, organizationId: string, id: string): Promise<ResultRowDb | undefined> {
  const [row] = await db
    .select()
    .from(results)
    .where(and(eq(results.organizationId, organizationId), eq(results.id, id)));
  return row;
}

/** The row, locked until the end of the transaction (evidence changes wait for a transition and vice versa). */
export async function lockResult(tx: Db, organizationId: string, id: string): Promise<ResultRowDb | undefined> {
  const [row] = await tx
    .select()
    .from(results)
    .where(and(eq(results.organizationId, organizationId), eq(results.id, id)))
    .for('update');
  return row;
}

export async function findResultByKey(
  db: Db,
  organizationId: string,
  key: { indicatorId: string; departmentId: string; period: string },
): Promise<ResultRowDb | undefined> {
  const [row] = await db
    .select()
    .from(results)
    .where(
      and(
        eq(results.organizationId, organizationId),
        eq(results.indicatorId, key.indicatorId),
        eq(results.departmentId, key.departmentId),
        eq(results.period, key.period),
      ),
    );
  return row;
}

export interface ResultFilter {
  departmentIds?: string[];
  indicatorIds?: string[];
  period?: string;
  statuses?: ResultStatus[];
}

export async function listResults(
  db: Db,
  organizationId: string,
  planId: string,
  f: ResultFilter = {},
): Promise<ResultRowDb[]> {
  const where: SQL[] = [eq(results.organizationId, organizationId), eq(results.planId, planId)];
  if (f.departmentIds) where.push(f.departmentIds.length ? inArray(results.departmentId, f.departmentIds) : sql`false`);
  if (f.indicatorIds) where.push(f.indicatorIds.length ? inArray(results.indicatorId, f.indicatorIds) : sql`false`);
  if (f.period) where.push(eq(results.period, f.period));
  if (f.statuses) where.push(f.statuses.length ? inArray(results.status, f.statuses) : sql`false`);
  return db
    .select()
    .from(results)
    .where(and(...where))
    .orderBy(asc(results.period), asc(results.indicatorId), asc(results.departmentId));
}

/** Inserts a new draft; undefined when a result for the same indicator, department and period exists. */
export async function insertResult(
  tx: Db,
  row: Omit<typeof results.$inferInsert, 'id'> & { id?: string },
): Promise<ResultRowDb | undefined> {
  const [out] = await tx
    .insert(results)
    .values({ ...row, id: row.id ?? newId() })
    .onConflictDoNothing({
      target: [results.organizationId, results.indicatorId, results.departmentId, results.period],
    })
    .returning();
  return out;
}

/** Saves a draft's content if it is still a draft at `expectedVersion`; bumps the version. */
export async function updateDraftContent(
  tx: Db,
  organizationId: string,
  id: string,
  expectedVersion: number,
  content: { actual?: number | null; milestonesDone?: string[]; comment?: string },
): Promise<ResultRowDb | undefined> {
  const [row] = await tx
    .update(results)
    .set({ ...content, version: sql`${results.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(results.organizationId, organizationId),
        eq(results.id, id),
        eq(results.version, expectedVersion),
        eq(results.status, 'draft'),
      ),
    )
    .returning();
  return row;
}

/**
 * Moves a result from `from` to `to` if it is (still) in `from` (and at `expectedVersion` when
 * given). Sets the actor columns the transition names. Returns the row, or undefined (lost the race).
 */
export async function transitionResult(
  tx: Db,
  organizationId: string,
  id: string,
  t: {
    from: ResultStatus;
    to: ResultStatus;
    expectedVersion?: number;
    set?: {
      submittedBy?: string | null;
      approvedBy?: string | null;
      verifiedBy?: string | null;
      firstSubmittedAt?: Date;
    };
  },
): Promise<ResultRowDb | undefined> {
  const where: SQL[] = [eq(results.organizationId, organizationId), eq(results.id, id), eq(results.status, t.from)];
  if (t.expectedVersion !== undefined) where.push(eq(results.version, t.expectedVersion));
  const { firstSubmittedAt, ...actors } = t.set ?? {};
  const [row] = await tx
    .update(results)
    .set({
      ...actors,
      ...(firstSubmittedAt
        ? { firstSubmittedAt: sql`coalesce(${results.firstSubmittedAt}, ${firstSubmittedAt})` }
        : {}),
      status: t.to,
      version: sql`${results.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(...where))
    .returning();
  return row;
}

// ───────────────────────────── timeline ─────────────────────────────

export async function insertResultEvent(
  tx: Db,
  ev: Omit<typeof resultEvents.$inferInsert, 'id' | 'at'> & { at?: Date },
): Promise<void> {
  await tx.insert(resultEvents).values({ ...ev, id: newId(), at: ev.at ?? new Date() });
}

export async function listResultEvents(db: Db, organizationId: string, resultId: string) {
  return db
    .select({
      id: resultEvents.id,
      at: resultEvents.at,
      actorId: resultEvents.actorId,
      actorName: users.displayName,
      action: resultEvents.action,
      fromStatus: resultEvents.fromStatus,
      toStatus: resultEvents.toStatus,
      reason: resultEvents.reason,
      before: resultEvents.before,
    })
    .from(resultEvents)
    .leftJoin(users, and(eq(users.organizationId, resultEvents.organizationId), eq(users.id, resultEvents.actorId)))
    .where(and(eq(resultEvents.organizationId, organizationId), eq(resultEvents.resultId, resultId)))
    .orderBy(asc(resultEvents.at), asc(resultEvents.id));
}

// ───────────────────────────── evidence ─────────────────────────────

export async function insertEvidence(tx: Db, row: Omit<typeof evidence.$inferInsert, 'id'>): Promise<EvidenceRowDb> {
  const [out] = await tx
    .insert(evidence)
    .values({ ...row, id: newId() })
    .returning();
  return out!;
}

export async function listEvidence(db: Db, organizationId: string, resultIds: string[]): Promise<EvidenceRowDb[]> {
  if (resultIds.length === 0) return [];
  return db
    .select()
    .from(evidence)
    .where(and(eq(evidence.organizationId, organizationId), inArray(evidence.resultId, resultIds)))
    .orderBy(asc(evidence.uploadedAt), asc(evidence.id));
}

export async function findEvidence(db: Db, organizationId: string, id: string): Promise<EvidenceRowDb | undefined> {
  const [row] = await db
    .select()
    .from(evidence)
    .where(and(eq(evidence.organizationId, organizationId), eq(evidence.id, id)));
  return row;
}

export async function deleteEvidence(tx: Db, organizationId: string, id: string): Promise<number> {
  const rows = await tx
    .delete(evidence)
    .where(and(eq(evidence.organizationId, organizationId), eq(evidence.id, id)))
    .returning({ id: evidence.id });
  return rows.length;
}

/** Evidence files per result of a plan (uploaded), for the cut-off check and lists. */
export async function countEvidenceByResult(
  db: Db,
  organizationId: string,
  planId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ resultId: evidence.resultId, n: sql<number>`count(*)::int` })
    .from(evidence)
    .innerJoin(results, and(eq(results.organizationId, evidence.organizationId), eq(results.id, evidence.resultId)))
    .where(and(eq(results.organizationId, organizationId), eq(results.planId, planId)))
    .groupBy(evidence.resultId);
  return new Map(rows.map((r) => [r.resultId, r.n]));
}

// ───────────────────────────── penalty cases ─────────────────────────────

export async function insertPenaltyCase(
  tx: Db,
  row: Omit<typeof penaltyCases.$inferInsert, 'id'>,
): Promise<PenaltyCaseRowDb> {
  const [out] = await tx
    .insert(penaltyCases)
    .values({ ...row, id: newId() })
    .returning();
  return out!;
}

/** Serialises the writers of a plan's penalty cases (the cut-off check may run in several processes). */
export async function lockPlanCases(tx: Db, planId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'penalty:' + planId}))`);
}

export interface PenaltyFilter {
  departmentIds?: string[];
  kind?: 'late_entry' | 'missing_evidence';
  waived?: boolean;
  resultId?: string;
}

export async function listPenaltyCases(
  db: Db,
  organizationId: string,
  planId: string,
  f: PenaltyFilter = {},
): Promise<PenaltyCaseRowDb[]> {
  const where: SQL[] = [eq(penaltyCases.organizationId, organizationId), eq(penaltyCases.planId, planId)];
  if (f.departmentIds)
    where.push(f.departmentIds.length ? inArray(penaltyCases.departmentId, f.departmentIds) : sql`false`);
  if (f.kind) where.push(eq(penaltyCases.kind, f.kind));
  if (f.waived !== undefined) where.push(eq(penaltyCases.waived, f.waived));
  if (f.resultId) where.push(eq(penaltyCases.resultId, f.resultId));
  return db
    .select()
    .from(penaltyCases)
    .where(and(...where))
    .orderBy(asc(penaltyCases.detectedAt), asc(penaltyCases.id));
}

export async function findPenaltyCase(
  db: Db,
  organizationId: string,
  id: string,
): Promise<PenaltyCaseRowDb | undefined> {
  const [row] = await db
    .select()
    .from(penaltyCases)
    .where(and(eq(penaltyCases.organizationId, organizationId), eq(penaltyCases.id, id)));
  return row;
}

/** Waives a case if it is not waived yet (guarded). */
export async function waivePenaltyCase(
  tx: Db,
  organizationId: string,
  id: string,
  w: { reason: string; by: string | null },
): Promise<PenaltyCaseRowDb | undefined> {
  const [row] = await tx
    .update(penaltyCases)
    .set({ waived: true, waivedReason: w.reason, waivedBy: w.by })
    .where(
      and(eq(penaltyCases.organizationId, organizationId), eq(penaltyCases.id, id), eq(penaltyCases.waived, false)),
    )
    .returning();
  return row;
}

// ───────────────────────────── people and notifications ─────────────────────────────

export interface Recipient {
  userId: string;
  displayName: string;
  email: string;
  role: Role;
  departmentId: string | null;
}

/** Active users holding one of `roles` in one of the departments. */
export async function listDepartmentPeople(
  db: Db,
  organizationId: string,
  departmentIds: string[],
  roles: Role[],
): Promise<Recipient[]> {
  if (departmentIds.length === 0 || roles.length === 0) return [];
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      role: userRoles.role,
      departmentId: userRoles.departmentId,
    })
    .from(userRoles)
    .innerJoin(users, and(eq(users.organizationId, userRoles.organizationId), eq(users.id, userRoles.userId)))
    .where(
      and(
        eq(userRoles.organizationId, organizationId),
        inArray(userRoles.departmentId, departmentIds),
        inArray(userRoles.role, roles),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(users.username));
}

/** Inserts a notification unless this person already has one with the key; returns it when new. */
export async function insertNotificationOnce(
  tx: Db,
  row: Omit<typeof notifications.$inferInsert, 'id'>,
): Promise<NotificationRowDb | undefined> {
  const [out] = await tx
    .insert(notifications)
    .values({ ...row, id: newId() })
    .onConflictDoNothing({ target: [notifications.organizationId, notifications.userId, notifications.key] })
    .returning();
  return out;
}

export async function listNotifications(
  db: Db,
  organizationId: string,
  userId: string,
  opts: { unreadOnly?: boolean; limit?: number } = {},
): Promise<NotificationRowDb[]> {
  const where: SQL[] = [eq(notifications.organizationId, organizationId), eq(notifications.userId, userId)];
  if (opts.unreadOnly) where.push(isNull(notifications.readAt));
  return db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(opts.limit ?? 100);
}

export async function markNotificationRead(
  db: Db,
  organizationId: string,
  userId: string,
  id: string,
): Promise<NotificationRowDb | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(
      and(eq(notifications.organizationId, organizationId), eq(notifications.userId, userId), eq(notifications.id, id)),
    )
    .returning();
  return row;
}

export async function countNotifications(db: Db, organizationId: string, key?: string): Promise<number> {
  const where = key
    ? and(eq(notifications.organizationId, organizationId), eq(notifications.key, key))
    : eq(notifications.organizationId, organizationId);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(where);
  return row?.n ?? 0;
}

export async function listUserNames(db: Db, organizationId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), inArray(users.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
