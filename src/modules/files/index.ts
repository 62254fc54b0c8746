import { createLocalBlobStore } from './storage.local.ts';
import { createS3BlobStore, type S3BlobStoreConfig } from './storage.s3.ts';
import type { BlobStore } from './storage.ts';

export type BlobStoreConfig = { kind: 'local'; root: string } | ({ kind: 's3' } & S3BlobStoreConfig);

export function createBlobStore(config: BlobStoreConfig): BlobStore {
  switch (config.kind) {
    case 'local':
      return createLocalBlobStore(config.root);
    case 's3':
      return createS3BlobStore(config);
  }
}

export { createLocalBlobStore } from './storage.local.ts';
export { createS3BlobStore, type S3BlobStoreConfig } from './storage.s3.ts';
export {
  assertSha256Hex,
  BlobStoreError,
  EmptyFileError,
  FileTooLargeError,
  InvalidSha256Error,
  isSha256Hex,
  type BlobSource,
  type BlobStore,
  type PutResult,
  type StagedBlob,
  UploadInterruptedError,
} from './storage.ts';
export {
  ALLOWED_MIME,
  MIME,
  sanitizeFileName,
  SNIFF_HEAD_BYTES,
  sniffAllowedMime,
  sniffMime,
  type SniffedType,
} from './sniff.ts';
export { signV4 } from './sigv4.ts';
