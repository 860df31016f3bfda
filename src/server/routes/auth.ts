/** Login, logout, the session's state (for the idle-timeout warning), extension, own password change. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changePasswordBody, demoLoginsSchema, loginBody, sessionInfoSchema } from '../../contracts/accounts.js';
import { DEFAULT_DEMO_PASSWORD } from '../../config.js';
import { deleteStaleSessions, findSession, listGrants } from '../../db/queries/accounts.js';
import { abilities } from '../../domain/policy.js';
import { changeOwnPassword } from '../../features/accounts/change-password.js';
import { listDemoLogins } from '../../features/accounts/demo-accounts.js';
import { login } from '../../features/accounts/login.js';
import { logout } from '../../features/accounts/logout.js';
import { endSession, resolveSession, sessionTimes, touch } from '../../features/accounts/sessions.js';
import { presentUser, toPrincipal } from '../../features/accounts/user-view.js';
import { clearSessionCookie, requestActor, requireAuth, setSessionCookie } from '../auth/plugin.js';

const tags = ['auth'];
const client = (req: FastifyRequest) => ({ ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') });

const routes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const settings = app.accountSettings;

  async function sessionInfo(req: FastifyRequest) {
    const { session, user } = requireAuth(req);
    const grants = await listGrants(db(), user.organizationId, [user.id]);
    return {
      user: presentUser(user, grants),
      csrfToken: session.csrfToken,
      abilities: abilities(toPrincipal(user, grants)),
      session: sessionTimes(session, settings),
    };
  }

  app.post(
    '/auth/login',
    {
      config: {
        public: true,
        rateLimit: {
          max: app.config.BSC_LOGIN_RATE_PER_MINUTE,
          timeWindow: 60_000,
          keyGenerator: (req: FastifyRequest) => req.ip,
        },
      },
      schema: {
        tags,
        summary: '로그인 (세션 쿠키 발급; 실패가 거듭되면 계정 잠금, HTTP 429)',
        body: loginBody,
        response: { 200: sessionInfoSchema },
      },
    },
    async (req, reply) => {
      const now = new Date();
      await deleteStaleSessions(db(), now, new Date(now.getTime() - settings.idleMs));
      const r = await login(db(), settings, req.body, client(req), now);
      // A previous session of this browser ends: the new login always gets a new id.
      const old = req.cookies['__Host-bsc_session'] ?? req.cookies['bsc_session'];
      if (old) {
        const prev = await resolveSession(db(), old, settings);
        if (prev.ok) await endSession(db(), prev.live.session);
      }
      setSessionCookie(req, reply, r.token);
      const grants = await listGrants(db(), r.session.organizationId, [r.session.userId]);
      return {
        user: r.user,
        csrfToken: r.csrfToken,
        abilities: abilities({
          id: r.user.id,
          username: r.user.username,
          organizationId: r.session.organizationId,
          roles: grants.map((g) => ({ role: g.role, departmentId: g.departmentId })),
        }),
        session: sessionTimes(r.session, settings, now),
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { action: 'session.self', allowPasswordChangePending: true },
      schema: { tags, summary: '로그아웃 (서버의 세션을 끝냄)', response: { 204: z.null() } },
    },
    async (req, reply) => {
      const { session } = requireAuth(req);
      await logout(db(), session, requestActor(req));
      clearSessionCookie(req, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/demo-accounts',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          '로그인 화면의 데모 계정 안내: 활성 데모 계정과 (기본값일 때만) 비밀번호. 운영(production)에서는 빈 목록',
        response: { 200: demoLoginsSchema },
      },
    },
    async () =>
      listDemoLogins(db(), {
        production: app.config.NODE_ENV === 'production',
        password: app.config.BSC_DEMO_PASSWORD,
        defaultPassword: DEFAULT_DEMO_PASSWORD,
      }),
  );

  app.get(
    '/auth/session',
    {
      config: { action: 'session.self', touchSession: false, allowPasswordChangePending: true },
      schema: {
        tags,
        summary: '현재 세션: 사용자, 권한, CSRF 토큰, 남은 시간 (조회만 하며 세션을 연장하지 않음)',
        response: { 200: sessionInfoSchema },
      },
    },
    async (req) => sessionInfo(req),
  );

  app.post(
    '/auth/session/extend',
    {
      config: { action: 'session.self', allowPasswordChangePending: true },
      schema: {
        tags,
        summary: '세션 연장 (유휴 시간을 다시 셈; 절대 만료 시각은 그대로)',
        response: { 200: sessionInfoSchema },
      },
    },
    async (req) => {
      await touch(db(), requireAuth(req).session, new Date(), 0);
      return sessionInfo(req);
    },
  );

  app.post(
    '/auth/password',
    {
      config: { action: 'session.self', allowPasswordChangePending: true },
      schema: {
        tags,
        summary: '내 비밀번호 바꾸기 (다른 세션은 모두 끝나고 새 세션을 발급)',
        body: changePasswordBody,
        response: { 200: sessionInfoSchema },
      },
    },
    async (req, reply) => {
      const { user } = requireAuth(req);
      const issued = await changeOwnPassword(
        db(),
        settings,
        { organizationId: user.organizationId, userId: user.id },
        req.body,
        client(req),
      );
      setSessionCookie(req, reply, issued.token);
      const fresh = (await findSession(db(), issued.session.id))!;
      req.auth = { session: fresh.session, user: fresh.user, principal: req.auth!.principal };
      return sessionInfo(req);
    },
  );
};
export default routes;
