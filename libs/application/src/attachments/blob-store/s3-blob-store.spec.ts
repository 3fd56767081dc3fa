import { mkdtemp, rm } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobStoreContract } from './blob-store.contract';
import { S3BlobStore } from './s3-blob-store';
import { startS3rver, S3rverHandle } from './testing/s3rver';

let server: S3rverHandle | undefined;
let directory = '';

afterAll(async () => {
  await server?.close();
  await rm(directory, { recursive: true, force: true });
});

blobStoreContract('an S3-compatible bucket (s3rver)', async () => {
  directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  server = await startS3rver(directory, 'contract-bucket');
  return new S3BlobStore('contract-bucket', server.clientConfig);
});

describe('the S3 store', () => {
  it('listens on a port of its own', () => {
    expect((server?.address as AddressInfo).port).toBeGreaterThan(0);
  });
});
