import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// A dossier code as the routes take it (DEMO.07894.H25-260302-0001); anything else is not logged.
const DOSSIER_CODE = /^[\w.-]{1,64}$/;

/** Adds facts to every later log line of this request, Fastify's "request completed" included. */
export function bindLog(req: FastifyRequest, reply: FastifyReply, bindings: Record<string, unknown>): void {
  req.log = req.log.child(bindings);
  reply.log = req.log;
}

/**
 * Every log line of a request carries its id (`reqId`, also the x-request-id answer header), the
 * signed-in user's id (`userId`) and, on a dossier's routes, the dossier's code (`dossierCode`).
 * Register after the auth hook, which loads the user.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    const bindings: Record<string, unknown> = {};
    if (req.user) bindings.userId = req.user.id;
    const code = (req.params as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string' && req.routeOptions.url?.includes('/dossiers/:code') && DOSSIER_CODE.test(code)) bindings.dossierCode = code;
    if (Object.keys(bindings).length) bindLog(req, reply, bindings);
  });
}
