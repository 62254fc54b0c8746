import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { removeStaleFiles, spoolToFile } from './spool.ts';
import { assertSha256Hex, BlobStoreError, putByStaging, type BlobStore, type StagedBlob } from './storage.ts';

/**
 * Blobs on a local (or shared network) file system:
 *   <root>/tmp/<uuid>.part        uploads in progress (staged)
 *   <root>/ab/cd/<sha256>         stored blobs, fanned out by the first two bytes of the hash
 * Several processes may share `rootDir`: temp names are unique and the final rename is atomic,
 * so a reader sees either no blob or the whole blob. Fan-out directories are never removed, so a
 * concurrent put() cannot lose its target directory.
 */
export function createLocalBlobStore(rootDir: string): BlobStore {
  const tmpDir = join(rootDir, 'tmp');
  const blobPath = (sha256: string): string => {
    assertSha256Hex(sha256);
    return join(rootDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  async function stage(source: Parameters<BlobStore['stage']>[0], { maxBytes }: { maxBytes: number }): Promise<StagedBlob> {
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${randomUUID()}.part`);
    const result = await spoolToFile(source, tmp, maxBytes);
    const target = blobPath(result.sha256);
    return {
      ...result,
      async commit() {
        try {
          if (await exists(target)) return;
          await mkdir(join(target, '..'), { recursive: true });
          await rename(tmp, target);
        } catch (err) {
          // Windows refuses to rename over a file another process just stored: same content, fine.
          if (!(await exists(target))) throw new BlobStoreError('Could not store the file', undefined, { cause: err });
        }
      },
      async discard() {
        await rm(tmp, { force: true });
      },
    };
  }

  return {
    stage,

    put: (source, opts) => putByStaging(stage, source, opts),

    removeStaleStaging: (before) => removeStaleFiles(tmpDir, /\.part$/, before),

    async get(sha256): Promise<Readable | null> {
      const path = blobPath(sha256);
      try {
        const fh = await open(path, 'r');
        return fh.createReadStream(); // closes the handle when done or destroyed
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },

    async has(sha256) {
      return exists(blobPath(sha256));
    },

    async delete(sha256) {
      await rm(blobPath(sha256), { force: true });
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

function isNotFound(err: unknown): boolean {
  return err instanceof Error && 'code' in err && (err.code === 'ENOENT' || err.code === 'ENOTDIR');
}
