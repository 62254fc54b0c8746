import { Readable } from 'node:stream';
import type { Database } from '../../db/client.ts';
import { AppError, isAppError } from '../../domain/errors.ts';
import { sha256Hex } from '../../domain/interop.ts';
import { receiveUpload, type Upload } from '../files/files.service.ts';
import type { BlobStore } from '../files/storage.ts';
import type { IntakeInput } from '../../contract/interop.ts';

type IncomingDocument = IntakeInput['documents'][number];

const FETCH_TIMEOUT_MS = 20_000;

/**
 * The bytes of an attachment given by URL. Only from the sender's own server (the origin of its
 * callback URL): the ward's server never fetches an address a caller picks elsewhere (SSRF). No
 * redirects, a time limit, and at most `maxBytes`.
 * @throws AppError INTEROP_ATTACHMENT_INVALID
 */
async function fetchAttachment(url: string, allowedOrigin: string | null, maxBytes: number, requirementId: string): Promise<Buffer> {
  const bad = (problem: string, extra: Record<string, unknown> = {}) => new AppError('INTEROP_ATTACHMENT_INVALID', { requirementId, problem, ...extra });
  if (!allowedOrigin || new URL(url).origin !== allowedOrigin) throw bad('url_not_allowed', { allowedOrigin });
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (err) {
    throw bad('fetch_failed', { reason: (err as Error).message });
  }
  if (!res.ok || !res.body) throw bad('fetch_failed', { httpStatus: res.status });
  if (Number(res.headers.get('content-length') ?? 0) > maxBytes) throw bad('too_large', { maxBytes });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw bad('too_large', { maxBytes });
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/**
 * Stores every attachment of an incoming dossier as an upload of `uploadedBy`, after the same
 * checks as a citizen's upload (sniffed type, size, not empty) and the SHA-256 the sender gave.
 * Uploads left unused (the dossier is then refused) go with the sweep of abandoned uploads.
 * @throws AppError INTEROP_ATTACHMENT_INVALID (details: requirementId, problem)
 */
export async function storeAttachments(
  deps: { database: Database; blobs: BlobStore; maxBytes: number },
  documents: readonly IncomingDocument[],
  o: { uploadedBy: string; allowedOrigin: string | null; now: Date },
): Promise<{ requirementId: string; fileId: string; upload: Upload }[]> {
  const stored: { requirementId: string; fileId: string; upload: Upload }[] = [];
  for (const doc of documents) {
    const bytes = doc.contentBase64 !== undefined ? Buffer.from(doc.contentBase64, 'base64') : await fetchAttachment(doc.url!, o.allowedOrigin, deps.maxBytes, doc.requirementId);
    if (doc.sha256 && sha256Hex(bytes) !== doc.sha256) {
      throw new AppError('INTEROP_ATTACHMENT_INVALID', { requirementId: doc.requirementId, problem: 'sha256_mismatch' });
    }
    try {
      const upload = await receiveUpload(deps, { stream: Readable.from([bytes]), name: doc.name, uploadedBy: o.uploadedBy }, o.now);
      stored.push({ requirementId: doc.requirementId, fileId: upload.id, upload });
    } catch (err) {
      if (isAppError(err) && err.code.startsWith('FILE_')) {
        throw new AppError('INTEROP_ATTACHMENT_INVALID', { requirementId: doc.requirementId, problem: err.code, ...err.details });
      }
      throw err;
    }
  }
  return stored;
}
