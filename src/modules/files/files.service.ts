import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { sniffAllowedMime } from './sniff.ts';
import { EmptyFileError, FileTooLargeError, UploadInterruptedError, type BlobStore, type StagedBlob } from './storage.ts';

export interface UploadInput {
  /** The file's bytes (a multipart file stream: `truncated` is set when it hit the size limit). */
  stream: Readable & { truncated?: boolean };
  /** The sanitised file name. */
  name: string;
  /** The uploader's account; null for a photo of a report sent with contact details only (src/modules/feedback). */
  uploadedBy: string | null;
}

export interface Upload {
  id: string;
  sha256: string;
  name: string;
  size: number;
  mime: string;
}

/**
 * Receives an attachment. The bytes are staged and their type sniffed first: refused content
 * (wrong type, too large, empty, cut short) never reaches the blob store. Accepted content is
 * committed to the store inside the transaction that records it, while that transaction holds
 * the lock on the blob's `files` row — the lock under which the sweep removes a blob — so an
 * upload and a sweep of the same content never interleave.
 * @throws AppError FILE_TOO_LARGE, FILE_EMPTY, FILE_TYPE_NOT_ALLOWED, VALIDATION_FAILED (cut short)
 */
export async function receiveUpload(deps: { database: Database; blobs: BlobStore; maxBytes: number }, input: UploadInput, now: Date): Promise<Upload> {
  let staged: StagedBlob;
  try {
    staged = await deps.blobs.stage(input.stream, { maxBytes: deps.maxBytes });
  } catch (err) {
    input.stream.resume();
    const tooLarge = input.stream.truncated || (err as { cause?: { code?: unknown } }).cause?.code === 'FST_REQ_FILE_TOO_LARGE';
    if (err instanceof FileTooLargeError || tooLarge) throw new AppError('FILE_TOO_LARGE', { maxBytes: deps.maxBytes });
    if (err instanceof EmptyFileError) throw new AppError('FILE_EMPTY');
    if (err instanceof UploadInterruptedError) {
      throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'file', message: 'Tệp tải lên bị ngắt giữa chừng / the upload ended before the file was complete' }] });
    }
    throw err;
  }
  try {
    if (input.stream.truncated) throw new AppError('FILE_TOO_LARGE', { maxBytes: deps.maxBytes });
    const type = sniffAllowedMime(staged.head);
    if (!type) throw new AppError('FILE_TYPE_NOT_ALLOWED');
    const upload: Upload = { id: randomUUID(), sha256: staged.sha256, name: input.name, size: staged.size, mime: type.mime };
    const t = now.toISOString();
    await deps.database.transaction(async (tx) => {
      // Creates the row, or locks it (a no-op update) when the content is known already.
      await tx.execute(sql`insert into files (sha256, size, mime, created_at) values (${upload.sha256}, ${upload.size}, ${upload.mime}, ${t})
                           on conflict (sha256) do update set size = files.size`);
      await tx.execute(sql`insert into uploads (id, sha256, name, uploaded_by, created_at) values (${upload.id}, ${upload.sha256}, ${upload.name}, ${input.uploadedBy}, ${t})`);
      await staged.commit();
    });
    return upload;
  } finally {
    await staged.discard();
  }
}
