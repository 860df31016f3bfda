/**
 * Plan administration (계획 관리): read, create, edit and delete one item of a year's hierarchy, and
 * roll a year over to the next. Every change is checked against the plan as it is (the references
 * of the row, what depends on it), guarded by the item's version (a hash of its content as last
 * read: stale → 409 with the current item), refused while the year is closed, and written in one
 * transaction with its audit row (before/after).
 */
import crypto from 'node:crypto';
import type { Db } from '../../db/client.js';
import { appendAudit, type AuditActor } from '../../db/queries/audit.js';
import { findPlan, insertPlanDocument, readPlanDocument, type PlanRef } from '../../db/queries/plan-document.js';
import { deleteItem, insertItem, lockPlan, updateItem, type ItemRow } from '../../db/queries/plan-items.js';
import type { PlanDocument } from '../../contracts/interchange.js';
import { canonicalJson } from '../../domain/canonical-json.js';
import { AppError, conflict, notFound, validationError, type ProblemDetail } from '../../domain/errors.js';
import { rollOverPlan } from '../../domain/plan-rollover.js';
import { authorize, type Principal } from '../../domain/policy.js';
import { LEVEL_LABELS, PARENTS, ROW_SCHEMAS, type EditLevel } from './edit-contract.js';
import { zodProblems } from '../../contracts/zod-ko.js';

export interface AdminCaller {
  actor: AuditActor;
  principal: Principal;
}

/** The version of an item: a short hash of its content as the interchange row shows it. */
export const itemVersion = (row: unknown) =>
  crypto.createHash('sha256').update(canonicalJson(row)).digest('hex').slice(0, 16);

const rowsOf = (doc: PlanDocument, level: EditLevel) => doc[level] as ItemRow[];

async function planOf(db: Db, caller: AdminCaller, year: number): Promise<PlanRef> {
  const plan = await findPlan(db, caller.principal.organizationId, year);
  if (!plan) throw notFound(`${year}년 시행계획`, 'plan_not_found');
  return plan;
}

function findRow(doc: PlanDocument, level: EditLevel, code: string): ItemRow {
  const row = rowsOf(doc, level).find((r) => r.code === code);
  if (!row) throw notFound(`${LEVEL_LABELS[level]} '${code}'`, 'item_not_found');
  return row;
}

/** The code of the parent a row names (`PARENTS`), or null for a level with none. */
function parentRef(level: EditLevel, row: ItemRow): { level: EditLevel; field: string; code: string } | null {
  const parent = level in PARENTS ? PARENTS[level as keyof typeof PARENTS] : null;
  return parent ? { ...parent, code: (row as unknown as Record<string, string>)[parent.field]! } : null;
}

/** What depends on an item, counted (only non-zero counts), with Korean labels for the refusal. */
export function dependentsOf(doc: PlanDocument, level: EditLevel, code: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const child of Object.keys(PARENTS) as (keyof typeof PARENTS)[])
    if (PARENTS[child].level === level)
      counts[child] = rowsOf(doc, child).filter((r) => parentRef(child, r)?.code === code).length;
  if (level === 'indicators') {
    const ei = doc.evaluationInputs;
    Object.assign(counts, {
      results: doc.results.filter((r) => r.indicator === code).length,
      ratings: ei.ratings.filter((r) => r.indicator === code).length,
      raterAssignments: ei.raterAssignments.filter((r) => r.indicator === code).length,
      penaltyCases: ei.penaltyCases.filter((c) => c.indicator === code).length,
    });
  }
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

const DEPENDENT_LABELS: Record<string, string> = {
  ...LEVEL_LABELS,
  results: '실적',
  ratings: '지표 성격 평가',
  raterAssignments: '평가위원 배정',
  penaltyCases: '감점 사례',
};

/** The references of one row that do not resolve in the plan, by field. */
function referenceProblems(doc: PlanDocument, level: EditLevel, row: ItemRow): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const depts = new Set(doc.departments.map((d) => d.name));
  const parent = parentRef(level, row);
  if (parent && !rowsOf(doc, parent.level).some((r) => r.code === parent.code))
    problems.push({
      path: parent.field,
      code: 'unknown_reference',
      message: `${LEVEL_LABELS[parent.level]} '${parent.code}'이(가) 이 계획에 없습니다.`,
    });
  const dept = (name: string, path: string) => {
    if (!depts.has(name))
      problems.push({ path, code: 'unknown_department', message: `부서 '${name}'이(가) 부서 목록에 없습니다.` });
  };
  switch (level) {
    case 'orgStrategicGoals': {
      const r = row as PlanDocument['orgStrategicGoals'][number];
      if (r.visionPillar !== null && !doc.visionPillars.some((p) => p.name === r.visionPillar))
        problems.push({
          path: 'visionPillar',
          code: 'unknown_reference',
          message: `비전 '${r.visionPillar}'이(가) 이 계획에 없습니다.`,
        });
      break;
    }
    case 'deptStrategicGoals':
      dept((row as PlanDocument['deptStrategicGoals'][number]).department, 'department');
      break;
    case 'indicators': {
      const r = row as PlanDocument['indicators'][number];
      dept(r.leadDepartment, 'leadDepartment');
      r.participants.forEach((p, i) => dept(p, `participants[${i}]`));
      if (r.measurement === 'milestone' && r.milestones.length === 0)
        problems.push({
          path: 'milestones',
          code: 'milestones_missing',
          message: '단계(마일스톤)형 지표는 단계를 하나 이상 적어야 합니다.',
        });
      break;
    }
    case 'tasks': {
      const r = row as PlanDocument['tasks'][number];
      dept(r.department, 'department');
      if (r.startDate && r.endDate && r.startDate > r.endDate)
        problems.push({ path: 'endDate', code: 'dates_reversed', message: '종료일은 시작일 이후여야 합니다.' });
      break;
    }
  }
  return problems;
}

function authorizeEdit(caller: AdminCaller, status: PlanRef['status']) {
  authorize(caller.principal, 'plan.edit', { planStatus: status });
}

/** One item with its version, what depends on it, and the department names a form may offer. */
export async function getItem(db: Db, caller: AdminCaller, year: number, level: EditLevel, code: string) {
  authorize(caller.principal, 'plan.read');
  const plan = await planOf(db, caller, year);
  const doc = await readPlanDocument(db, plan);
  const item = findRow(doc, level, code);
  return {
    year,
    level,
    code,
    item: item as unknown as Record<string, unknown>,
    version: itemVersion(item),
    dependents: dependentsOf(doc, level, code),
    departments: doc.departments.map((d) => d.name),
    planStatus: plan.status,
  };
}

/** Runs a change with the plan row locked and the document as it now is; the status is re-checked under the lock. */
async function withPlan<T>(
  db: Db,
  caller: AdminCaller,
  year: number,
  fn: (tx: Db, plan: PlanRef, doc: PlanDocument) => Promise<T>,
) {
  const plan = await planOf(db, caller, year);
  authorizeEdit(caller, plan.status);
  return db.transaction(async (tx) => {
    const locked = await lockPlan(tx, plan);
    if (!locked) throw notFound(`${year}년 시행계획`, 'plan_not_found');
    authorizeEdit(caller, locked.status);
    return fn(tx, plan, await readPlanDocument(tx, plan));
  });
}

function parseRow(level: EditLevel, input: unknown): ItemRow {
  const parsed = ROW_SCHEMAS[level].safeParse(input);
  if (!parsed.success)
    throw validationError(`${LEVEL_LABELS[level]}의 값이 올바르지 않습니다.`, zodProblems(parsed.error));
  return parsed.data as ItemRow;
}

function checkReferences(doc: PlanDocument, level: EditLevel, row: ItemRow) {
  const problems = referenceProblems(doc, level, row);
  if (problems.length)
    throw validationError(`${LEVEL_LABELS[level]}의 값이 계획과 맞지 않습니다.`, problems, 'invalid_reference');
}

function staleError(level: EditLevel, current: ItemRow) {
  return conflict(
    `${LEVEL_LABELS[level]} '${current.code}'을(를) 다른 사람이 먼저 바꿨습니다. 최신 내용을 확인한 뒤 다시 저장하세요.`,
    'stale_version',
    { current: { item: current, version: itemVersion(current) } },
  );
}

export async function createItem(db: Db, caller: AdminCaller, year: number, level: EditLevel, input: unknown) {
  return withPlan(db, caller, year, async (tx, plan, doc) => {
    const row = parseRow(level, input);
    if (rowsOf(doc, level).some((r) => r.code === row.code))
      throw new AppError(
        'conflict',
        'duplicate_code',
        `${LEVEL_LABELS[level]} 코드 '${row.code}'은(는) 이미 있습니다. 다른 코드를 쓰세요.`,
        [{ path: 'code', code: 'duplicate_code', message: `코드 '${row.code}'은(는) 이미 있습니다.` }],
      );
    checkReferences(doc, level, row);
    await insertItem(tx, plan, level, row);
    await appendAudit(tx, plan.organizationId, caller.actor, {
      action: 'plan.item.create',
      entityType: level,
      entityId: row.code,
      subject: `${year} ${LEVEL_LABELS[level]} ${row.code}`,
      before: null,
      after: row,
    });
    return { year, level, code: row.code, item: row as unknown as Record<string, unknown>, version: itemVersion(row) };
  });
}

export async function updateItemUseCase(
  db: Db,
  caller: AdminCaller,
  year: number,
  level: EditLevel,
  code: string,
  input: { version: string } & Record<string, unknown>,
) {
  return withPlan(db, caller, year, async (tx, plan, doc) => {
    const current = findRow(doc, level, code);
    if (itemVersion(current) !== input.version) throw staleError(level, current);
    const { version: _v, ...changes } = input;
    const row = parseRow(level, { ...current, ...changes, code });
    checkReferences(doc, level, row);
    const changed = Object.keys(changes).filter(
      (k) =>
        canonicalJson((current as Record<string, unknown>)[k]) !== canonicalJson((row as Record<string, unknown>)[k]),
    );
    if (changed.length) {
      await updateItem(tx, plan, level, code, row);
      await appendAudit(tx, plan.organizationId, caller.actor, {
        action: 'plan.item.update',
        entityType: level,
        entityId: code,
        subject: `${year} ${LEVEL_LABELS[level]} ${code}`,
        before: Object.fromEntries(changed.map((k) => [k, (current as Record<string, unknown>)[k]])),
        after: Object.fromEntries(changed.map((k) => [k, (row as Record<string, unknown>)[k]])),
      });
    }
    return { year, level, code, item: row as unknown as Record<string, unknown>, version: itemVersion(row), changed };
  });
}

export async function deleteItemUseCase(
  db: Db,
  caller: AdminCaller,
  year: number,
  level: EditLevel,
  code: string,
  version: string,
) {
  return withPlan(db, caller, year, async (tx, plan, doc) => {
    const current = findRow(doc, level, code);
    if (itemVersion(current) !== version) throw staleError(level, current);
    const deps = dependentsOf(doc, level, code);
    if (Object.keys(deps).length) {
      const list = Object.entries(deps)
        .map(([k, n]) => `${DEPENDENT_LABELS[k] ?? k} ${n}건`)
        .join(', ');
      throw conflict(
        `${LEVEL_LABELS[level]} '${code}'에 ${list}이(가) 딸려 있어 삭제할 수 없습니다. 먼저 그것들을 지우거나 다른 항목으로 옮기세요.`,
        'has_dependents',
        { dependents: deps },
      );
    }
    await deleteItem(tx, plan, level, code);
    await appendAudit(tx, plan.organizationId, caller.actor, {
      action: 'plan.item.delete',
      entityType: level,
      entityId: code,
      subject: `${year} ${LEVEL_LABELS[level]} ${code}`,
      before: current,
      after: null,
    });
    return { year, level, code, deleted: true };
  });
}

/**
 * Rolls year Y over to Y+1 (domain/plan-rollover: hierarchy, indicators with this year's target as
 * baseline, tasks with dates moved, the calendar's rules without its dates; no results or
 * evaluation inputs). Refused when Y+1 exists.
 */
export async function rollOverYear(db: Db, caller: AdminCaller, year: number) {
  authorize(caller.principal, 'plan.copy');
  const source = await planOf(db, caller, year);
  const to = year + 1;
  return db.transaction(async (tx) => {
    await lockPlan(tx, source); // two roll-overs of one year run one after the other: the second sees Y+1
    if (await findPlan(tx, source.organizationId, to))
      throw conflict(`${to}년 시행계획이 이미 있어 ${year}년을 넘길 수 없습니다.`, 'plan_exists', { year: to });
    const doc = rollOverPlan(await readPlanDocument(tx, source), to);
    const ref = await insertPlanDocument(tx, source.organizationId, doc);
    const counts = {
      orgStrategicGoals: doc.orgStrategicGoals.length,
      deptStrategicGoals: doc.deptStrategicGoals.length,
      indicators: doc.indicators.length,
      tasks: doc.tasks.length,
    };
    await appendAudit(tx, source.organizationId, caller.actor, {
      action: 'plan.rollover',
      entityType: 'plan',
      entityId: ref.planId,
      subject: String(to),
      before: null,
      after: { from: year, to, title: doc.plan.title, status: doc.plan.status, counts },
    });
    return { from: year, year: to, title: doc.plan.title, status: doc.plan.status, counts };
  });
}
