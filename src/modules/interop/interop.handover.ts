import { sql } from 'drizzle-orm';
import { maybeOne, type Database } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { audit } from '../audit/audit.ts';
import type { ConnectedSystem } from './interop.systems.ts';
import type { RowOf } from '../../db/rows.ts';

/**
 * A document of a dossier handed over to a unit on another deployment, for that unit's system only
 * (the one that represents the dossier's handling unit). Audited with the system and the file.
 * @throws AppError NOT_FOUND (any other system, dossier or document: nothing is revealed)
 */
export async function handoverDocument(
  database: Database,
  system: ConnectedSystem,
  code: string,
  documentId: string,
  o: { now: Date; requestId: string; ip: string },
): Promise<{ sha256: string; name: string; mime: string; size: number }> {
  return database.transaction(async (tx) => {
    const f = await maybeOne<RowOf<'uploads', { sha256: string; name: string }> & RowOf<'files', { mime: string; size: number }>>(
      tx,
      sql`select up.sha256, up.name, f.mime, f.size from dossiers d
          join interop_systems s on s.remote_unit_id = d.handling_unit_id and s.id = ${system.id}
          join dossier_documents dd on dd.dossier_id = d.id and dd.id = ${documentId} and dd.purpose = 'application'
          join uploads up on up.id = dd.upload_id join files f on f.sha256 = up.sha256
          where d.code = ${code}`,
    );
    if (!f) throw new AppError('NOT_FOUND');
    await audit(
      tx,
      { actorId: null, action: 'interop_handover_document', entityType: 'dossier', entityId: code, details: { system: system.code, documentId, name: f.name, personalDataOut: ['document'] }, requestId: o.requestId, ip: o.ip },
      o.now,
    );
    return { ...f, size: Number(f.size) };
  });
}
