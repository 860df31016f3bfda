/**
 * Reading and writing a whole plan year as a PlanDocument (the interchange shape).
 * Rows are written in list order (seq) and read back in it, so export(import(doc)) equals doc.
 */
import crypto from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import * as t from '../schema.js';
import type { PlanDocument } from '../../contracts/interchange.js';
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION } from '../../contracts/interchange.js';
import { toSeoulIso } from '../../domain/dates.js';

const uuid = () => crypto.randomUUID();
const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export interface PlanRef {
  organizationId: string;
  planId: string;
  year: number;
  status: 'draft' | 'active' | 'closed';
  version: number;
}

export async function findOrganizationByCode(db: Db, code: string) {
  const [row] = await db.select().from(t.organizations).where(eq(t.organizations.code, code));
  return row;
}

export async function listOrganizations(db: Db) {
  return db.select().from(t.organizations).orderBy(asc(t.organizations.code));
}

export async function findPlan(db: Db, organizationId: string, year: number): Promise<PlanRef | undefined> {
  const [row] = await db
    .select({ planId: t.plans.id, year: t.plans.year, status: t.plans.status, version: t.plans.version })
    .from(t.plans)
    .where(and(eq(t.plans.organizationId, organizationId), eq(t.plans.year, year)));
  return row ? { organizationId, ...row } : undefined;
}

export async function listPlanYears(db: Db, organizationId: string) {
  return db
    .select({ year: t.plans.year, status: t.plans.status, title: t.plans.title, illustrative: t.plans.illustrative })
    .from(t.plans)
    .where(eq(t.plans.organizationId, organizationId))
    .orderBy(asc(t.plans.year));
}

export async function deletePlan(tx: Db, ref: PlanRef) {
  await tx.delete(t.plans).where(and(eq(t.plans.organizationId, ref.organizationId), eq(t.plans.id, ref.planId)));
}

/** Creates the organization if it does not exist (by code); returns its id. */
export async function upsertOrganization(tx: Db, org: { code: string; name: string }): Promise<string> {
  const existing = await findOrganizationByCode(tx, org.code);
  if (existing) {
    if (existing.name !== org.name)
      await tx.update(t.organizations).set({ name: org.name }).where(eq(t.organizations.id, existing.id));
    return existing.id;
  }
  const id = uuid();
  await tx.insert(t.organizations).values({ id, code: org.code, name: org.name });
  return id;
}

/**
 * Writes a validated document as a new plan year (the year must not exist: delete it first to replace).
 * Departments are the organization's: matched by name, created when new, updated otherwise.
 */
export async function insertPlanDocument(tx: Db, organizationId: string, doc: PlanDocument): Promise<PlanRef> {
  const org = organizationId;
  // Departments (organization level)
  const existing = await tx.select().from(t.departments).where(eq(t.departments.organizationId, org));
  const deptId = new Map(existing.map((d) => [d.name, d.id]));
  for (const [i, d] of doc.departments.entries()) {
    const values = { groupName: d.group, evaluated: d.evaluated, formerNames: d.formerNames, seq: i, active: true };
    const id = deptId.get(d.name);
    if (id) {
      await tx
        .update(t.departments)
        .set({ ...values, version: sql`${t.departments.version} + 1` })
        .where(and(eq(t.departments.organizationId, org), eq(t.departments.id, id)));
    } else {
      const nid = uuid();
      deptId.set(d.name, nid);
      await tx.insert(t.departments).values({ organizationId: org, id: nid, name: d.name, ...values });
    }
  }
  const dept = (name: string) => {
    const id = deptId.get(name);
    if (!id) throw new Error(`unknown department ${name}`);
    return id;
  };

  const planId = uuid();
  const p = doc.plan;
  await tx.insert(t.plans).values({
    organizationId: org,
    id: planId,
    year: p.year,
    status: p.status,
    title: p.title,
    visionName: p.visionName,
    visionSlogan: p.visionSlogan,
    overview: p.overview,
    futurePlan: p.futurePlan,
    priorYearFacts: p.priorYearFacts,
    evaluationScheme: p.evaluationScheme,
    calendar: p.calendar,
    claimedTotals: doc.claimedTotals,
    illustrative: p.illustrative,
  });
  const base = { organizationId: org, planId };

  const pillarId = new Map<string, string>();
  const pillars = doc.visionPillars.map((v, i) => {
    const id = uuid();
    pillarId.set(v.name, id);
    return { ...base, id, seq: i, name: v.name };
  });
  if (pillars.length) await tx.insert(t.visionPillars).values(pillars);

  const ids = new Map<string, string>();
  const idOf = (level: string, code: string) => {
    const id = ids.get(`${level}:${code}`);
    if (!id) throw new Error(`unknown ${level} ${code}`);
    return id;
  };
  const newId = (level: string, code: string) => {
    const id = uuid();
    ids.set(`${level}:${code}`, id);
    return id;
  };

  const osg = doc.orgStrategicGoals.map((g, i) => ({
    ...base,
    id: newId('osg', g.code),
    code: g.code,
    seq: i,
    name: g.name,
    visionPillarId: g.visionPillar === null ? null : (pillarId.get(g.visionPillar) ?? null),
  }));
  if (osg.length) await tx.insert(t.orgStrategicGoals).values(osg);

  const opg = doc.orgPerformanceGoals.map((g) => ({
    ...base,
    id: newId('opg', g.code),
    code: g.code,
    seq: g.no,
    name: g.name,
    orgStrategicGoalId: idOf('osg', g.orgStrategicGoal),
  }));
  await insertChunked(opg, (c) => tx.insert(t.orgPerformanceGoals).values(c));

  const dsg = doc.deptStrategicGoals.map((g, i) => ({
    ...base,
    id: newId('dsg', g.code),
    code: g.code,
    seq: i,
    name: g.name,
    orgPerformanceGoalId: idOf('opg', g.orgPerformanceGoal),
    departmentId: dept(g.department),
    illustrative: g.illustrative,
  }));
  await insertChunked(dsg, (c) => tx.insert(t.deptStrategicGoals).values(c));

  const dpg = doc.deptPerformanceGoals.map((g, i) => ({
    ...base,
    id: newId('dpg', g.code),
    code: g.code,
    seq: i,
    name: g.name,
    deptStrategicGoalId: idOf('dsg', g.deptStrategicGoal),
    illustrative: g.illustrative,
  }));
  await insertChunked(dpg, (c) => tx.insert(t.deptPerformanceGoals).values(c));

  const ind = doc.indicators.map((x, i) => ({
    ...base,
    id: newId('ind', x.code),
    code: x.code,
    seq: i,
    name: x.name,
    deptPerformanceGoalId: idOf('dpg', x.deptPerformanceGoal),
    kind: x.kind,
    leadDepartmentId: dept(x.leadDepartment),
    unit: x.unit,
    direction: x.direction,
    measurement: x.measurement,
    formula: x.formula,
    dataSource: x.dataSource,
    frequency: x.frequency,
    baseline: x.baseline,
    target: x.target,
    weight: x.weight,
    convergenceRule: x.convergenceRule,
    milestones: x.milestones,
    tags: x.tags,
    illustrative: x.illustrative,
  }));
  await insertChunked(ind, (c) => tx.insert(t.indicators).values(c));

  const parts = doc.indicators.flatMap((x) => [
    {
      organizationId: org,
      indicatorId: idOf('ind', x.code),
      departmentId: dept(x.leadDepartment),
      role: 'lead' as const,
    },
    ...x.participants.map((p) => ({
      organizationId: org,
      indicatorId: idOf('ind', x.code),
      departmentId: dept(p),
      role: 'participant' as const,
    })),
  ]);
  await insertChunked(parts, (c) => tx.insert(t.indicatorDepartments).values(c));

  const tasks = doc.tasks.map((k, i) => ({
    ...base,
    id: newId('task', k.code),
    code: k.code,
    seq: i,
    name: k.name,
    indicatorId: idOf('ind', k.indicator),
    departmentId: dept(k.department),
    startDate: k.startDate,
    endDate: k.endDate,
    progress: k.progress,
    budgetProgramCode: k.budgetProgramCode,
    budgetProgramName: k.budgetProgramName,
    budgetAmount: k.budgetAmount,
    executedAmount: k.executedAmount,
    illustrative: k.illustrative,
  }));
  await insertChunked(tasks, (c) => tx.insert(t.tasks).values(c));

  const results = doc.results.map((r) => ({
    ...base,
    id: uuid(),
    indicatorId: idOf('ind', r.indicator),
    departmentId: dept(r.department),
    period: r.period,
    actual: r.actual,
    milestonesDone: r.milestonesDone,
    comment: r.comment,
    status: r.status,
    firstSubmittedAt: r.firstSubmittedAt ? new Date(r.firstSubmittedAt) : null,
    declaredEvidence: r.evidenceCount,
    illustrative: r.illustrative,
  }));
  await insertChunked(results, (c) => tx.insert(t.results).values(c));

  const ei = doc.evaluationInputs;
  await insertChunked(
    ei.raterAssignments.map((a) => ({ ...base, indicatorId: idOf('ind', a.indicator), rater: a.rater })),
    (c) => tx.insert(t.raterAssignments).values(c),
  );
  await insertChunked(
    ei.ratings.map((r) => ({
      ...base,
      id: uuid(),
      indicatorId: idOf('ind', r.indicator),
      rater: r.rater,
      representativeness: r.representativeness,
      difficulty: r.difficulty,
      completeness: r.completeness,
      illustrative: r.illustrative,
    })),
    (c) => tx.insert(t.qualityRatings).values(c),
  );
  await insertChunked(
    ei.bonusAwards.map((b) => ({
      ...base,
      id: uuid(),
      departmentId: dept(b.department),
      item: b.item,
      points: b.points,
      reason: b.reason,
      grantedBy: b.grantedBy,
      illustrative: b.illustrative,
    })),
    (c) => tx.insert(t.bonusAwards).values(c),
  );
  await insertChunked(
    ei.qualitativeScores.map((q) => ({
      ...base,
      id: uuid(),
      departmentId: dept(q.department),
      points: q.points,
      comment: q.comment,
      givenBy: q.givenBy,
      illustrative: q.illustrative,
    })),
    (c) => tx.insert(t.qualitativeScores).values(c),
  );
  await insertChunked(
    ei.penaltyCases.map((c) => ({
      ...base,
      id: uuid(),
      departmentId: dept(c.department),
      indicatorId: c.indicator === null ? null : idOf('ind', c.indicator),
      kind: c.kind,
      period: c.period,
      detail: c.detail,
      waived: c.waived,
      waivedReason: c.waivedReason,
      illustrative: c.illustrative,
    })),
    (c) => tx.insert(t.penaltyCases).values(c),
  );
  // External awards are organization-level facts by year: replace those of the years the document carries.
  const awardYears = [...new Set(doc.externalAwards.map((a) => a.year))];
  if (awardYears.length)
    await tx
      .delete(t.externalAwards)
      .where(and(eq(t.externalAwards.organizationId, org), inArray(t.externalAwards.year, awardYears)));
  await insertChunked(
    doc.externalAwards.map((a) => ({
      organizationId: org,
      id: uuid(),
      year: a.year,
      name: a.name,
      agency: a.agency,
      departmentId: a.department === null ? null : dept(a.department),
      incentiveKrw: a.incentiveKrw,
      illustrative: a.illustrative,
    })),
    (c) => tx.insert(t.externalAwards).values(c),
  );
  return { organizationId: org, planId, year: p.year, status: p.status, version: 1 };
}

const byPlan = <T extends { organizationId: unknown; planId: unknown }>(tbl: T, ref: PlanRef) =>
  and(eq(tbl.organizationId as never, ref.organizationId), eq(tbl.planId as never, ref.planId));

/** Reads a plan year back as a PlanDocument, in the order it was written. */
/** The stored rows of one plan's hierarchy, each in its document order. */
export interface PlanHierarchyRows {
  plan: typeof t.plans.$inferSelect;
  pillars: (typeof t.visionPillars.$inferSelect)[];
  depts: (typeof t.departments.$inferSelect)[];
  osg: (typeof t.orgStrategicGoals.$inferSelect)[];
  opg: (typeof t.orgPerformanceGoals.$inferSelect)[];
  dsg: (typeof t.deptStrategicGoals.$inferSelect)[];
  dpg: (typeof t.deptPerformanceGoals.$inferSelect)[];
  ind: (typeof t.indicators.$inferSelect)[];
  tasks: (typeof t.tasks.$inferSelect)[];
}

/** How ids of one organization are named in the document. */
export interface PlanRowNames {
  /** The code of a goal or indicator id. */
  code(id: string): string;
  department(id: string): string;
  pillar(id: string): string | null;
  /** The participating department ids of an indicator, in department order. */
  participants(indicatorId: string): string[];
}

/**
 * The plan and its hierarchy (pillars to tasks) as the interchange document writes them: the one
 * mapping of stored rows to document rows, for readPlanDocument and the national read alike.
 */
export function planHierarchyFromRows(rows: PlanHierarchyRows, names: PlanRowNames) {
  const { plan } = rows;
  const c = names.code;
  const dn = names.department;
  return {
    plan: {
      year: plan.year,
      title: plan.title,
      status: plan.status,
      visionName: plan.visionName,
      visionSlogan: plan.visionSlogan,
      overview: plan.overview,
      futurePlan: plan.futurePlan,
      priorYearFacts: plan.priorYearFacts,
      evaluationScheme: plan.evaluationScheme,
      calendar: plan.calendar,
      illustrative: plan.illustrative,
    },
    visionPillars: rows.pillars.map((p) => ({ name: p.name })),
    departments: rows.depts.map((d) => ({
      name: d.name,
      group: d.groupName,
      evaluated: d.evaluated,
      formerNames: d.formerNames,
    })),
    orgStrategicGoals: rows.osg.map((g) => ({
      code: g.code,
      name: g.name,
      visionPillar: g.visionPillarId ? names.pillar(g.visionPillarId) : null,
    })),
    orgPerformanceGoals: rows.opg.map((g) => ({
      code: g.code,
      no: g.seq,
      name: g.name,
      orgStrategicGoal: c(g.orgStrategicGoalId),
    })),
    deptStrategicGoals: rows.dsg.map((g) => ({
      code: g.code,
      name: g.name,
      orgPerformanceGoal: c(g.orgPerformanceGoalId),
      department: dn(g.departmentId),
      illustrative: g.illustrative,
    })),
    deptPerformanceGoals: rows.dpg.map((g) => ({
      code: g.code,
      name: g.name,
      deptStrategicGoal: c(g.deptStrategicGoalId),
      illustrative: g.illustrative,
    })),
    indicators: rows.ind.map((x) => ({
      code: x.code,
      name: x.name,
      deptPerformanceGoal: c(x.deptPerformanceGoalId),
      kind: x.kind,
      leadDepartment: dn(x.leadDepartmentId),
      participants: names.participants(x.id).map(dn),
      unit: x.unit,
      direction: x.direction,
      measurement: x.measurement,
      formula: x.formula,
      dataSource: x.dataSource,
      frequency: x.frequency,
      baseline: x.baseline,
      target: x.target,
      weight: x.weight,
      convergenceRule: x.convergenceRule,
      milestones: x.milestones,
      tags: x.tags,
      illustrative: x.illustrative,
    })),
    tasks: rows.tasks.map((k) => ({
      code: k.code,
      name: k.name,
      indicator: c(k.indicatorId),
      department: dn(k.departmentId),
      startDate: k.startDate,
      endDate: k.endDate,
      progress: k.progress,
      budgetProgramCode: k.budgetProgramCode,
      budgetProgramName: k.budgetProgramName,
      budgetAmount: k.budgetAmount,
      executedAmount: k.executedAmount,
      illustrative: k.illustrative,
    })),
  };
}

export async function readPlanDocument(db: Db, ref: PlanRef): Promise<PlanDocument> {
  const org = ref.organizationId;
  const [orgRow] = await db.select().from(t.organizations).where(eq(t.organizations.id, org));
  const [plan] = await db
    .select()
    .from(t.plans)
    .where(and(eq(t.plans.organizationId, org), eq(t.plans.id, ref.planId)));
  if (!orgRow || !plan) throw new Error('plan not found');

  const [
    pillars,
    depts,
    osg,
    opg,
    dsg,
    dpg,
    ind,
    parts,
    tasks,
    results,
    evCounts,
    assigns,
    ratings,
    bonus,
    qual,
    cases,
    awards,
  ] = await Promise.all([
    db.select().from(t.visionPillars).where(byPlan(t.visionPillars, ref)).orderBy(asc(t.visionPillars.seq)),
    db
      .select()
      .from(t.departments)
      .where(eq(t.departments.organizationId, org))
      .orderBy(asc(t.departments.seq), asc(t.departments.name)),
    db.select().from(t.orgStrategicGoals).where(byPlan(t.orgStrategicGoals, ref)).orderBy(asc(t.orgStrategicGoals.seq)),
    db
      .select()
      .from(t.orgPerformanceGoals)
      .where(byPlan(t.orgPerformanceGoals, ref))
      .orderBy(asc(t.orgPerformanceGoals.seq), asc(t.orgPerformanceGoals.code)),
    db
      .select()
      .from(t.deptStrategicGoals)
      .where(byPlan(t.deptStrategicGoals, ref))
      .orderBy(asc(t.deptStrategicGoals.seq)),
    db
      .select()
      .from(t.deptPerformanceGoals)
      .where(byPlan(t.deptPerformanceGoals, ref))
      .orderBy(asc(t.deptPerformanceGoals.seq)),
    db.select().from(t.indicators).where(byPlan(t.indicators, ref)).orderBy(asc(t.indicators.seq)),
    db
      .select({
        indicatorId: t.indicatorDepartments.indicatorId,
        departmentId: t.indicatorDepartments.departmentId,
        role: t.indicatorDepartments.role,
      })
      .from(t.indicatorDepartments)
      .innerJoin(
        t.indicators,
        and(
          eq(t.indicators.organizationId, t.indicatorDepartments.organizationId),
          eq(t.indicators.id, t.indicatorDepartments.indicatorId),
        ),
      )
      .where(byPlan(t.indicators, ref)),
    db.select().from(t.tasks).where(byPlan(t.tasks, ref)).orderBy(asc(t.tasks.seq)),
    db.select().from(t.results).where(byPlan(t.results, ref)),
    db
      .select({ resultId: t.evidence.resultId, n: sql<number>`count(*)::int` })
      .from(t.evidence)
      .innerJoin(
        t.results,
        and(eq(t.results.organizationId, t.evidence.organizationId), eq(t.results.id, t.evidence.resultId)),
      )
      .where(byPlan(t.results, ref))
      .groupBy(t.evidence.resultId),
    db.select().from(t.raterAssignments).where(byPlan(t.raterAssignments, ref)),
    db.select().from(t.qualityRatings).where(byPlan(t.qualityRatings, ref)),
    db.select().from(t.bonusAwards).where(byPlan(t.bonusAwards, ref)),
    db.select().from(t.qualitativeScores).where(byPlan(t.qualitativeScores, ref)),
    db.select().from(t.penaltyCases).where(byPlan(t.penaltyCases, ref)),
    db
      .select()
      .from(t.externalAwards)
      .where(eq(t.externalAwards.organizationId, org))
      .orderBy(asc(t.externalAwards.year), asc(t.externalAwards.name)),
  ]);

  const deptName = new Map(depts.map((d) => [d.id, d.name]));
  const dn = (id: string) => deptName.get(id) ?? '?';
  const pillarName = new Map(pillars.map((p) => [p.id, p.name]));
  const codeOf = new Map<string, string>();
  for (const r of [...osg, ...opg, ...dsg, ...dpg, ...ind]) codeOf.set(r.id, r.code);
  const c = (id: string) => codeOf.get(id) ?? '?';
  const indSeq = new Map(ind.map((x) => [x.id, x.seq]));
  const deptSeq = new Map(depts.map((d, i) => [d.id, i]));
  const participants = new Map<string, string[]>();
  for (const p of parts) {
    if (p.role !== 'participant') continue;
    const list = participants.get(p.indicatorId) ?? [];
    list.push(p.departmentId);
    participants.set(p.indicatorId, list);
  }
  const evidenceCount = new Map(evCounts.map((e) => [e.resultId, e.n]));
  const byIndDept = <T extends { indicatorId: string | null; departmentId?: string }>(a: T, b: T) =>
    (indSeq.get(a.indicatorId ?? '') ?? -1) - (indSeq.get(b.indicatorId ?? '') ?? -1) ||
    (deptSeq.get(a.departmentId ?? '') ?? 0) - (deptSeq.get(b.departmentId ?? '') ?? 0);
  const byDept = <T extends { departmentId: string }>(a: T, b: T) =>
    (deptSeq.get(a.departmentId) ?? 0) - (deptSeq.get(b.departmentId) ?? 0);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  return {
    format: INTERCHANGE_FORMAT,
    formatVersion: INTERCHANGE_VERSION,
    organization: { code: orgRow.code, name: orgRow.name },
    ...planHierarchyFromRows(
      { plan, pillars, depts, osg, opg, dsg, dpg, ind, tasks },
      {
        code: c,
        department: dn,
        pillar: (id) => pillarName.get(id) ?? null,
        participants: (id) =>
          (participants.get(id) ?? []).sort((a, b) => (deptSeq.get(a) ?? 0) - (deptSeq.get(b) ?? 0)),
      },
    ),
    results: results
      .sort((a, b) => byIndDept(a, b) || cmp(a.period, b.period))
      .map((r) => ({
        indicator: c(r.indicatorId),
        department: dn(r.departmentId),
        period: r.period,
        actual: r.actual,
        milestonesDone: r.milestonesDone,
        comment: r.comment,
        status: r.status,
        firstSubmittedAt: r.firstSubmittedAt ? toSeoulIso(r.firstSubmittedAt) : null,
        evidenceCount: r.declaredEvidence + (evidenceCount.get(r.id) ?? 0),
        illustrative: r.illustrative,
      })),
    evaluationInputs: {
      raterAssignments: assigns
        .sort((a, b) => byIndDept(a, b) || cmp(a.rater, b.rater))
        .map((a) => ({ indicator: c(a.indicatorId), rater: a.rater })),
      ratings: ratings
        .sort((a, b) => byIndDept(a, b) || cmp(a.rater, b.rater))
        .map((r) => ({
          indicator: c(r.indicatorId),
          rater: r.rater,
          representativeness: r.representativeness,
          difficulty: r.difficulty,
          completeness: r.completeness,
          illustrative: r.illustrative,
        })),
      bonusAwards: bonus
        .sort((a, b) => byDept(a, b) || cmp(a.item, b.item))
        .map((b) => ({
          department: dn(b.departmentId),
          item: b.item,
          points: b.points,
          reason: b.reason,
          grantedBy: b.grantedBy,
          illustrative: b.illustrative,
        })),
      qualitativeScores: qual.sort(byDept).map((q) => ({
        department: dn(q.departmentId),
        points: q.points,
        comment: q.comment,
        givenBy: q.givenBy,
        illustrative: q.illustrative,
      })),
      penaltyCases: cases
        .sort(
          (a, b) =>
            byDept(a, b) ||
            (indSeq.get(a.indicatorId ?? '') ?? -1) - (indSeq.get(b.indicatorId ?? '') ?? -1) ||
            cmp(a.kind, b.kind) ||
            cmp(a.period, b.period) ||
            cmp(a.detail, b.detail),
        )
        .map((k) => ({
          department: dn(k.departmentId),
          indicator: k.indicatorId ? c(k.indicatorId) : null,
          kind: k.kind,
          period: k.period,
          detail: k.detail,
          waived: k.waived,
          waivedReason: k.waivedReason,
          illustrative: k.illustrative,
        })),
    },
    externalAwards: awards
      .filter((a) => a.year < plan.year + 1)
      .map((a) => ({
        year: a.year,
        name: a.name,
        agency: a.agency,
        department: a.departmentId ? dn(a.departmentId) : null,
        incentiveKrw: a.incentiveKrw,
        illustrative: a.illustrative,
      })),
    claimedTotals: (plan.claimedTotals as PlanDocument['claimedTotals']) ?? null,
  };
}
