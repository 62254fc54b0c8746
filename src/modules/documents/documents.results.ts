/**
 * Results are issued signed: when an official takes `issue_result`, each result file they
 * uploaded is stamped with its verification QR code, signed with the handling unit's
 * certificate, recorded in the applicant's electronic document store, and put in the dossier in
 * place of the unsigned upload — in the action's own transaction. No file, no result.
 */
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import type { AppDeps } from '../../server/deps.ts';
import type { ActionHook } from '../dossiers/dossiers.service.ts';
import type { BlobStore } from '../files/storage.ts';
import type { SigningUnit } from '../signing/unit-signer.ts';
import { issueSignedDocument, type IssueDeps } from './documents.issue.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

/** The whole content of a stored blob. @throws AppError FILE_NOT_FOUND when the store has lost it */
export async function readBlob(blobs: BlobStore, sha256: string): Promise<Buffer> {
  const stream = await blobs.get(sha256);
  if (!stream) throw new AppError('FILE_NOT_FOUND', { sha256 });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** The signing dependencies of the app. */
export const issueDeps = (deps: AppDeps): IssueDeps => ({ blobs: deps.blobs, signing: deps.config.signing, publicUrl: deps.config.publicUrl });

/** "…-ket-qua.pdf", "…-ket-qua-2.pdf" */
const resultFileName = (code: string, index: number, count: number) => `${code}-ket-qua${count > 1 ? `-${index + 1}` : ''}.pdf`;

export function resultSigning(deps: AppDeps): ActionHook {
  const issue = issueDeps(deps);
  return async ({ tx, dossier, actor, input, now }) => {
    if (input.action !== 'issue_result') return;
    if (input.fileIds.length === 0) throw new AppError('RESULT_FILE_REQUIRED');
    await signResults(tx, issue, { dossierId: dossier.id, code: dossier.code, unitId: dossier.handling_unit_id, ownerId: dossier.applicant_id, fileIds: input.fileIds, issuedBy: actor.id }, now);
  };
}

async function signResults(
  tx: Executor,
  deps: IssueDeps,
  r: { dossierId: string; code: string; unitId: string; ownerId: string; fileIds: readonly string[]; issuedBy: string },
  now: Date,
): Promise<void> {
  const unit = (await maybeOne<SigningUnit>(tx, sql`select id, code, name from units where id = ${r.unitId}`))!;
  const proc = await maybeOne<Computed<{ name: string }>>(
    tx,
    sql`select v.definition->>'name' as name from dossiers d join procedure_versions v on v.procedure_code = d.procedure_code and v.version = d.procedure_version where d.id = ${r.dossierId}`,
  );
  const uploads = await rows<RowOf<'uploads', { id: string; sha256: string }> & RowOf<'files', { mime: string }>>(
    tx,
    sql`select up.id, up.sha256, f.mime from uploads up join files f on f.sha256 = up.sha256
        where up.id in (${sql.join(r.fileIds.map((id) => sql`${id}`), sql`, `)})`,
  );
  for (const [index, fileId] of r.fileIds.entries()) {
    const upload = uploads.find((u) => u.id === fileId)!;
    const part = r.fileIds.length > 1 ? ` (${index + 1}/${r.fileIds.length})` : '';
    const issued = await issueSignedDocument(
      tx,
      deps,
      {
        kind: 'result',
        unit,
        ownerId: r.ownerId,
        dossierId: r.dossierId,
        title: `Kết quả giải quyết thủ tục hành chính: ${proc?.name ?? r.code}${part}`,
        sources: [{ bytes: await readBlob(deps.blobs, upload.sha256), mime: upload.mime }],
        sourceUploadId: upload.id,
        fileName: resultFileName(r.code, index, r.fileIds.length),
        reason: 'Ban hành kết quả giải quyết thủ tục hành chính',
        issuedBy: r.issuedBy,
      },
      now,
    );
    // The dossier's result is the signed file; the official's upload stays as its source.
    await tx.execute(sql`update dossier_documents set upload_id = ${issued.uploadId}
                         where dossier_id = ${r.dossierId} and purpose = 'result' and upload_id = ${fileId}`);
  }
}
