import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate as boundedIsoDate, int32FromQuery } from '../../server/zod-bounds.ts';
import { AppError } from '../../domain/errors.ts';
import { ProcedureDefinitionSchema } from '../../domain/procedure.ts';
import { authorize } from '../../domain/policy.ts';
import { vnDateOf } from '../../domain/calendar/index.ts';
import type { AppDeps } from '../../server/deps.ts';
import { clock } from '../../server/clock.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { deploymentData } from '../units/units.service.ts';
import {
  getProcedure,
  listFields,
  listVersions,
  presentProcedure,
  saveProcedureVersion,
  searchProcedures,
} from './procedures.service.ts';

const CodeParams = z.strictObject({ code: z.string().regex(/^[0-9A-Z.]{3,60}$/) });
const isoDate = boundedIsoDate();
const SaveBody = z.strictObject({ definition: ProcedureDefinitionSchema, effectiveFrom: isoDate.optional() });

export function proceduresRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);

  api.get(
    '/procedures',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Tra cứu thủ tục hành chính (không phân biệt dấu) / search the catalogue',
        querystring: z.strictObject({
          q: z.string().max(200).optional(),
          field: z.string().max(200).optional(),
          onlineLevel: z.enum(['full', 'partial', 'unknown']).optional(),
          applicant: z.enum(['citizen', 'business']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => searchProcedures(deps.database.db, req.query, vnDateOf(now())),
  );

  api.get('/procedures/fields', { schema: { tags: ['catalogue'], summary: 'Lĩnh vực / fields' } }, async () => ({
    items: await listFields(deps.database.db, vnDateOf(now())),
  }));

  api.get(
    '/procedures/:code',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Chi tiết thủ tục (phiên bản hiện hành) / a procedure',
        params: CodeParams,
        querystring: z.strictObject({ version: int32FromQuery().min(1).optional() }),
      },
    },
    async (req) => {
      const p = await getProcedure(deps.database.db, req.params.code, req.query.version, vnDateOf(now()));
      return presentProcedure(p.definition, p.version, p.effectiveFrom);
    },
  );

  api.get(
    '/procedures/:code/versions',
    { schema: { tags: ['catalogue'], summary: 'Các phiên bản / versions', params: CodeParams } },
    async (req) => ({ items: await listVersions(deps.database.db, req.params.code) }),
  );

  const save = async (user: { id: string; unitId: string }, body: z.infer<typeof SaveBody>, req: { id: string; ip: string }, isNew: boolean) => {
    const t = now();
    return deps.database.transaction(async (tx) => {
      if (isNew) {
        const exists = await getProcedure(tx, body.definition.code).then(
          () => true,
          () => false,
        );
        if (exists) throw new AppError('PROCEDURE_INVALID', { issues: [{ path: 'definition.code', message: 'Mã thủ tục đã tồn tại / already exists' }] });
      }
      const effectiveFrom = body.effectiveFrom ?? vnDateOf(t);
      const version = await saveProcedureVersion(tx, body.definition, { effectiveFrom, userId: user.id, now: t });
      await audit(tx, { actorId: user.id, action: isNew ? 'procedure_create' : 'procedure_edit', entityType: 'procedure', entityId: body.definition.code, details: { version }, ...auditContext(req) }, t);
      return presentProcedure(body.definition, version, effectiveFrom);
    });
  };

  api.put(
    '/procedures/:code',
    { schema: { tags: ['catalogue'], summary: 'Sửa thủ tục (tạo phiên bản mới) / edit (new version)', params: CodeParams, body: SaveBody } },
    async (req) => {
      const user = authorize(req.user, 'catalogue.edit', await deploymentData(deps));
      if (req.body.definition.code !== req.params.code) {
        throw new AppError('PROCEDURE_INVALID', { issues: [{ path: 'definition.code', message: 'Phải trùng mã trên đường dẫn / must match the URL' }] });
      }
      await getProcedure(deps.database.db, req.params.code);
      return save(user, req.body, req, false);
    },
  );

  api.post(
    '/procedures',
    { schema: { tags: ['catalogue'], summary: 'Thêm thủ tục / create a procedure', body: SaveBody } },
    async (req, reply) => {
      const user = authorize(req.user, 'catalogue.edit', await deploymentData(deps));
      return reply.code(201).send(await save(user, req.body, req, true));
    },
  );
}
