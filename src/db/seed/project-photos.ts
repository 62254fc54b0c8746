import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { rows, type Database, type Executor } from '../client.ts';
import { stripPhotoMetadata } from '../../domain/photo-metadata.ts';
import type { BlobStore } from '../../modules/files/storage.ts';
import { PACKAGE_ROOT } from '../../package-root.ts';
import type { RowOf } from '../rows.ts';

/**
 * The demo's progress photos (docs/PROJECTS.md "Demo"): illustrations drawn by
 * scripts/demo-photos.mjs and shipped in assets/demo-photos, stripped of metadata as a
 * reported photo is. The seed runs in one database transaction without the blob store, so it
 * writes the rows (files, uploads, the report's evidence) and `restoreDemoPhotos` puts the bytes
 * in the store at start-up — in any store, as the bytes are the shipped file's, addressed by hash.
 */
export const DEMO_PHOTO_FILES = ['san-lap-mat-bang.jpg', 'duong-lien-khu.jpg', 'thoat-nuoc-doc-tuyen.jpg', 'truong-mam-non.jpg'] as const;
export type DemoPhotoFile = (typeof DEMO_PHOTO_FILES)[number];

interface DemoPhoto {
  bytes: Uint8Array;
  sha256: string;
}

let photos: Map<DemoPhotoFile, DemoPhoto> | null = null;

/** The shipped photos, read once per process. @throws PhotoFormatError, or a file-system error when assets/ is incomplete */
function demoPhotos(): Map<DemoPhotoFile, DemoPhoto> {
  photos ??= new Map(
    DEMO_PHOTO_FILES.map((name) => {
      const { bytes } = stripPhotoMetadata(readFileSync(join(PACKAGE_ROOT, 'assets', 'demo-photos', name)));
      return [name, { bytes, sha256: createHash('sha256').update(bytes).digest('hex') }];
    }),
  );
  return photos;
}

/** Attaches a shipped photo to a progress report as evidence uploaded by `by` (rows only; the bytes come at start-up). */
export async function attachDemoPhoto(tx: Executor, updateId: string, name: DemoPhotoFile, caption: string, by: string, at: Date) {
  const photo = demoPhotos().get(name)!;
  const t = at.toISOString();
  await tx.execute(sql`insert into files (sha256, size, mime, created_at) values (${photo.sha256}, ${photo.bytes.length}, 'image/jpeg', ${t}) on conflict (sha256) do nothing`);
  const uploadId = randomUUID();
  await tx.execute(sql`insert into uploads (id, sha256, name, uploaded_by, created_at) values (${uploadId}, ${photo.sha256}, ${name}, ${by}, ${t})`);
  await tx.execute(sql`insert into project_update_files (update_id, upload_id, caption) values (${updateId}, ${uploadId}, ${caption})`);
}

/**
 * Puts in the blob store the demo photos the database refers to and the store lacks (a new
 * store, a database copied from another machine). Returns how many it wrote.
 * @throws BlobStoreError when the store fails
 */
export async function restoreDemoPhotos(deps: { database: Database; blobs: BlobStore }): Promise<number> {
  const all = [...demoPhotos().values()];
  const known = await rows<RowOf<'files', { sha256: string }>>(deps.database.db, sql`select sha256 from files where sha256 in (${sql.join(all.map((p) => sql`${p.sha256}`), sql`, `)})`);
  let wrote = 0;
  for (const p of all) {
    if (!known.some((k) => k.sha256 === p.sha256) || (await deps.blobs.has(p.sha256))) continue;
    await deps.blobs.put(Readable.from([p.bytes]), { maxBytes: p.bytes.length });
    wrote++;
  }
  return wrote;
}
