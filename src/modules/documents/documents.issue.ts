/**
 * Issues a signed document: the official's file (or scanned pages) gets the verification mark
 * (QR code of `/xac-minh/<id>`), is signed with the unit's certificate (PAdES), stored in the blob
 * store, and recorded — all inside the caller's transaction, so a document exists only if the
 * action that issued it committed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { dateWords, placeOfUnit } from '../forms/wording.ts';
import type { BlobStore } from '../files/storage.ts';
import { lazy } from '../../lazy.ts';
import type { SigningSettings, SigningUnit } from '../signing/unit-signer.ts';
import { insertDocument, type DocumentKind } from './documents.repo.ts';

// Signing loads pdf-lib, @signpdf and node-forge: on the first document issued, not at start-up.
const signPdf = lazy(() => import('../signing/pdf-signature.ts'), 'signPdf');
const documentFromFiles = lazy(() => import('../signing/stamp.ts'), 'documentFromFiles');
const stampVerification = lazy(() => import('../signing/stamp.ts'), 'stampVerification');
const unitSigner = lazy(() => import('../signing/unit-signer.ts'), 'unitSigner');

export interface IssueDeps {
  blobs: BlobStore;
  signing: SigningSettings;
  /** `PUBLIC_URL`, without a trailing slash. */
  publicUrl: string;
}

export interface IssueInput {
  kind: DocumentKind;
  unit: SigningUnit;
  ownerId: string;
  dossierId: string | null;
  title: string;
  /** What is signed: one PDF, or scanned pages (JPG/PNG, or PDFs whose pages are taken in order). */
  sources: readonly { bytes: Uint8Array; mime: string }[];
  /** The official's upload it was made from (kept), when there is one. */
  sourceUploadId: string | null;
  /** The signed file's name ("…-ket-qua.pdf"). */
  fileName: string;
  /** "Ban hành kết quả giải quyết thủ tục hành chính" (the signature's reason). */
  reason: string;
  issuedBy: string;
}

export interface IssuedDocument {
  id: string;
  uploadId: string;
  sha256: string;
  pages: number;
  size: number;
}

export const verificationUrl = (publicUrl: string, id: string) => `${publicUrl}/xac-minh/${id}`;

async function* once(bytes: Uint8Array) {
  yield bytes;
}

/**
 * Stamps, signs, stores and records one document.
 * @throws AppError DOCUMENT_FILE_UNSUPPORTED when a source is neither a readable PDF nor a JPG/PNG;
 * Pkcs12Error when the unit's configured certificate cannot be opened
 */
export async function issueSignedDocument(tx: Executor, deps: IssueDeps, input: IssueInput, now: Date): Promise<IssuedDocument> {
  const signer = await unitSigner(tx, deps.signing, input.unit, now);
  const doc = await documentFromFiles(input.sources);
  const id = randomUUID();
  const url = verificationUrl(deps.publicUrl, id);
  await stampVerification(doc, { url, signer: input.unit.name, when: `ký số ${dateWords(now)}` });
  const pages = doc.getPageCount();
  const signed = await signPdf(
    doc,
    { reason: input.reason, name: input.unit.name, location: placeOfUnit(input.unit.name), contactInfo: url, signingTime: now },
    signer,
  );
  const sha256 = createHash('sha256').update(signed).digest('hex');
  const staged = await deps.blobs.stage(once(signed), { maxBytes: signed.length });
  try {
    const uploadId = randomUUID();
    const t = now.toISOString();
    // Creates the blob's row, or locks it (the lock the sweep of abandoned uploads honours).
    await tx.execute(sql`insert into files (sha256, size, mime, created_at) values (${sha256}, ${signed.length}, 'application/pdf', ${t})
                         on conflict (sha256) do update set size = files.size`);
    await tx.execute(sql`insert into uploads (id, sha256, name, uploaded_by, created_at) values (${uploadId}, ${sha256}, ${input.fileName}, ${input.issuedBy}, ${t})`);
    await insertDocument(
      tx,
      {
        id,
        kind: input.kind,
        unitId: input.unit.id,
        ownerId: input.ownerId,
        dossierId: input.dossierId,
        title: input.title,
        uploadId,
        sourceUploadId: input.sourceUploadId,
        sha256,
        pages,
        certificate: signer.info.fingerprint,
        issuedBy: input.issuedBy,
      },
      now,
    );
    await staged.commit();
    return { id, uploadId, sha256, pages, size: signed.length };
  } finally {
    await staged.discard();
  }
}
