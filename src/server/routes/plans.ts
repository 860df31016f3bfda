import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { planSummarySchema, treeNodeSchema, yearParams } from '../../contracts/api.js';
import { indicatorSchema, resultSchema, taskSchema } from '../../contracts/interchange.js';
import { listPlanYears } from '../../db/queries/plan-document.js';
import { resolveOrganization } from '../../features/plans/context.js';
import { exportPlan } from '../../features/plans/export-plan.js';
import {
  getIndicator,
  getPlanChecks,
  getPlanDiff,
  getPlanHome,
  getPlanProgress,
  getPlanSummary,
  getPlanTree,
} from '../../features/plans/plan-views.js';
import {
  deleteQuery,
  EDIT_LEVELS,
  itemParams,
  itemResponse,
  LEVEL_LABELS,
  PATCH_SCHEMAS,
  ROW_SCHEMAS,
} from '../../features/plans/edit-contract.js';
import {
  createItem,
  deleteItemUseCase,
  getItem,
  rollOverYear,
  updateItemUseCase,
  type AdminCaller,
} from '../../features/plans/edit-plan.js';
import type { FastifyRequest } from 'fastify';
import { requestActor, requireAuth } from '../auth/plugin.js';

const orgQuery = z.strictObject({ org: z.string().max(64).optional().describe('기관 코드 (기관이 하나면 생략)') });
const tags = ['plans'];
const adminCaller = (req: FastifyRequest): AdminCaller => ({
  actor: requestActor(req),
  principal: requireAuth(req).principal,
});
/** A 區 전략목표's progress (domain/plan-progress.ts), as /progress and /home give it. */
const goalProgress = z.object({
  indicators: z.number(),
  rated: z.number(),
  rate: z.number().nullable(),
  band: z.enum(['good', 'fair', 'poor']).nullable(),
});
const resultsByStatus = z.object({
  draft: z.number(),
  submitted: z.number(),
  approved: z.number(),
  verified: z.number(),
});
const writeResult = z.object({
  year: z.number(),
  level: z.string(),
  code: z.string(),
  item: z.record(z.string(), z.unknown()),
  version: z.string(),
  changed: z.array(z.string()).optional(),
});

const routes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/plans',
    {
      config: { action: 'plan.read' },
      schema: {
        tags,
        summary: '연도별 시행계획 목록',
        querystring: orgQuery,
        response: {
          200: z.object({
            organization: z.object({ code: z.string(), name: z.string() }),
            plans: z.array(
              z.object({ year: z.number(), status: z.string(), title: z.string(), illustrative: z.boolean() }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const org = await resolveOrganization(db(), req.query.org);
      return { organization: { code: org.code, name: org.name }, plans: await listPlanYears(db(), org.id) };
    },
  );

  app.get(
    '/plans/:year/summary',
    {
      config: { action: 'plan.read' },
      schema: {
        tags,
        summary: '목표·지표 현황 (계획의 표, 데이터에서 계산)',
        params: yearParams,
        querystring: orgQuery,
        response: { 200: planSummarySchema },
      },
    },
    async (req) => getPlanSummary(db(), req.params.year, req.query.org),
  );

  app.get(
    '/plans/:year/progress',
    {
      config: { action: 'plan.read' },
      schema: {
        tags,
        summary: '진행 현황 (區 전략목표별 달성률, 상태별 실적 수)',
        params: yearParams,
        querystring: orgQuery,
        response: {
          200: z.object({
            year: z.number(),
            goals: z.array(goalProgress.extend({ code: z.string(), name: z.string() })),
            results: resultsByStatus,
          }),
        },
      },
    },
    async (req) => getPlanProgress(db(), req.params.year, req.query.org),
  );

  app.get(
    '/plans/:year/home',
    {
      config: { action: 'plan.read' },
      schema: {
        tags,
        summary: '홈 화면 (비전, 단계별 수, 전략체계도의 區 전략목표별 수·달성률, 상태별 실적 수): 계획을 한 번 읽어',
        params: yearParams,
        querystring: orgQuery,
        response: {
          200: z.object({
            year: z.number(),
            vision: z.object({ name: z.string(), slogan: z.string() }),
            counts: planSummarySchema.shape.counts,
            goals: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                visionPillar: z.string().nullable(),
                orgPerformanceGoals: z.number(),
                indicators: z.number(),
                convergenceIndicators: z.number(),
                tasks: z.number(),
                progress: goalProgress,
              }),
            ),
            results: resultsByStatus,
          }),
        },
      },
    },
    async (req) => getPlanHome(db(), req.params.year, req.query.org),
  );

  app.get(
    '/plans/:year/tree',
    {
      config: { action: 'plan.read' },
      schema: {
        tags,
        summary: '계획 체계도 (전략목표 → 성과목표 → 부서 목표 → 지표 → 과제)',
        params: yearParams,
        querystring: orgQuery.extend({
          department: z.string().max(100).optional().describe('부서명: 그 부서의 부분만'),
        }),
        response: {
          200: z.object({
            year: z.number(),
            organization: z.object({ code: z.string(), name: z.string() }),
            plan: z
              .object({ title: z.string(), status: z.string(), visionName: z.string(), illustrative: z.boolean() })
              .passthrough(),
            department: z.string().nullable(),
            tree: z.array(treeNodeSchema),
          }),
        },
      },
    },
    async (req) => getPlanTree(db(), req.params.year, req.query.department, req.query.org),
  );

  app.get(
    '/plans/:year/departments/:department',
    {
      config: { action: 'plan.read' },
      schema: {
        tags,
        summary: '한 부서의 계획 부분',
        params: yearParams.extend({ department: z.string().min(1).max(100) }),
        querystring: orgQuery,
        response: {
          200: z
            .object({ year: z.number(), department: z.string().nullable(), tree: z.array(treeNodeSchema) })
            .passthrough(),
        },
      },
    },
    async (req) => getPlanTree(db(), req.params.year, req.params.department, req.query.org),
  );

  app.get(
    '/plans/:year/indicators/:code',
    {
      config: { action: 'plan.read' },
      schema: {
        tags,
        summary: '성과지표 하나 (정의, 상위 목표, 과제, 실적)',
        params: yearParams.extend({ code: z.string().min(1).max(64) }),
        querystring: orgQuery,
        response: {
          200: z.object({
            year: z.number(),
            indicator: indicatorSchema,
            path: z.record(z.string(), z.unknown()),
            tasks: z.array(taskSchema),
            results: z.array(resultSchema),
          }),
        },
      },
    },
    async (req) => getIndicator(db(), req.params.year, req.params.code, req.query.org),
  );

  app.get(
    '/plans/:year/checks',
    {
      config: { action: 'plan.read' },
      schema: {
        tags,
        summary: '계획 점검 (구조 문제, 문서가 주장한 합계와의 차이)',
        params: yearParams,
        querystring: orgQuery,
        response: {
          200: z.object({
            year: z.number(),
            errors: z.number(),
            warnings: z.number(),
            problems: z.array(
              z.object({
                severity: z.enum(['error', 'warning']),
                code: z.string(),
                path: z.string(),
                message: z.string(),
                details: z.record(z.string(), z.unknown()).optional(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => getPlanChecks(db(), req.params.year, req.query.org),
  );

  app.get(
    '/plans/diff',
    {
      config: { action: 'plan.read' },
      schema: {
        tags,
        summary: '달라진 점 (두 연도 계획 비교)',
        querystring: orgQuery.extend({ from: z.coerce.number().int(), to: z.coerce.number().int() }),
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (req) => getPlanDiff(db(), req.query.from, req.query.to, req.query.org) as unknown as Record<string, unknown>,
  );

  app.get(
    '/plans/:year/export',
    {
      config: { action: 'plan.read' },
      schema: {
        tags,
        summary: '계획 내보내기 (교환 형식 JSON)',
        params: yearParams,
        querystring: orgQuery,
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (req, reply) => {
      const doc = await exportPlan(db(), req.params.year, req.query.org);
      reply.header('content-disposition', `attachment; filename="plan-${doc.organization.code}-${doc.plan.year}.json"`);
      return doc as unknown as Record<string, unknown>;
    },
  );

  // 계획 관리 (docs/plan-admin.md): one item of the hierarchy per request, by level and code.
  for (const level of EDIT_LEVELS) {
    const label = LEVEL_LABELS[level];
    const base = `/plans/:year/items/${level}`;
    app.get(
      `${base}/:code`,
      {
        config: { action: 'plan.read' },
        schema: {
          tags,
          summary: `${label} 하나 (수정용: version, 딸린 항목 수)`,
          params: itemParams,
          response: { 200: itemResponse },
        },
      },
      async (req) => getItem(db(), adminCaller(req), req.params.year, level, req.params.code),
    );
    app.post(
      base,
      {
        config: { action: 'plan.edit' },
        schema: {
          tags,
          summary: `${label} 추가 (마감되지 않은 연도만)`,
          params: yearParams,
          body: ROW_SCHEMAS[level],
          response: { 201: writeResult },
        },
      },
      async (req, reply) => {
        const out = await createItem(db(), adminCaller(req), req.params.year, level, req.body);
        return reply.status(201).send(out);
      },
    );
    app.patch(
      `${base}/:code`,
      {
        config: { action: 'plan.edit' },
        schema: {
          tags,
          summary: `${label} 수정 (바꿀 항목과 읽을 때 받은 version; 오래된 version은 409)`,
          params: itemParams,
          body: PATCH_SCHEMAS[level],
          response: { 200: writeResult },
        },
      },
      async (req) =>
        updateItemUseCase(
          db(),
          adminCaller(req),
          req.params.year,
          level,
          req.params.code,
          req.body as { version: string } & Record<string, unknown>,
        ),
    );
    app.delete(
      `${base}/:code`,
      {
        config: { action: 'plan.edit' },
        schema: {
          tags,
          summary: `${label} 삭제 (딸린 항목이 있으면 409)`,
          params: itemParams,
          querystring: deleteQuery,
          response: { 200: z.object({ year: z.number(), level: z.string(), code: z.string(), deleted: z.boolean() }) },
        },
      },
      async (req) =>
        deleteItemUseCase(db(), adminCaller(req), req.params.year, level, req.params.code, req.query.version),
    );
  }

  app.post(
    '/plans/:year/rollover',
    {
      config: { action: 'plan.copy' },
      schema: {
        tags,
        summary: '다음 연도로 넘기기 (Y → Y+1 초안; Y+1이 있으면 409)',
        params: yearParams,
        response: {
          201: z.object({
            from: z.number(),
            year: z.number(),
            title: z.string(),
            status: z.string(),
            counts: z.record(z.string(), z.number()),
          }),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await rollOverYear(db(), adminCaller(req), req.params.year)),
  );
};
export default routes;
