/**
 * Penalty cases (감점 사례) as facts: list them, waive one with a reason (planner, audited), and the
 * cut-off check that records a missing-evidence case for every submitted result without evidence.
 */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import {
  countEvidenceByResult,
  findPenaltyCase,
  findPlanById,
  insertPenaltyCase,
  listPenaltyCases,
  listPlanIndicators,
  listResults,
  listUserNames,
  lockPlanCases,
  waivePenaltyCase,
} from '../../db/queries/results.js';
import { conflict, notFound, validationError } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { cutoff } from '../../domain/results/calendar.js';
import { missingEvidence, missingEvidenceDetail, type PenaltyKind } from '../../domain/results/cases.js';
import { REASON_MAX, plainText } from '../../domain/results/workflow.js';
import {
  authorizeCaller,
  Departments,
  organizationOf,
  planCalendar,
  requirePlanYear,
  type ResultsCaller,
} from './context.js';
import { readableDepartmentIds } from './list-results.js';
import { presentCase } from './present.js';

export async function listPenaltyCasesUseCase(
  db: Db,
  caller: ResultsCaller,
  input: { year: number; department?: string; kind?: PenaltyKind; waived?: boolean },
) {
  authorizeCaller(caller, 'result.read');
  const org = organizationOf(caller);
  const plan = await requirePlanYear(db, org, input.year);
  const depts = await Departments.load(db, org);
  let departmentIds = readableDepartmentIds(caller, depts);
  if (input.department) {
    const d = depts.require(input.department);
    authorizeCaller(caller, 'result.read', { departmentId: d.id });
    departmentIds = [d.id];
  }
  const rows = await listPenaltyCases(db, org, plan.id, { departmentIds, kind: input.kind, waived: input.waived });
  const [indicators, waivers] = await Promise.all([
    listPlanIndicators(db, org, plan.id),
    listUserNames(db, org, [...new Set(rows.flatMap((c) => (c.waivedBy ? [c.waivedBy] : [])))]),
  ]);
  const indicatorById = new Map(indicators.map((i) => [i.id, { code: i.code, name: i.name }]));
  const cases = rows.map((c) => ({
    ...presentCase(c, depts),
    indicator: (c.indicatorId && indicatorById.get(c.indicatorId)) || null,
    waivedByName: c.waivedBy ? (waivers.get(c.waivedBy) ?? null) : null,
  }));
  return {
    year: plan.year,
    cases,
    counts: {
      late_entry: cases.filter((c) => c.kind === 'late_entry' && !c.waived).length,
      missing_evidence: cases.filter((c) => c.kind === 'missing_evidence' && !c.waived).length,
      waived: cases.filter((c) => c.waived).length,
    },
    canWaive: caller.principal ? can(caller.principal, 'penalty.waive', { planStatus: plan.status }) : true,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The planner waives a case with a reason; a case is waived once (guarded), audited. */
export async function waivePenaltyCaseUseCase(db: Db, caller: ResultsCaller, id: string, reasonText: string) {
  const org = organizationOf(caller);
  const c = UUID.test(id) ? await findPenaltyCase(db, org, id) : undefined;
  if (!c) throw notFound('감점 사례', 'penalty_case_not_found');
  const plan = await findPlanById(db, org, c.planId);
  authorizeCaller(caller, 'penalty.waive', { departmentId: c.departmentId, planStatus: plan?.status });
  const r = plainText(reasonText, 'reason', { max: REASON_MAX, required: true, label: '면제 사유' });
  if (!r.ok) throw validationError(`감점을 면제할 수 없습니다: ${r.problem.message}`, [r.problem]);
  const depts = await Departments.load(db, org);
  return db.transaction(async (tx) => {
    const w = await waivePenaltyCase(tx, org, c.id, { reason: r.text, by: caller.principal?.id ?? null });
    if (!w) {
      const current = await findPenaltyCase(tx, org, c.id);
      throw conflict('이미 면제된 사례입니다.', 'already_waived', {
        current: current ? presentCase(current, depts) : null,
      });
    }
    await appendAudit(tx, org, caller.actor, {
      action: 'penalty.waive',
      entityType: 'penalty_case',
      entityId: c.id,
      subject: depts.name(c.departmentId),
      before: { waived: false, kind: c.kind, period: c.period, detail: c.detail },
      after: { waived: true, reason: r.text },
    });
    return presentCase(w, depts);
  });
}

/**
 * The cut-off check: after the year's cut-off, every result submitted at least once that has no
 * evidence (uploaded or declared) gets a missing-evidence case — once (a result that already has
 * one, waived or not, gets no second). Before the cut-off it records nothing. Idempotent.
 */
export async function runCutoffCheck(
  db: Db,
  caller: ResultsCaller,
  input: { year: number; organizationId?: string },
  now = new Date(),
) {
  authorizeCaller(caller, 'penalty.detect');
  const org = organizationOf(caller, input.organizationId);
  const plan = await requirePlanYear(db, org, input.year);
  authorizeCaller(caller, 'penalty.detect', { planStatus: plan.status });
  const settings = planCalendar(plan);
  const cut = cutoff(plan.year, settings);
  const depts = await Departments.load(db, org);
  if (!settings.evidenceRequired || now.getTime() <= cut.at.getTime())
    return {
      year: plan.year,
      cutoff: cut.date,
      afterCutoff: now.getTime() > cut.at.getTime(),
      created: [],
      existing: 0,
    };
  return db.transaction(async (tx) => {
    await lockPlanCases(tx, plan.id);
    const [rows, counts, cases] = await Promise.all([
      listResults(tx, org, plan.id),
      countEvidenceByResult(tx, org, plan.id),
      listPenaltyCases(tx, org, plan.id, { kind: 'missing_evidence' }),
    ]);
    // A case names its result; cases imported from an interchange file name the indicator, department and period instead.
    const already = new Set(cases.map((c) => c.resultId).filter((id): id is string => id !== null));
    const placeKey = (x: { departmentId: string; indicatorId: string | null; period: string }) =>
      `${x.departmentId}|${x.indicatorId}|${x.period}`;
    const alreadyPlaced = new Set(cases.filter((c) => c.resultId === null).map(placeKey));
    const missing = missingEvidence(
      rows.map((r) => ({ ...r, evidenceCount: (counts.get(r.id) ?? 0) + r.declaredEvidence })),
      cut.at,
      now,
    ).filter((r) => !already.has(r.id) && !alreadyPlaced.has(placeKey(r)));
    const created = [];
    for (const r of missing) {
      created.push(
        await insertPenaltyCase(tx, {
          organizationId: org,
          planId: plan.id,
          departmentId: r.departmentId,
          indicatorId: r.indicatorId,
          resultId: r.id,
          kind: 'missing_evidence',
          period: r.period,
          detail: missingEvidenceDetail(r.period, cut.date),
          detectedAt: now,
        }),
      );
    }
    if (created.length)
      await appendAudit(tx, org, caller.actor, {
        action: 'penalty.cutoff_check',
        entityType: 'plan',
        entityId: plan.id,
        subject: String(plan.year),
        after: { cutoff: cut.date, created: created.length, cases: created.map((c) => c.id) },
      });
    return {
      year: plan.year,
      cutoff: cut.date,
      afterCutoff: true,
      created: created.map((c) => presentCase(c, depts)),
      existing: cases.length,
    };
  });
}
