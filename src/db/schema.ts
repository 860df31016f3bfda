/**
 * The database schema: the only description of the tables. Names follow DOMAIN.md.
 *
 * Every table carries `organization_id`, and every primary key starts with it, so the
 * same schema can be distributed by organization (Citus) for a national installation.
 * Ids are UUIDs made by the application. Numbers that users type (targets, actuals)
 * are double precision; money is KRW in bigint.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const org = () => uuid('organization_id').notNull();
const created = () => ts('created_at').notNull().defaultNow();
const updated = () => ts('updated_at').notNull().defaultNow();

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey(),
  /** Short stable code, e.g. "songpa". */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: created(),
});

/** One year's plan (시행계획). */
export const plans = pgTable(
  'plans',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    year: integer('year').notNull(),
    /** draft → active → closed (evaluation frozen). */
    status: text('status', { enum: ['draft', 'active', 'closed'] }).notNull().default('draft'),
    title: text('title').notNull(),
    /** 비전 slogan, e.g. "비전 2022". */
    visionName: text('vision_name').notNull().default(''),
    visionSlogan: text('vision_slogan').notNull().default(''),
    /** Free text the data cannot hold: 추진개요, 향후계획 (documents use them). */
    overview: text('overview').notNull().default(''),
    futurePlan: text('future_plan').notNull().default(''),
    /** Recorded facts of the previous year (awards, incentives, average achievement) where no data exists. */
    priorYearFacts: jsonb('prior_year_facts').$type<Record<string, unknown>>().notNull().default({}),
    /** The year's evaluation scheme (domain/evaluation scheme settings). */
    evaluationScheme: jsonb('evaluation_scheme').$type<Record<string, unknown>>().notNull().default({}),
    /** Reporting calendar settings (deadlines, holidays, cut-off). */
    calendar: jsonb('calendar').$type<Record<string, unknown>>().notNull().default({}),
    /** Figures a source document *claims* (e.g. 붙임 1), kept to check against the derived ones. */
    claimedTotals: jsonb('claimed_totals').$type<Record<string, unknown> | null>(),
    illustrative: boolean('illustrative').notNull().default(false),
    /**
     * When the planner closed the raters' quality rating (지표 성격 평가) of the year: from then on
     * raters see each other's scores and no rating changes; null while rating is open.
     */
    ratingClosedAt: ts('rating_closed_at'),
    ratingClosedBy: text('rating_closed_by'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), unique('plans_org_year').on(t.organizationId, t.year)],
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const planFk = (t: { organizationId: any; planId: any }, name: string) =>
  foreignKey({ name, columns: [t.organizationId, t.planId], foreignColumns: [plans.organizationId, plans.id] }).onDelete(
    'cascade',
  );

/** Vision pillars (일자리 1위, 교육 1위, 삶의 질 1위). */
export const visionPillars = pgTable(
  'vision_pillars',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), planFk(t, 'vision_pillars_plan_fk')],
);

/** Departments belong to the organization (not to one year) so accounts keep their scope across years. */
export const departments = pgTable(
  'departments',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** 본청 | 박물관 | 보건소 | 의회 | 동 … */
    groupName: text('group_name').notNull().default('본청'),
    evaluated: boolean('evaluated').notNull().default(true),
    formerNames: text('former_names').array().notNull().default(sql`'{}'::text[]`),
    seq: integer('seq').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), unique('departments_org_name').on(t.organizationId, t.name)],
);

/** 區 전략목표 */
export const orgStrategicGoals = pgTable(
  'org_strategic_goals',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    /** Stable key within the plan (interchange files and roll-over keep it). */
    code: text('code').notNull(),
    visionPillarId: uuid('vision_pillar_id'),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    planFk(t, 'org_strategic_goals_plan_fk'),
    index('org_strategic_goals_plan_idx').on(t.organizationId, t.planId),
  ],
);

/** 區 성과목표 (numbered 1..16 in the reference plan). */
export const orgPerformanceGoals = pgTable(
  'org_performance_goals',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    /** Stable key within the plan (interchange files and roll-over keep it). */
    code: text('code').notNull(),
    orgStrategicGoalId: uuid('org_strategic_goal_id').notNull(),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    planFk(t, 'org_performance_goals_plan_fk'),
    foreignKey({
      name: 'org_performance_goals_osg_fk',
      columns: [t.organizationId, t.orgStrategicGoalId],
      foreignColumns: [orgStrategicGoals.organizationId, orgStrategicGoals.id],
    }).onDelete('cascade'),
  ],
);

/** 부서 전략목표 */
export const deptStrategicGoals = pgTable(
  'dept_strategic_goals',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    /** Stable key within the plan (interchange files and roll-over keep it). */
    code: text('code').notNull(),
    orgPerformanceGoalId: uuid('org_performance_goal_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    illustrative: boolean('illustrative').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    planFk(t, 'dept_strategic_goals_plan_fk'),
    foreignKey({
      name: 'dept_strategic_goals_opg_fk',
      columns: [t.organizationId, t.orgPerformanceGoalId],
      foreignColumns: [orgPerformanceGoals.organizationId, orgPerformanceGoals.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'dept_strategic_goals_dept_fk',
      columns: [t.organizationId, t.departmentId],
      foreignColumns: [departments.organizationId, departments.id],
    }),
    index('dept_strategic_goals_plan_idx').on(t.organizationId, t.planId),
  ],
);

/** 부서 성과목표 */
export const deptPerformanceGoals = pgTable(
  'dept_performance_goals',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    /** Stable key within the plan (interchange files and roll-over keep it). */
    code: text('code').notNull(),
    deptStrategicGoalId: uuid('dept_strategic_goal_id').notNull(),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    illustrative: boolean('illustrative').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    planFk(t, 'dept_performance_goals_plan_fk'),
    foreignKey({
      name: 'dept_performance_goals_dsg_fk',
      columns: [t.organizationId, t.deptStrategicGoalId],
      foreignColumns: [deptStrategicGoals.organizationId, deptStrategicGoals.id],
    }).onDelete('cascade'),
    index('dept_performance_goals_plan_idx').on(t.organizationId, t.planId),
  ],
);

export type IndicatorKind = 'unique' | 'convergence' | 'common';
export type Direction = 'higher' | 'lower';
export type Measurement = 'quantitative' | 'milestone';
export type Frequency = 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';
export type ConvergenceRule = 'sum' | 'average' | 'lead';
export interface Milestone {
  name: string;
  weight: number;
}

/** 성과지표 */
export const indicators = pgTable(
  'indicators',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    deptPerformanceGoalId: uuid('dept_performance_goal_id').notNull(),
    /** Stable code within the plan (kept across roll-over), e.g. "I-001". */
    code: text('code').notNull(),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['unique', 'convergence', 'common'] })
      .$type<IndicatorKind>()
      .notNull()
      .default('unique'),
    /** Owner: the department of the goal for unique; the lead department for convergence/common. */
    leadDepartmentId: uuid('lead_department_id').notNull(),
    unit: text('unit').notNull().default(''),
    direction: text('direction', { enum: ['higher', 'lower'] }).$type<Direction>().notNull().default('higher'),
    measurement: text('measurement', { enum: ['quantitative', 'milestone'] })
      .$type<Measurement>()
      .notNull()
      .default('quantitative'),
    formula: text('formula').notNull().default(''),
    dataSource: text('data_source').notNull().default(''),
    frequency: text('frequency', { enum: ['monthly', 'quarterly', 'half_yearly', 'yearly'] })
      .$type<Frequency>()
      .notNull()
      .default('quarterly'),
    baseline: doublePrecision('baseline'),
    target: doublePrecision('target'),
    weight: doublePrecision('weight').notNull().default(1),
    /** How participating departments' contributions make the convergence result. */
    convergenceRule: text('convergence_rule', { enum: ['sum', 'average', 'lead'] })
      .$type<ConvergenceRule>()
      .notNull()
      .default('sum'),
    milestones: jsonb('milestones').$type<Milestone[]>().notNull().default([]),
    /** Higher-level evaluations the indicator feeds: 정부합동평가, 서울시 인센티브 … */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    illustrative: boolean('illustrative').notNull().default(false),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    planFk(t, 'indicators_plan_fk'),
    foreignKey({
      name: 'indicators_dpg_fk',
      columns: [t.organizationId, t.deptPerformanceGoalId],
      foreignColumns: [deptPerformanceGoals.organizationId, deptPerformanceGoals.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'indicators_lead_fk',
      columns: [t.organizationId, t.leadDepartmentId],
      foreignColumns: [departments.organizationId, departments.id],
    }),
    unique('indicators_plan_code').on(t.organizationId, t.planId, t.code),
    index('indicators_plan_idx').on(t.organizationId, t.planId),
  ],
);

/** Departments that take part in a convergence/common indicator (the lead included, role 'lead'). */
export const indicatorDepartments = pgTable(
  'indicator_departments',
  {
    organizationId: org(),
    indicatorId: uuid('indicator_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    role: text('role', { enum: ['lead', 'participant'] }).notNull().default('participant'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.indicatorId, t.departmentId] }),
    foreignKey({
      name: 'indicator_departments_ind_fk',
      columns: [t.organizationId, t.indicatorId],
      foreignColumns: [indicators.organizationId, indicators.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'indicator_departments_dept_fk',
      columns: [t.organizationId, t.departmentId],
      foreignColumns: [departments.organizationId, departments.id],
    }),
  ],
);

/** 이행과제 */
export const tasks = pgTable(
  'tasks',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    /** Stable key within the plan (interchange files and roll-over keep it). */
    code: text('code').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    /** 0–100 percent. */
    progress: doublePrecision('progress').notNull().default(0),
    budgetProgramCode: text('budget_program_code').notNull().default(''),
    budgetProgramName: text('budget_program_name').notNull().default(''),
    budgetAmount: bigint('budget_amount', { mode: 'number' }).notNull().default(0),
    executedAmount: bigint('executed_amount', { mode: 'number' }).notNull().default(0),
    illustrative: boolean('illustrative').notNull().default(false),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    planFk(t, 'tasks_plan_fk'),
    foreignKey({
      name: 'tasks_indicator_fk',
      columns: [t.organizationId, t.indicatorId],
      foreignColumns: [indicators.organizationId, indicators.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'tasks_dept_fk',
      columns: [t.organizationId, t.departmentId],
      foreignColumns: [departments.organizationId, departments.id],
    }),
    index('tasks_plan_idx').on(t.organizationId, t.planId),
  ],
);

export type ResultStatus = 'draft' | 'submitted' | 'approved' | 'verified';

/**
 * 실적: one department's value of one indicator for one reporting period.
 * For unique indicators department = owner; for convergence ones each participant enters
 * its contribution; for common ones each department has its own instance.
 */
export const results = pgTable(
  'results',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    /** Period key: "2020" | "2020-H1" | "2020-Q3" | "2020-M07". */
    period: text('period').notNull(),
    actual: doublePrecision('actual'),
    /** Names of completed milestones (milestone-based indicators). */
    milestonesDone: jsonb('milestones_done').$type<string[]>().notNull().default([]),
    /** Evidence files an import declared (held outside this system); uploaded files are rows of `evidence`. */
    declaredEvidence: integer('declared_evidence').notNull().default(0),
    comment: text('comment').notNull().default(''),
    status: text('status', { enum: ['draft', 'submitted', 'approved', 'verified'] })
      .$type<ResultStatus>()
      .notNull()
      .default('draft'),
    firstSubmittedAt: ts('first_submitted_at'),
    submittedBy: uuid('submitted_by'),
    approvedBy: uuid('approved_by'),
    verifiedBy: uuid('verified_by'),
    illustrative: boolean('illustrative').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    planFk(t, 'results_plan_fk'),
    foreignKey({
      name: 'results_indicator_fk',
      columns: [t.organizationId, t.indicatorId],
      foreignColumns: [indicators.organizationId, indicators.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'results_dept_fk',
      columns: [t.organizationId, t.departmentId],
      foreignColumns: [departments.organizationId, departments.id],
    }),
    unique('results_unique_period').on(t.organizationId, t.indicatorId, t.departmentId, t.period),
    index('results_plan_idx').on(t.organizationId, t.planId),
  ],
);

/** Every workflow transition and comment of a result (its timeline). */
export const resultEvents = pgTable(
  'result_events',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    resultId: uuid('result_id').notNull(),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    /** saved | submitted | approved | verified | returned | comment */
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason').notNull().default(''),
    /** Values before the change (actual, milestones, comment). */
    before: jsonb('before').$type<Record<string, unknown> | null>(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'result_events_result_fk',
      columns: [t.organizationId, t.resultId],
      foreignColumns: [results.organizationId, results.id],
    }).onDelete('cascade'),
    index('result_events_result_idx').on(t.organizationId, t.resultId),
  ],
);

/** 증빙자료: a file stored by content hash, attached to a result. */
export const evidence = pgTable(
  'evidence',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    resultId: uuid('result_id').notNull(),
    fileName: text('file_name').notNull(),
    contentHash: text('content_hash').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'evidence_result_fk',
      columns: [t.organizationId, t.resultId],
      foreignColumns: [results.organizationId, results.id],
    }).onDelete('cascade'),
    index('evidence_result_idx').on(t.organizationId, t.resultId),
  ],
);

/** 감점 cases recorded as facts: late entry, missing evidence. */
export const penaltyCases = pgTable(
  'penalty_cases',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    indicatorId: uuid('indicator_id'),
    resultId: uuid('result_id'),
    kind: text('kind', { enum: ['late_entry', 'missing_evidence'] }).notNull(),
    period: text('period').notNull().default(''),
    detail: text('detail').notNull().default(''),
    detectedAt: ts('detected_at').notNull().defaultNow(),
    waived: boolean('waived').notNull().default(false),
    waivedReason: text('waived_reason').notNull().default(''),
    waivedBy: uuid('waived_by'),
    illustrative: boolean('illustrative').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), planFk(t, 'penalty_cases_plan_fk')],
);

/** 지표 성격 평가: one rater's scores (0–100) for one indicator. */
export const qualityRatings = pgTable(
  'quality_ratings',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    /** The rater's username (stable across interchange files). */
    rater: text('rater').notNull(),
    representativeness: doublePrecision('representativeness'),
    difficulty: doublePrecision('difficulty'),
    completeness: doublePrecision('completeness'),
    illustrative: boolean('illustrative').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    planFk(t, 'quality_ratings_plan_fk'),
    unique('quality_ratings_one').on(t.organizationId, t.indicatorId, t.rater),
  ],
);

/** Which indicators a rater is assigned to rate. */
export const raterAssignments = pgTable(
  'rater_assignments',
  {
    organizationId: org(),
    planId: uuid('plan_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    rater: text('rater').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.planId, t.indicatorId, t.rater] }), planFk(t, 'rater_assignments_plan_fk')],
);

export type BonusItem = 'training' | 'convergence' | 'external' | 'best_practice' | 'effort';

/** 가점 awards, granted with a reason by the committee or the planner. */
export const bonusAwards = pgTable(
  'bonus_awards',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    item: text('item', { enum: ['training', 'convergence', 'external', 'best_practice', 'effort'] })
      .$type<BonusItem>()
      .notNull(),
    points: doublePrecision('points').notNull(),
    reason: text('reason').notNull(),
    grantedBy: text('granted_by').notNull().default(''),
    illustrative: boolean('illustrative').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    planFk(t, 'bonus_awards_plan_fk'),
    unique('bonus_awards_one').on(t.organizationId, t.planId, t.departmentId, t.item),
  ],
);

/** 정성평가: the head of the organisation's 0–5 points for a department. */
export const qualitativeScores = pgTable(
  'qualitative_scores',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    points: doublePrecision('points').notNull(),
    comment: text('comment').notNull().default(''),
    givenBy: text('given_by').notNull().default(''),
    illustrative: boolean('illustrative').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    planFk(t, 'qualitative_scores_plan_fk'),
    unique('qualitative_scores_one').on(t.organizationId, t.planId, t.departmentId),
  ],
);

/** External awards and incentives (대외기관 평가·공모 수상), for bonus items and the prior-year report. */
export const externalAwards = pgTable(
  'external_awards',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    agency: text('agency').notNull().default(''),
    departmentId: uuid('department_id'),
    incentiveKrw: bigint('incentive_krw', { mode: 'number' }).notNull().default(0),
    illustrative: boolean('illustrative').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] })],
);

/** A frozen evaluation: the inputs and the result, immutable once written. */
export const evaluationSnapshots = pgTable(
  'evaluation_snapshots',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    createdAt: created(),
    createdBy: text('created_by').notNull().default(''),
    /** The interchange document the evaluation was computed from. */
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    evaluation: jsonb('evaluation').$type<Record<string, unknown>>().notNull(),
    /** Set when the planner re-opens the year (the snapshot itself stays). */
    reopenedAt: ts('reopened_at'),
    reopenedBy: text('reopened_by'),
    reopenReason: text('reopen_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    planFk(t, 'evaluation_snapshots_plan_fk'),
    /** At most one standing (not re-opened) snapshot per plan year. The rows are immutable (trigger, migration 0003). */
    uniqueIndex('evaluation_snapshots_standing')
      .on(t.organizationId, t.planId)
      .where(sql`reopened_at is null`),
  ],
);

export type Role =
  | 'administrator'
  | 'planner'
  | 'department_head'
  | 'department_staff'
  | 'rater'
  | 'committee'
  | 'executive'
  | 'viewer';

export const users = pgTable(
  'users',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email').notNull().default(''),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    active: boolean('active').notNull().default(true),
    /** Demo accounts carry the demo password; production start refuses them. */
    demo: boolean('demo').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    passwordChangedAt: ts('password_changed_at'),
    /** When the current run of failed logins started (the lockout window). */
    firstFailedLoginAt: ts('first_failed_login_at'),
    lastLoginAt: ts('last_login_at'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), unique('users_username').on(t.username)],
);

/** A role of a user; department roles are scoped to one department each row. */
export const userRoles = pgTable(
  'user_roles',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').$type<Role>().notNull(),
    departmentId: uuid('department_id'),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'user_roles_user_fk',
      columns: [t.organizationId, t.userId],
      foreignColumns: [users.organizationId, users.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'user_roles_dept_fk',
      columns: [t.organizationId, t.departmentId],
      foreignColumns: [departments.organizationId, departments.id],
    }),
    index('user_roles_user_idx').on(t.organizationId, t.userId),
  ],
);

/** Server-side sessions (several app instances may serve one PostgreSQL). */
export const sessions = pgTable(
  'sessions',
  {
    organizationId: org(),
    /** SHA-256 of the session token; the token itself is only in the cookie. */
    id: text('id').notNull(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: created(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    ip: text('ip').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index('sessions_id_idx').on(t.id),
    index('sessions_user_idx').on(t.organizationId, t.userId),
  ],
);

/** Reminders sent (once per person per period per kind). */
export const notifications = pgTable(
  'notifications',
  {
    organizationId: org(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    /** Deduplication key, e.g. "due:<planId>:<period>". */
    key: text('key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    createdAt: created(),
    readAt: ts('read_at'),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), unique('notifications_once').on(t.organizationId, t.userId, t.key)],
);

/**
 * Audit trail (감사 기록·접속기록): append-only, hash-chained per organization.
 * On PostgreSQL a trigger refuses UPDATE and DELETE (migration), except the retention purge
 * which runs with the `bsc.audit_purge` setting.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    organizationId: org(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull().default(''),
    ip: text('ip').notNull().default(''),
    /** e.g. plan.import, result.submit, auth.login, auth.login_failed, evidence.download */
    action: text('action').notNull(),
    /** access | change | rights */
    category: text('category').notNull().default('change'),
    entityType: text('entity_type').notNull().default(''),
    entityId: text('entity_id').notNull().default(''),
    /** Whose data was touched (department name), for access records. */
    subject: text('subject').notNull().default(''),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.seq] }), index('audit_log_at_idx').on(t.organizationId, t.at)],
);

/**
 * Where the audit chain starts after a retention purge: the first kept row's seq and the hash it
 * must carry as prev_hash. One row per purge (the latest one counts); the purge itself is also an
 * audit row of the chain.
 */
export const auditAnchors = pgTable(
  'audit_anchor',
  {
    organizationId: org(),
    /** Seq of the first row kept. */
    firstSeq: bigint('first_seq', { mode: 'number' }).notNull(),
    /** The hash of the last purged row: the first kept row's prev_hash. */
    prevHash: text('prev_hash').notNull(),
    purgedRows: integer('purged_rows').notNull(),
    purgedAt: ts('purged_at').notNull().defaultNow(),
    purgedBy: text('purged_by').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.firstSeq] })],
);
