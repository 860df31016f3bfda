/**
 * 지표 성격 평가 (quality ratings): raters score the indicators assigned to them (대표성·난이도·
 * 완성도, 0–100 each). A rater sees and writes only their assigned indicators and, until the
 * planner closes rating, only their own scores; a rater never rates an indicator of their own
 * department (policy). The planner sees everything; the committee and the executive see the scores
 * once rating is closed. Every write audited, with the rating's optimistic version.
 */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import {
  findEvalIndicator,
  findRating,
  insertRating,
  listAssignments,
  listEvalIndicators,
  listRatings,
  updateRatingGuarded,
  type EvalIndicator,
  type RatingRow,
} from '../../db/queries/evaluation.js';
import { AppError, conflict } from '../../domain/errors.js';
import { authorize, can } from '../../domain/policy.js';
import { toSeoulIso } from '../../domain/dates.js';
import {
  authorizeCaller,
  callerCan,
  checkVersion,
  DepartmentIndex,
  lockOpenPlan,
  organizationOf,
  requireEvaluationPlan,
  staleVersion,
  type EvaluationCaller,
} from './context.js';

export function presentRating(r: RatingRow) {
  const { representativeness: R, difficulty: D, completeness: C } = r;
  return {
    rater: r.rater,
    representativeness: R,
    difficulty: D,
    completeness: C,
    /** Complete when all three criteria are scored (only complete ratings count). */
    complete: R !== null && D !== null && C !== null,
    illustrative: r.illustrative,
    version: r.version,
    updatedAt: toSeoulIso(r.updatedAt),
  };
}
export type RatingView = ReturnType<typeof presentRating>;

/** Every department an indicator concerns: lead and participants; for a common one, every evaluated department. */
export function concernedDepartments(ind: EvalIndicator, depts: DepartmentIndex): string[] {
  return ind.kind === 'common' ? [...new Set([...depts.evaluatedIds(), ...ind.departmentIds])] : ind.departmentIds;
}

export const ratingClosedConflict = (year: number) =>
  conflict(
    `${year}년 지표 성격 평가가 마감되어 바꿀 수 없습니다. 바꾸려면 성과관리 담당이 평가를 다시 열어야 합니다.`,
    'rating_closed',
  );

export interface RatingsListView {
  year: number;
  planStatus: string;
  ratingClosed: boolean;
  ratingClosedAt: string | null;
  ratingClosedBy: string | null;
  /** all: every rater's scores; own: only the caller's (rating still open); none: no scores (rating still open). */
  scoresVisible: 'all' | 'own' | 'none';
  /** The caller may rate now (rater, year and rating open). */
  canRate: boolean;
  indicators: {
    indicator: string;
    name: string;
    kind: EvalIndicator['kind'];
    leadDepartment: string;
    assignedToMe: boolean;
    /** Raters assigned (a rater sees only themself while rating is open). */
    assignedRaters: string[];
    /** Complete ratings of assigned raters (null when hidden from the caller). */
    ratedCount: number | null;
    myRating: RatingView | null;
    ratings: RatingView[];
  }[];
}

export async function listRatingsUseCase(
  db: Db,
  caller: EvaluationCaller,
  input: { year: number; indicator?: string; org?: string },
): Promise<RatingsListView> {
  authorizeCaller(caller, 'rating.read');
  const org = await organizationOf(db, caller, input.org);
  const plan = await requireEvaluationPlan(db, org, input.year);
  const [depts, indicators, assignments, ratings] = await Promise.all([
    DepartmentIndex.load(db, org),
    listEvalIndicators(db, org, plan.id),
    listAssignments(db, org, plan.id),
    listRatings(db, org, plan.id),
  ]);
  const me = caller.principal?.username ?? null;
  const manager = callerCan(caller, 'rating.manage');
  const rater = !manager && !!caller.principal && can(caller.principal, 'rating.write');
  const closed = plan.ratingClosedAt !== null;
  const scoresVisible: RatingsListView['scoresVisible'] = manager || closed ? 'all' : rater ? 'own' : 'none';

  const assignedBy = new Map<string, string[]>();
  for (const a of assignments) assignedBy.set(a.indicatorId, [...(assignedBy.get(a.indicatorId) ?? []), a.rater]);
  const ratingsBy = new Map<string, RatingRow[]>();
  for (const r of ratings) ratingsBy.set(r.indicatorId, [...(ratingsBy.get(r.indicatorId) ?? []), r]);

  const visibleIndicators = indicators.filter((i) => !rater || (assignedBy.get(i.id) ?? []).includes(me!));
  const selected = input.indicator ? visibleIndicators.filter((i) => i.code === input.indicator) : visibleIndicators;
  if (input.indicator && selected.length === 0)
    throw new AppError(
      'not_found',
      'indicator_not_found',
      `지표 '${input.indicator}'을(를) 찾을 수 없거나 배정받지 않았습니다.`,
      [
        {
          path: 'indicator',
          message: `없는 지표이거나 배정되지 않은 지표입니다: ${input.indicator}`,
          code: 'unknown_indicator',
        },
      ],
    );

  return {
    year: plan.year,
    planStatus: plan.status,
    ratingClosed: closed,
    ratingClosedAt: plan.ratingClosedAt ? toSeoulIso(plan.ratingClosedAt) : null,
    ratingClosedBy: plan.ratingClosedBy,
    scoresVisible,
    canRate: rater && !closed && plan.status !== 'closed',
    indicators: selected.map((i) => {
      const assigned = assignedBy.get(i.id) ?? [];
      const all = ratingsBy.get(i.id) ?? [];
      const mine = me ? all.find((r) => r.rater === me) : undefined;
      const shown = scoresVisible === 'all' ? all : scoresVisible === 'own' && mine ? [mine] : [];
      const hideOthers = rater && !closed;
      return {
        indicator: i.code,
        name: i.name,
        kind: i.kind,
        leadDepartment: depts.name(i.leadDepartmentId),
        assignedToMe: me !== null && assigned.includes(me),
        assignedRaters: hideOthers ? assigned.filter((a) => a === me) : assigned,
        ratedCount: hideOthers
          ? null
          : all.filter((r) => assigned.includes(r.rater) && presentRating(r).complete).length,
        myRating: mine ? presentRating(mine) : null,
        ratings: shown.map(presentRating),
      };
    }),
  };
}

export interface RatingInput {
  year: number;
  indicator: string;
  representativeness: number | null;
  difficulty: number | null;
  completeness: number | null;
  /** The version of the rating the rater last saw; omitted for a first rating. */
  version?: number;
}

/** A rater saves their rating of one assigned indicator. */
export async function saveRating(
  db: Db,
  caller: EvaluationCaller,
  input: RatingInput,
): Promise<RatingView & { indicator: string }> {
  const principal = caller.principal;
  if (!principal)
    throw new AppError('forbidden', 'rater_required', '지표 성격 평가는 평가위원이 로그인해서 입력합니다.');
  authorize(principal, 'rating.write');
  const org = principal.organizationId;
  const depts = await DepartmentIndex.load(db, org);
  return db.transaction(async (tx) => {
    const plan = await lockOpenPlan(tx, org, input.year, 'share');
    const ind = await findEvalIndicator(tx, org, plan.id, input.indicator);
    if (!ind)
      throw new AppError(
        'not_found',
        'indicator_not_found',
        `${plan.year}년 계획에 지표 '${input.indicator}'이(가) 없습니다.`,
        [{ path: 'indicator', message: `없는 지표입니다: ${input.indicator}`, code: 'unknown_indicator' }],
      );
    const assigned =
      (await listAssignments(tx, org, plan.id, { rater: principal.username, indicatorId: ind.id })).length > 0;
    authorize(principal, 'rating.write', { departmentIds: concernedDepartments(ind, depts), raterAssigned: assigned });
    if (plan.ratingClosedAt) throw ratingClosedConflict(plan.year);

    const scores = {
      representativeness: input.representativeness,
      difficulty: input.difficulty,
      completeness: input.completeness,
    };
    const existing = await findRating(tx, org, ind.id, principal.username);
    const what = `지표 '${ind.code}'의 평가`;
    checkVersion(what, existing, input.version, existing ? presentRating(existing) : null);
    const row = existing
      ? await updateRatingGuarded(tx, org, existing.id, existing.version, scores)
      : await insertRating(tx, {
          organizationId: org,
          planId: plan.id,
          indicatorId: ind.id,
          rater: principal.username,
          ...scores,
        });
    if (!row) throw staleVersion(what, existing ? presentRating(existing) : null);
    await appendAudit(tx, org, caller.actor, {
      action: 'rating.write',
      entityType: 'quality_rating',
      entityId: row.id,
      subject: depts.name(ind.leadDepartmentId),
      before: existing
        ? {
            indicator: ind.code,
            rater: existing.rater,
            representativeness: existing.representativeness,
            difficulty: existing.difficulty,
            completeness: existing.completeness,
            version: existing.version,
          }
        : null,
      after: { indicator: ind.code, rater: row.rater, ...scores, version: row.version },
    });
    return { indicator: ind.code, ...presentRating(row) };
  });
}
