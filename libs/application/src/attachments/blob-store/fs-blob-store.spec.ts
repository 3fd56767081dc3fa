import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobStoreContract } from './blob-store.contract';
import { FsBlobStore } from './fs-blob-store';

let root = '';
blobStoreContract('the folder under DATA_DIR/blobs', async () => {
  root = join(await mkdtemp(join(tmpdir(), 'fs-blobs-')), 'blobs');
  return new FsBlobStore(root);
});

describe('the folder store', () => {
  it('leaves nothing in its temporary folder once a blob is in place', async () => {
    const store = new FsBlobStore(root);
    expect((await store.list()).length).toBeGreaterThan(0);
    expect(await readdir(join(root, '.tmp'))).toEqual([]);
  });
});
