import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import request from 'supertest';
import { PostgresDatabase, quoteIdentifier } from '@app/database';
import { AppProcess, ENTRIES } from './reliability/support/app-process';
import { waitUntil } from './reliability/support/killable-api';
import { TEST_API_KEYS } from './support/test-app';
import { listenPortForChildProcess } from './support/listen-port';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const MB = 1024 * 1024;
const FILE_BYTES = 50 * MB;

/** Writes a 50 MB PDF-looking file chunk by chunk (never whole in memory); answers its hash. */
async function writeBigFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  const write = async (chunk: Buffer) => {
    hash.update(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const header = Buffer.from('%PDF-1.7\n', 'latin1');
  await write(header);
  for (let left = FILE_BYTES - header.length; left > 0;) {
    const chunk = randomBytes(Math.min(left, MB));
    await write(chunk);
    left -= chunk.length;
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

/** The resident memory of process `pid` (Linux: VmRSS of /proc/<pid>/status), in bytes. */
async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!kilobytes) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kilobytes[1]) * 1024;
}

/** How far the process's resident memory rose above its level at the start while `work` ran. */
async function peakRssGrowth(pid: number, work: () => Promise<unknown>): Promise<number> {
  const baseline = await rssOf(pid);
  let peak = baseline;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await rssOf(pid));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  try {
    await work();
  } finally {
    sampling = false;
    await sampler;
  }
  return Math.max(peak, await rssOf(pid)) - baseline;
}

/**
 * Issue 22, item 3: a 50 MB upload is streamed to disk and on to the blob store, never held
 * whole in memory. The API runs as its own process (`npm start`), so its resident memory is
 * the API's alone, sampled from /proc while the upload runs. To show the probe would see a
 * buffered request, the same process is sent the same 50 MB as a JSON body, which the JSON
 * body parser must hold whole (BODY_LIMIT raised for it): that one grows it by more than 50 MB.
 */
describe('a 50 MB attachment is streamed through the API process, not buffered', () => {
  const databaseUrl = process.env.DATABASE_URL;
  const schema = `e2e_stream_${Date.now().toString(36)}`;
  let api: AppProcess;
  let url = '';
  let work = '';
  let bigFile = '';
  let sha256 = '';

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'big-upload-'));
    bigFile = join(work, 'escaneo completo.pdf');
    sha256 = await writeBigFile(bigFile);
    const port = await listenPortForChildProcess();
    url = `http://127.0.0.1:${port}`;
    api = AppProcess.start(
      ENTRIES.api,
      {
        PORT: String(port),
        ...(databaseUrl
          ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema }
          : { DATABASE_URL: '' }),
        // The embedded database (without DATABASE_URL) and the uploads being received.
        DATA_DIR: join(work, 'data'),
        BLOB_DIR: join(work, 'blobs'),
        API_KEYS: `operator:${TEST_API_KEYS.operator}`,
        ATTACHMENT_MAX_BYTES: String(64 * MB),
        BODY_LIMIT: '80mb',
        LOG_LEVEL: 'warn',
        SENDS_INTERVAL_MS: '0',
        // A small young generation: the chunks already written are collected sooner instead of
        // piling up towards V8's external-memory trigger (64 MB). Only when garbage is freed
        // changes; what a request holds live (a buffered upload) is not collectable at all.
        NODE_OPTIONS: '--max-semi-space-size=1',
      },
      'attachments-streaming',
    );
    await waitUntil(
      'the API to answer',
      async () => (await fetch(`${url}/api/health`).catch(() => null))?.status === 200,
      { timeoutMs: 120_000, pollMs: 100, context: () => api.lastOutput },
    );
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await rm(work, { recursive: true, force: true });
    if (databaseUrl) {
      const db = await PostgresDatabase.open({ connectionString: databaseUrl });
      await db.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
      await db.close();
    }
  });

  it('stores it byte for byte while the API process grows by far less than the file', async () => {
    const customer = await request(url)
      .post('/api/customers')
      .set(operator)
      .send({ name: 'Escaneos Grandes SL' })
      .expect(201);
    const upload = (file: string | Buffer, name?: string) =>
      request(url)
        .post(`/api/customers/${customer.body.id}/attachments`)
        .set(operator)
        .attach('file', file, name);
    // Warm up the upload path (modules, JIT, pools) so the measure is the file's alone.
    for (let round = 0; round < 3; round++)
      await upload(Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(MB)]), 'warm.pdf').expect(
        201,
      );

    let status = 0;
    const streamed = await peakRssGrowth(api.pid, async () => {
      status = (await upload(bigFile)).status;
    });
    expect(status).toBe(201);

    const body = Buffer.concat([
      Buffer.from('{"name":"'),
      Buffer.alloc(FILE_BYTES, 'a'),
      Buffer.from('"}'),
    ]);
    // The probe must see a buffered body: up to three tries, the largest growth kept. Under
    // load the allocator sometimes hands the body memory the upload freed and kept resident
    // (CI once saw +23.9 MB), which hides part of it from RSS.
    let buffered = 0;
    for (let attempt = 0; attempt < 3 && buffered <= 50 * MB; attempt++) {
      let status = 0;
      const growth = await peakRssGrowth(api.pid, async () => {
        status = (
          await request(url)
            .patch(`/api/customers/${customer.body.id}`)
            .set({ ...operator, 'Content-Type': 'application/json' })
            .send(body.toString())
        ).status;
      });
      // Read and parsed whole, then refused for the name's length.
      expect(status).toBe(400);
      buffered = Math.max(buffered, growth);
    }

    console.log(
      `API process RSS: +${(streamed / MB).toFixed(1)} MB during a 50 MB upload; ` +
        `+${(buffered / MB).toFixed(1)} MB for the same 50 MB as a (buffered) JSON body`,
    );
    // Buffering holds the whole 50 MB live at once; streaming holds a few chunks (measured
    // +0 to +26 MB here: chunks written but not yet collected, allocator arenas).
    expect(buffered).toBeGreaterThan(50 * MB);
    expect(streamed).toBeLessThan(45 * MB);

    const stored = await readFile(join(work, 'blobs', sha256.slice(0, 2), sha256));
    expect(stored.length).toBe(FILE_BYTES);
    expect(createHash('sha256').update(stored).digest('hex')).toBe(sha256);
    expect(await readdir(join(work, 'data', 'uploads'))).toEqual([]);
  }, 180_000);
});
