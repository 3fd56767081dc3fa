import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PORTAL_TOKEN_SECRET_FILE, portalTokenSecret } from './portal-token-secret';

describe('The portal token secret (rule 26)', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'portal-secret-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('is PORTAL_TOKEN_SECRET when set', async () => {
    const secret = 'a-secret-of-thirty-two-characters-or-more';
    expect(await portalTokenSecret({ PORTAL_TOKEN_SECRET: secret, DATA_DIR: dataDir })).toEqual(
      Buffer.from(secret),
    );
  });

  it('else is generated once in DATA_DIR, readable by its owner only, and kept across restarts', async () => {
    const first = await portalTokenSecret({ DATA_DIR: join(dataDir, 'nested') });
    const again = await portalTokenSecret({ DATA_DIR: join(dataDir, 'nested') });
    expect(first.length).toBe(32);
    expect(again).toEqual(first);
    const path = join(dataDir, 'nested', PORTAL_TOKEN_SECRET_FILE);
    expect(Buffer.from(await readFile(path, 'utf8'), 'base64url')).toEqual(first);
    const { stat } = await import('node:fs/promises');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('is random per process with an in-memory DATA_DIR', async () => {
    const [a, b] = [
      await portalTokenSecret({ DATA_DIR: 'memory://' }),
      await portalTokenSecret({ DATA_DIR: 'memory://' }),
    ];
    expect(a).not.toEqual(b);
  });
});
