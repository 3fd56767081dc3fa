import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobStore, requireSha256 } from './blob-store';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );

/**
 * The embedded default: a content-addressed folder, `<root>/<first two hex>/<sha256>`. A blob
 * is written to `<root>/.tmp/`, fsynced, then renamed into place (a crash leaves no half blob
 * under its name), and the folder fsynced so the rename survives a power cut.
 */
export class FsBlobStore implements BlobStore {
  readonly description: string;
  private readonly tmp: string;

  constructor(readonly root: string) {
    this.description = `folder ${root}`;
    this.tmp = join(root, '.tmp');
  }

  pathOf(sha256: string): string {
    requireSha256(sha256);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(sha256: string, sourcePath: string): Promise<{ created: boolean }> {
    const target = this.pathOf(sha256);
    if (await exists(target)) return { created: false };
    await mkdir(this.tmp, { recursive: true });
    const temporary = join(this.tmp, `${sha256}.${randomUUID()}`);
    try {
      await pipeline(createReadStream(sourcePath), createWriteStream(temporary, { flags: 'wx' }));
      await fsync(temporary);
      await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
      await rename(temporary, target);
      await fsync(join(this.root, sha256.slice(0, 2)));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { created: true };
  }

  async get(sha256: string): Promise<Readable | null> {
    const path = this.pathOf(sha256);
    if (!(await exists(path))) return null;
    return createReadStream(path);
  }

  has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  async delete(sha256: string): Promise<void> {
    await unlink(this.pathOf(sha256)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  async list(): Promise<string[]> {
    if (!(await exists(this.root))) return [];
    const hashes: string[] = [];
    for (const prefix of await readdir(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
      for (const name of await readdir(join(this.root, prefix)))
        if (/^[0-9a-f]{64}$/.test(name)) hashes.push(name);
    }
    return hashes.sort();
  }
}

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
