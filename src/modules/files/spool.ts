import { createHash } from 'node:crypto';
import { open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SNIFF_HEAD_BYTES } from './sniff.ts';
import { EmptyFileError, FileTooLargeError, UploadInterruptedError, type BlobSource, type PutResult } from './storage.ts';

/**
 * Writes `source` to a new file at `path` (which must not exist) while hashing it, keeping the
 * first bytes and enforcing `maxBytes`. The file is fsynced, so a rename after this is durable.
 * On any failure the file is removed before the error is rethrown.
 * @throws FileTooLargeError, EmptyFileError, UploadInterruptedError (the source failed), or the
 *   underlying I/O error
 */
export async function spoolToFile(source: BlobSource, path: string, maxBytes: number): Promise<PutResult> {
  const hash = createHash('sha256');
  const head = new Uint8Array(SNIFF_HEAD_BYTES);
  let headLen = 0;
  let size = 0;
  const fh = await open(path, 'wx', 0o640);
  try {
    for await (const raw of readSource(source)) {
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

/** The source's chunks; an error of the source itself (not of writing) becomes UploadInterruptedError. */
async function* readSource(source: BlobSource): AsyncGenerator<unknown> {
  const it = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<unknown>;
      try {
        next = await it.next();
      } catch (err) {
        throw new UploadInterruptedError({ cause: err });
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Stop a stream that is left unread (an oversize upload): it releases its resources.
    await it.return?.();
  }
}

/** Removes files in `dir` whose names match `pattern`, last modified before `before`; returns how many. */
export async function removeStaleFiles(dir: string, pattern: RegExp, before: Date): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  let removed = 0;
  for (const name of names) {
    if (!pattern.test(name)) continue;
    const path = join(dir, name);
    const s = await stat(path).catch(() => null);
    if (s?.isFile() && s.mtime < before) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
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
