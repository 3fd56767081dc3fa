import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/** DI token of the BlobStore the configuration chose (`BLOB_STORE`). */
export const BLOB_STORE = Symbol('BLOB_STORE');

/**
 * Where the bytes of attachments and images live, named by their SHA-256 (content-addressed:
 * the same bytes are stored once, even for two customers). The log holds only the hash. Every
 * adapter passes `blob-store.contract.ts`.
 *
 * There is no one-step delete: a blob shared by content is deleted in two phases (set aside,
 * then restored or purged once the log has been checked), so an upload naming the same bytes
 * meanwhile never ends up naming a deleted blob (`UnreferencedBlobs`).
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
  /** Every blob's hash, set-aside ones not included (tests and audits). */
  list(): Promise<string[]>;
  /**
   * The first phase of a delete: moves the blob into the trash under a token of its own
   * (`<sha256>.<uuid>`), after which it is neither served nor found (`get`, `has`, `list`, and a
   * `put` stores it anew). Answers the token, or `null` when no blob had that hash.
   */
  setAside(sha256: string): Promise<string | null>;
  /**
   * Puts a set-aside blob back under its hash (a blob stored there meanwhile has the same
   * bytes). A token no longer in the trash (already restored or purged) is nothing.
   */
  restore(token: string): Promise<void>;
  /** Deletes a set-aside blob for good; a blob stored under its hash meanwhile stays. */
  purge(token: string): Promise<void>;
  /** The tokens of every blob in the trash (what a crash between the two phases left). */
  listSetAside(): Promise<string[]>;
  close?(): void;
}

export function requireSha256(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
  return sha256;
}

const SET_ASIDE_TOKEN =
  /^([0-9a-f]{64})\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A fresh token for setting `sha256` aside: two deletions of the same bytes never share one. */
export function newSetAsideToken(sha256: string): string {
  return `${requireSha256(sha256)}.${randomUUID()}`;
}

export function isSetAsideToken(name: string): boolean {
  return SET_ASIDE_TOKEN.test(name);
}

/** The hash a set-aside token is of; anything but a token is refused (no path tricks). */
export function sha256OfSetAside(token: string): string {
  const match = SET_ASIDE_TOKEN.exec(token);
  if (match === null) throw new Error(`Not a set-aside blob: ${token}`);
  return match[1];
}
