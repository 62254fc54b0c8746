import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import type { InteropScope } from '../../domain/interop.ts';
import type { AppDeps } from '../../server/deps.ts';
import { clock } from '../../server/clock.ts';
import { bindLog } from '../../server/request-log.ts';
import { serverKeys } from '../../server/secrets.ts';
import { authenticateSystem } from './interop.auth.ts';
import { intakeDossier } from './interop.intake.ts';
import { dossierStatusFor, STATUS_EVENT_JSON_SCHEMA } from './interop.status.ts';
import { receivePush } from './interop.catalogue.ts';
import { residentFor } from './interop.residents.ts';
import { handoverDocument } from './interop.handover.ts';
import { CataloguePushAnswer, CataloguePushBody, ExternalCodeParams, HandoverDocumentParams, IntakeBody, ResidentAnswer, ResidentParams } from '../../contract/interop.ts';
import type { ConnectedSystem } from './interop.systems.ts';
import { DossierStatusAnswer } from '../../contract/interop-status.ts';
import { ForeignJson, answers } from '../../contract/bodies.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The connected system a machine API call was authenticated as (interop.auth.ts). */
    system: ConnectedSystem | null;
  }
}

const IntakeAnswer = z.object({
  code: z.string(),
  externalCode: z.string(),
  status: z.string(),
  created: z.boolean(),
});

/**
 * The machine API for connected systems (docs/INTEROP.md): the national portal or a provincial
 * system forwards dossiers and reads their status. Every call carries the system's API key and an
 * HMAC signature; the route names the scope it needs. A session cookie means nothing here.
 */
export function interopRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const keys = serverKeys(deps.config.secret);
  app.decorateRequest('system', null);
  // Authenticated before the body is validated: a stranger learns nothing from the validation errors.
  const asSystem = (scope: InteropScope) => async (req: FastifyRequest) => {
    req.system = await authenticateSystem(req, { database: deps.database, keys }, scope, now());
  };
  const security = [{ interopKey: [], interopSignature: [] }];
  const tags = ['interop'];
  const system = (req: FastifyRequest) => {
    if (!req.system) throw new AppError('INTEROP_KEY_INVALID');
    return req.system;
  };

  api.post(
    '/interop/dossiers',
    {
      bodyLimit: deps.config.interop.maxBodyBytes,
      preValidation: asSystem('dossiers.submit'),
      schema: {
        tags,
        security,
        summary: 'Tiếp nhận hồ sơ từ Cổng DVC quốc gia / hệ thống của tỉnh — a dossier forwarded by the national portal or a provincial system',
        description:
          'Idempotent by `externalCode`: the same code with the same content returns the dossier already filed (200, created: false); with another content, 409 INTEROP_DOSSIER_CONFLICT. Scope `dossiers.submit`.',
        body: IntakeBody,
        response: { 200: IntakeAnswer, 201: IntakeAnswer },
      },
    },
    async (req, reply) => {
      const s = system(req);
      const { dossier, created } = await intakeDossier(
        { database: deps.database, blobs: deps.blobs, maxUploadBytes: deps.config.maxUploadBytes, defaultUnitCode: deps.config.unit.code },
        s,
        req.body,
        { now: now(), requestId: req.id, ip: req.ip },
      );
      bindLog(req, reply, { dossierCode: dossier.code });
      if (created) deps.outbox?.kick();
      return reply.code(created ? 201 : 200).send({ code: dossier.code, externalCode: req.body.externalCode, status: dossier.status, created });
    },
  );

  api.get(
    '/interop/dossiers/:externalCode',
    {
      preValidation: asSystem('dossiers.read'),
      schema: {
        tags,
        security,
        summary: 'Trạng thái hồ sơ theo mã của hệ thống gửi / a dossier’s status by the sender’s code',
        description: 'The dossier as its last status event describes it, and its events. Only dossiers this system sent. Scope `dossiers.read`.',
        params: ExternalCodeParams,
        response: { 200: DossierStatusAnswer },
      },
    },
    async (req) => dossierStatusFor(deps.database, system(req), req.params.externalCode, { now: now(), requestId: req.id, ip: req.ip }),
  );

  api.post(
    '/interop/catalogue',
    {
      bodyLimit: 5 * 1024 * 1024,
      preValidation: asSystem('catalogue.push'),
      schema: {
        tags,
        security,
        summary: 'Tỉnh cập nhật danh mục thủ tục (bản nháp chờ phường công bố) / the province pushes catalogue updates (drafts for the ward to publish)',
        description:
          'New procedure versions with their effective dates, each a whole definition validated as the catalogue editor validates one. They land as drafts: the unit admin reviews and publishes (or rejects) each. A retried push lands nothing new (`created: false`). Scope `catalogue.push`.',
        body: CataloguePushBody,
        response: { 202: CataloguePushAnswer },
      },
    },
    async (req, reply) => {
      const s = system(req);
      const items = await deps.database.transaction((tx) => receivePush(tx, s, req.body.items, { now: now(), requestId: req.id, ip: req.ip }));
      return reply.code(202).send({ items });
    },
  );

  api.get(
    '/interop/residents/:cccd',
    {
      preValidation: asSystem('residents.read'),
      schema: {
        tags,
        security,
        summary: 'Thông tin tối thiểu của người dân theo số CCCD / a resident’s minimal data by CCCD',
        description: 'Name, birth year and gender, and whether they have an account; nothing else. Every call is audited with what went out (`interop_resident_read`). Scope `residents.read`.',
        params: ResidentParams,
        response: { 200: ResidentAnswer },
      },
    },
    async (req) => residentFor(deps.database, system(req), req.params.cccd, { now: now(), requestId: req.id, ip: req.ip }),
  );

  api.get(
    '/interop/handovers/:code/documents/:documentId',
    {
      preValidation: asSystem('dossiers.read'),
      schema: {
        tags,
        security,
        summary: 'Tệp của hồ sơ được chuyển liên thông cho đơn vị / a document of a dossier handed over to the unit',
        response: { 200: answers('Giấy tờ như đã gửi, đúng loại tệp của nó / the document as uploaded, of its own type', '*/*') },
        description:
          'For the system of a unit on another deployment a dossier was transferred to: one of the documents its hand-over event lists (`handover.documents[].path`). Any other system, or a dossier not handed to it, gets 404. Audited. Scope `dossiers.read`.',
        params: HandoverDocumentParams,
      },
    },
    async (req, reply) => {
      const file = await handoverDocument(deps.database, system(req), req.params.code, req.params.documentId, { now: now(), requestId: req.id, ip: req.ip });
      const stream = await deps.blobs.get(file.sha256);
      if (!stream) throw new AppError('FILE_NOT_FOUND');
      return reply
        .header('content-type', file.mime)
        .header('content-length', String(file.size))
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );

  api.get(
    '/interop/schema/status-event.json',
    { schema: { tags, summary: 'JSON Schema của sự kiện trạng thái / the status event’s JSON Schema', response: { 200: { description: 'The JSON Schema (docs/interop/status-event.schema.json)', content: { 'application/schema+json': { schema: ForeignJson } } } } } },
    async (_req, reply) => reply.type('application/schema+json').send(STATUS_EVENT_JSON_SCHEMA),
  );
}
