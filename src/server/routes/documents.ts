/**
 * Downloads generated from the data — the plan document (시행계획: DOCX, PDF, HWPX), the Excel
 * template and the year's plan in it, the tables workbook, the evaluation report (XLSX, PDF) — and
 * the upload of a filled plan workbook (dry-run preview with every problem by sheet, row and column,
 * or an all-or-nothing import). File names in RFC 6266 Content-Disposition with filename*=UTF-8''.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { yearParams } from '../../contracts/api.js';
import { AppError, validationError } from '../../domain/errors.js';
import type { EvaluationCaller } from '../../features/evaluation/context.js';
import {
  attachmentHeader,
  CONTENT_TYPES,
  EVALUATION_FORMATS,
  generateEvaluationReport,
  generatePlanDocument,
  PLAN_FORMATS,
  type GeneratedFile,
} from '../../features/documents/generate.js';
import { importPlanWorkbook, workbookProblemsError } from '../../features/excel/import-plan-workbook.js';
import { exportPlanWorkbook, planTemplate } from '../../features/excel/plan-workbook.js';
import { exportPlanTables } from '../../features/excel/tables-workbook.js';
import { requestActor, requireAuth } from '../auth/plugin.js';

const tags = ['documents'];
const MAX_UPLOAD = 20 * 1024 * 1024;
const modeQuery = z.strictObject({
  mode: z
    .enum(['final', 'provisional'])
    .default('final')
    .describe('final = 최종평가 (검증된 실적), provisional = 잠정평가'),
});
const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
const importQuery = z.strictObject({
  dryRun: flag.describe('true: 점검·미리보기만 (반영하지 않음)'),
  replace: flag.describe('true: 같은 연도의 계획을 바꿈'),
});

const problemSchema = z.object({
  sheet: z.string().nullable(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  header: z.string().nullable(),
  message: z.string(),
  code: z.string(),
  path: z.string().optional(),
});
const importReportSchema = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  committed: z.boolean(),
  replaced: z.boolean(),
  problems: z.array(problemSchema),
  warnings: z.array(problemSchema),
  preview: z.object({
    organization: z.object({ code: z.string(), name: z.string() }).nullable(),
    year: z.number().nullable(),
    title: z.string().nullable(),
    rows: z.record(z.string(), z.number()),
    counts: z.record(z.string(), z.number()).nullable(),
    results: z.number(),
    exists: z.boolean(),
    closed: z.boolean(),
  }),
});

const caller = (req: FastifyRequest): EvaluationCaller => ({
  actor: requestActor(req),
  principal: requireAuth(req).principal,
});
const orgOf = (req: FastifyRequest) => ({ organizationId: requireAuth(req).principal.organizationId });

function send(reply: FastifyReply, f: GeneratedFile) {
  return reply
    .header('content-type', f.contentType)
    .header('content-length', String(f.buffer.length))
    .header('content-disposition', attachmentHeader(f))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(f.buffer);
}

const fileResponse = (type: string) => ({ 200: z.any().describe(type) });

const routes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    throwFileSizeLimit: true,
  });

  for (const format of PLAN_FORMATS)
    app.get(
      `/plans/:year/documents/plan.${format}`,
      {
        config: { action: 'plan.read' },
        schema: {
          tags,
          summary: `시행계획 문서 (${format.toUpperCase()}) — 데이터에서 생성`,
          params: yearParams,
          produces: [CONTENT_TYPES[format]],
          response: fileResponse(CONTENT_TYPES[format]),
        },
      },
      async (req, reply) => send(reply, await generatePlanDocument(db(), req.params.year, format, orgOf(req))),
    );

  for (const format of EVALUATION_FORMATS)
    app.get(
      `/plans/:year/documents/evaluation.${format}`,
      {
        config: { action: 'evaluation.read' },
        schema: {
          tags,
          summary: `부서 성과평가 결과 보고서 (${format.toUpperCase()}); 부서 사용자는 자기 부서만`,
          params: yearParams,
          querystring: modeQuery,
          produces: [CONTENT_TYPES[format]],
          response: fileResponse(CONTENT_TYPES[format]),
        },
      },
      async (req, reply) =>
        send(
          reply,
          await generateEvaluationReport(db(), req.params.year, format, {
            ...orgOf(req),
            mode: req.query.mode,
            caller: caller(req),
          }),
        ),
    );

  app.get(
    '/plans/:year/excel/template.xlsx',
    {
      config: { action: 'plan.read' },
      schema: {
        tags,
        summary: '계획 엑셀 서식 (기관·부서·區 목표를 그 해 또는 직전 계획에서 채움)',
        params: yearParams,
        produces: [CONTENT_TYPES.xlsx],
        response: fileResponse(CONTENT_TYPES.xlsx),
      },
    },
    async (req, reply) => {
      const { buffer } = await planTemplate(db(), { year: req.params.year, ...orgOf(req) });
      return send(reply, {
        buffer,
        contentType: CONTENT_TYPES.xlsx,
        fileName: `${req.params.year}년 성과관리 계획 서식.xlsx`,
        asciiName: `plan-template-${req.params.year}.xlsx`,
      });
    },
  );

  app.get(
    '/plans/:year/excel/plan.xlsx',
    {
      config: { action: 'plan.read' },
      schema: {
        tags,
        summary: '한 해의 계획을 엑셀 서식에 채워 내려받기 (고쳐서 다시 올릴 수 있음)',
        params: yearParams,
        produces: [CONTENT_TYPES.xlsx],
        response: fileResponse(CONTENT_TYPES.xlsx),
      },
    },
    async (req, reply) => {
      const { document, buffer } = await exportPlanWorkbook(db(), req.params.year, orgOf(req));
      return send(reply, {
        buffer,
        contentType: CONTENT_TYPES.xlsx,
        fileName: `${document.plan.title}.xlsx`,
        asciiName: `plan-${document.organization.code}-${req.params.year}.xlsx`,
      });
    },
  );

  app.get(
    '/plans/:year/excel/tables.xlsx',
    {
      config: { action: 'plan.read' },
      schema: {
        tags,
        summary: '계획의 표 전부, 기간별 실적, 평가 결과 (인쇄용 엑셀; 평가 시트는 볼 수 있는 부서만)',
        params: yearParams,
        querystring: modeQuery,
        produces: [CONTENT_TYPES.xlsx],
        response: fileResponse(CONTENT_TYPES.xlsx),
      },
    },
    async (req, reply) => {
      const { document, buffer } = await exportPlanTables(db(), req.params.year, {
        ...orgOf(req),
        mode: req.query.mode,
        caller: caller(req),
      });
      return send(reply, {
        buffer,
        contentType: CONTENT_TYPES.xlsx,
        fileName: `${req.params.year}년 성과관리 표.xlsx`,
        asciiName: `tables-${document.organization.code}-${req.params.year}.xlsx`,
      });
    },
  );

  app.post(
    '/plans/excel/import',
    {
      config: { action: 'plan.import' },
      bodyLimit: MAX_UPLOAD + 64 * 1024,
      schema: {
        tags,
        summary: '채운 엑셀 서식 올리기 (multipart/form-data, 필드 file). dryRun=true: 문제(시트·행·열)와 미리보기만',
        consumes: ['multipart/form-data'],
        querystring: importQuery,
        response: { 200: importReportSchema },
      },
    },
    async (req) => {
      if (!req.isMultipart())
        throw new AppError('validation', 'multipart_required', 'multipart/form-data로 엑셀 파일(file)을 보내세요.', [
          { path: 'file', message: '파일이 없습니다' },
        ]);
      let bytes: Buffer;
      try {
        const file = await req.file();
        if (!file || file.fieldname !== 'file')
          throw validationError('file 필드로 엑셀 파일을 보내세요.', [
            { path: 'file', message: '파일이 없습니다', code: 'required' },
          ]);
        bytes = await file.toBuffer();
      } catch (e) {
        if (e instanceof AppError) throw e;
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError(
            'validation',
            'file_too_large',
            `파일이 너무 큽니다 (최대 ${MAX_UPLOAD / 1024 / 1024}MB).`,
            [{ path: 'file', message: '파일이 너무 큽니다', code: 'file_too_large' }],
          );
        throw validationError('파일을 읽을 수 없습니다.', [{ path: 'file', message: (e as Error).message }]);
      }
      const report = await importPlanWorkbook(db(), bytes, requestActor(req), {
        dryRun: req.query.dryRun,
        replace: req.query.replace,
        organizationId: requireAuth(req).principal.organizationId,
      });
      if (!report.ok && !report.dryRun) throw workbookProblemsError(report);
      return report;
    },
  );
};
export default routes;
