import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ClientConfig,
} from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  BlobStore,
  isSetAsideToken,
  newSetAsideToken,
  requireSha256,
  sha256OfSetAside,
} from './blob-store';

const PREFIX = 'blobs/';
const TRASH = 'trash/';

const isMissing = (error: unknown): boolean => {
  const name = (error as { name?: string }).name;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return name === 'NotFound' || name === 'NoSuchKey' || status === 404;
};

/**
 * An S3-compatible bucket (AWS, MinIO, Ceph, …): the blob `sha256` is the object
 * `blobs/<first two hex>/<sha256>`. Credentials come the SDK's usual way (env
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, instance roles). S3 has no rename: a blob
 * is set aside by copying it to `trash/<sha256>.<uuid>`, then deleting it from `blobs/`.
 */
export class S3BlobStore implements BlobStore {
  readonly description: string;
  private readonly client: S3Client;

  constructor(
    private readonly bucket: string,
    config: S3ClientConfig = {},
  ) {
    // Checksums only where S3 requires them: the SDK's default (aws-chunked bodies with
    // trailing CRC32) is not understood by every S3-compatible server.
    this.client = new S3Client({
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...config,
    });
    this.description = `s3 bucket ${bucket}${config.endpoint ? ` at ${String(config.endpoint)}` : ''}`;
  }

  private keyOf(sha256: string): string {
    requireSha256(sha256);
    return `${PREFIX}${sha256.slice(0, 2)}/${sha256}`;
  }

  async put(sha256: string, sourcePath: string, size: number): Promise<{ created: boolean }> {
    if (await this.has(sha256)) return { created: false };
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.keyOf(sha256),
        Body: createReadStream(sourcePath),
        ContentLength: size,
        ContentType: 'application/octet-stream',
      }),
    );
    return { created: true };
  }

  async get(sha256: string): Promise<Readable | null> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }),
      );
      return (answer.Body as Readable | undefined) ?? null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }),
      );
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  list(): Promise<string[]> {
    return this.namesUnder(PREFIX, (name) => /^[0-9a-f]{64}$/.test(name));
  }

  async setAside(sha256: string): Promise<string | null> {
    const token = newSetAsideToken(sha256);
    if (!(await this.copy(this.keyOf(sha256), `${TRASH}${token}`))) return null;
    await this.remove(this.keyOf(sha256));
    return token;
  }

  async restore(token: string): Promise<void> {
    const sha256 = sha256OfSetAside(token);
    if (await this.copy(`${TRASH}${token}`, this.keyOf(sha256)))
      await this.remove(`${TRASH}${token}`);
  }

  async purge(token: string): Promise<void> {
    sha256OfSetAside(token);
    await this.remove(`${TRASH}${token}`);
  }

  listSetAside(): Promise<string[]> {
    return this.namesUnder(TRASH, isSetAsideToken);
  }

  /** Copies one object to another key within the bucket; answers false when there is none. */
  private async copy(from: string, to: string): Promise<boolean> {
    try {
      await this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          CopySource: `${this.bucket}/${from}`,
          Key: to,
        }),
      );
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** Deleting a key that is not there is no error in S3. */
  private async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** The last part of every key under `prefix` that `accept` takes, sorted. */
  private async namesUnder(prefix: string, accept: (name: string) => boolean): Promise<string[]> {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        const name = object.Key?.split('/').pop() ?? '';
        if (accept(name)) names.push(name);
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return names.sort();
  }

  close(): void {
    this.client.destroy();
  }
}
