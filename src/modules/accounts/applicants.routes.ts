import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize } from '../../domain/policy.ts';
import type { AppDeps } from '../../server/deps.ts';
import { clock } from '../../server/clock.ts';
import { auditContext } from '../audit/audit.ts';
import { lookupCitizen } from './applicants.service.ts';
import { CccdQuery, Citizen } from '../../contract/citizens.ts';

/** The desk's look-up of a citizen by CCCD (since 1 July 2025 a citizen may file at any unit). */
export function applicantsRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);

  api.get(
    '/citizens',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Tìm công dân theo CCCD (bộ phận một cửa của mọi đơn vị) / find a citizen by CCCD at any unit’s desk',
        description:
          'Reception officers only. Answers what starting a dossier needs — name, masked phone, and whether the record’s birth year and gender match those the number encodes — never the full record. Every look-up is audited.',
        querystring: CccdQuery,
        response: { 200: Citizen },
      },
    },
    async (req) => {
      const user = authorize(req.user, 'citizen.lookup', null);
      return lookupCitizen(deps.database, user.id, req.query.cccd, now(), auditContext(req));
    },
  );
}
