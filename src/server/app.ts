/**
 * The HTTP application: plugins, then routes. Thin: routes validate with contracts/, call a feature,
 * and errors map to HTTP in one place (errors.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import helmet from '@fastify/helmet';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/client.js';
import type { Config } from '../config.js';
import { registerErrorHandler } from './errors.js';
import healthRoutes from './routes/health.js';
import planRoutes from './routes/plans.js';
import { registerAuth } from './auth/plugin.js';
import authRoutes from './routes/auth.js';
import userRoutes from './routes/users.js';
import auditRoutes from './routes/audit.js';
import resultRoutes from './routes/results.js';
import evidenceRoutes from './routes/evidence.js';
import inboxRoutes from './routes/inbox.js';
import documentRoutes from './routes/documents.js';
import evaluationRoutes from './routes/evaluation.js';

export type App = FastifyInstance;

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
  }
}

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** The built web app's hashed files (JS, CSS, fonts) live under this path; a missing one is a 404, never the SPA page. */
const ASSETS_PREFIX = '/assets/';

export async function buildApp(opts: {
  database: Database;
  config: Config;
  logger?: boolean | object;
  /** The built web app (tests point it at a folder of their own). Default: web/dist. */
  webRoot?: string;
}): Promise<App> {
  const webRoot = opts.webRoot ?? webDist;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 50 * 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', opts.database);
  app.decorate('config', opts.config);
  registerErrorHandler(app);
  // Sessions, CSRF, login throttling and the default-deny route policy: before any route exists.
  await registerAuth(app, { config: opts.config });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '성과관리 BSC API',
        description: '공공기관 균형성과표(BSC) 성과관리 시스템 API (Korean first; English second).',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'bsc_session',
            description: '로그인(POST /api/v1/auth/login)이 주는 세션 쿠키. TLS에서는 이름이 __Host-bsc_session.',
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description:
              '상태를 바꾸는 요청(POST/PUT/PATCH/DELETE)마다: 로그인 응답이나 GET /api/v1/auth/session의 csrfToken.',
          },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());

  await app.register(healthRoutes);
  await app.register(planRoutes, { prefix: '/api/v1' });
  await app.register(authRoutes, { prefix: '/api/v1' });
  await app.register(userRoutes, { prefix: '/api/v1' });
  await app.register(auditRoutes, { prefix: '/api/v1' });
  await app.register(resultRoutes, { prefix: '/api/v1' });
  await app.register(evidenceRoutes, { prefix: '/api/v1' });
  await app.register(inboxRoutes, { prefix: '/api/v1' });
  await app.register(documentRoutes, { prefix: '/api/v1' });
  await app.register(evaluationRoutes, { prefix: '/api/v1' });

  if (fs.existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false });
    // The SPA owns every other GET path that is not the API nor a built file: a stale or mistyped
    // asset URL must fail as 404 (a browser given index.html for a script reports a MIME error).
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/') || req.url.startsWith(ASSETS_PREFIX)) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="ko"><meta charset="utf-8"><title>성과관리 BSC</title><p>웹 화면이 빌드되지 않았습니다: <code>npm run build:web</code></p></html>',
        ),
    );
  }
  await app.ready();
  return app;
}
