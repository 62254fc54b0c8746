/** Use cases of signed documents: verify a file handed in, revoke, list. */
import { createHash } from 'node:crypto';
import type { Database, Executor } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { authorize, can } from '../../domain/policy.ts';
import { documentState, judgeFile } from '../../domain/signed-document.ts';
import type { FileCheckView } from '../../domain/signed-document.schemas.ts';
import type { SessionUser } from '../../server/auth.ts';
import { audit } from '../audit/audit.ts';
import { ts } from '../dossiers/dossiers.repo.ts';
import { lazy } from '../../lazy.ts';
import { documentResource, loadDocument, revokeDocument, unitCertificates, type IssuedDocumentRow } from './documents.repo.ts';

// Checking a signature loads pdf-lib, @signpdf and node-forge: on the first check, not at start-up.
const checkPdfSignature = lazy(() => import('../signing/pdf-signature.ts'), 'checkPdfSignature');
const certificateInfo = lazy(() => import('../signing/pkcs12.ts'), 'certificateInfo');

/** @throws AppError DOCUMENT_NOT_FOUND */
export async function documentById(ex: Executor, id: string, forUpdate = false): Promise<IssuedDocumentRow> {
  const d = await loadDocument(ex, id, forUpdate);
  if (!d) throw new AppError('DOCUMENT_NOT_FOUND');
  return d;
}

/** Is `bytes` the document issued under `d`, with its signature whole and the issuing unit's? */
export async function checkFileAgainst(ex: Executor, d: IssuedDocumentRow, bytes: Uint8Array, now: Date): Promise<FileCheckView> {
  const sig = await checkPdfSignature(bytes);
  const signer = sig.certDer ? await certificateInfo(sig.certDer) : null;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const judged = judgeFile(
    {
      sha256: d.sha256,
      state: documentState({ revokedAt: ts(d.revoked_at), validUntil: ts(d.valid_until) }, now),
      issuerCertificates: await unitCertificates(ex, d.unit_id),
    },
    { sha256, signature: { present: sig.present, intact: sig.intact, coversWholeFile: sig.coversWholeFile, certificate: signer?.fingerprint ?? null } },
  );
  return { ...judged, sha256, signer: signer?.subject ?? null };
}

/**
 * A leader of the issuing unit revokes a document, with the reason the verification page shows.
 * @throws AppError DOCUMENT_NOT_FOUND (also when the actor may not even read it), FORBIDDEN, DOCUMENT_ALREADY_REVOKED
 */
export async function revoke(database: Database, actor: SessionUser, id: string, reason: string, now: Date, ctx: { requestId: string; ip: string }) {
  return database.transaction(async (tx) => {
    const d = await loadDocument(tx, id, true);
    if (!d || !can(actor, 'document.read', documentResource(d))) throw new AppError('DOCUMENT_NOT_FOUND');
    authorize(actor, 'document.revoke', documentResource(d));
    if (!(await revokeDocument(tx, id, actor.id, reason, now))) throw new AppError('DOCUMENT_ALREADY_REVOKED');
    await audit(tx, { actorId: actor.id, action: 'document_revoke', entityType: 'document', entityId: id, details: { reason, dossier: d.dossier_code }, ...ctx }, now);
    return (await loadDocument(tx, id))!;
  });
}
