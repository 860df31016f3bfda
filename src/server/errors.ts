/** The one mapping from failures to HTTP: AppError kinds, request validation, everything else. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../domain/errors.js';
import { issuePath } from '../contracts/zod-ko.js';

const STATUS: Record<AppError['kind'], number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many: 429,
  unavailable: 503,
};

const PART: Record<string, string> = { body: '본문', querystring: '쿼리', params: '경로', headers: '헤더' };

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    if (err instanceof AppError) {
      const status = STATUS[err.kind];
      if (err.kind === 'too_many' && typeof err.extra.retryAfterSeconds === 'number')
        reply.header('retry-after', String(Math.ceil(err.extra.retryAfterSeconds)));
      return reply.status(status).send({
        error: { code: err.code, message: err.message, details: err.details.length ? err.details : undefined, ...err.extra },
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const part = PART[(err as FastifyError).validationContext ?? 'body'] ?? '요청';
      return reply.status(400).send({
        error: {
          code: 'validation_failed',
          message: `요청 ${part}이(가) 올바르지 않습니다.`,
          details: err.validation.map((v) => {
            // fastify-type-provider-zod 7: keyword = zod issue code, instancePath = "/a/0/b", params = the rest of the issue.
            const code = v.keyword;
            const keys = (v.params as { keys?: string[] }).keys ?? [];
            const path = v.instancePath
              .split('/')
              .filter(Boolean)
              .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
            return {
              path: issuePath(path) || part,
              message: code === 'unrecognized_keys' ? `알 수 없는 항목: ${keys.join(', ')}` : v.message,
              code,
            };
          }),
        },
      });
    }
    const fe = err as FastifyError;
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const messages: Record<number, string> = {
        400: '요청이 올바르지 않습니다.',
        404: '찾을 수 없습니다.',
        413: '요청이 너무 큽니다.',
        415: '지원하지 않는 형식입니다.',
        429: '요청이 너무 많습니다. 잠시 후 다시 시도하세요.',
      };
      return reply
        .status(fe.statusCode)
        .send({ error: { code: fe.code ?? 'bad_request', message: messages[fe.statusCode] ?? fe.message } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: '서버 오류가 발생했습니다. 변경된 내용은 없습니다.' } });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ error: { code: 'route_not_found', message: `경로를 찾을 수 없습니다: ${req.method} ${req.url}` } });
  });
}
