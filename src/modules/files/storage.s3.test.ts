import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signV4 } from './sigv4.ts';
import { createS3BlobStore, type S3BlobStoreConfig } from './storage.s3.ts';
import { BlobStoreError, EmptyFileError, FileTooLargeError, InvalidSha256Error } from './storage.ts';

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const CREDS = { region: 'vn-hanoi-1', accessKeyId: 'nts-test', secretAccessKey: 'bí-mật/không+lộ' };
const BUCKET = 'ho-so';

type Seen = { method: string; path: string; headers: IncomingMessage['headers'] };

/**
 * A minimal S3 in memory. Like the real one, it recomputes the SigV4 signature from what
 * arrived on the wire and checks x-amz-content-sha256 against the body.
 */
function fakeS3(): { server: Server; objects: Map<string, Buffer>; seen: Seen[] } {
  const objects = new Map<string, Buffer>();
  const seen: Seen[] = [];
  const reply = (res: ServerResponse, status: number, code?: string): void => {
    res.writeHead(status, code ? { 'content-type': 'application/xml' } : {});
    res.end(code ? `<?xml version="1.0"?><Error><Code>${code}</Code></Error>` : undefined);
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? '';
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    seen.push({ method, path: url.pathname, headers: req.headers });

    const auth =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
        req.headers.authorization ?? '',
      );
    const amzDate = req.headers['x-amz-date'];
    const payloadHash = req.headers['x-amz-content-sha256'];
    if (!auth || typeof amzDate !== 'string' || typeof payloadHash !== 'string') return reply(res, 403, 'AccessDenied');
    const [, keyId, region, signedNames = '', signature] = auth;
    if (keyId !== CREDS.accessKeyId || region !== CREDS.region) return reply(res, 403, 'InvalidAccessKeyId');
    const names = signedNames.split(';');
    if (!['host', 'x-amz-date', 'x-amz-content-sha256'].every((n) => names.includes(n))) {
      return reply(res, 403, 'AccessDenied');
    }
    const signedHeaders = Object.fromEntries(names.map((n) => [n, String(req.headers[n] ?? '')]));
    const expected = signV4({
      method,
      url,
      headers: signedHeaders,
      payloadHash,
      region: CREDS.region,
      service: 's3',
      accessKeyId: CREDS.accessKeyId,
      secretAccessKey: CREDS.secretAccessKey,
      now: new Date(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z')),
    });
    if (expected.signature !== signature) return reply(res, 403, 'SignatureDoesNotMatch');
    if (method === 'PUT' && payloadHash !== sha256(body)) return reply(res, 400, 'XAmzContentSHA256Mismatch');

    const [, bucket, ...rest] = url.pathname.split('/');
    if (bucket !== BUCKET) return reply(res, 404, 'NoSuchBucket');
    const key = rest.map(decodeURIComponent).join('/');
    const object = objects.get(key);
    switch (method) {
      case 'PUT':
        objects.set(key, body);
        return reply(res, 200);
      case 'GET':
      case 'HEAD':
        if (!object) return reply(res, 404, method === 'GET' ? 'NoSuchKey' : undefined);
        res.writeHead(200, { 'content-length': object.length });
        return res.end(method === 'GET' ? object : undefined);
      case 'DELETE':
        objects.delete(key);
        return reply(res, 204);
      default:
        return reply(res, 405, 'MethodNotAllowed');
    }
  });
  return { server, objects, seen };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('S3 blob store against an in-process S3', () => {
  const fake = fakeS3();
  let config: S3BlobStoreConfig;
  let spoolDir: string;

  beforeAll(async () => {
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const { port } = fake.server.address() as AddressInfo;
    config = { endpoint: `http://127.0.0.1:${port}`, bucket: BUCKET, ...CREDS };
  });
  afterAll(async () => {
    await new Promise((resolve) => fake.server.close(resolve));
  });
  beforeEach(async () => {
    spoolDir = await mkdtemp(join(tmpdir(), 'nts-spool-'));
    config = { ...config, spoolDir };
    fake.objects.clear();
    fake.seen.length = 0;
  });
  afterEach(async () => {
    await rm(spoolDir, { recursive: true, force: true });
  });

  it('round-trips put, has, get and delete over HTTP', async () => {
    const store = createS3BlobStore({ ...config, prefix: 'dinh-kem' });
    const content = Buffer.from('%PDF-1.7\nĐơn đề nghị cấp bản sao trích lục khai sinh\n');
    const put = await store.put(Readable.from([content.subarray(0, 9), content.subarray(9)]), { maxBytes: 1024 });

    expect(put).toMatchObject({ sha256: sha256(content), size: content.length });
    expect(Buffer.from(put.head)).toEqual(content);
    expect([...fake.objects.keys()]).toEqual([`dinh-kem/${put.sha256}`]);
    expect(await store.has(put.sha256)).toBe(true);
    const got = await store.get(put.sha256);
    expect(got && (await readAll(got))).toEqual(content);

    await store.delete(put.sha256);
    expect(fake.objects.size).toBe(0);
    expect(await store.has(put.sha256)).toBe(false);
    expect(await store.get(put.sha256)).toBeNull();
    await store.delete(put.sha256); // already gone: no error
    expect(await readdir(spoolDir)).toEqual([]);
  });

  it('sends the upload with its length and content hash, not chunked', async () => {
    const store = createS3BlobStore(config);
    const content = Buffer.alloc(200_000, 0x61);
    await store.put(Readable.from([content.subarray(0, 70_000), content.subarray(70_000)]), { maxBytes: 1024 * 1024 });
    const put = fake.seen.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/${BUCKET}/${sha256(content)}`);
    expect(put?.headers['content-length']).toBe('200000');
    expect(put?.headers['transfer-encoding']).toBeUndefined();
    expect(put?.headers['x-amz-content-sha256']).toBe(sha256(content));
  });

  it('does not upload content the bucket already holds', async () => {
    const store = createS3BlobStore(config);
    const a = await store.put(Readable.from([Buffer.from('một lần')]), { maxBytes: 100 });
    const b = await store.put(Readable.from([Buffer.from('một lần')]), { maxBytes: 100 });
    expect(b.sha256).toBe(a.sha256);
    expect(fake.seen.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('refuses oversize and empty uploads before contacting S3, leaving no spool file', async () => {
    const store = createS3BlobStore(config);
    await expect(store.put(Readable.from([Buffer.alloc(101)]), { maxBytes: 100 })).rejects.toBeInstanceOf(
      FileTooLargeError,
    );
    await expect(store.put(Readable.from([]), { maxBytes: 100 })).rejects.toBeInstanceOf(EmptyFileError);
    expect(fake.seen).toEqual([]);
    expect(await readdir(spoolDir)).toEqual([]);
  });

  it('surfaces a rejected signature as BlobStoreError and cleans the spool', async () => {
    const store = createS3BlobStore({ ...config, secretAccessKey: 'sai-khoa' });
    const failure = store.put(Readable.from([Buffer.from('x')]), { maxBytes: 100 });
    await expect(failure).rejects.toBeInstanceOf(BlobStoreError);
    await expect(failure).rejects.toMatchObject({ status: 403 });
    await expect(store.get('a'.repeat(64))).rejects.toThrow(/403 SignatureDoesNotMatch/);
    expect(fake.objects.size).toBe(0);
    expect(await readdir(spoolDir)).toEqual([]);
  });

  it('reports an unreachable endpoint as BlobStoreError', async () => {
    const store = createS3BlobStore({ ...config, endpoint: 'http://127.0.0.1:1' });
    await expect(store.has('b'.repeat(64))).rejects.toBeInstanceOf(BlobStoreError);
  });

  it('rejects a malformed address without making a request', async () => {
    const store = createS3BlobStore(config);
    await expect(store.get('../other-bucket/secret')).rejects.toBeInstanceOf(InvalidSha256Error);
    await expect(store.has('F'.repeat(64))).rejects.toBeInstanceOf(InvalidSha256Error);
    await expect(store.delete('')).rejects.toBeInstanceOf(InvalidSha256Error);
    expect(fake.seen).toEqual([]);
  });
});
