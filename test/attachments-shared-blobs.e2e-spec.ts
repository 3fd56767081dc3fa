import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import {
  APP_CONFIG,
  AppConfig,
  BLOB_STORE,
  blobStoreFrom,
  CustomerFilesErasure,
  FILES_DIRECTORY,
} from '@app/application';
import { BLOB_STORES, binary, pdf, startFilesTestApp } from './support/attachment-fixtures';
import { InterleavingBlobStore } from './support/interleaving-blob-store';
import { TEST_API_KEYS, TestApp } from './support/test-app';

/**
 * Blobs are shared by content: one customer's erasure (or removal) deletes a blob while another
 * customer uploads the very same bytes. Each interleaving is forced with gates on the blob
 * store; whichever way they go, the upload's attachment downloads.
 */
const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The app of one spec, its blob store wrapped in gates, and what its specs do over HTTP. */
function filesApp(onS3: boolean) {
  let testApp: TestApp;
  let last = 0;
  const http = () => request(testApp.app.getHttpServer());
  const track = (res: request.Response) => {
    if (typeof res.body?.position === 'number') last = Math.max(last, res.body.position);
    return res;
  };
  const read = () => ({ ...auditor, 'X-Min-Position': String(last) });
  return {
    async start() {
      testApp = await startFilesTestApp(onS3, { ATTACHMENT_ERASURE_INTERVAL_MS: '0' }, (builder) =>
        builder.overrideProvider(BLOB_STORE).useFactory({
          inject: [APP_CONFIG, FILES_DIRECTORY],
          factory: async (config: AppConfig, directory: string) =>
            new InterleavingBlobStore(await blobStoreFrom(config, directory)),
        }),
      );
    },
    close: () => testApp.close(),
    blobs: () => testApp.app.get<InterleavingBlobStore>(BLOB_STORE),
    erasure: () => testApp.app.get(CustomerFilesErasure),
    customer: async (name: string) =>
      track(await http().post('/api/customers').set(operator).send({ name }).expect(201)).body
        .id as string,
    attach: async (customerId: string, bytes: Buffer, fileName: string) =>
      track(
        await http()
          .post(`/api/customers/${customerId}/attachments`)
          .set(operator)
          .attach('file', bytes, fileName),
      ),
    changeImage: async (customerId: string, bytes: Buffer) =>
      track(
        await http()
          .put(`/api/customers/${customerId}/image`)
          .set(operator)
          .attach('file', bytes, 'foto.png')
          .expect(200),
      ),
    erase: async (customerId: string) =>
      track(
        await http()
          .post(`/api/customers/${customerId}/erase-personal-data`)
          .set(operator)
          .expect(200),
      ),
    remove: async (attachmentId: string) =>
      track(await http().delete(`/api/attachments/${attachmentId}`).set(operator).expect(200)),
    download: (attachmentId: string) =>
      binary(http().get(`/api/attachments/${attachmentId}`).set(read())),
    attachmentHashesOf: async (customerId: string): Promise<string[]> => {
      const tab = await http()
        .get(`/api/customers/${customerId}/attachments`)
        .set(read())
        .expect(200);
      return tab.body.items.map((item: { sha256: string }) => item.sha256);
    },
  };
}

describe.each(BLOB_STORES)('blobs shared by two customers, in %s', (_name, onS3) => {
  const app = filesApp(onS3);
  beforeAll(() => app.start(), 60_000);
  // A test that failed half-way leaves no call held (and the app free to close).
  afterEach(() => app.blobs().openAll());
  afterAll(() => app.close());

  /** `bytes` attached to a customer whose personal data is then erased (its blob not yet). */
  async function erasedOwnerOf(bytes: Buffer): Promise<void> {
    const owner = await app.customer('Ana Borrada');
    expect((await app.attach(owner, bytes, 'contrato.pdf')).status).toBe(201);
    await app.erase(owner);
  }

  async function expectDownloads(attachmentId: string, bytes: Buffer): Promise<void> {
    const download = await app.download(attachmentId);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
    expect(await app.blobs().listSetAside()).toEqual([]);
  }

  it('an upload that found the blob in place and appends after the erasure deleted it: stores it again', async () => {
    const bytes = pdf();
    const sha256 = sha256Of(bytes);
    await erasedOwnerOf(bytes);
    const other = await app.customer('Bruno Mismos Bytes');

    const foundInPlace = app.blobs().gate('afterPut', sha256);
    const uploading = app.attach(other, bytes, 'copia.pdf');
    await foundInPlace.reached;
    expect(await app.erasure().runOnce()).toBe(1);
    expect(await app.blobs().has(sha256)).toBe(false);
    foundInPlace.open();
    const upload = await uploading;

    expect(upload.status).toBe(201);
    await expectDownloads(upload.body.id, bytes);
    expect(app.blobs().timesStored(sha256)).toBe(2);
  });

  it('an erasure that found no one naming the blob and sets it aside after an upload of the same bytes appended: restores it', async () => {
    const bytes = pdf();
    const sha256 = sha256Of(bytes);
    await erasedOwnerOf(bytes);
    const other = await app.customer('Carla Mismos Bytes');

    const checked = app.blobs().gate('beforeSetAside', sha256);
    const erasing = app.erasure().runOnce();
    await checked.reached;
    const upload = await app.attach(other, bytes, 'copia.pdf');
    expect(upload.status).toBe(201);
    checked.open();

    const purged = await erasing;
    await expectDownloads(upload.body.id, bytes);
    expect(purged).toBe(0);
    expect(app.blobs().timesStored(sha256)).toBe(1);
  });

  it('both at once: the upload found the blob, the erasure set it aside, the upload appended (storing it again), the erasure restores it', async () => {
    const bytes = pdf();
    const sha256 = sha256Of(bytes);
    await erasedOwnerOf(bytes);
    const other = await app.customer('Diego Mismos Bytes');

    const foundInPlace = app.blobs().gate('afterPut', sha256);
    const uploading = app.attach(other, bytes, 'copia.pdf');
    await foundInPlace.reached;
    const setAside = app.blobs().gate('afterSetAside', sha256);
    const erasing = app.erasure().runOnce();
    await setAside.reached;
    expect(await app.blobs().has(sha256)).toBe(false);
    foundInPlace.open();
    const upload = await uploading;
    expect(upload.status).toBe(201);
    setAside.open();

    const purged = await erasing;
    await expectDownloads(upload.body.id, bytes);
    expect(purged).toBe(0);
    expect(app.blobs().timesStored(sha256)).toBe(2);
    expect((await app.blobs().list()).filter((hash) => hash === sha256)).toHaveLength(1);
  });

  it('a removal of the last attachment naming the bytes, as another customer uploads them: the upload keeps its blob', async () => {
    const bytes = pdf();
    const sha256 = sha256Of(bytes);
    const owner = await app.customer('Elena Quita');
    const attachmentId = (await app.attach(owner, bytes, 'contrato.pdf')).body.id as string;
    const other = await app.customer('Fermín Mismos Bytes');

    const foundInPlace = app.blobs().gate('afterPut', sha256);
    const uploading = app.attach(other, bytes, 'copia.pdf');
    await foundInPlace.reached;
    await app.remove(attachmentId);
    expect(await app.blobs().has(sha256)).toBe(false);
    foundInPlace.open();
    const upload = await uploading;

    expect(upload.status).toBe(201);
    await expectDownloads(upload.body.id, bytes);
  });

  it('an erasure still leaves no blob of the erased customer that nobody shares, none set aside', async () => {
    const erased = await app.customer('Gloria Sin Rastro');
    await app.attach(erased, pdf(), 'nómina.pdf');
    await app.attach(erased, pdf(randomBytes(9000)), 'dni.pdf');
    await app.changeImage(
      erased,
      await sharp({
        create: { width: 400, height: 300, channels: 3, background: { r: 9, g: 120, b: 77 } },
      })
        .png()
        .toBuffer(),
    );
    const attachments = await app.attachmentHashesOf(erased);
    expect(attachments).toHaveLength(2);
    const before = await app.blobs().list();
    await app.erase(erased);

    // Two attachments, the image and its thumbnail.
    expect(await app.erasure().runOnce()).toBe(4);
    const after = await app.blobs().list();
    expect(before.filter((hash) => !after.includes(hash))).toHaveLength(4);
    for (const hash of attachments) expect(after).not.toContain(hash);
    expect(await app.blobs().listSetAside()).toEqual([]);
  });
});

describe.each(BLOB_STORES)(
  'a crash between the two phases of a delete, blobs in %s',
  (_name, onS3) => {
    const app = filesApp(onS3);
    let work = '';
    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'crash-left-'));
      await app.start();
    }, 60_000);
    afterAll(async () => {
      await app.close();
      await rm(work, { recursive: true, force: true });
    });

    it("the erasure's first run restores the set-aside blobs still named and purges the others", async () => {
      const erased = await app.customer('Hugo Borrado');
      const other = await app.customer('Inés Comparte');
      const own = pdf();
      const shared = pdf();
      await app.attach(erased, own, 'propio.pdf');
      await app.attach(erased, shared, 'compartido.pdf');
      const kept = (await app.attach(other, shared, 'compartido.pdf')).body.id as string;
      // A blob a failed upload left, named by nothing.
      const orphan = pdf();
      await writeFile(join(work, 'orphan'), orphan);
      await app.blobs().put(sha256Of(orphan), join(work, 'orphan'), orphan.length);
      await app.erase(erased);

      // What a deletion that died between its two phases leaves: blobs in the trash.
      const inner = app.blobs().inner;
      for (const bytes of [own, shared, orphan]) await inner.setAside(sha256Of(bytes));
      expect(await inner.listSetAside()).toHaveLength(3);
      expect((await app.download(kept)).status).toBe(404);

      expect(await app.erasure().runOnce()).toBe(2);
      expect(await inner.listSetAside()).toEqual([]);
      expect(await inner.has(sha256Of(own))).toBe(false);
      expect(await inner.has(sha256Of(orphan))).toBe(false);
      const download = await app.download(kept);
      expect(download.status).toBe(200);
      expect(Buffer.compare(download.body as Buffer, shared)).toBe(0);
    });
  },
);
