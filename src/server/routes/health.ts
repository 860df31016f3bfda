import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping } from '../../db/client.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], summary: '프로세스 상태 (liveness)', security: [], response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: '데이터베이스 연결 상태 (readiness)',
        security: [],
        response: {
          200: z.object({ status: z.literal('ready'), database: z.string() }),
          503: z.object({ status: z.literal('unavailable'), database: z.string(), error: z.string() }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await ping(app.database.db);
        return { status: 'ready' as const, database: app.database.kind };
      } catch (e) {
        return reply.status(503).send({ status: 'unavailable' as const, database: app.database.kind, error: (e as Error).message });
      }
    },
  );
};
export default routes;
