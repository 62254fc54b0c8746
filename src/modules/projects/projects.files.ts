import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { maybeOne } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import type { AppDeps } from '../../server/deps.ts';
import { requireUser } from '../../server/auth.ts';
import { readableProject } from './projects.service.ts';
import { answers } from '../../contract/bodies.ts';

/**
 * Files of projects, plans and promoted sites. Evidence of a progress update is read by whoever
 * may read the project; what is published (a public project's public updates, and — see
 * projects.public.ts — planning documents and promoted sites) is read by anyone, signed in or not.
 */

export interface FileRow {
  id: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
}

const FILE_SELECT = sql`select up.id, up.sha256, up.name, f.mime, f.size from uploads up join files f on f.sha256 = up.sha256`;

/** Upload ids that anyone may read: add a clause here for each kind of published item. */
export const PUBLISHED_UPLOADS: SQL[] = [
  sql`select pf.upload_id from project_update_files pf join project_updates u on u.id = pf.update_id join projects p on p.id = u.project_id where u.public and p.public`,
  sql`select df.upload_id from planning_document_files df join planning_documents d on d.id = df.document_id where d.published`,
];

async function send(deps: AppDeps, reply: FastifyReply, file: FileRow | null, download: boolean, cache: string) {
  if (!file) throw new AppError('NOT_FOUND');
  const stream = await deps.blobs.get(file.sha256);
  if (!stream) throw new AppError('NOT_FOUND');
  return reply
    .header('content-type', file.mime)
    .header('content-length', String(file.size))
    .header('content-disposition', `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('cache-control', cache)
    .header('x-content-type-options', 'nosniff')
    .send(stream);
}

const DownloadQuery = z.strictObject({ download: z.enum(['1', '0']).optional() });

export function projectFilesRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  api.get(
    '/projects/:id/files/:fileId',
    {
      schema: {
        tags: ['projects'],
        summary: 'Tệp minh chứng của dự án / a project’s evidence file',
        response: { 200: answers('Tệp như đã tải lên, đúng loại của nó / the file as uploaded, of its own type', '*/*') },
        params: z.strictObject({ id: z.uuid(), fileId: z.uuid() }),
        querystring: DownloadQuery,
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      await readableProject(db, user, req.params.id);
      const file = await maybeOne<FileRow>(
        db,
        sql`${FILE_SELECT} join project_update_files pf on pf.upload_id = up.id join project_updates u on u.id = pf.update_id
             where up.id = ${req.params.fileId} and u.project_id = ${req.params.id} limit 1`,
      );
      return send(deps, reply, file, req.query.download === '1', 'private, max-age=3600');
    },
  );

  api.get(
    '/public/files/:fileId',
    {
      schema: {
        tags: ['public'],
        summary: 'Tệp đã công khai (ảnh tiến độ, bản đồ quy hoạch) / a published file',
        response: { 200: answers('Tệp như đã tải lên, đúng loại của nó / the file as uploaded, of its own type', '*/*') },
        params: z.strictObject({ fileId: z.uuid() }),
        querystring: DownloadQuery,
      },
    },
    async (req, reply) => {
      const published = sql.join(PUBLISHED_UPLOADS, sql` union `);
      const file = await maybeOne<FileRow>(db, sql`${FILE_SELECT} where up.id = ${req.params.fileId} and up.id in (${published})`);
      return send(deps, reply, file, req.query.download === '1', 'public, max-age=3600');
    },
  );
}
