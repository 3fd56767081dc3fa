import type { Readable } from 'node:stream';

/** DI token of the BlobStore the configuration chose (`BLOB_STORE`). */
export const BLOB_STORE = Symbol('BLOB_STORE');

/**
 * Where the bytes of attachments and images live, named by their SHA-256 (content-addressed:
 * the same bytes are stored once). The log holds only the hash. Every adapter passes
 * `blob-store.contract.ts`.
 */
export interface BlobStore {
  /** For log lines and docs: `folder /var/billing/blobs`, `s3 bucket billing-files`. */
  readonly description: string;
  /**
   * Stores the file at `sourcePath` (a local temporary file the caller owns and removes) as the
   * blob `sha256`, which the caller computed from it. Idempotent: a blob already stored is
   * kept. Answers whether it was new.
   */
  put(sha256: string, sourcePath: string, size: number): Promise<{ created: boolean }>;
  /** The blob's bytes as a stream, or `null` when there is none. */
  get(sha256: string): Promise<Readable | null>;
  has(sha256: string): Promise<boolean>;
  /** Deletes the blob; none by that hash is no error. */
  delete(sha256: string): Promise<void>;
  /** Every blob's hash (tests and audits). */
  list(): Promise<string[]>;
  close?(): void;
}

export function requireSha256(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
  return sha256;
}
