import { createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { SNIFF_HEAD_BYTES } from './sniff.ts';
import { EmptyFileError, FileTooLargeError, type BlobSource, type PutResult } from './storage.ts';

/**
 * Writes `source` to a new file at `path` (which must not exist) while hashing it, keeping the
 * first bytes and enforcing `maxBytes`. The file is fsynced, so a rename after this is durable.
 * On any failure the file is removed before the error is rethrown.
 * @throws FileTooLargeError, EmptyFileError, or the underlying I/O error
 */
export async function spoolToFile(source: BlobSource, path: string, maxBytes: number): Promise<PutResult> {
  const hash = createHash('sha256');
  const head = new Uint8Array(SNIFF_HEAD_BYTES);
  let headLen = 0;
  let size = 0;
  const fh = await open(path, 'wx', 0o640);
  try {
    for await (const raw of source as AsyncIterable<unknown>) {
      const chunk = toBytes(raw);
      size += chunk.byteLength;
      // Checked before writing, so an oversize upload never puts more than maxBytes on disk.
      if (size > maxBytes) throw new FileTooLargeError(maxBytes);
      hash.update(chunk);
      if (headLen < head.length) {
        const take = chunk.subarray(0, head.length - headLen);
        head.set(take, headLen);
        headLen += take.byteLength;
      }
      await writeAll(fh, chunk);
    }
    if (size === 0) throw new EmptyFileError();
    await fh.sync();
  } catch (err) {
    await fh.close().catch(() => {});
    await rm(path, { force: true });
    throw err;
  }
  await fh.close();
  return { sha256: hash.digest('hex'), size, head: head.slice(0, headLen) };
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  // A stream with setEncoding() yields decoded text: the original bytes are already lost.
  throw new TypeError('Attachment streams must yield bytes, not strings');
}

async function writeAll(fh: Awaited<ReturnType<typeof open>>, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await fh.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}
