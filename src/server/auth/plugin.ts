/**
 * Authentication and route-level authorization for every route, decided when the route is
 * registered (default deny):
 *
 * - A route under /api/ is public only when it says so: `config: { public: true }` (its OpenAPI
 *   entry then gets `security: []`) or an explicit `schema.security: []`; the API docs are public.
 * - Every other /api/ route must declare its policy action, `config: { action: 'plan.read' }`;
 *   one without is refused at start-up (the server does not start).
 * - Outside /api/ only GET/HEAD routes may exist (health, web files): they are public.
 *
 * At request time (onRequest, before body parsing and validation): the session from the cookie
 * (401 without one, or when idle/absolute time is over) → the CSRF token on a state-changing
 * request (403) → the forced password change (403) → `can(user, action)` (403). Features then
 * decide on the loaded resource with `authorize(user, action, resource)`.
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Config } from '../../config.js';
import type { AuditActor } from '../../db/queries/audit.js';
import { findOrganizationById } from '../../db/queries/accounts.js';
import { AppError, forbidden, unauthorized } from '../../domain/errors.js';
import { check, isAction, type Action } from '../../domain/policy.js';
import { assertNoDemoAccounts } from '../../features/accounts/production-guard.js';
import { csrfMatches, resolveSession, touch, type LiveSession } from '../../features/accounts/sessions.js';
import { accountSettings, type AccountSettings } from '../../features/accounts/settings.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** No session needed (login, health, public pages). Shown as `security: []` in OpenAPI. */
    public?: boolean;
    /** The policy action a caller must be able to attempt (checked before the handler). */
    action?: Action;
    /** false: this request does not count as activity (the session-status poll). */
    touchSession?: boolean;
    /** Reachable while the user must still change the password set by an administrator. */
    allowPasswordChangePending?: boolean;
  }
  interface FastifyRequest {
    /** The session, user and principal of the request (set on every non-public route). */
    auth: LiveSession | null;
  }
  interface FastifyInstance {
    accountSettings: AccountSettings;
  }
}

export const SESSION_COOKIE = 'bsc_session';
/** Over TLS the cookie is `__Host-` prefixed (Secure, Path=/, no Domain): a sibling host cannot set it. */
export const SECURE_SESSION_COOKIE = '__Host-bsc_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The actor of the audit trail for a request. */
export function requestActor(req: FastifyRequest): AuditActor {
  const u = req.auth?.user;
  return { id: u?.id ?? null, name: u?.username ?? 'anonymous', ip: req.ip };
}

/** The live session of a guarded route (its guard has set it). */
export function requireAuth(req: FastifyRequest): LiveSession {
  if (!req.auth) throw unauthorized();
  return req.auth;
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  const secure = req.protocol === 'https';
  reply.setCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply) {
  const secure = req.protocol === 'https';
  reply.clearCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}

function isDocsRoute(url: string) {
  return url === '/api/openapi.json' || url === '/api/docs' || url.startsWith('/api/docs/');
}

/** Decides at registration whether a route is public, and attaches the guard to the others. */
function classify(route: RouteOptions, guard: (req: FastifyRequest, reply: FastifyReply) => Promise<void>) {
  const url = route.url;
  const methods = [route.method].flat().map((m) => String(m).toUpperCase());
  const cfg = (route.config ?? {}) as { public?: boolean; action?: string };
  const schema = (route.schema ?? {}) as { security?: unknown[] };
  const declaredPublic = cfg.public === true || (Array.isArray(schema.security) && schema.security.length === 0);

  if (!url.startsWith('/api/')) {
    if (methods.some((m) => !SAFE.has(m)))
      throw new Error(
        `경로 ${methods.join(',')} ${url}: API가 아닌 경로는 GET만 둘 수 있습니다. /api/ 아래에 두고 정책(config.action)을 선언하세요.`,
      );
    return;
  }
  if (declaredPublic || isDocsRoute(url)) {
    if (declaredPublic) route.schema = { ...schema, security: [] };
    return;
  }
  if (!cfg.action || !isAction(cfg.action))
    throw new Error(
      `경로 ${methods.join(',')} ${url}에 정책이 없습니다 (기본 거부): config: { action: '<정책 동작>' } 을 선언하거나, 공개 경로라면 config: { public: true } 로 표시하세요.` +
        (cfg.action ? ` 알 수 없는 동작: ${cfg.action}` : ''),
    );
  if (schema.security === undefined && methods.some((m) => !SAFE.has(m)))
    route.schema = { ...schema, security: [{ session: [], csrf: [] }] };
  const existing = route.onRequest ? [route.onRequest].flat() : [];
  route.onRequest = [guard, ...existing] as RouteOptions['onRequest'];
}

export interface AuthOptions {
  config: Config;
}

export async function registerAuth(app: FastifyInstance, { config }: AuthOptions) {
  const settings = accountSettings(config);
  const db = () => app.database.db;
  if (config.NODE_ENV === 'production') await assertNoDemoAccounts(db());

  app.decorate('accountSettings', settings);
  app.decorateRequest('auth', null);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError(
        'too_many',
        'too_many_attempts',
        `시도가 너무 많습니다. ${Math.ceil(ctx.ttl / 1000)}초 뒤에 다시 시도하세요.`,
        [],
        { retryAfterSeconds: Math.ceil(ctx.ttl / 1000) },
      ),
  });

  const orgCodes = new Map<string, string>();
  const orgCode = async (id: string) => {
    if (!orgCodes.has(id)) orgCodes.set(id, (await findOrganizationById(db(), id))?.code ?? '');
    return orgCodes.get(id)!;
  };

  async function guard(req: FastifyRequest, _reply: FastifyReply) {
    const cfg = req.routeOptions.config;
    const token = req.cookies[SECURE_SESSION_COOKIE] ?? req.cookies[SESSION_COOKIE];
    if (!token) throw unauthorized('로그인이 필요합니다.', 'unauthenticated');
    const found = await resolveSession(db(), token, settings);
    if (!found.ok) {
      if (found.reason === 'expired')
        throw unauthorized(
          `세션이 만료되었습니다 (${Math.round(settings.idleMs / 60_000)}분 동안 사용하지 않았거나 로그인한 지 ${settings.absoluteMs / 3_600_000}시간이 지났습니다). 다시 로그인하세요.`,
          'session_expired',
        );
      if (found.reason === 'inactive')
        throw unauthorized('사용이 중지된 계정입니다. 관리자에게 문의하세요.', 'account_inactive');
      throw unauthorized('로그인이 필요합니다.', 'unauthenticated');
    }
    const live = found.live;
    req.auth = live;

    if (!SAFE.has(req.method)) {
      const origin = req.headers.origin;
      if (origin && origin !== 'null') {
        let host = '';
        try {
          host = new URL(origin).host;
        } catch {
          /* malformed: refused below */
        }
        if (host !== req.host) throw forbidden('다른 사이트에서 보낸 요청은 받지 않습니다.', 'csrf_origin');
      }
      const given = req.headers[CSRF_HEADER];
      if (!csrfMatches(live.session, Array.isArray(given) ? given[0] : given))
        throw forbidden('보안 토큰(CSRF)이 없거나 맞지 않습니다. 화면을 새로 고친 뒤 다시 시도하세요.', 'csrf_invalid');
    }

    if (live.user.mustChangePassword && !cfg.allowPasswordChangePending)
      throw forbidden('관리자가 정한 임시 비밀번호입니다. 먼저 비밀번호를 바꾸세요.', 'password_change_required');

    const q = req.query as { org?: unknown } | undefined;
    if (q && typeof q.org === 'string' && q.org && q.org !== (await orgCode(live.user.organizationId)))
      throw forbidden('다른 기관의 자료는 볼 수 없습니다.', 'other_organization');

    const decision = check(live.principal, cfg.action!);
    if (!decision.allowed) throw new AppError('forbidden', 'forbidden', decision.message, [], { action: cfg.action });

    if (cfg.touchSession !== false) await touch(db(), live.session);
  }

  app.addHook('onRoute', (route) => classify(route, guard));
}
