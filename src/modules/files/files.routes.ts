import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { maybeOne } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { can, mustAudit, type FileResource } from '../../domain/policy.ts';
import type { AppDeps } from '../../server/deps.ts';
import { requireUser } from '../../server/auth.ts';
import { clock } from '../../server/clock.ts';
import { receiveUpload } from './files.service.ts';
import { sanitizeFileName } from './sniff.ts';
import { UploadedFile } from '../../contract/files.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { scopeOf, type DossierRow } from '../dossiers/dossiers.repo.ts';
import { answers } from '../../contract/bodies.ts';

export interface UploadRow {
  id: string;
  sha256: string;
  name: string;
  size: number;
  mime: string;
  /** Null for a photo sent with a report by someone not signed in (migration 0025). */
  uploaded_by: string | null;
}

export const presentUpload = (u: UploadRow) => ({ id: u.id, sha256: u.sha256, name: u.name, size: u.size, mime: u.mime });

export const UPLOAD_SELECT = sql`select up.id, up.sha256, up.name, f.size, f.mime, up.uploaded_by from uploads up join files f on f.sha256 = up.sha256`;

/** The multipart parser's own errors (a body cut short, a malformed part header) are the client's. */
function multipartError(err: unknown): never {
  if (err instanceof Error && !('statusCode' in err) && !(err instanceof AppError)) {
    throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'file', message: `Dữ liệu multipart sai / malformed multipart body: ${err.message}` }] });
  }
  throw err;
}

export function filesRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);

  api.post(
    '/files',
    {
      schema: {
        tags: ['files'],
        summary: 'Tải lên một tệp đính kèm (multipart, trường "file") / upload one attachment',
        consumes: ['multipart/form-data'],
        response: { 201: UploadedFile },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await req.file().catch(multipartError);
      if (!part || part.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'file', message: 'Thiếu tệp (trường "file") / missing part "file"' }] });
      const name = sanitizeFileName(part.filename);
      if (!name) {
        part.file.resume();
        throw new AppError('FILE_NAME_INVALID');
      }
      const upload = await receiveUpload({ ...deps, maxBytes: deps.config.maxUploadBytes }, { stream: part.file, name, uploadedBy: user.id }, now());
      return reply.code(201).send(upload);
    },
  );

  api.get(
    '/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: 'Tải về tệp đính kèm / download an attachment',
        response: { 200: answers('Tệp như đã tải lên, đúng loại của nó / the file as uploaded, of its own type', '*/*') },
        params: z.strictObject({ id: z.uuid() }),
        querystring: z.strictObject({ download: z.enum(['1', '0']).optional() }),
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const upload = await maybeOne<UploadRow>(deps.database.db, sql`${UPLOAD_SELECT} where up.id = ${req.params.id}`);
      if (!upload) throw new AppError('NOT_FOUND');
      // Readable by its uploader, or if it belongs to a dossier the user may read.
      const dossier =
        upload.uploaded_by === user.id
          ? null
          : await maybeOne<DossierRow>(
              deps.database.db,
              sql`select d.* from dossier_documents dd join dossiers d on d.id = dd.dossier_id where dd.upload_id = ${upload.id} limit 1`,
            );
      const file: FileResource = { uploadedBy: upload.uploaded_by, dossier: dossier && scopeOf(dossier) };
      if (!can(user, 'file.read', file)) throw new AppError('NOT_FOUND');
      // An official opening an applicant's document reads personal data: it is recorded.
      if (mustAudit(user, 'file.read', file)) {
        await deps.database.transaction((tx) =>
          audit(tx, { actorId: user.id, action: 'read_file', entityType: 'dossier', entityId: dossier!.code, details: { fileId: upload.id, name: upload.name }, ...auditContext(req) }, now()),
        );
      }
      const stream = await deps.blobs.get(upload.sha256);
      if (!stream) throw new AppError('NOT_FOUND');
      const disposition = req.query.download === '1' ? 'attachment' : 'inline';
      return reply
        .header('content-type', upload.mime)
        .header('content-length', String(upload.size))
        .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(upload.name)}`)
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );
}
