/** Results (실적): the reporting calendar, entry, the workflow, bulk entry, comments, penalty cases. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  bulkEnterBody,
  calendarBody,
  calendarResponse,
  commentBody,
  createResultBody,
  entrySheetQuery,
  entrySheetResponse,
  penaltyCaseListItemSchema,
  penaltyCaseViewSchema,
  penaltyQuery,
  resultDetailSchema,
  resultIdParams,
  resultsQuery,
  resultViewSchema,
  returnBody,
  transitionBody,
  transitionResponse,
  updateResultBody,
  waiveBody,
  yearOnlyParams,
} from '../../contracts/results.js';
import { bulkEnterResults } from '../../features/results/bulk-enter.js';
import { getCalendar, setCalendar } from '../../features/results/calendar.js';
import { commentResult } from '../../features/results/comment-result.js';
import type { ResultsCaller } from '../../features/results/context.js';
import { createResult } from '../../features/results/create-result.js';
import { getResult } from '../../features/results/get-result.js';
import { getEntrySheet } from '../../features/results/entry-sheet.js';
import { listResultsUseCase } from '../../features/results/list-results.js';
import {
  listPenaltyCasesUseCase,
  runCutoffCheck,
  waivePenaltyCaseUseCase,
} from '../../features/results/penalty-cases.js';
import { approveResult, returnResult, submitResult, verifyResult } from '../../features/results/transition.js';
import { updateResult } from '../../features/results/update-result.js';
import { requestActor, requireAuth } from '../auth/plugin.js';

const tags = ['results'];
const caller = (req: FastifyRequest): ResultsCaller => ({
  actor: requestActor(req),
  principal: requireAuth(req).principal,
});

const routes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/plans/:year/calendar',
    {
      config: { action: 'plan.read' },
      schema: {
        tags,
        summary: '실적 입력 일정 (기간별 입력기한, 마감일, 공휴일)',
        params: yearOnlyParams,
        response: { 200: calendarResponse },
      },
    },
    async (req) => getCalendar(db(), caller(req), req.params.year),
  );

  app.put(
    '/plans/:year/calendar',
    {
      config: { action: 'plan.edit' },
      schema: {
        tags,
        summary: '실적 입력 일정 설정 (기획부서; 계획의 version 필요, 오래된 version은 409)',
        params: yearOnlyParams,
        body: calendarBody,
        response: { 200: calendarResponse },
      },
    },
    async (req) => setCalendar(db(), caller(req), req.params.year, req.body),
  );

  app.get(
    '/plans/:year/results',
    {
      config: { action: 'result.read' },
      schema: {
        tags,
        summary: '실적 목록 (볼 수 있는 부서만)',
        params: yearOnlyParams,
        querystring: resultsQuery,
        response: {
          200: z.object({
            year: z.number().int(),
            results: z.array(resultViewSchema.extend({ evidenceCount: z.number().int() })),
          }),
        },
      },
    },
    async (req) => listResultsUseCase(db(), caller(req), { year: req.params.year, ...req.query }),
  );

  app.post(
    '/plans/:year/results',
    {
      config: { action: 'result.enter' },
      schema: {
        tags,
        summary: '실적 작성 (새 작성중 실적)',
        params: yearOnlyParams,
        body: createResultBody,
        response: { 201: resultViewSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createResult(db(), caller(req), { year: req.params.year, ...req.body })),
  );

  app.get(
    '/plans/:year/entry-sheet',
    {
      config: { action: 'result.read' },
      schema: {
        tags,
        summary: '입력표: 한 부서가 한 기간에 입력할 지표와 현재 실적 (일괄 입력 화면용)',
        params: yearOnlyParams,
        querystring: entrySheetQuery,
        response: { 200: entrySheetResponse },
      },
    },
    async (req) => getEntrySheet(db(), caller(req), { year: req.params.year, ...req.query }),
  );

  app.post(
    '/plans/:year/results/bulk',
    {
      config: { action: 'result.enter' },
      schema: {
        tags,
        summary: '일괄 입력: 한 부서의 한 기간 실적을 한 번에 (전부 아니면 전무, 행별 오류)',
        params: yearOnlyParams,
        body: bulkEnterBody,
        response: {
          200: z.object({
            year: z.number().int(),
            department: z.string(),
            created: z.number().int(),
            updated: z.number().int(),
            submitted: z.number().int(),
            lateEntryCases: z.number().int(),
            results: z.array(resultViewSchema),
          }),
        },
      },
    },
    async (req) => bulkEnterResults(db(), caller(req), { year: req.params.year, ...req.body }),
  );

  app.get(
    '/results/:id',
    {
      config: { action: 'result.read' },
      schema: {
        tags,
        summary: '실적 하나 (증빙, 처리 이력, 감점 사례, 할 수 있는 일)',
        params: resultIdParams,
        response: { 200: resultDetailSchema },
      },
    },
    async (req) => getResult(db(), caller(req), req.params.id),
  );

  app.patch(
    '/results/:id',
    {
      config: { action: 'result.enter' },
      schema: {
        tags,
        summary: '작성중 실적 고치기 (고친 기준 version 필요; 오래된 version은 409와 현재 값)',
        params: resultIdParams,
        body: updateResultBody,
        response: { 200: resultViewSchema },
      },
    },
    async (req) => updateResult(db(), caller(req), req.params.id, req.body),
  );

  const step = (
    path: string,
    action: 'result.submit' | 'result.approve' | 'result.verify',
    summary: string,
    run: typeof submitResult,
  ) =>
    app.post(
      `/results/:id/${path}`,
      {
        config: { action },
        schema: {
          tags,
          summary,
          params: resultIdParams,
          body: transitionBody.optional(),
          response: { 200: transitionResponse },
        },
      },
      async (req) => run(db(), caller(req), req.params.id, req.body ?? {}),
    );
  step('submit', 'result.submit', '제출 (작성중 → 제출; 기한 후 첫 제출은 입력시기 미준수 사례)', submitResult);
  step('approve', 'result.approve', '승인 (부서장; 제출 → 승인; 제출한 사람은 승인할 수 없음)', approveResult);
  step('verify', 'result.verify', '검증 (기획부서; 승인 → 검증)', verifyResult);

  app.post(
    '/results/:id/return',
    {
      config: { action: 'result.return' },
      schema: {
        tags,
        summary: '반려 (사유 필수; 작성중으로 돌아감)',
        params: resultIdParams,
        body: returnBody,
        response: { 200: transitionResponse },
      },
    },
    async (req) => returnResult(db(), caller(req), req.params.id, req.body),
  );

  app.post(
    '/results/:id/comments',
    {
      config: { action: 'result.comment' },
      schema: {
        tags,
        summary: '의견 남기기 (일반 텍스트; 처리 이력에 남음)',
        params: resultIdParams,
        body: commentBody,
        response: { 201: z.object({ resultId: z.string(), at: z.string(), text: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await commentResult(db(), caller(req), req.params.id, req.body.text)),
  );

  app.get(
    '/plans/:year/penalty-cases',
    {
      config: { action: 'result.read' },
      schema: {
        tags,
        summary: '감점 사례 (입력시기 미준수, 증빙자료 미제출)',
        params: yearOnlyParams,
        querystring: penaltyQuery,
        response: {
          200: z.object({
            year: z.number().int(),
            cases: z.array(penaltyCaseListItemSchema),
            counts: z.object({
              late_entry: z.number().int(),
              missing_evidence: z.number().int(),
              waived: z.number().int(),
            }),
            canWaive: z.boolean(),
          }),
        },
      },
    },
    async (req) =>
      listPenaltyCasesUseCase(db(), caller(req), {
        year: req.params.year,
        department: req.query.department,
        kind: req.query.kind,
        waived: req.query.waived === undefined ? undefined : req.query.waived === 'true',
      }),
  );

  app.post(
    '/penalty-cases/:id/waive',
    {
      config: { action: 'penalty.waive' },
      schema: {
        tags,
        summary: '감점 면제 (기획부서, 사유 필수)',
        params: resultIdParams,
        body: waiveBody,
        response: { 200: penaltyCaseViewSchema },
      },
    },
    async (req) => waivePenaltyCaseUseCase(db(), caller(req), req.params.id, req.body.reason),
  );

  app.post(
    '/plans/:year/cutoff-check',
    {
      config: { action: 'penalty.detect' },
      schema: {
        tags,
        summary: '마감 점검: 마감일 뒤 증빙자료 없는 실적을 증빙자료 미제출 사례로 기록 (여러 번 해도 한 번만)',
        params: yearOnlyParams,
        response: {
          200: z.object({
            year: z.number().int(),
            cutoff: z.string(),
            afterCutoff: z.boolean(),
            created: z.array(penaltyCaseViewSchema),
            existing: z.number().int(),
          }),
        },
      },
    },
    async (req) => runCutoffCheck(db(), caller(req), { year: req.params.year }),
  );
};
export default routes;
