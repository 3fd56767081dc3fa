import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const PORTAL_TOKEN_SECRET_FILE = 'portal-token-secret';

/**
 * The key portal tokens are signed with: PORTAL_TOKEN_SECRET when set; else a random one
 * generated on first use and kept in `DATA_DIR/portal-token-secret` (readable by its owner
 * only), so a restart keeps the tokens issued valid; with an in-memory DATA_DIR
 * (`memory://`), a random one for this process.
 */
export async function portalTokenSecret(config: {
  PORTAL_TOKEN_SECRET?: string;
  DATA_DIR: string;
}): Promise<Buffer> {
  if (config.PORTAL_TOKEN_SECRET !== undefined)
    return Buffer.from(config.PORTAL_TOKEN_SECRET, 'utf8');
  if (config.DATA_DIR.startsWith('memory://')) return randomBytes(32);
  const path = join(config.DATA_DIR, PORTAL_TOKEN_SECRET_FILE);
  const stored = await readSecret(path);
  if (stored !== null) return stored;
  await mkdir(config.DATA_DIR, { recursive: true });
  try {
    // `wx`: of two processes starting at once, one writes and the other reads what it wrote.
    await writeFile(path, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const written = await readSecret(path);
  if (written === null) throw new Error(`The portal token secret in ${path} is unreadable`);
  return written;
}

async function readSecret(path: string): Promise<Buffer | null> {
  try {
    const secret = Buffer.from((await readFile(path, 'utf8')).trim(), 'base64url');
    return secret.length >= 32 ? secret : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
