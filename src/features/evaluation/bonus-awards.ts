/**
 * 가점: the five bonus items, each 0–1 point for a department, granted with a reason by the
 * committee or the planner; changed or withdrawn with the award's optimistic version. Audited;
 * refused once the year is closed. Department roles read their own department's awards.
 */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import {
  deleteBonusAwardGuarded,
  findBonusAward,
  insertBonusAward,
  listBonusAwards,
  updateBonusAwardGuarded,
  type BonusAwardRow,
} from '../../db/queries/evaluation.js';
import { BONUS_ITEMS, type BonusItem } from '../../domain/evaluation/evaluate.js';
import { validationError } from '../../domain/errors.js';
import { toSeoulIso } from '../../domain/dates.js';
import {
  authorizeCaller,
  callerCan,
  checkVersion,
  DepartmentIndex,
  lockOpenPlan,
  organizationOf,
  requiredReason,
  requireEvaluationPlan,
  staleVersion,
  whoOf,
  type EvaluationCaller,
} from './context.js';

export const BONUS_ITEM_MAX = 1;

const itemLabel = (item: BonusItem) => BONUS_ITEMS.find((b) => b.item === item)?.label ?? item;

function present(b: BonusAwardRow, depts: DepartmentIndex) {
  return {
    department: depts.name(b.departmentId),
    item: b.item,
    itemLabel: itemLabel(b.item),
    points: b.points,
    reason: b.reason,
    grantedBy: b.grantedBy,
    illustrative: b.illustrative,
    version: b.version,
    updatedAt: toSeoulIso(b.updatedAt),
  };
}
export type BonusAwardView = ReturnType<typeof present>;

export async function listBonusAwardsUseCase(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; department?: string; org?: string },
) {
  authorizeCaller(caller, 'evaluation.read');
  const org = await organizationOf(db, caller, input.org);
  const plan = await requireEvaluationPlan(db, org, input.year);
  const depts = await DepartmentIndex.load(db, org);
  let ids = depts.readable(caller).map((d) => d.id);
  if (input.department) {
    const d = depts.requireEvaluated(input.department);
    authorizeCaller(caller, 'evaluation.read', { departmentId: d.id });
    ids = [d.id];
  }
  const rows = await listBonusAwards(db, org, plan.id, ids);
  const order = new Map(depts.list.map((d, i) => [d.id, i]));
  const itemOrder = new Map(BONUS_ITEMS.map((b, i) => [b.item, i]));
  rows.sort(
    (a, b) =>
      order.get(a.departmentId)! - order.get(b.departmentId)! || itemOrder.get(a.item)! - itemOrder.get(b.item)!,
  );
  return {
    year: plan.year,
    items: BONUS_ITEMS.map((b) => ({ ...b, max: BONUS_ITEM_MAX })),
    canGrant: plan.status !== 'closed' && callerCan(caller, 'bonus.grant'),
    awards: rows.map((r) => present(r, depts)),
  };
}

function checkItem(item: string): BonusItem {
  if (!BONUS_ITEMS.some((b) => b.item === item))
    throw validationError(`알 수 없는 가점 항목입니다: ${item}`, [
      {
        path: 'item',
        message: `가점 항목은 ${BONUS_ITEMS.map((b) => `${b.item}(${b.label})`).join(', ')} 중 하나여야 합니다`,
        code: 'invalid_value',
      },
    ]);
  return item as BonusItem;
}

export interface GrantBonusInput {
  year: number;
  department: string;
  item: string;
  points: number;
  reason: string;
  /** The award's version when changing one; omitted for a new award. */
  version?: number;
  org?: string;
}

/** Grants (or changes) one bonus item of one department. */
export async function grantBonus(db: Db, caller: EvaluationCaller, input: GrantBonusInput): Promise<BonusAwardView> {
  authorizeCaller(caller, 'bonus.grant');
  const item = checkItem(input.item);
  if (!Number.isFinite(input.points) || input.points < 0 || input.points > BONUS_ITEM_MAX)
    throw validationError(`가점은 항목마다 0~${BONUS_ITEM_MAX}점입니다.`, [
      { path: 'points', message: `0~${BONUS_ITEM_MAX}점이어야 합니다`, code: 'out_of_range' },
    ]);
  const reason = requiredReason(input.reason, '가점 사유');
  const org = await organizationOf(db, caller, input.org);
  const depts = await DepartmentIndex.load(db, org);
  const dept = depts.requireEvaluated(input.department);
  authorizeCaller(caller, 'bonus.grant', { departmentId: dept.id });
  return db.transaction(async (tx) => {
    const plan = await lockOpenPlan(tx, org, input.year, 'share');
    const existing = await findBonusAward(tx, org, plan.id, dept.id, item);
    const what = `${dept.name}의 가점 '${itemLabel(item)}'`;
    checkVersion(what, existing, input.version, existing ? present(existing, depts) : null);
    const values = { points: input.points, reason, grantedBy: whoOf(caller) };
    const row = existing
      ? await updateBonusAwardGuarded(tx, org, existing.id, existing.version, values)
      : await insertBonusAward(tx, { organizationId: org, planId: plan.id, departmentId: dept.id, item, ...values });
    if (!row) throw staleVersion(what, existing ? present(existing, depts) : null);
    await appendAudit(tx, org, caller.actor, {
      action: 'bonus.grant',
      entityType: 'bonus_award',
      entityId: row.id,
      subject: dept.name,
      before: existing ? { item, points: existing.points, reason: existing.reason, version: existing.version } : null,
      after: { item, points: row.points, reason: row.reason, version: row.version },
    });
    return present(row, depts);
  });
}

/** Withdraws one bonus award (its version required). */
export async function withdrawBonus(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; department: string; item: string; version: number; org?: string },
): Promise<{ withdrawn: BonusAwardView }> {
  authorizeCaller(caller, 'bonus.grant');
  const item = checkItem(input.item);
  const org = await organizationOf(db, caller, input.org);
  const depts = await DepartmentIndex.load(db, org);
  const dept = depts.requireEvaluated(input.department);
  authorizeCaller(caller, 'bonus.grant', { departmentId: dept.id });
  return db.transaction(async (tx) => {
    const plan = await lockOpenPlan(tx, org, input.year, 'share');
    const existing = await findBonusAward(tx, org, plan.id, dept.id, item);
    const what = `${dept.name}의 가점 '${itemLabel(item)}'`;
    if (!existing || existing.version !== input.version)
      throw staleVersion(what, existing ? present(existing, depts) : null);
    const row = await deleteBonusAwardGuarded(tx, org, existing.id, input.version);
    if (!row) throw staleVersion(what, present(existing, depts));
    await appendAudit(tx, org, caller.actor, {
      action: 'bonus.withdraw',
      entityType: 'bonus_award',
      entityId: row.id,
      subject: dept.name,
      before: { item, points: row.points, reason: row.reason, version: row.version },
      after: null,
    });
    return { withdrawn: present(row, depts) };
  });
}
