import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BlobStore,
  isSetAsideToken,
  newSetAsideToken,
  requireSha256,
  sha256OfSetAside,
} from './blob-store';

const ignoreMissing = (error: NodeJS.ErrnoException): void => {
  if (error.code !== 'ENOENT') throw error;
};

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
 * under its name), and the folder fsynced so the rename survives a power cut. A blob set aside
 * is renamed into `<root>/trash/<sha256>.<uuid>` (one rename: served one moment, gone the next).
 */
export class FsBlobStore implements BlobStore {
  readonly description: string;
  private readonly tmp: string;
  private readonly trash: string;

  constructor(readonly root: string) {
    this.description = `folder ${root}`;
    this.tmp = join(root, '.tmp');
    this.trash = join(root, 'trash');
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

  async setAside(sha256: string): Promise<string | null> {
    const token = newSetAsideToken(sha256);
    await mkdir(this.trash, { recursive: true });
    try {
      await rename(this.pathOf(sha256), join(this.trash, token));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    await fsync(this.trash);
    await fsync(join(this.root, sha256.slice(0, 2)));
    return token;
  }

  async restore(token: string): Promise<void> {
    const sha256 = sha256OfSetAside(token);
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    try {
      // Over a blob stored meanwhile: the same bytes, and a rename replaces it atomically.
      await rename(join(this.trash, token), this.pathOf(sha256));
    } catch (error) {
      ignoreMissing(error as NodeJS.ErrnoException);
      return;
    }
    await fsync(join(this.root, sha256.slice(0, 2)));
    await fsync(this.trash);
  }

  async purge(token: string): Promise<void> {
    sha256OfSetAside(token);
    // No fsync: a purge a power cut undoes leaves the token in the trash, resolved again.
    await unlink(join(this.trash, token)).catch(ignoreMissing);
  }

  async listSetAside(): Promise<string[]> {
    if (!(await exists(this.trash))) return [];
    return (await readdir(this.trash)).filter(isSetAsideToken).sort();
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
