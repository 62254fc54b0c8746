import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { errorBody } from './errors.ts';
import { PACKAGE_ROOT } from '../package-root.ts';

export const WEB_DIST = join(PACKAGE_ROOT, 'dist', 'web');

/** Serves the built web app; unknown non-API paths get index.html (client-side routes). */
export async function registerWeb(app: FastifyInstance) {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    app.log.warn(`web app not built (${WEB_DIST}); run "npm run build"`);
    app.setNotFoundHandler((req, reply) => reply.code(404).send(errorBody('NOT_FOUND', req.id)));
    return;
  }
  // Wildcard: files built after start-up are served too (hashed assets of a rebuild).
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (reply, path) => {
      // Hashed file names under assets/ never change; everything else is revalidated.
      (reply as unknown as { header(k: string, v: string): void }).header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((req, reply) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.url.startsWith('/api/') || req.url === '/health') {
      return reply.code(404).send(errorBody('NOT_FOUND', req.id));
    }
    return reply.code(200).header('cache-control', 'no-cache').sendFile('index.html');
  });
}
