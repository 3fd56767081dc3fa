import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { BlobStore } from './blob-store';

export async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The behaviour every BlobStore adapter must show (the folder and S3 specs run it). */
export function blobStoreContract(name: string, open: () => Promise<BlobStore>): void {
  describe(`${name}: the blob store contract`, () => {
    let store: BlobStore;
    let work: string;

    beforeAll(async () => {
      store = await open();
      work = await mkdtemp(join(tmpdir(), 'blob-contract-'));
    });
    afterAll(async () => {
      store.close?.();
      await rm(work, { recursive: true, force: true });
    });

    const file = async (bytes: Buffer) => {
      const path = join(work, randomBytes(8).toString('hex'));
      await writeFile(path, bytes);
      return { path, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
    };

    it('gives back the bytes stored under their hash, byte for byte', async () => {
      const bytes = randomBytes(300_000);
      const { path, sha256, size } = await file(bytes);
      expect(await store.put(sha256, path, size)).toEqual({ created: true });
      expect(await store.has(sha256)).toBe(true);
      const stream = await store.get(sha256);
      expect(stream).not.toBeNull();
      expect((await bytesOf(stream as Readable)).equals(bytes)).toBe(true);
      expect(await store.list()).toContain(sha256);
    });

    it('stores the same bytes once: a second put is no error and creates nothing', async () => {
      const { path, sha256, size } = await file(Buffer.from('the same contract twice'));
      expect(await store.put(sha256, path, size)).toEqual({ created: true });
      expect(await store.put(sha256, path, size)).toEqual({ created: false });
      expect((await store.list()).filter((hash) => hash === sha256)).toHaveLength(1);
    });

    it('answers null and false for a blob it does not hold', async () => {
      const missing = 'e'.repeat(64);
      expect(await store.get(missing)).toBeNull();
      expect(await store.has(missing)).toBe(false);
    });

    it('sets a blob aside: no longer served, listed nor found, and a put stores it anew', async () => {
      const bytes = Buffer.from('to be set aside');
      const { path, sha256, size } = await file(bytes);
      await store.put(sha256, path, size);
      const token = await store.setAside(sha256);
      expect(token).toMatch(new RegExp(`^${sha256}\\.[0-9a-f-]{36}$`));
      expect(await store.has(sha256)).toBe(false);
      expect(await store.get(sha256)).toBeNull();
      expect(await store.list()).not.toContain(sha256);
      expect(await store.listSetAside()).toContain(token);
      expect(await store.setAside(sha256)).toBeNull();
      expect(await store.put(sha256, path, size)).toEqual({ created: true });
      await store.purge(token as string);
      expect(await store.listSetAside()).not.toContain(token);
      expect((await bytesOf((await store.get(sha256)) as Readable)).equals(bytes)).toBe(true);
    });

    it('restores a set-aside blob byte for byte, over one stored again meanwhile too', async () => {
      const bytes = randomBytes(200_000);
      const { path, sha256, size } = await file(bytes);
      await store.put(sha256, path, size);
      const first = (await store.setAside(sha256)) as string;
      await store.restore(first);
      expect((await bytesOf((await store.get(sha256)) as Readable)).equals(bytes)).toBe(true);
      const second = (await store.setAside(sha256)) as string;
      await store.put(sha256, path, size);
      await store.restore(second);
      expect((await bytesOf((await store.get(sha256)) as Readable)).equals(bytes)).toBe(true);
      expect(await store.listSetAside()).not.toContain(first);
      expect(await store.listSetAside()).not.toContain(second);
      expect((await store.list()).filter((hash) => hash === sha256)).toHaveLength(1);
    });

    it('purges a set-aside blob for good; restoring or purging a resolved token is nothing', async () => {
      const { path, sha256, size } = await file(Buffer.from('to be purged'));
      await store.put(sha256, path, size);
      const token = (await store.setAside(sha256)) as string;
      await store.purge(token);
      await store.purge(token);
      await store.restore(token);
      expect(await store.has(sha256)).toBe(false);
      expect(await store.listSetAside()).not.toContain(token);
      expect(await store.setAside('d'.repeat(64))).toBeNull();
    });

    it('refuses a name that is not a SHA-256 (no path tricks)', async () => {
      await expect(store.get('../../etc/passwd')).rejects.toThrow('Not a SHA-256');
      await expect(store.restore(`${'a'.repeat(64)}/../../x`)).rejects.toThrow(
        'Not a set-aside blob',
      );
      await expect(store.purge('../blobs/aa')).rejects.toThrow('Not a set-aside blob');
    });
  });
}
