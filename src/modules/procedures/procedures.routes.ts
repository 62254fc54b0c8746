import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import {
  CatalogueList,
  CatalogueQuery,
  FieldList,
  ProcedureCodeParams as CodeParams,
  ProcedureDefinitionView,
  PublicProcedure,
  SaveProcedureBody as SaveBody,
  ToConfirmList,
  VersionList,
  VersionQuery,
} from '../../contract/catalogue.ts';
import { citizenProcedure } from '../../domain/procedure-views.ts';
import { authorize } from '../../domain/policy.ts';
import { vnDateOf } from '../../domain/calendar/index.ts';
import type { AppDeps } from '../../server/deps.ts';
import { clock } from '../../server/clock.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { deploymentData } from '../units/units.service.ts';
import {
  getProcedure,
  listFields,
  listToConfirm,
  listVersions,
  presentProcedure,
  saveProcedureVersion,
  searchProcedures,
} from './procedures.service.ts';

export function proceduresRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);

  api.get(
    '/procedures',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Tra cứu thủ tục hành chính (không phân biệt dấu) / search the catalogue',
        response: { 200: CatalogueList },
        querystring: CatalogueQuery,
      },
    },
    async (req) => searchProcedures(deps.database.db, req.query, vnDateOf(now())),
  );

  api.get('/procedures/fields', { schema: { tags: ['catalogue'], summary: 'Lĩnh vực / fields', response: { 200: FieldList } } }, async () => ({
    items: await listFields(deps.database.db, vnDateOf(now())),
  }));

  api.get(
    '/procedures/to-confirm',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Thông tin phường cần xác nhận (cán bộ) / what the ward must confirm (officials)',
        response: { 200: ToConfirmList },
      },
    },
    async (req) => {
      authorize(req.user, 'catalogue.review', await deploymentData(deps));
      return listToConfirm(deps.database.db, vnDateOf(now()));
    },
  );

  api.get(
    '/procedures/:code',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Chi tiết thủ tục cho người dân (phiên bản hiện hành) / a procedure as citizens see it',
        params: CodeParams,
        querystring: VersionQuery,
        response: { 200: PublicProcedure },
      },
    },
    async (req) => {
      const p = await getProcedure(deps.database.db, req.params.code, req.query.version, vnDateOf(now()));
      return citizenProcedure(p.definition, p.version, p.effectiveFrom);
    },
  );

  api.get(
    '/procedures/:code/definition',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Toàn bộ định nghĩa, nguồn, độ tin cậy (cán bộ) / the whole definition with sources and confidence (officials)',
        params: CodeParams,
        querystring: VersionQuery,
        response: { 200: ProcedureDefinitionView },
      },
    },
    async (req) => {
      authorize(req.user, 'catalogue.review', await deploymentData(deps));
      const p = await getProcedure(deps.database.db, req.params.code, req.query.version, vnDateOf(now()));
      return presentProcedure(p.definition, p.version, p.effectiveFrom);
    },
  );

  api.get(
    '/procedures/:code/versions',
    { schema: { tags: ['catalogue'], summary: 'Các phiên bản / versions', params: CodeParams, response: { 200: VersionList } } },
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
    { schema: { tags: ['catalogue'], summary: 'Sửa thủ tục (tạo phiên bản mới) / edit (new version)', params: CodeParams, body: SaveBody, response: { 200: ProcedureDefinitionView } } },
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
    { schema: { tags: ['catalogue'], summary: 'Thêm thủ tục / create a procedure', body: SaveBody, response: { 201: ProcedureDefinitionView } } },
    async (req, reply) => {
      const user = authorize(req.user, 'catalogue.edit', await deploymentData(deps));
      return reply.code(201).send(await save(user, req.body, req, true));
    },
  );
}
