/** 할 일 (inboxes), a person's notifications, and the reminders run (also scheduled by the server). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { inboxQuery, inboxResponse, notificationSchema, resultIdParams } from '../../contracts/results.js';
import { mailerFor } from '../../features/notifications/mailer.js';
import { myNotifications, readNotification } from '../../features/notifications/notifications.js';
import { runReminders } from '../../features/notifications/run-reminders.js';
import { startScheduler } from '../../features/notifications/scheduled.js';
import type { ResultsCaller } from '../../features/results/context.js';
import { getInbox } from '../../features/results/inbox.js';
import { requestActor, requireAuth } from '../auth/plugin.js';

const tags = ['inbox'];
const caller = (req: FastifyRequest): ResultsCaller => ({
  actor: requestActor(req),
  principal: requireAuth(req).principal,
});

const routes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const log = (line: string) => app.log.info(line);
  const mailer = mailerFor(app.config, log);

  const stop = startScheduler(
    db,
    mailer,
    app.config.NODE_ENV === 'test' ? 0 : app.config.BSC_REMINDER_INTERVAL_MINUTES,
    log,
  );
  app.addHook('onClose', async () => stop());

  app.get(
    '/inbox',
    {
      config: { action: 'session.self' },
      schema: {
        tags,
        summary:
          '할 일: 담당자(입력할 것·기한 지난 것·반려된 것), 부서장(승인 대기), 기획부서(검증 대기·부서별 입력률)',
        querystring: inboxQuery,
        response: { 200: inboxResponse },
      },
    },
    async (req) => getInbox(db(), caller(req), { year: req.query.year }),
  );

  app.get(
    '/notifications',
    {
      config: { action: 'session.self' },
      schema: {
        tags,
        summary: '내 알림',
        querystring: z.strictObject({ unread: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ notifications: z.array(notificationSchema), unread: z.number().int() }) },
      },
    },
    async (req) => myNotifications(db(), caller(req), { unreadOnly: req.query.unread === 'true' }),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { action: 'session.self' },
      schema: {
        tags,
        summary: '알림 읽음 표시',
        params: resultIdParams,
        body: z.strictObject({}).optional(),
        response: { 200: notificationSchema },
      },
    },
    async (req) => readNotification(db(), caller(req), req.params.id),
  );

  app.post(
    '/reminders/run',
    {
      config: { action: 'reminders.run' },
      schema: {
        tags,
        summary: '알림 보내기 (기한 전·기한 경과; 사람마다 기간마다 한 번; 서버가 주기적으로도 실행)',
        body: z.strictObject({}).optional(),
        response: {
          200: z.object({
            plans: z.number().int(),
            reminders: z.number().int(),
            created: z.number().int(),
            emailed: z.number().int(),
            emailFailed: z.number().int(),
            withoutEmail: z.number().int(),
          }),
        },
      },
    },
    async (req) => runReminders(db(), caller(req), { mailer, log }),
  );
};
export default routes;
