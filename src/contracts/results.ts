/** API shapes of results (실적), the reporting calendar, evidence, penalty cases, inboxes and notifications. */
import { z } from 'zod';
import './zod-ko.js';
import { periodKey } from './interchange.js';
import { calendarSettingsSchema } from '../domain/results/calendar.js';
import { COMMENT_MAX, REASON_MAX } from '../domain/results/workflow.js';

const uuid = z.string().min(1).max(64);
const statusSchema = z.enum(['draft', 'submitted', 'approved', 'verified']);
const version = z.number().int('version은 정수여야 합니다').min(1, 'version은 1 이상입니다');
const actual = z.number().finite('실적치는 유한한 숫자여야 합니다').nullable();
const milestonesDone = z.array(z.string().trim().min(1).max(300)).max(200);
const comment = z.string().max(COMMENT_MAX * 2);

export const resultIdParams = z.strictObject({ id: uuid });
export const yearOnlyParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const resultViewSchema = z.object({
  id: z.string(),
  indicator: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    unit: z.string(),
    measurement: z.string(),
    frequency: z.string(),
  }),
  department: z.object({ id: z.string(), name: z.string() }),
  period: z.string(),
  actual: z.number().nullable(),
  milestonesDone: z.array(z.string()),
  comment: z.string(),
  status: statusSchema,
  statusLabel: z.string(),
  firstSubmittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  declaredEvidence: z.number().int(),
  illustrative: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const evidenceViewSchema = z.object({
  id: z.string(),
  resultId: z.string(),
  fileName: z.string(),
  size: z.number(),
  mediaType: z.string(),
  contentHash: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
  downloadUrl: z.string(),
});

export const penaltyCaseViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['late_entry', 'missing_evidence']),
  kindLabel: z.string(),
  department: z.object({ id: z.string(), name: z.string() }),
  indicatorId: z.string().nullable(),
  resultId: z.string().nullable(),
  period: z.string(),
  detail: z.string(),
  detectedAt: z.string(),
  waived: z.boolean(),
  waivedReason: z.string(),
  waivedBy: z.string().nullable(),
  illustrative: z.boolean(),
});

/** A case in the year's list: also its indicator's code and name, and the name of who waived it. */
export const penaltyCaseListItemSchema = penaltyCaseViewSchema.extend({
  indicator: z.object({ code: z.string(), name: z.string() }).nullable(),
  waivedByName: z.string().nullable(),
});

export const timelineEntrySchema = z.object({
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), name: z.string() }),
  /** created | saved | submitted | approved | verified | returned | comment | evidence_added | evidence_removed */
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  /** Return reason, comment text (plain text: show it escaped), or file name. */
  reason: z.string(),
  /** The values before a save. */
  before: z.record(z.string(), z.unknown()).nullable(),
});

export const resultDetailSchema = z.object({
  year: z.number().int(),
  result: resultViewSchema,
  indicator: z.looseObject({ code: z.string(), name: z.string() }),
  deadline: z.object({ date: z.string(), overridden: z.boolean() }),
  late: z.boolean().nullable(),
  evidence: z.array(evidenceViewSchema),
  timeline: z.array(timelineEntrySchema),
  penaltyCases: z.array(penaltyCaseViewSchema),
  /** For a convergence indicator's lead: the result derived from the contributions by the indicator's rule. */
  convergence: z
    .object({
      rule: z.string(),
      value: z.number().nullable(),
      formula: z.string(),
      contributions: z.array(
        z.object({ department: z.string(), value: z.number().nullable(), status: z.string().nullable() }),
      ),
      missingContributors: z.array(z.string()),
    })
    .nullable(),
  /** What the caller may do now: show buttons from this. */
  abilities: z.record(z.string(), z.boolean()),
  asOf: z.string(),
});

export const resultsQuery = z.strictObject({
  department: z.string().max(100).optional(),
  period: periodKey.optional(),
  status: statusSchema.optional(),
  indicator: z.string().max(64).optional(),
});

export const createResultBody = z.strictObject({
  indicator: z.string().trim().min(1, '지표 코드를 입력하세요').max(64),
  department: z.string().trim().min(1, '부서명을 입력하세요').max(100),
  period: periodKey,
  actual: actual.optional(),
  milestonesDone: milestonesDone.optional(),
  comment: comment.optional(),
});

export const updateResultBody = z.strictObject({
  /** The version the edit was based on. */
  version,
  actual: actual.optional(),
  milestonesDone: milestonesDone.optional(),
  comment: comment.optional(),
});

export const transitionBody = z.strictObject({ version: version.optional() });
export const returnBody = z.strictObject({
  reason: z.string().max(REASON_MAX * 2),
  version: version.optional(),
});
export const commentBody = z.strictObject({ text: z.string().max(COMMENT_MAX * 2) });

export const bulkEnterBody = z.strictObject({
  department: z.string().trim().min(1, '부서명을 입력하세요').max(100),
  period: periodKey,
  submit: z.boolean().optional(),
  rows: z
    .array(
      z.strictObject({
        indicator: z.string().trim().min(1, '지표 코드를 입력하세요').max(64),
        period: periodKey.optional(),
        actual: actual.optional(),
        milestonesDone: milestonesDone.optional(),
        comment: comment.optional(),
        version: version.optional(),
      }),
    )
    .min(1, '행이 하나 이상 있어야 합니다')
    .max(1000, '한 번에 1000행까지 입력할 수 있습니다'),
});

export const transitionResponse = z.object({
  result: resultViewSchema,
  lateEntryCase: z.object({ id: z.string(), detail: z.string() }).nullable(),
});

/** `settings`: what the planner sets (see calendarSettingsSchema; what is left out takes its default), checked field by field. */
export const calendarBody = z.strictObject({
  version,
  settings: z.record(z.string(), z.unknown()).describe(JSON.stringify(Object.keys(calendarSettingsSchema.shape))),
});

export const calendarResponse = z.object({
  year: z.number().int(),
  settings: z.record(z.string(), z.unknown()),
  stored: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  periods: z.array(
    z.object({
      frequency: z.string(),
      period: z.string(),
      start: z.string(),
      end: z.string(),
      deadline: z.string(),
      overridden: z.boolean(),
    }),
  ),
  cutoff: z.string(),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
});

export const penaltyQuery = z.strictObject({
  department: z.string().max(100).optional(),
  kind: z.enum(['late_entry', 'missing_evidence']).optional(),
  waived: z.enum(['true', 'false']).optional(),
});

export const waiveBody = z.strictObject({ reason: z.string().max(REASON_MAX * 2) });

export const inboxQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

const inboxItem = z.object({
  indicator: z.object({ id: z.string(), code: z.string(), name: z.string(), frequency: z.string(), kind: z.string() }),
  department: z.object({ id: z.string(), name: z.string() }),
  period: z.string(),
  deadline: z.string(),
  state: z.string(),
  resultId: z.string().nullable(),
});
const page = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });
const completionSchema = z.object({
  expected: z.number().int(),
  submitted: z.number().int(),
  approved: z.number().int(),
  verified: z.number().int(),
  rate: z.number().nullable(),
});
const deptRef = z.object({ id: z.string(), name: z.string() });

export const inboxResponse = z.object({
  year: z.number().int(),
  planStatus: z.string(),
  today: z.string(),
  asOf: z.string(),
  staff: z
    .object({
      departments: z.array(deptRef),
      due: page(inboxItem),
      overdue: page(inboxItem),
      returned: page(inboxItem),
    })
    .nullable(),
  head: z
    .object({
      departments: z.array(deptRef),
      awaitingApproval: page(resultViewSchema.extend({ canApprove: z.boolean() })),
    })
    .nullable(),
  planner: z
    .object({
      verificationQueue: page(resultViewSchema),
      currentPeriods: z.array(z.string()),
      completion: z.array(completionSchema.extend({ department: deptRef })),
      overall: completionSchema,
    })
    .nullable(),
});

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const entrySheetQuery = z.strictObject({
  department: z.string().trim().min(1, '부서명을 입력하세요').max(100),
  period: periodKey,
});

export const entrySheetResponse = z.object({
  year: z.number().int(),
  department: z.object({ id: z.string(), name: z.string() }),
  period: z.string(),
  deadline: z.string(),
  rows: z.array(
    z.object({
      indicator: z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        kind: z.string(),
        unit: z.string(),
        measurement: z.string(),
        frequency: z.string(),
        target: z.number().nullable(),
        milestones: z.array(z.object({ name: z.string(), weight: z.number() })),
        /** owner | lead | participant | common */
        role: z.string(),
      }),
      result: resultViewSchema.nullable(),
    }),
  ),
});
