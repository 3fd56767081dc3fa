import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { BlobStore } from './blob-store';
import { FsBlobStore } from './fs-blob-store';

type FilesConfig = Pick<
  AppConfig,
  | 'DATA_DIR'
  | 'BLOB_STORE'
  | 'BLOB_DIR'
  | 'S3_BUCKET'
  | 'S3_ENDPOINT'
  | 'S3_REGION'
  | 'S3_FORCE_PATH_STYLE'
>;

/**
 * The local folder for files: `DATA_DIR`, or (an in-memory DATA_DIR, the tests') a temporary
 * folder of this process. Uploads are received under its `uploads/`, blobs kept under `blobs/`.
 */
export function filesDirectoryOf(config: Pick<AppConfig, 'DATA_DIR'>): string {
  return config.DATA_DIR.startsWith('memory://')
    ? mkdtempSync(join(tmpdir(), 'billing-files-'))
    : config.DATA_DIR;
}

/**
 * The blob store the configuration names (`BLOB_STORE`). The S3 client is loaded only where
 * configured: the AWS SDK takes a sixth of a second to load.
 */
export async function blobStoreFrom(
  config: FilesConfig,
  filesDirectory: string,
): Promise<BlobStore> {
  if (config.BLOB_STORE === 's3') {
    const { S3BlobStore } = await import('./s3-blob-store');
    return new S3BlobStore(config.S3_BUCKET ?? '', {
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION ?? 'us-east-1',
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
  }
  return new FsBlobStore(config.BLOB_DIR ?? join(filesDirectory, 'blobs'));
}
