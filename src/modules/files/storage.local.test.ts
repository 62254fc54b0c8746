import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SNIFF_HEAD_BYTES } from './sniff.ts';
import { createLocalBlobStore } from './storage.local.ts';
import { EmptyFileError, FileTooLargeError, InvalidSha256Error, UploadInterruptedError, type BlobStore } from './storage.ts';

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const MB = 1024 * 1024;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Every file under `dir`, relative, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('local blob store', () => {
  let root: string;
  let store: BlobStore;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'nts-blobs-'));
    store = createLocalBlobStore(root);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores a stream under its sha256 and gives it back', async () => {
    const content = Buffer.from('%PDF-1.7\nTờ khai khai sinh\n');
    const put = await store.put(Readable.from([content.subarray(0, 5), content.subarray(5)]), { maxBytes: MB });

    expect(put.sha256).toBe(sha256(content));
    expect(put.size).toBe(content.length);
    expect(Buffer.from(put.head)).toEqual(content);
    const h = put.sha256;
    expect(await listFiles(root)).toEqual([join(h.slice(0, 2), h.slice(2, 4), h)]);
    expect(await store.has(h)).toBe(true);
    const got = await store.get(h);
    expect(got && (await readAll(got))).toEqual(content);
  });

  it('accepts any async iterable of bytes and keeps only the first bytes as head', async () => {
    const chunk = new Uint8Array(10_000).fill(7);
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 10; i++) yield chunk;
    }
    const put = await store.put(chunks(), { maxBytes: MB });
    expect(put.size).toBe(100_000);
    expect(put.head).toHaveLength(SNIFF_HEAD_BYTES);
    const stored = await readFile(join(root, put.sha256.slice(0, 2), put.sha256.slice(2, 4), put.sha256));
    expect(sha256(stored)).toBe(put.sha256);
  });

  it('stores identical content once, even when uploaded concurrently', async () => {
    const content = Buffer.from('giấy chứng nhận');
    const first = await store.put(Readable.from([content]), { maxBytes: MB });
    const again = await Promise.all(
      Array.from({ length: 5 }, () => store.put(Readable.from([content]), { maxBytes: MB })),
    );
    expect(again.map((p) => p.sha256)).toEqual(Array(5).fill(first.sha256));
    expect(await listFiles(root)).toHaveLength(1); // and nothing left in tmp/
  });

  it('accepts exactly maxBytes', async () => {
    const put = await store.put(Readable.from([Buffer.alloc(10, 1)]), { maxBytes: 10 });
    expect(put.size).toBe(10);
  });

  it('refuses content over maxBytes and leaves nothing behind', async () => {
    const source = Readable.from([Buffer.alloc(6, 1), Buffer.alloc(5, 2)]);
    await expect(store.put(source, { maxBytes: 10 })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await listFiles(root)).toEqual([]);
  });

  it('refuses an empty file and leaves nothing behind', async () => {
    await expect(store.put(Readable.from([]), { maxBytes: 10 })).rejects.toBeInstanceOf(EmptyFileError);
    expect(await listFiles(root)).toEqual([]);
  });

  it('refuses a text stream, whose original bytes are already lost', async () => {
    const text = Readable.from(['xin chào'], { objectMode: true });
    await expect(store.put(text, { maxBytes: 10 })).rejects.toBeInstanceOf(TypeError);
    expect(await listFiles(root)).toEqual([]);
  });

  it('reports a missing blob as absent and deletes idempotently', async () => {
    const put = await store.put(Readable.from([Buffer.from('bản sao')]), { maxBytes: MB });
    await store.delete(put.sha256);
    await store.delete(put.sha256);
    expect(await store.has(put.sha256)).toBe(false);
    expect(await store.get(put.sha256)).toBeNull();
  });

  it.each([
    '../../../../etc/passwd',
    `../${'a'.repeat(61)}`,
    'A'.repeat(64), // uppercase hex is not how blobs are addressed
    'a'.repeat(63),
    `${'a'.repeat(64)}/`,
    '',
  ])('rejects the address %j for get, has and delete', async (bad) => {
    await expect(store.get(bad)).rejects.toBeInstanceOf(InvalidSha256Error);
    await expect(store.has(bad)).rejects.toBeInstanceOf(InvalidSha256Error);
    await expect(store.delete(bad)).rejects.toBeInstanceOf(InvalidSha256Error);
  });

  it('stages content without storing it: discard leaves nothing, commit stores it once', async () => {
    const content = Buffer.from('MZ\x90\x00 không phải PDF');
    const refused = await store.stage(Readable.from([content]), { maxBytes: MB });
    expect(refused.sha256).toBe(sha256(content));
    expect(await store.has(refused.sha256)).toBe(false);
    await refused.discard();
    await refused.discard();
    expect(await listFiles(root)).toEqual([]);

    const accepted = await store.stage(Readable.from([content]), { maxBytes: MB });
    await accepted.commit();
    await accepted.commit();
    await accepted.discard();
    const h = accepted.sha256;
    expect(await listFiles(root)).toEqual([join(h.slice(0, 2), h.slice(2, 4), h)]);
  });

  it('turns a failing source into UploadInterruptedError and removes the partial copy', async () => {
    async function* cutShort(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(1000);
      throw new Error('Unexpected end of multipart data');
    }
    await expect(store.stage(cutShort(), { maxBytes: MB })).rejects.toBeInstanceOf(UploadInterruptedError);
    expect(await listFiles(root)).toEqual([]);
  });

  it('removes staged copies older than a date, and only those', async () => {
    const old = await store.stage(Readable.from([Buffer.from('cũ')]), { maxBytes: MB });
    const fresh = await store.stage(Readable.from([Buffer.from('mới')]), { maxBytes: MB });
    const [oldName] = await listFiles(join(root, 'tmp'));
    const longAgo = new Date(Date.now() - 72 * 3_600_000);
    await utimes(join(root, 'tmp', oldName!), longAgo, longAgo);
    expect(await store.removeStaleStaging(new Date(Date.now() - 48 * 3_600_000))).toBe(1);
    expect(await listFiles(join(root, 'tmp'))).toHaveLength(1);
    await old.discard();
    await fresh.discard();
    expect(await listFiles(join(root, 'tmp'))).toEqual([]);
  });
});
