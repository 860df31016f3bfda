/**
 * Evidence files (증빙자료): upload (multipart, one file), list with the result, download (audited
 * as an access), delete from a draft.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { evidenceViewSchema, resultIdParams } from '../../contracts/results.js';
import { AppError, validationError } from '../../domain/errors.js';
import { deleteEvidenceUseCase } from '../../features/evidence/delete-evidence.js';
import { downloadEvidence } from '../../features/evidence/download-evidence.js';
import { evidenceServices } from '../../features/evidence/services.js';
import { uploadEvidence } from '../../features/evidence/upload-evidence.js';
import type { ResultsCaller } from '../../features/results/context.js';
import { requestActor, requireAuth } from '../auth/plugin.js';

const tags = ['evidence'];
const caller = (req: FastifyRequest): ResultsCaller => ({
  actor: requestActor(req),
  principal: requireAuth(req).principal,
});
const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10}MB`;

const routes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const services = evidenceServices(app.config);
  await app.register(multipart, {
    limits: { fileSize: services.maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    throwFileSizeLimit: true,
  });

  app.post(
    '/results/:id/evidence',
    {
      config: { action: 'evidence.upload' },
      bodyLimit: services.maxBytes + 64 * 1024,
      schema: {
        tags,
        summary: '증빙자료 올리기 (multipart/form-data, 필드 이름 file; 형식은 내용으로 검사)',
        consumes: ['multipart/form-data'],
        params: resultIdParams,
        response: { 201: evidenceViewSchema },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('validation', 'multipart_required', 'multipart/form-data로 파일(file)을 보내세요.', [
          { path: 'file', message: '파일이 없습니다' },
        ]);
      let file;
      try {
        file = await req.file();
      } catch (e) {
        throw validationError('파일을 읽을 수 없습니다.', [{ path: 'file', message: (e as Error).message }]);
      }
      if (!file)
        throw validationError('파일이 없습니다.', [
          { path: 'file', message: 'file 필드로 파일을 보내세요', code: 'required' },
        ]);
      if (file.fieldname !== 'file')
        throw validationError('파일 필드 이름은 file이어야 합니다.', [
          { path: 'file', message: `알 수 없는 필드: ${file.fieldname}` },
        ]);
      let bytes: Buffer;
      try {
        bytes = await file.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError('validation', 'file_too_large', `파일이 너무 큽니다 (최대 ${MB(services.maxBytes)}).`, [
            { path: 'file', message: `최대 ${MB(services.maxBytes)}`, code: 'file_too_large' },
          ]);
        throw e;
      }
      const view = await uploadEvidence(db(), services, caller(req), req.params.id, { fileName: file.filename, bytes });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/evidence/:id/download',
    {
      config: { action: 'evidence.download' },
      schema: {
        tags,
        summary: '증빙자료 내려받기 (볼 수 있는 사람만; 내려받을 때마다 접속기록)',
        params: resultIdParams,
      },
    },
    async (req, reply) => {
      const d = await downloadEvidence(db(), services, caller(req), req.params.id);
      return reply
        .header('content-type', d.mediaType)
        .header('content-length', String(d.size))
        .header('content-disposition', d.contentDisposition)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(d.stream);
    },
  );

  app.delete(
    '/evidence/:id',
    {
      config: { action: 'evidence.upload' },
      schema: {
        tags,
        summary: '증빙자료 지우기 (작성중 실적만)',
        params: resultIdParams,
        response: { 200: z.object({ deleted: z.string() }) },
      },
    },
    async (req) => deleteEvidenceUseCase(db(), caller(req), req.params.id),
  );
};
export default routes;
