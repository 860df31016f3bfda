/** The audit trail for planners and administrators: list with filters, and the chain check. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema, auditQuery } from '../../contracts/accounts.js';
import { listAuditTrail } from '../../features/audit/list-audit.js';
import { verifyAuditTrail } from '../../features/audit/verify-audit.js';
import { requireAuth } from '../auth/plugin.js';

const tags = ['audit'];

const routes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/audit',
    {
      config: { action: 'audit.read' },
      schema: {
        tags,
        summary: '감사 기록·접속기록 목록 (최근 것부터, 조건으로 거르기)',
        querystring: auditQuery,
        response: {
          200: z.object({
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
            entries: z.array(auditEntrySchema),
          }),
        },
      },
    },
    async (req) => {
      const { principal, user } = requireAuth(req);
      const q = req.query;
      return listAuditTrail(
        db(),
        user.organizationId,
        principal,
        {
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
          action: q.action,
          category: q.category,
          actor: q.actor,
          entityType: q.entityType,
          entityId: q.entityId,
          subject: q.subject,
          ip: q.ip,
        },
        { limit: q.limit, offset: q.offset },
      );
    },
  );

  app.get(
    '/audit/verify',
    {
      config: { action: 'audit.read' },
      schema: {
        tags,
        summary: '감사 기록 해시 체인 검증 (변경·삭제·삽입된 기록을 찾음)',
        response: {
          200: z.object({
            ok: z.boolean(),
            rows: z.number().int(),
            firstSeq: z.number().int().nullable(),
            lastSeq: z.number().int().nullable(),
            headHash: z.string().nullable(),
            problems: z.array(z.object({ seq: z.number(), kind: z.string(), message: z.string() })),
          }),
        },
      },
    },
    async (req) => {
      const r = await verifyAuditTrail(db(), requireAuth(req).user.organizationId);
      const c = r.chains[0]!;
      return {
        ok: r.ok,
        rows: c.rows,
        firstSeq: c.firstSeq,
        lastSeq: c.lastSeq,
        headHash: c.headHash,
        problems: c.problems,
      };
    },
  );
};
export default routes;
