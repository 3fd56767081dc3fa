import type { S3ClientConfig } from '@aws-sdk/client-s3';
import type { AddressInfo } from 'node:net';

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

export interface S3rverHandle {
  address: AddressInfo;
  /** What an S3 client needs to reach it (path-style, s3rver's fixed credentials). */
  clientConfig: S3ClientConfig;
  /** The same as environment variables, for an app under test (`BLOB_STORE=s3`). */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A local S3 (s3rver, tests only) on a free port, with `bucket` created, files in `directory`. */
export async function startS3rver(directory: string, bucket: string): Promise<S3rverHandle> {
  // s3rver ships no types; it is a test dependency only.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const S3rver = require('s3rver') as S3rverClass;
  const instance = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const address = await instance.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    address,
    clientConfig: {
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    },
    env: {
      BLOB_STORE: 's3',
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: 'true',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    },
    close: () => instance.close(),
  };
}
