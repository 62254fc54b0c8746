import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { DEMO_PORTAL, demoPortalApiKey } from '../../src/modules/interop/interop.demo.ts';
import { PortalClient, sampleDossier } from '../../scripts/national-portal/portal.ts';

/**
 * Forwards one of the stand-in's sample dossiers as the demo national portal does (a signed call to
 * POST /api/v1/interop/dossiers), in-process; returns our code and the portal's.
 */
export async function forwardFromDemoPortal(app: FastifyInstance, now: () => Date, n: number, o: Parameters<typeof sampleDossier>[2] = {}) {
  const proc = (await app.inject({ method: 'GET', url: '/api/v1/procedures/1.001193' })).json();
  const dossier = sampleDossier(proc, n, { filedAt: now(), ...o });
  const body = JSON.stringify(dossier);
  const path = '/api/v1/interop/dossiers';
  const headers = new PortalClient('http://in-process', demoPortalApiKey(), DEMO_PORTAL.signingSecret, now).sign('POST', path, body);
  const res = await app.inject({ method: 'POST', url: path, headers, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return { code: res.json().code as string, externalCode: dossier.externalCode, applicant: dossier.applicant };
}
