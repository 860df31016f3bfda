/**
 * The evaluation API (docs/evaluation-api.md): the year's evaluation (final or provisional), one
 * department's breakdown, what-if under another scheme (nothing saved), close/re-open with the
 * frozen snapshot, and the inputs that are not results — quality ratings and rater assignments,
 * bonus awards, qualitative scores, the scheme settings. Thin: validate, call a feature, present.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { yearParams } from '../../contracts/api.js';
import { requestActor, requireAuth } from '../auth/plugin.js';
import type { EvaluationCaller } from '../../features/evaluation/context.js';
import {
  getDepartmentEvaluation,
  getEvaluation,
  getEvaluationInput,
} from '../../features/evaluation/get-evaluation.js';
import { whatIf } from '../../features/evaluation/what-if.js';
import {
  closeEvaluation,
  getEvaluationSnapshot,
  listEvaluationSnapshots,
  reopenEvaluation,
} from '../../features/evaluation/close-evaluation.js';
import { getSchemeSettings, updateSchemeSettings } from '../../features/evaluation/scheme-settings.js';
import { listRatingsUseCase, saveRating } from '../../features/evaluation/ratings.js';
import { closeRating, reopenRating } from '../../features/evaluation/rating-state.js';
import {
  distributeRaterAssignments,
  listRaterAssignments,
  setManyRaterAssignments,
  setRaterAssignments,
} from '../../features/evaluation/rater-assignments.js';
import { grantBonus, listBonusAwardsUseCase, withdrawBonus } from '../../features/evaluation/bonus-awards.js';
import { listQualitativeScoresUseCase, setQualitativeScore } from '../../features/evaluation/qualitative-scores.js';

const tags = ['evaluation'];
const org = z.string().max(64).optional().describe('기관 코드 (자기 기관만; 생략 가능)');
const orgQuery = z.strictObject({ org });
const version = z
  .number({ error: 'version은 정수여야 합니다' })
  .int('version은 정수여야 합니다')
  .positive('version은 1 이상입니다');
const modeQuery = z.strictObject({
  mode: z
    .enum(['final', 'provisional'], { error: "mode는 'final'(최종평가) 또는 'provisional'(잠정평가)이어야 합니다" })
    .optional()
    .describe('final(기본): 검증된 실적으로 최종평가 · provisional: 지금까지의 실적으로 잠정평가'),
  asOf: z
    .string()
    .max(20)
    .optional()
    .describe('잠정평가 기준 기간 (예: 2020-Q2): 그 뒤 기간의 실적·감점은 반영하지 않음'),
  org,
});

const criterion = (label: string) =>
  z
    .number({ error: `${label} 점수는 숫자(0~100) 또는 null이어야 합니다` })
    .min(0, `${label} 점수는 0~100점입니다`)
    .max(100, `${label} 점수는 0~100점입니다`)
    .nullable();
const ratingBody = z.strictObject({
  representativeness: criterion('대표성'),
  difficulty: criterion('난이도'),
  completeness: criterion('완성도'),
  version: version.optional().describe('고칠 때: 마지막으로 받은 평가의 version (처음 입력이면 생략)'),
});
const bonusBody = z.strictObject({
  points: z
    .number({ error: '가점(points)은 숫자여야 합니다' })
    .min(0, '가점은 0~1점입니다')
    .max(1, '가점은 0~1점입니다'),
  reason: z
    .string({ error: '가점 사유(reason)를 입력하세요' })
    .trim()
    .min(1, '가점 사유를 입력하세요')
    .max(2000, '사유는 2000자 이하입니다'),
  version: version.optional().describe('고칠 때: 가점의 version (새로 주면 생략)'),
});
const qualitativeBody = z.strictObject({
  points: z
    .number({ error: '정성평가 점수(points)는 숫자여야 합니다' })
    .min(0, '정성평가는 0~5점입니다')
    .max(5, '정성평가는 0~5점입니다'),
  comment: z.string().max(2000, '의견은 2000자 이하입니다').optional(),
  version: version.optional().describe('고칠 때: 점수의 version (처음 입력이면 생략)'),
});
const schemeObject = z.record(z.string(), z.unknown(), {
  error: '평가체계 설정(scheme)은 설정 묶음(객체)이어야 합니다',
});
const finiteNumber = (label: string) =>
  z.number({ error: `${label}은(는) 숫자여야 합니다` }).refine(Number.isFinite, `${label}은(는) 숫자여야 합니다`);
const whatIfChanges = z.strictObject({
  actuals: z
    .array(
      z.strictObject({
        indicator: z.string({ error: '지표 코드를 입력하세요' }).trim().min(1, '지표 코드를 입력하세요').max(64),
        department: z.string({ error: '부서를 입력하세요' }).trim().min(1, '부서를 입력하세요').max(100),
        actual: finiteNumber('실적값'),
      }),
    )
    .max(500, '변경은 500개 이하입니다')
    .optional(),
  bonusAwards: z
    .array(
      z.strictObject({
        department: z.string({ error: '부서를 입력하세요' }).trim().min(1, '부서를 입력하세요').max(100),
        item: z.enum(['training', 'convergence', 'external', 'best_practice', 'effort'], {
          error: '가점 항목은 training, convergence, external, best_practice, effort 중 하나입니다',
        }),
        points: bonusBody.shape.points,
      }),
    )
    .max(500, '변경은 500개 이하입니다')
    .optional(),
  qualitativeScores: z
    .array(
      z.strictObject({
        department: z.string({ error: '부서를 입력하세요' }).trim().min(1, '부서를 입력하세요').max(100),
        points: qualitativeBody.shape.points,
      }),
    )
    .max(500, '변경은 500개 이하입니다')
    .optional(),
});
const raterList = z
  .array(z.string().max(100, '아이디는 100자 이하입니다'), {
    error: 'raters는 평가위원 아이디 목록이어야 합니다',
  })
  .max(50, '평가위원은 지표당 50명 이하입니다');
const reasonBody = z.strictObject({
  reason: z
    .string({ error: '사유(reason)를 입력하세요' })
    .trim()
    .min(1, '사유를 입력하세요')
    .max(2000, '사유는 2000자 이하입니다'),
});

const explanation = z
  .unknown()
  .optional()
  .describe(
    '설명 트리: 규칙 id, 값(전체 정밀도), 산식, 근거 자료(지표·실적·평가·사례·가점), 하위 항목 (detail=scores이면 없음)',
  );
const departmentOut = z.object({
  department: z.string(),
  group: z.string(),
  rankingGroup: z.string(),
  achievement: z.number(),
  quality: z.number(),
  qualitative: z.number(),
  bonus: z.number(),
  penalty: z.number(),
  total: z.number(),
  rank: z.number(),
  grade: z.string(),
  display: z.record(z.string(), z.number()).describe('같은 점수를 소수 둘째 자리로 반올림 (화면용)'),
  explanation,
  indicators: z
    .array(z.unknown())
    .optional()
    .describe('지표별: 실적값, 달성률, 반영 방식, 품질점수와 평가위원 점수 (detail=scores이면 없음)'),
});
const sourceOut = z.object({
  kind: z.enum(['snapshot', 'snapshot_input', 'live']),
  snapshotId: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  planStatus: z.string(),
  ratingClosed: z.boolean(),
  note: z.string(),
});
const settingsOut = z
  .array(z.unknown())
  .describe('평가체계 설정마다 path, label(한국어), value, defaultValue, isDefault, source, basis');
const warningsOut = z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }));
const evaluationFields = {
  year: z.number(),
  organization: z.string(),
  mode: z.enum(['final', 'provisional']),
  modeLabel: z.string(),
  asOfPeriod: z.string().nullable(),
  scheme: z.unknown().describe('평가체계 (모든 설정)'),
  schemeOverrides: z.unknown().describe('기본값과 다른 설정만'),
  schemeSettings: settingsOut,
  rankingGroups: z.array(z.unknown()),
  warnings: warningsOut,
  departments: z.array(departmentOut),
};
const evaluationOut = z.object({ ...evaluationFields, source: sourceOut });
const outcome = z.object({
  total: z.number(),
  rank: z.number(),
  grade: z.string(),
  rankingGroup: z.string(),
  display: z.number(),
});
const whatIfRow = z.object({
  department: z.string(),
  group: z.string(),
  base: outcome,
  alt: outcome,
  totalDiff: z.number(),
  rankChange: z.number(),
  gradeChanged: z.boolean(),
});
const snapshotMeta = z.object({
  id: z.string(),
  closedAt: z.string(),
  closedBy: z.string(),
  reopenedAt: z.string().nullable(),
  reopenedBy: z.string().nullable(),
  reopenReason: z.string().nullable(),
  standing: z.boolean(),
});
const ratingOut = z.object({
  rater: z.string(),
  representativeness: z.number().nullable(),
  difficulty: z.number().nullable(),
  completeness: z.number().nullable(),
  complete: z.boolean(),
  illustrative: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
const bonusOut = z.object({
  department: z.string(),
  item: z.string(),
  itemLabel: z.string(),
  points: z.number(),
  reason: z.string(),
  grantedBy: z.string(),
  illustrative: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
const qualitativeOut = z.object({
  department: z.string(),
  points: z.number(),
  comment: z.string(),
  givenBy: z.string(),
  illustrative: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
const ratingStateOut = z.object({
  year: z.number(),
  ratingClosed: z.boolean(),
  ratingClosedAt: z.string().nullable(),
  ratingClosedBy: z.string().nullable(),
  version: z.number(),
  progress: z.object({ assigned: z.number(), rated: z.number(), missing: z.number() }),
});
const schemeOut = z.object({
  year: z.number(),
  planStatus: z.string(),
  version: z.number(),
  stored: z.record(z.string(), z.unknown()),
  overrides: z.record(z.string(), z.unknown()),
  scheme: z.unknown(),
  settings: settingsOut,
  editable: z.boolean(),
});

const yearDept = yearParams.extend({ department: z.string().trim().min(1).max(100) });
const yearIndicator = yearParams.extend({ indicator: z.string().trim().min(1).max(64) });

const caller = (req: FastifyRequest): EvaluationCaller => ({
  actor: requestActor(req),
  principal: requireAuth(req).principal,
});

const routes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const base = '/plans/:year/evaluation';

  // ───────────── the evaluation ─────────────

  app.get(
    base,
    {
      config: { action: 'evaluation.read' },
      schema: {
        tags,
        summary: '부서 성과평가 (점수·순위·등급·설명). 마감된 연도는 마감 때 저장한 결과',
        params: yearParams,
        querystring: modeQuery.extend({
          detail: z
            .enum(['full', 'scores'], { error: "detail은 'full' 또는 'scores'여야 합니다" })
            .optional()
            .describe('full(기본): 부서마다 설명 트리와 지표 내역 포함 · scores: 점수·순위·등급만 (목록 화면용)'),
        }),
        response: { 200: evaluationOut },
      },
    },
    async (req) =>
      getEvaluation(db(), caller(req), {
        year: req.params.year,
        mode: req.query.mode,
        asOf: req.query.asOf,
        detail: req.query.detail,
      }),
  );

  app.get(
    `${base}/departments/:department`,
    {
      config: { action: 'evaluation.read' },
      schema: {
        tags,
        summary: '한 부서의 평가 내역과 설명 트리',
        params: yearDept,
        querystring: modeQuery,
        response: {
          200: z.object({
            year: z.number(),
            organization: z.string(),
            mode: z.enum(['final', 'provisional']),
            modeLabel: z.string(),
            asOfPeriod: z.string().nullable(),
            department: departmentOut,
            rankingGroup: z.unknown(),
            schemeSettings: settingsOut,
            warnings: warningsOut,
            source: sourceOut,
          }),
        },
      },
    },
    async (req) =>
      getDepartmentEvaluation(db(), caller(req), {
        year: req.params.year,
        department: req.params.department,
        mode: req.query.mode,
        asOf: req.query.asOf,
      }),
  );

  app.post(
    `${base}/what-if`,
    {
      config: { action: 'evaluation.read' },
      schema: {
        tags,
        summary:
          '모의평가: 다른 평가체계나 바꾼 입력(실적값·가점·정성평가)으로 계산해 나란히 비교 (순위 변화). 저장하지 않음',
        params: yearParams,
        querystring: orgQuery,
        body: z.strictObject({
          scheme: schemeObject
            .optional()
            .describe(
              '비교할 평가체계 설정 (기본값과 다른 것만, 예: {"achievement":{"cap":120}}); 없으면 그 해의 평가체계',
            ),
          changes: whatIfChanges.optional().describe('입력 변경: 지표 연간 실적값, 가점, 정성평가 (저장하지 않음)'),
          mode: modeQuery.shape.mode,
          asOf: modeQuery.shape.asOf,
        }),
        response: {
          200: z.object({
            year: z.number(),
            mode: z.enum(['final', 'provisional']),
            modeLabel: z.string(),
            asOfPeriod: z.string().nullable(),
            changedSettings: z.array(
              z.object({ path: z.string(), label: z.string(), base: z.unknown(), alt: z.unknown() }),
            ),
            baseScheme: z.unknown(),
            altScheme: z.unknown(),
            departments: z.array(whatIfRow),
            rankChanges: z.array(whatIfRow),
            saved: z.literal(false),
            source: sourceOut,
          }),
        },
      },
    },
    async (req) => whatIf(db(), caller(req), { year: req.params.year, ...req.body }),
  );

  app.get(
    `${base}/input`,
    {
      config: { action: 'evaluation.read' },
      schema: {
        tags,
        summary: '평가 입력 자료 (교환 형식): 마감된 연도는 스냅숏의 입력, 아니면 현재 자료',
        params: yearParams,
        querystring: orgQuery,
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (req, reply) => {
      const { doc } = await getEvaluationInput(db(), caller(req), { year: req.params.year });
      reply.header(
        'content-disposition',
        `attachment; filename="evaluation-input-${doc.organization.code}-${doc.plan.year}.json"`,
      );
      return doc as unknown as Record<string, unknown>;
    },
  );

  // ───────────── close / re-open, snapshots ─────────────

  app.post(
    `${base}/close`,
    {
      config: { action: 'evaluation.close' },
      schema: {
        tags,
        summary: '평가 마감: 평가와 입력 자료를 바꿀 수 없는 스냅숏으로 저장하고 연도를 마감',
        params: yearParams,
        querystring: orgQuery,
        body: z.strictObject({ comment: z.string().max(2000, '의견은 2000자 이하입니다').optional() }).optional(),
        response: {
          200: z.object({
            snapshot: snapshotMeta,
            planStatus: z.literal('closed'),
            evaluation: z.object(evaluationFields),
          }),
        },
      },
    },
    async (req) => closeEvaluation(db(), caller(req), { year: req.params.year, comment: req.body?.comment }),
  );

  app.post(
    `${base}/reopen`,
    {
      config: { action: 'evaluation.reopen' },
      schema: {
        tags,
        summary: '평가 재개 (사유 필수, 감사 기록). 스냅숏은 재개 표시와 함께 남음',
        params: yearParams,
        querystring: orgQuery,
        body: reasonBody,
        response: { 200: z.object({ planStatus: z.literal('active'), snapshot: snapshotMeta.nullable() }) },
      },
    },
    async (req) => reopenEvaluation(db(), caller(req), { year: req.params.year, reason: req.body.reason }),
  );

  app.get(
    `${base}/snapshots`,
    {
      config: { action: 'evaluation.read' },
      schema: {
        tags,
        summary: '평가 스냅숏 목록 (마감·재개 이력)',
        params: yearParams,
        querystring: orgQuery,
        response: { 200: z.object({ year: z.number(), planStatus: z.string(), snapshots: z.array(snapshotMeta) }) },
      },
    },
    async (req) => listEvaluationSnapshots(db(), caller(req), { year: req.params.year }),
  );

  for (const part of ['evaluation', 'input'] as const) {
    app.get(
      part === 'evaluation' ? `${base}/snapshots/:id` : `${base}/snapshots/:id/input`,
      {
        config: { action: 'evaluation.read' },
        schema: {
          tags,
          summary:
            part === 'evaluation'
              ? '스냅숏에 저장된 평가'
              : '스냅숏의 입력 자료 (교환 형식: bsc evaluate --input 으로 재현)',
          params: yearParams.extend({ id: z.string().max(64) }),
          querystring: orgQuery,
          response: { 200: z.record(z.string(), z.unknown()) },
        },
      },
      async (req, reply) => {
        const s = await getEvaluationSnapshot(db(), caller(req), { year: req.params.year, id: req.params.id, part });
        if (part === 'input')
          reply.header(
            'content-disposition',
            `attachment; filename="evaluation-snapshot-${req.params.year}-${s.meta.id}.json"`,
          );
        return s.body;
      },
    );
  }

  // ───────────── scheme settings ─────────────

  app.get(
    `${base}/scheme`,
    {
      config: { action: 'plan.read' },
      schema: {
        tags,
        summary: '평가체계: 설정마다 한국어 이름, 값, 기본값 여부와 근거',
        params: yearParams,
        querystring: orgQuery,
        response: { 200: schemeOut },
      },
    },
    async (req) => getSchemeSettings(db(), caller(req), { year: req.params.year }),
  );

  app.put(
    `${base}/scheme`,
    {
      config: { action: 'plan.edit' },
      schema: {
        tags,
        summary: '평가체계 바꾸기 (기본값과 다른 설정만; 잘못된 설정은 경로와 함께 400)',
        params: yearParams,
        querystring: orgQuery,
        body: z.strictObject({ scheme: schemeObject, version: version.describe('GET …/scheme 의 version') }),
        response: { 200: schemeOut },
      },
    },
    async (req) => updateSchemeSettings(db(), caller(req), { year: req.params.year, ...req.body }),
  );

  // ───────────── quality ratings ─────────────

  app.get(
    `${base}/ratings`,
    {
      config: { action: 'rating.read' },
      schema: {
        tags,
        summary: '지표 성격 평가: 평가위원은 배정된 지표와 자기 점수만 (마감 뒤 다른 위원 점수도)',
        params: yearParams,
        querystring: z.strictObject({ indicator: z.string().max(64).optional(), org }),
        response: {
          200: z.object({
            year: z.number(),
            planStatus: z.string(),
            ratingClosed: z.boolean(),
            ratingClosedAt: z.string().nullable(),
            ratingClosedBy: z.string().nullable(),
            scoresVisible: z.enum(['all', 'own', 'none']),
            canRate: z.boolean(),
            indicators: z.array(
              z.object({
                indicator: z.string(),
                name: z.string(),
                kind: z.string(),
                leadDepartment: z.string(),
                assignedToMe: z.boolean(),
                assignedRaters: z.array(z.string()),
                ratedCount: z.number().nullable(),
                myRating: ratingOut.nullable(),
                ratings: z.array(ratingOut),
              }),
            ),
          }),
        },
      },
    },
    async (req) => listRatingsUseCase(db(), caller(req), { year: req.params.year, indicator: req.query.indicator }),
  );

  app.put(
    `${base}/ratings/:indicator`,
    {
      config: { action: 'rating.write' },
      schema: {
        tags,
        summary: '지표 하나 평가 (평가위원 본인, 배정된 지표만, 자기 부서 지표 제외)',
        params: yearIndicator,
        querystring: orgQuery,
        body: ratingBody,
        response: { 200: ratingOut.extend({ indicator: z.string() }) },
      },
    },
    async (req) =>
      saveRating(db(), caller(req), { year: req.params.year, indicator: req.params.indicator, ...req.body }),
  );

  app.post(
    `${base}/ratings/close`,
    {
      config: { action: 'rating.manage' },
      schema: {
        tags,
        summary: '지표 성격 평가 마감: 이후 평가위원끼리 점수를 볼 수 있고 평가를 바꿀 수 없음',
        params: yearParams,
        querystring: orgQuery,
        response: { 200: ratingStateOut },
      },
    },
    async (req) => closeRating(db(), caller(req), { year: req.params.year }),
  );

  app.post(
    `${base}/ratings/reopen`,
    {
      config: { action: 'rating.manage' },
      schema: {
        tags,
        summary: '지표 성격 평가 다시 열기 (사유 필수)',
        params: yearParams,
        querystring: orgQuery,
        body: reasonBody,
        response: { 200: ratingStateOut },
      },
    },
    async (req) => reopenRating(db(), caller(req), { year: req.params.year, reason: req.body.reason }),
  );

  app.get(
    `${base}/rater-assignments`,
    {
      config: { action: 'rating.manage' },
      schema: {
        tags,
        summary: '평가위원 배정 현황',
        params: yearParams,
        querystring: orgQuery,
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (req) => listRaterAssignments(db(), caller(req), { year: req.params.year }),
  );

  const assignmentOut = z.object({ indicator: z.string(), before: z.array(z.string()), after: z.array(z.string()) });

  app.put(
    `${base}/rater-assignments`,
    {
      config: { action: 'rating.manage' },
      schema: {
        tags,
        summary:
          '여러 지표의 평가위원 배정을 한 번에 (지표마다 목록 전체를 바꿈; 하나라도 잘못되면 아무것도 바꾸지 않음)',
        params: yearParams,
        querystring: orgQuery,
        body: z.strictObject({
          assignments: z
            .array(
              z.strictObject({
                indicator: z
                  .string({ error: '지표 코드를 입력하세요' })
                  .trim()
                  .min(1, '지표 코드를 입력하세요')
                  .max(64),
                raters: raterList,
              }),
              { error: 'assignments는 {indicator, raters} 목록이어야 합니다' },
            )
            .min(1, '배정할 지표를 하나 이상 보내세요')
            .max(5000, '지표는 한 번에 5000개 이하입니다'),
        }),
        response: {
          200: z.object({ year: z.number(), changed: z.number(), assignments: z.array(assignmentOut) }),
        },
      },
    },
    async (req) => setManyRaterAssignments(db(), caller(req), { year: req.params.year, ...req.body }),
  );

  app.post(
    `${base}/rater-assignments/distribute`,
    {
      config: { action: 'rating.manage' },
      schema: {
        tags,
        summary: '고르게 배정: 지표마다 평가위원 N명, 평가위원별 지표 수를 고르게 (dryRun이면 제안만, 저장하지 않음)',
        params: yearParams,
        querystring: orgQuery,
        body: z.strictObject({
          perIndicator: z
            .number({ error: '지표당 평가위원 수(perIndicator)는 정수여야 합니다' })
            .int('지표당 평가위원 수는 정수여야 합니다')
            .min(1, '지표당 평가위원 수는 1~50명입니다')
            .max(50, '지표당 평가위원 수는 1~50명입니다'),
          indicators: z
            .array(z.string().max(64), { error: 'indicators는 지표 코드 목록이어야 합니다' })
            .min(1, '지표를 하나 이상 고르세요')
            .max(5000, '지표는 한 번에 5000개 이하입니다')
            .optional()
            .describe('이 지표들만 (생략하면 그 해의 모든 지표)'),
          dryRun: z.boolean({ error: 'dryRun은 true 또는 false입니다' }).optional(),
        }),
        response: {
          200: z.object({
            year: z.number(),
            perIndicator: z.number(),
            dryRun: z.boolean(),
            indicators: z.number(),
            changed: z.number(),
            assignments: z.array(assignmentOut.extend({ name: z.string() })),
            short: z.array(z.object({ indicator: z.string(), eligible: z.number() })),
            load: z.array(
              z.object({ rater: z.string(), displayName: z.string(), before: z.number(), after: z.number() }),
            ),
          }),
        },
      },
    },
    async (req) => distributeRaterAssignments(db(), caller(req), { year: req.params.year, ...req.body }),
  );

  app.put(
    `${base}/rater-assignments/:indicator`,
    {
      config: { action: 'rating.manage' },
      schema: {
        tags,
        summary: '지표 하나의 평가위원 배정 (목록 전체를 바꿈)',
        params: yearIndicator,
        querystring: orgQuery,
        body: z.strictObject({ raters: raterList }),
        response: {
          200: z.object({ year: z.number(), indicator: z.string(), name: z.string(), raters: z.array(z.string()) }),
        },
      },
    },
    async (req) =>
      setRaterAssignments(db(), caller(req), {
        year: req.params.year,
        indicator: req.params.indicator,
        raters: req.body.raters,
      }),
  );

  // ───────────── bonus awards ─────────────

  app.get(
    `${base}/bonus-awards`,
    {
      config: { action: 'evaluation.read' },
      schema: {
        tags,
        summary: '가점 목록 (부서 역할은 자기 부서만)',
        params: yearParams,
        querystring: z.strictObject({ department: z.string().max(100).optional(), org }),
        response: {
          200: z.object({
            year: z.number(),
            items: z.array(z.object({ item: z.string(), label: z.string(), max: z.number() })),
            canGrant: z.boolean(),
            awards: z.array(bonusOut),
          }),
        },
      },
    },
    async (req) =>
      listBonusAwardsUseCase(db(), caller(req), { year: req.params.year, department: req.query.department }),
  );

  const bonusParams = yearDept.extend({
    item: z.string().max(32).describe('training | convergence | external | best_practice | effort'),
  });
  app.put(
    `${base}/bonus-awards/:department/:item`,
    {
      config: { action: 'bonus.grant' },
      schema: {
        tags,
        summary: '가점 주기·고치기 (항목당 0~1점, 사유 필수; 위원회·성과관리 담당)',
        params: bonusParams,
        querystring: orgQuery,
        body: bonusBody,
        response: { 200: bonusOut },
      },
    },
    async (req) =>
      grantBonus(db(), caller(req), {
        year: req.params.year,
        department: req.params.department,
        item: req.params.item,
        ...req.body,
      }),
  );

  app.delete(
    `${base}/bonus-awards/:department/:item`,
    {
      config: { action: 'bonus.grant' },
      schema: {
        tags,
        summary: '가점 거두기 (version 필요)',
        params: bonusParams,
        querystring: z.strictObject({ version: z.coerce.number().int().positive('version은 1 이상입니다'), org }),
        response: { 200: z.object({ withdrawn: bonusOut }) },
      },
    },
    async (req) =>
      withdrawBonus(db(), caller(req), {
        year: req.params.year,
        department: req.params.department,
        item: req.params.item,
        version: req.query.version,
      }),
  );

  // ───────────── qualitative scores ─────────────

  app.get(
    `${base}/qualitative-scores`,
    {
      config: { action: 'evaluation.read' },
      schema: {
        tags,
        summary: '정성평가 점수 (부서 역할은 자기 부서만)',
        params: yearParams,
        querystring: orgQuery,
        response: {
          200: z.object({
            year: z.number(),
            max: z.number(),
            canWrite: z.boolean(),
            departments: z.array(z.object({ department: z.string(), score: qualitativeOut.nullable() })),
          }),
        },
      },
    },
    async (req) => listQualitativeScoresUseCase(db(), caller(req), { year: req.params.year }),
  );

  app.put(
    `${base}/qualitative-scores/:department`,
    {
      config: { action: 'qualitative.write' },
      schema: {
        tags,
        summary: '정성평가 점수 입력 (0~5점; 기관장·성과관리 담당)',
        params: yearDept,
        querystring: orgQuery,
        body: qualitativeBody,
        response: { 200: qualitativeOut },
      },
    },
    async (req) =>
      setQualitativeScore(db(), caller(req), { year: req.params.year, department: req.params.department, ...req.body }),
  );
};

export default routes;
