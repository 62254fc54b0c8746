import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import { EMPTY_SHA256, signV4 } from './sigv4.ts';
import { removeStaleFiles, spoolToFile } from './spool.ts';
import { assertSha256Hex, BlobStoreError, putByStaging, type BlobStore, type StagedBlob } from './storage.ts';

export interface S3BlobStoreConfig {
  /** e.g. https://s3.ap-southeast-1.amazonaws.com, http://minio.local:9000 */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** https://host/bucket/key (MinIO, Ceph) rather than https://bucket.host/key. Default true. */
  forcePathStyle?: boolean;
  /** Key prefix, e.g. "attachments/"; a missing trailing slash is added. Default "". */
  prefix?: string;
  /** Where put() spools uploads while hashing them. Default os.tmpdir(). */
  spoolDir?: string;
  /** Time allowed until the response headers arrive (uploads included). Default 120 s. */
  requestTimeoutMs?: number;
  /** The clock used for signing. */
  now?: () => Date;
}

/**
 * Blobs in an S3-compatible bucket, keyed `<prefix><sha256>`. The key depends on the hash of
 * the whole content, so put() first spools the upload to a local temp file, then sends it with
 * x-amz-content-sha256 set to that hash: the server verifies the bytes it receives.
 */
export function createS3BlobStore(config: S3BlobStoreConfig): BlobStore {
  const {
    region,
    bucket,
    accessKeyId,
    secretAccessKey,
    sessionToken,
    forcePathStyle = true,
    spoolDir = tmpdir(),
    requestTimeoutMs = 120_000,
    now = () => new Date(),
  } = config;
  const prefix = config.prefix && !config.prefix.endsWith('/') ? `${config.prefix}/` : (config.prefix ?? '');
  const endpoint = new URL(config.endpoint);
  const basePath = endpoint.pathname.replace(/\/+$/, '');

  function objectUrl(sha256: string): URL {
    assertSha256Hex(sha256);
    const key = (prefix + sha256).split('/').map(encodeURIComponent).join('/');
    const url = new URL(endpoint.origin);
    if (forcePathStyle) {
      url.pathname = `${basePath}/${encodeURIComponent(bucket)}/${key}`;
    } else {
      url.host = `${bucket}.${endpoint.host}`;
      url.pathname = `${basePath}/${key}`;
    }
    return url;
  }

  async function send(
    method: string,
    url: URL,
    opts: { payloadHash?: string; headers?: Record<string, string>; body?: Readable } = {},
  ): Promise<Response> {
    const payloadHash = opts.payloadHash ?? EMPTY_SHA256;
    const { headers } = signV4({
      method,
      url,
      headers: { ...opts.headers, 'x-amz-content-sha256': payloadHash },
      payloadHash,
      region,
      service: 's3',
      accessKeyId,
      secretAccessKey,
      sessionToken,
      now: now(),
    });
    // The timer covers the request and the wait for headers, not the reading of a GET body.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error(`S3 ${method} timed out`)), requestTimeoutMs);
    try {
      return await fetch(url, {
        method,
        headers,
        body: opts.body,
        duplex: opts.body ? 'half' : undefined,
        signal: abort.signal,
      });
    } catch (err) {
      throw new BlobStoreError(`S3 ${method} failed`, undefined, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  async function fail(method: string, res: Response): Promise<never> {
    // S3 answers errors with <Error><Code>NoSuchBucket</Code>…; the code is enough to diagnose.
    const text = method === 'HEAD' ? '' : await res.text().catch(() => '');
    const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1] ?? res.statusText;
    throw new BlobStoreError(`S3 ${method} answered ${res.status} ${code}`, res.status);
  }

  async function has(sha256: string): Promise<boolean> {
    const res = await send('HEAD', objectUrl(sha256));
    if (res.status === 404) return false;
    // 403 is not "absent": without s3:ListBucket S3 hides missing keys behind 403, and this
    // store must not silently re-upload or report loss on a permissions problem.
    if (!res.ok) return fail('HEAD', res);
    return true;
  }

  async function stage(source: Parameters<BlobStore['stage']>[0], { maxBytes }: { maxBytes: number }): Promise<StagedBlob> {
    await mkdir(spoolDir, { recursive: true });
    const tmp = join(spoolDir, `nts-upload-${randomUUID()}.part`);
    const result = await spoolToFile(source, tmp, maxBytes);
    return {
      ...result,
      async commit() {
        if (await has(result.sha256)) return;
        const res = await send('PUT', objectUrl(result.sha256), {
          payloadHash: result.sha256,
          headers: { 'content-length': String(result.size), 'content-type': 'application/octet-stream' },
          body: createReadStream(tmp),
        });
        if (!res.ok) await fail('PUT', res);
        await res.body?.cancel();
      },
      async discard() {
        await rm(tmp, { force: true });
      },
    };
  }

  return {
    stage,

    put: (source, opts) => putByStaging(stage, source, opts),

    removeStaleStaging: (before) => removeStaleFiles(spoolDir, /^nts-upload-.*\.part$/, before),

    async get(sha256) {
      const res = await send('GET', objectUrl(sha256));
      if (res.status === 404) {
        await res.body?.cancel();
        return null;
      }
      if (!res.ok || !res.body) return fail('GET', res);
      // fetch's web stream type and node:stream/web's are the same object at run time.
      return Readable.fromWeb(res.body as unknown as NodeWebReadableStream<Uint8Array>);
    },

    has,

    async delete(sha256) {
      const res = await send('DELETE', objectUrl(sha256));
      if (!res.ok && res.status !== 404) await fail('DELETE', res);
      await res.body?.cancel();
    },
  };
}
