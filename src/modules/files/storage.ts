import type { Readable } from 'node:stream';

/** What put() accepts: a Node stream (e.g. a @fastify/multipart file) or any async iterable of bytes. */
export type BlobSource = AsyncIterable<Uint8Array> | NodeJS.ReadableStream;

export interface PutResult {
  /** Lowercase sha256 hex of the content: the blob's address. */
  sha256: string;
  size: number;
  /** The first bytes (at most SNIFF_HEAD_BYTES) for sniffMime. */
  head: Uint8Array;
}

/**
 * Content received and hashed but not yet in the store: the caller looks at it (type, size)
 * first, and only what it accepts becomes a blob. Refused content never touches the store.
 */
export interface StagedBlob extends PutResult {
  /** Moves the content into the store under its hash (nothing to do if it is there already). @throws BlobStoreError */
  commit(): Promise<void>;
  /** Removes the staged copy; safe after commit() and when called twice. */
  discard(): Promise<void>;
}

/** Content-addressed attachment storage. */
export interface BlobStore {
  /**
   * Receives `source` into a staging area while hashing it; nothing is stored until commit().
   * The source is not drained when stage() fails early. On failure nothing is left behind.
   * @throws FileTooLargeError when the content exceeds maxBytes
   * @throws EmptyFileError when the content is zero bytes
   * @throws UploadInterruptedError when the source fails (the client went away, a cut-short body)
   */
  stage(source: BlobSource, opts: { maxBytes: number }): Promise<StagedBlob>;
  /**
   * stage() then commit(): streams `source` to storage while hashing. Idempotent: identical
   * content is stored once. @throws as stage(), and BlobStoreError when the backend fails
   */
  put(source: BlobSource, opts: { maxBytes: number }): Promise<PutResult>;
  /** Removes staged copies older than `before` (left by a process that died mid-upload); returns how many. */
  removeStaleStaging(before: Date): Promise<number>;
  /** The content, or null when no blob has that hash. @throws InvalidSha256Error */
  get(sha256: string): Promise<Readable | null>;
  /** @throws InvalidSha256Error */
  has(sha256: string): Promise<boolean>;
  /** Removes the blob; no error if it is already gone. @throws InvalidSha256Error */
  delete(sha256: string): Promise<void>;
}

/** put() for a store that has stage(): stage, commit, and always drop the staged copy. */
export async function putByStaging(stage: BlobStore['stage'], source: BlobSource, opts: { maxBytes: number }): Promise<PutResult> {
  const staged = await stage(source, opts);
  try {
    await staged.commit();
  } finally {
    await staged.discard();
  }
  return { sha256: staged.sha256, size: staged.size, head: staged.head };
}

/**
 * Errors carry a stable `code` for the error → HTTP table at the edge; they know nothing of HTTP.
 * FILE_TOO_LARGE, FILE_EMPTY, FILE_UPLOAD_INTERRUPTED, FILE_INVALID_SHA256, FILE_STORE_FAILED.
 */
export class FileTooLargeError extends Error {
  readonly code = 'FILE_TOO_LARGE';
  constructor(readonly maxBytes: number) {
    super(`File exceeds the limit of ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export class EmptyFileError extends Error {
  readonly code = 'FILE_EMPTY';
  constructor() {
    super('File is empty');
    this.name = 'EmptyFileError';
  }
}

/** Reading the upload failed: the client aborted, or the body ended in the middle of the file. */
export class UploadInterruptedError extends Error {
  readonly code = 'FILE_UPLOAD_INTERRUPTED';
  constructor(options?: { cause?: unknown }) {
    super('The upload stream ended before the file was complete', options);
    this.name = 'UploadInterruptedError';
  }
}

export class InvalidSha256Error extends Error {
  readonly code = 'FILE_INVALID_SHA256';
  constructor() {
    // The value is not echoed: it is attacker-controlled and may be a path.
    super('Blob address must be 64 lowercase hex characters');
    this.name = 'InvalidSha256Error';
  }
}

/** The storage backend failed (I/O error, S3 answered with an error status). */
export class BlobStoreError extends Error {
  readonly code = 'FILE_STORE_FAILED';
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BlobStoreError';
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}

/** @throws InvalidSha256Error unless `value` is 64 lowercase hex characters */
export function assertSha256Hex(value: string): void {
  if (!isSha256Hex(value)) throw new InvalidSha256Error();
}
