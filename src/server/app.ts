import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.ts';
import { registerErrorHandling } from './http-errors.ts';
import { frameworkErrors, registerInputGuard } from './input-guard.ts';
import { registerAuth } from './auth.ts';
import { registerRequestLog } from './request-log.ts';
import { registerRoutes } from './routes.ts';
import { serializerCompiler } from './serializer.ts';
import { registerWeb } from './web.ts';
import { createMessageWorker, sendersFromConfig } from '../modules/messages/index.ts';
import { open311Routes } from '../modules/feedback/open311.routes.ts';
import { webhookSender } from '../modules/interop/interop.outbound.ts';
import { serverKeys } from './secrets.ts';
import { registerUploadSweeper } from '../modules/files/files.sweep.ts';
import { registerNotificationScheduler } from '../modules/notifications/index.ts';
import { registerEmbeddedVacuum } from '../db/maintenance.ts';
import { registerDirectionReminders } from '../modules/projects/projects.reminders.ts';
import { registerFeedbackFollowUps } from '../modules/feedback/feedback.followup.ts';
import { registerMailViewer } from '../modules/messages/messages.viewer.ts';

/** Assembles the HTTP application: plugins, the error table, auth, every module's routes, the web app. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization'],
            ...(deps.logStream ? { stream: deps.logStream } : {}),
          },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-request-id', req.id);
    done(null, payload);
  });

  registerErrorHandling(app);
  registerInputGuard(app);
  // Helmet's headers, worked out once (ADR 0006): the middleware is built here, not per request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The ward map's tile server, when one is set (an http:// one on the ward's network too).
        imgSrc: ["'self'", 'data:', 'blob:', 'https:', ...(config.mapTiles ? [tileOrigin(config.mapTiles.url)] : [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    securityHeaders(req.raw, reply.raw, rethrow); // synchronous: sets the headers, then calls on
    done();
  });
  // gzip/brotli for pages, scripts and JSON over 1 KB (cheap phones on slow networks).
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Nông Trang Số API',
        version: '1.0.0',
        description:
          'Dịch vụ công một cửa phường Nông Trang — API. Errors: `{ error: { code, message, messageEn, details, requestId } }`. Times are ISO 8601 at +07:00.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'nts_session' },
          // The machine API of connected systems (docs/INTEROP.md): both, on every call.
          interopKey: { type: 'http', scheme: 'bearer', description: 'API key nts_<keyId>_<secret> of a connected system' },
          interopSignature: { type: 'apiKey', in: 'header', name: 'x-nts-signature', description: 'sha256=<hex HMAC-SHA256 of "<x-nts-timestamp>\\n<METHOD>\\n<path>\\n<hex SHA-256 of body>">' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/health', { schema: { hide: true } }, async (_req, reply) => {
    const ok = await deps.database.ping().catch(() => false);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database: ok ? 'ok' : 'down' });
  });

  // The outbox worker: every instance runs one; started when the app is ready, stopped on close.
  const worker = createMessageWorker({
    database: deps.database,
    senders: {
      ...(deps.senders ?? sendersFromConfig(config.messages, app.log, deps.database)),
      // Status events to connected systems: always the real sender (tests run a real receiver).
      webhook:
        deps.senders?.webhook ??
        webhookSender({ database: deps.database, keys: serverKeys(config.secret), timeoutMs: config.interop.callbackTimeoutMs, now: deps.now ?? (() => new Date()) }),
    },
    now: deps.now ?? (() => new Date()),
    log: app.log,
    retry: config.messages.retry,
    pollMs: config.messages.pollMs,
  });
  if (config.messages.worker) {
    app.addHook('onReady', async () => worker.start());
    app.addHook('onClose', async () => worker.stop());
  }
  const withOutbox: AppDeps = { ...deps, outbox: worker };

  registerAuth(app, withOutbox);
  registerRequestLog(app);
  registerUploadSweeper(app, deps);
  registerEmbeddedVacuum(app, deps.database, config.embeddedVacuumHour);
  registerNotificationScheduler(app, withOutbox);
  registerDirectionReminders(app, withOutbox);
  registerFeedbackFollowUps(app, withOutbox);
  await app.register(async (api) => registerRoutes(api, withOutbox), { prefix: '/api/v1' });
  await app.register(async (o311) => open311Routes(o311, withOutbox), { prefix: '/open311/v2' });
  registerMailViewer(app, deps);
  await registerWeb(app);
  return app;
}

const rethrow = (err?: unknown) => {
  if (err) throw err;
};

/** The origin of a tile URL template for the CSP (`{s}` subdomains as a wildcard). */
function tileOrigin(template: string): string {
  const u = new URL(template.replace(/\{s\}/g, 'subdomain').replace(/\{[a-z]+\}/gi, '0'));
  return `${u.protocol}//${u.host.replace(/^subdomain\./, '*.')}`;
}
