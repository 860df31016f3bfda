/**
 * National reads: every organization's plan of one year at once, for the national views (the only
 * queries that cross organizations, see DESIGN.md "Growing past one machine").
 *
 * Reading 250 plans one readPlanDocument at a time costs 250 × 17 queries and carries every result
 * row along; the summary and the plan tree need neither. Two faster shapes:
 *  - readNationalPlanHierarchies: one query per hierarchy table for all organizations, giving each
 *    organization's PlanDocument *without* results and evaluation inputs (the plan part is identical
 *    to readPlanDocument's, in the same order), for summarizePlan and buildPlanTree to run on;
 *  - nationalPlanCounts: the summary's counts per organization, aggregated in SQL by one statement.
 * bench/scale.ts measures both against the per-organization path and checks they agree with it.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import * as t from '../schema.js';
import type { PlanDocument } from '../../contracts/interchange.js';
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION } from '../../contracts/interchange.js';
import { planHierarchyFromRows } from './plan-document.js';

/** `(organization_id, plan_id)` of the table is one of the year's plans. */
const inYear = (tbl: { organizationId: unknown; planId: unknown }, year: number, organizationId?: string): SQL =>
  organizationId
    ? sql`${tbl.organizationId} = ${organizationId} and ${tbl.planId} = (select ${t.plans.id} from ${t.plans} where ${t.plans.organizationId} = ${organizationId} and ${t.plans.year} = ${year})`
    : sql`(${tbl.organizationId}, ${tbl.planId}) in (select ${t.plans.organizationId}, ${t.plans.id} from ${t.plans} where ${t.plans.year} = ${year})`;

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

/**
 * Every organization's plan of `year` as a PlanDocument holding the plan's structure only: header,
 * vision, departments, goals, indicators, tasks. `results`, `evaluationInputs` and `externalAwards`
 * are empty and `claimedTotals` is kept. Ordered by organization code. With `organizationId`, that
 * organization's plan only (the same read for one plan: what the summary and the tree need of it).
 */
export async function readNationalPlanHierarchies(
  db: Db,
  year: number,
  opts: { organizationId?: string } = {},
): Promise<PlanDocument[]> {
  const only = opts.organizationId;
  const plans = await db
    .select({ plan: t.plans, orgCode: t.organizations.code, orgName: t.organizations.name })
    .from(t.plans)
    .innerJoin(t.organizations, eq(t.organizations.id, t.plans.organizationId))
    .where(only ? and(eq(t.plans.year, year), eq(t.plans.organizationId, only)) : eq(t.plans.year, year))
    .orderBy(asc(t.organizations.code));
  if (plans.length === 0) return [];
  const orgIds = plans.map((p) => p.plan.organizationId);

  // Sequential on purpose: PGlite has one connection, and on PostgreSQL the few big reads gain little from a pool.
  const pillars = await db
    .select()
    .from(t.visionPillars)
    .where(inYear(t.visionPillars, year, only))
    .orderBy(asc(t.visionPillars.seq));
  const depts = await db
    .select()
    .from(t.departments)
    .where(inArray(t.departments.organizationId, orgIds))
    .orderBy(asc(t.departments.seq), asc(t.departments.name));
  const osg = await db
    .select()
    .from(t.orgStrategicGoals)
    .where(inYear(t.orgStrategicGoals, year, only))
    .orderBy(asc(t.orgStrategicGoals.seq));
  const opg = await db
    .select()
    .from(t.orgPerformanceGoals)
    .where(inYear(t.orgPerformanceGoals, year, only))
    .orderBy(asc(t.orgPerformanceGoals.seq), asc(t.orgPerformanceGoals.code));
  const dsg = await db
    .select()
    .from(t.deptStrategicGoals)
    .where(inYear(t.deptStrategicGoals, year, only))
    .orderBy(asc(t.deptStrategicGoals.seq));
  const dpg = await db
    .select()
    .from(t.deptPerformanceGoals)
    .where(inYear(t.deptPerformanceGoals, year, only))
    .orderBy(asc(t.deptPerformanceGoals.seq));
  const ind = await db
    .select()
    .from(t.indicators)
    .where(inYear(t.indicators, year, only))
    .orderBy(asc(t.indicators.seq));
  const parts = await db
    .select({
      organizationId: t.indicatorDepartments.organizationId,
      indicatorId: t.indicatorDepartments.indicatorId,
      departmentId: t.indicatorDepartments.departmentId,
    })
    .from(t.indicatorDepartments)
    .innerJoin(
      t.indicators,
      and(
        eq(t.indicators.organizationId, t.indicatorDepartments.organizationId),
        eq(t.indicators.id, t.indicatorDepartments.indicatorId),
      ),
    )
    .where(and(inYear(t.indicators, year, only), eq(t.indicatorDepartments.role, 'participant')));
  const tasks = await db
    .select()
    .from(t.tasks)
    .where(inYear(t.tasks, year, only))
    .orderBy(asc(t.tasks.seq));

  const byOrg = <T extends { organizationId: string }>(rows: T[]) => groupBy(rows, (r) => r.organizationId);
  const pillarsBy = byOrg(pillars);
  const deptsBy = byOrg(depts);
  const osgBy = byOrg(osg);
  const opgBy = byOrg(opg);
  const dsgBy = byOrg(dsg);
  const dpgBy = byOrg(dpg);
  const indBy = byOrg(ind);
  const tasksBy = byOrg(tasks);

  // Ids are unique per organization only in principle; key every map by organization too.
  const key = (org: string, id: string) => `${org}:${id}`;
  const deptName = new Map(depts.map((d) => [key(d.organizationId, d.id), d.name]));
  const deptSeq = new Map<string, number>();
  for (const [org, list] of deptsBy) list.forEach((d, i) => deptSeq.set(key(org, d.id), i));
  const pillarName = new Map(pillars.map((p) => [key(p.organizationId, p.id), p.name]));
  const codeOf = new Map<string, string>();
  for (const r of [...osg, ...opg, ...dsg, ...dpg, ...ind]) codeOf.set(key(r.organizationId, r.id), r.code);
  const participants = new Map<string, string[]>();
  for (const p of parts) {
    const k = key(p.organizationId, p.indicatorId);
    const list = participants.get(k);
    if (list) list.push(p.departmentId);
    else participants.set(k, [p.departmentId]);
  }

  return plans.map(({ plan, orgCode, orgName }): PlanDocument => {
    const org = plan.organizationId;
    const mine = <T extends { planId: string }>(m: Map<string, T[]>) =>
      (m.get(org) ?? []).filter((r) => r.planId === plan.id);
    const dn = (id: string) => deptName.get(key(org, id)) ?? '?';
    const c = (id: string) => codeOf.get(key(org, id)) ?? '?';
    return {
      format: INTERCHANGE_FORMAT,
      formatVersion: INTERCHANGE_VERSION,
      organization: { code: orgCode, name: orgName },
      ...planHierarchyFromRows(
        {
          plan,
          pillars: mine(pillarsBy),
          depts: deptsBy.get(org) ?? [],
          osg: mine(osgBy),
          opg: mine(opgBy),
          dsg: mine(dsgBy),
          dpg: mine(dpgBy),
          ind: mine(indBy),
          tasks: mine(tasksBy),
        },
        {
          code: c,
          department: dn,
          pillar: (id) => pillarName.get(key(org, id)) ?? null,
          participants: (id) =>
            (participants.get(key(org, id)) ?? [])
              .slice()
              .sort((a, b) => (deptSeq.get(key(org, a)) ?? 0) - (deptSeq.get(key(org, b)) ?? 0)),
        },
      ),
      results: [],
      evaluationInputs: { raterAssignments: [], ratings: [], bonusAwards: [], qualitativeScores: [], penaltyCases: [] },
      externalAwards: [],
      claimedTotals: (plan.claimedTotals as PlanDocument['claimedTotals']) ?? null,
    };
  });
}

/**
 * The summary's `counts` (domain/summary) of one organization's plan, computed by SQL with the same
 * rules: convergence counts convergence and common kinds, departments counts evaluated departments
 * (of the organization, as readPlanDocument lists them).
 */
export interface NationalPlanCounts {
  organization: string;
  name: string;
  counts: {
    orgStrategicGoals: number;
    orgPerformanceGoals: number;
    deptStrategicGoals: number;
    deptPerformanceGoals: number;
    indicators: number;
    convergenceIndicators: number;
    commonIndicators: number;
    tasks: number;
    departments: number;
  };
}

/**
 * Every organization's plan counts for `year` in one statement: each table is scanned once for the
 * year's plans and grouped by plan, instead of reading each plan whole. Ordered by organization code.
 */
export async function nationalPlanCounts(db: Db, year: number): Promise<NationalPlanCounts[]> {
  const per = (tbl: { organizationId: unknown; planId: unknown }, table: unknown, extra: SQL = sql``) => sql`(
    select ${tbl.organizationId} as organization_id, ${tbl.planId} as plan_id, count(*)::int as n ${extra}
    from ${table} where ${inYear(tbl, year)} group by 1, 2)`;
  const r = (await db.execute(sql`
    select o.code, o.name,
      coalesce(osg.n, 0) as osg, coalesce(opg.n, 0) as opg, coalesce(dsg.n, 0) as dsg, coalesce(dpg.n, 0) as dpg,
      coalesce(ind.n, 0) as ind, coalesce(ind.convergence, 0) as convergence, coalesce(ind.common, 0) as common,
      coalesce(tsk.n, 0) as tasks, coalesce(dep.n, 0) as departments
    from ${t.plans} p
    join ${t.organizations} o on o.id = p.organization_id
    left join ${per(t.orgStrategicGoals, t.orgStrategicGoals)} osg on osg.organization_id = p.organization_id and osg.plan_id = p.id
    left join ${per(t.orgPerformanceGoals, t.orgPerformanceGoals)} opg on opg.organization_id = p.organization_id and opg.plan_id = p.id
    left join ${per(t.deptStrategicGoals, t.deptStrategicGoals)} dsg on dsg.organization_id = p.organization_id and dsg.plan_id = p.id
    left join ${per(t.deptPerformanceGoals, t.deptPerformanceGoals)} dpg on dpg.organization_id = p.organization_id and dpg.plan_id = p.id
    left join ${per(
      t.indicators,
      t.indicators,
      sql`, (count(*) filter (where ${t.indicators.kind} <> 'unique'))::int as convergence,
            (count(*) filter (where ${t.indicators.kind} = 'common'))::int as common`,
    )} ind on ind.organization_id = p.organization_id and ind.plan_id = p.id
    left join ${per(t.tasks, t.tasks)} tsk on tsk.organization_id = p.organization_id and tsk.plan_id = p.id
    left join (
      select ${t.departments.organizationId} as organization_id, (count(*) filter (where ${t.departments.evaluated}))::int as n
      from ${t.departments} group by 1) dep on dep.organization_id = p.organization_id
    where p.year = ${year}
    order by o.code`)) as unknown as { rows: Record<string, unknown>[] };
  const n = (v: unknown) => Number(v ?? 0);
  return r.rows.map((x) => ({
    organization: String(x.code),
    name: String(x.name),
    counts: {
      orgStrategicGoals: n(x.osg),
      orgPerformanceGoals: n(x.opg),
      deptStrategicGoals: n(x.dsg),
      deptPerformanceGoals: n(x.dpg),
      indicators: n(x.ind),
      convergenceIndicators: n(x.convergence),
      commonIndicators: n(x.common),
      tasks: n(x.tasks),
      departments: n(x.departments),
    },
  }));
}
