import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { can, mustAudit } from '../../domain/policy.ts';
import { DocumentList, DocumentView, PublicDocumentView, VerifyFileAnswer } from '../../domain/signed-document.schemas.ts';
import { requireUser } from '../../server/auth.ts';
import { clock } from '../../server/clock.ts';
import type { AppDeps } from '../../server/deps.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { CodeParams } from '../../contract/dossiers.ts';
import { readableDossier } from '../dossiers/dossiers.service.ts';
import { documentResource, listDossierDocuments, listOwnedDocuments } from './documents.repo.ts';
import { presentDocument, presentPublic } from './documents.present.ts';
import { readBlob } from './documents.results.ts';
import { checkFileAgainst, documentById, revoke } from './documents.service.ts';
import { answers } from '../../contract/bodies.ts';

const IdParams = z.strictObject({ id: z.uuid() });

/**
 * Signed documents: the public verification (by the code in the QR), the citizen's electronic
 * document store, the signed file, and revocation by a leader.
 */
export function documentsRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database;
  const publicUrl = deps.config.publicUrl;

  api.get(
    '/public/verify/:id',
    {
      schema: {
        tags: ['public'],
        summary: 'Xác minh văn bản điện tử theo mã QR (công khai) / verify a signed document by its code',
        description: 'Issuing unit, date, dossier code, the signed file’s SHA-256, and whether it is in force (valid, revoked, expired). 404 DOCUMENT_NOT_FOUND for an unknown code.',
        params: IdParams,
        response: { 200: PublicDocumentView },
      },
    },
    async (req) => presentPublic(await documentById(db.db, req.params.id), publicUrl, now()),
  );

  api.post(
    '/public/verify/:id',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Kiểm tra tệp PDF có đúng văn bản đã cấp và chữ ký số còn nguyên vẹn (multipart, trường "file") / check a PDF against the document issued',
        description:
          'verdict: genuine (the very file issued, in force) · genuine_not_in_force (revoked or expired) · altered (signature broken or content added after signing) · other_document · unsigned. The file is not stored.',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: VerifyFileAnswer },
      },
    },
    async (req) => {
      const d = await documentById(db.db, req.params.id);
      if (!req.isMultipart()) throw new AppError('VERIFY_FILE_REQUIRED');
      const part = await req.file().catch(() => null);
      if (!part || part.fieldname !== 'file') throw new AppError('VERIFY_FILE_REQUIRED');
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch {
        throw new AppError('FILE_TOO_LARGE', { maxBytes: deps.config.maxUploadBytes });
      }
      if (bytes.length === 0) throw new AppError('VERIFY_FILE_REQUIRED');
      return { document: presentPublic(d, publicUrl, now()), file: await checkFileAgainst(db.db, d, bytes, now()) };
    },
  );

  api.get(
    '/me/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'Kho dữ liệu điện tử của tôi: kết quả, bản sao chứng thực đã ký số / my electronic document store',
        response: { 200: DocumentList },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const t = now();
      return { items: (await listOwnedDocuments(db.db, user.id)).map((d) => presentDocument(d, publicUrl, t, user)) };
    },
  );

  api.get(
    '/dossiers/:code/signed-documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'Văn bản kết quả đã ký số của hồ sơ / the signed results of a dossier',
        params: CodeParams,
        response: { 200: DocumentList },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const d = await readableDossier(db.db, user, req.params.code);
      const t = now();
      return { items: (await listDossierDocuments(db.db, d.id)).map((x) => presentDocument(x, publicUrl, t, user)) };
    },
  );

  api.get(
    '/documents/:id',
    { schema: { tags: ['documents'], summary: 'Một văn bản đã ký số / a signed document', params: IdParams, response: { 200: DocumentView } } },
    async (req) => {
      const user = requireUser(req);
      const d = await documentById(db.db, req.params.id);
      if (!can(user, 'document.read', documentResource(d))) throw new AppError('DOCUMENT_NOT_FOUND');
      return presentDocument(d, publicUrl, now(), user);
    },
  );

  api.get(
    '/documents/:id/file',
    {
      schema: {
        tags: ['documents'],
        summary: 'Tải tệp PDF đã ký số / download the signed PDF',
        response: { 200: answers('Tệp PDF đã ký số / the signed PDF', 'application/pdf') },
        params: IdParams,
        querystring: z.strictObject({ download: z.enum(['1', '0']).optional() }),
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const d = await documentById(db.db, req.params.id);
      if (!can(user, 'document.read', documentResource(d))) throw new AppError('DOCUMENT_NOT_FOUND');
      // An official opening a citizen's document reads personal data: recorded.
      if (mustAudit(user, 'document.read', documentResource(d))) {
        await db.transaction((tx) => audit(tx, { actorId: user.id, action: 'read_document', entityType: 'document', entityId: d.id, details: { dossier: d.dossier_code }, ...auditContext(req) }, now()));
      }
      const bytes = await readBlob(deps.blobs, d.sha256);
      const name = `${d.dossier_code ?? d.id}-${d.kind === 'result' ? 'ket-qua' : 'ban-sao-chung-thuc'}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `${req.query.download === '1' ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );

  api.post(
    '/documents/:id/revoke',
    {
      schema: {
        tags: ['documents'],
        summary: 'Thu hồi văn bản đã ký số (lãnh đạo đơn vị ban hành) / revoke a signed document',
        description: '403 FORBIDDEN unless a leader of the issuing unit (without a department); 409 DOCUMENT_ALREADY_REVOKED.',
        params: IdParams,
        body: z.strictObject({ reason: z.string().trim().min(5).max(1000) }),
        response: { 200: DocumentView },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const t = now();
      return presentDocument(await revoke(db, user, req.params.id, req.body.reason.normalize('NFC'), t, auditContext(req)), publicUrl, t, user);
    },
  );
}
