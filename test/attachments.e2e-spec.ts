import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { SqlDatabase } from '@app/database';
import {
  BLOB_STORE,
  BlobStore,
  CustomerFilesErasure,
  FILES_DIRECTORY,
  SQL_DATABASE,
} from '@app/application';
import {
  BLOB_STORES as stores,
  binary,
  pdf,
  startFilesTestApp,
} from './support/attachment-fixtures';
import { countEvents, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };

/** Limit of this spec's app: small, so "too large" is cheap to send. */
const MAX_BYTES = 256 * 1024;

const eml = () =>
  [
    'From: "Ana Pérez" <ana.perez@example.com>',
    'To: soporte@fibranorte.example',
    'Subject: =?UTF-8?Q?Baja_del_servicio_de_fibra?=',
    'Date: Mon, 2 Mar 2026 10:00:00 +0100',
    `Message-ID: <baja-${randomBytes(8).toString('hex')}@example.com>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Quiero dar de baja la fibra a partir del mes que viene.',
    '',
  ].join('\r\n');

const rnd = () => Math.floor(Math.random() * 256);

async function picture(width: number, height: number): Promise<Buffer> {
  return sharp({
    // A colour of its own: two pictures (and thumbnails) never the same bytes by chance.
    create: { width, height, channels: 3, background: { r: rnd(), g: rnd(), b: rnd() } },
  })
    .png()
    .toBuffer();
}

/** Polls `condition` for up to 5 s. */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A transaction on another connection, holding a transaction id until `end()`. */
function openTransaction(database: SqlDatabase) {
  let end!: () => void;
  const release = new Promise<void>((resolve) => (end = resolve));
  let begin!: () => void;
  const begun = new Promise<void>((resolve) => (begin = resolve));
  const ended = database.transaction(async (tx) => {
    await tx.query('SELECT pg_current_xact_id()');
    begin();
    await release;
  });
  return { begun, end, ended };
}

describe.each(stores)('attachments and customer image over HTTP, blobs in %s', (_name, onS3) => {
  let testApp: TestApp;
  let last = 0;
  const http = () => request(testApp.app.getHttpServer());
  const track = (res: request.Response) => {
    if (typeof res.body?.position === 'number') last = Math.max(last, res.body.position);
    return res;
  };
  const read = () => ({ ...auditor, 'X-Min-Position': String(last) });
  const blobs = () => testApp.app.get<BlobStore>(BLOB_STORE);
  const uploadsLeft = async () =>
    readdir(join(testApp.app.get<string>(FILES_DIRECTORY), 'uploads')).catch(() => []);

  const customer = async (name: string) =>
    track(await http().post('/api/customers').set(operator).send({ name }).expect(201)).body
      .id as string;
  const attach = async (
    customerId: string,
    bytes: Buffer,
    fileName: string,
    fields: Record<string, string> = {},
    clientType = 'application/octet-stream',
  ) => {
    let req = http().post(`/api/customers/${customerId}/attachments`).set(operator);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    return track(await req.attach('file', bytes, { filename: fileName, contentType: clientType }));
  };

  /** The request changes nothing: no event, no blob, no temporary upload left. */
  async function writesNothing(send: () => Promise<request.Response>, status: number) {
    const events = await countEvents(testApp);
    const stored = await blobs().list();
    const res = await send();
    expect(res.status).toBe(status);
    expect(await countEvents(testApp)).toBe(events);
    expect(await blobs().list()).toEqual(stored);
    expect(await uploadsLeft()).toEqual([]);
    return res;
  }

  beforeAll(async () => {
    testApp = await startFilesTestApp(onS3, {
      ATTACHMENT_MAX_BYTES: String(MAX_BYTES),
      ATTACHMENT_ERASURE_INTERVAL_MS: '0',
    });
  }, 60_000);
  afterAll(() => testApp.close());

  it('round-trips a file byte for byte, typed by its bytes, named with its accents (RFC 5987)', async () => {
    const customerId = await customer('Archivos Felices SL');
    const bytes = pdf(randomBytes(100_000));
    const res = await attach(customerId, bytes, 'Contrato firmado ñ.pdf', {
      description: 'Firmado en la oficina',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    const attachmentId = res.body.id as string;

    const list = await http()
      .get(`/api/customers/${customerId}/attachments`)
      .set(read())
      .expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1 });
    expect(list.body.items[0]).toMatchObject({
      id: attachmentId,
      fileName: 'Contrato firmado ñ.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      description: 'Firmado en la oficina',
      emailSubject: null,
    });

    const download = await binary(http().get(`/api/attachments/${attachmentId}`).set(read()));
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-length']).toBe(String(bytes.length));
    expect(download.headers['content-disposition']).toContain(
      'attachment; filename="Contrato firmado n.pdf"',
    );
    expect(download.headers['content-disposition']).toContain(
      "filename*=UTF-8''Contrato%20firmado%20%C3%B1.pdf",
    );
    expect(await blobs().has(list.body.items[0].sha256)).toBe(true);
    const file = await http().get(`/api/customers/${customerId}`).set(read()).expect(200);
    expect(file.body).toMatchObject({ attachmentCount: 1, image: null });
    const history = await http()
      .get(`/api/customers/${customerId}/history`)
      .set(read())
      .expect(200);
    const line = JSON.stringify(history.body);
    expect(line).toContain('File attached (application/pdf');
    expect(line).not.toContain('Contrato firmado');
  });

  it('answers a retry with the same Idempotency-Key as the first time, storing the file once', async () => {
    const customerId = await customer('Reintentos SL');
    const send = () =>
      http()
        .post(`/api/customers/${customerId}/attachments`)
        .set({ ...operator, 'Idempotency-Key': `upload-${customerId}` })
        .attach('file', pdf(), 'contrato.pdf');
    const first = track(await send());
    expect(first.status).toBe(201);
    const events = await countEvents(testApp);
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await countEvents(testApp)).toBe(events);
    expect(await uploadsLeft()).toEqual([]);
  });

  it("trusts the bytes, not the name or the client's Content-Type", async () => {
    const customerId = await customer('Nombres Engañosos SL');
    const png = await picture(40, 30);
    const res = await attach(customerId, png, 'factura.pdf', {}, 'application/pdf');
    expect(res.status).toBe(201);
    const meta = await http()
      .get(`/api/attachments/${res.body.id}/metadata`)
      .set(read())
      .expect(200);
    expect(meta.body).toMatchObject({ fileName: 'factura.pdf', contentType: 'image/png' });
    const csv = await attach(customerId, Buffer.from('name;amount\nAna;12,50\n'), 'export.csv');
    const csvMeta = await http().get(`/api/attachments/${csv.body.id}/metadata`).set(read());
    expect(csvMeta.body.contentType).toBe('text/csv');
  });

  it('refuses a type not accepted (an .exe, random bytes named .pdf, a plain zip) with 415, writing nothing', async () => {
    const customerId = await customer('Tipos Prohibidos SL');
    const exe = Buffer.concat([
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
      randomBytes(5000),
    ]);
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), randomBytes(2000)]);
    for (const [bytes, name] of [
      [exe, 'setup.exe'],
      [exe, 'contrato.pdf'],
      [randomBytes(20_000), 'contrato.pdf'],
      [zip, 'archivo.zip'],
    ] as [Buffer, string][]) {
      const res = await writesNothing(
        () => attach(customerId, bytes, name, {}, 'application/pdf'),
        415,
      );
      expect(res.body.message).toContain('not accepted');
    }
  });

  it('refuses a file over ATTACHMENT_MAX_BYTES with 413, writing nothing (nothing left of its first bytes)', async () => {
    const customerId = await customer('Demasiado Grande SL');
    const res = await writesNothing(
      () => attach(customerId, pdf(randomBytes(MAX_BYTES + 10)), 'enorme.pdf'),
      413,
    );
    expect(res.body.message).toContain('ATTACHMENT_MAX_BYTES');
    // Just at the limit is accepted.
    const atLimit = pdf(randomBytes(MAX_BYTES - 100));
    expect((await attach(customerId, atLimit.subarray(0, MAX_BYTES), 'justo.pdf')).status).toBe(
      201,
    );
  });

  it('refuses no file, two files, an unknown customer, a NUL in the description, writing nothing', async () => {
    const customerId = await customer('Formularios Rotos SL');
    await writesNothing(
      () =>
        http()
          .post(`/api/customers/${customerId}/attachments`)
          .set(operator)
          .field('description', 'x'),
      400,
    );
    await writesNothing(
      () =>
        http()
          .post(`/api/customers/${customerId}/attachments`)
          .set(operator)
          .attach('file', pdf(), 'a.pdf')
          .attach('file', pdf(), 'b.pdf'),
      400,
    );
    await writesNothing(
      () =>
        http().post(`/api/customers/${customerId}/attachments`).set(operator).send({ file: 'x' }),
      400,
    );
    await writesNothing(() => attach(customerId, pdf(), 'a.pdf', { description: 'a\u0000b' }), 400);
    await writesNothing(
      () => attach(customerId, pdf(), 'a.pdf', { description: 'x'.repeat(1001) }),
      422,
    );
    await writesNothing(() => attach('5f0c3f7e-9a1b-4c2d-8e3f-1a2b3c4d5e6f', pdf(), 'a.pdf'), 404);
    await writesNothing(
      () =>
        http()
          .post(`/api/customers/${customerId}/attachments`)
          .set(auditor)
          .attach('file', pdf(), 'a.pdf'),
      403,
    );
  });

  it('leaves no temporary file when the client goes away in the middle of an upload', async () => {
    const customerId = await customer('Conexión Cortada SL');
    const server = testApp.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, resolve));
    const { port } = server.address() as AddressInfo;
    const events = await countEvents(testApp);
    const boundary = 'cut-off-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n%PDF-1.7\n',
    );
    const client = httpRequest({
      port,
      method: 'POST',
      path: `/api/customers/${customerId}/attachments`,
      headers: {
        ...operator,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': String(MAX_BYTES),
      },
    });
    client.on('error', () => undefined);
    client.write(head);
    client.write(randomBytes(MAX_BYTES / 2));
    await waitFor(async () => (await uploadsLeft()).length === 1);
    client.destroy();
    await waitFor(async () => (await uploadsLeft()).length === 0);
    expect(await countEvents(testApp)).toBe(events);
  });

  it('shows the subject and sender of an attached e-mail (.eml)', async () => {
    const customerId = await customer('Correos Guardados SL');
    const res = await attach(customerId, Buffer.from(eml()), 'baja.eml', {}, 'message/rfc822');
    expect(res.status).toBe(201);
    const list = await http()
      .get(`/api/customers/${customerId}/attachments`)
      .set(read())
      .expect(200);
    expect(list.body.items[0]).toMatchObject({
      contentType: 'message/rfc822',
      emailSubject: 'Baja del servicio de fibra',
      emailFrom: '"Ana Pérez" <ana.perez@example.com>',
    });
  });

  it('deletes an attachment, and its blob only once no other attachment has the same bytes', async () => {
    const customerId = await customer('Duplicados SL');
    const bytes = pdf();
    const first = (await attach(customerId, bytes, 'uno.pdf')).body.id as string;
    const second = (await attach(customerId, bytes, 'dos.pdf')).body.id as string;
    const meta = await http().get(`/api/attachments/${first}/metadata`).set(read()).expect(200);
    const sha256 = meta.body.sha256 as string;
    track(await http().delete(`/api/attachments/${first}`).set(operator).expect(200));
    expect(await blobs().has(sha256)).toBe(true);
    await binary(http().get(`/api/attachments/${second}`).set(read())).expect(200);
    await http().get(`/api/attachments/${first}`).set(read()).expect(404);
    track(await http().delete(`/api/attachments/${second}`).set(operator).expect(200));
    expect(await blobs().has(sha256)).toBe(false);
    await writesNothing(() => http().delete(`/api/attachments/${second}`).set(operator), 404);
  });

  it("keeps the customer's image and a thumbnail 256 px wide, smaller, shown on the customer file", async () => {
    const customerId = await customer('Con Foto SL');
    const original = await picture(1024, 768);
    const res = track(
      await http()
        .put(`/api/customers/${customerId}/image`)
        .set(operator)
        .attach('file', original, { filename: 'logo.png', contentType: 'image/png' }),
    );
    expect(res.status).toBe(200);
    const file = await http().get(`/api/customers/${customerId}`).set(read()).expect(200);
    expect(file.body.image).toMatchObject({
      url: `/api/customers/${customerId}/image`,
      thumbnailUrl: `/api/customers/${customerId}/image/thumbnail`,
      contentType: 'image/png',
      width: 1024,
      height: 768,
    });
    const image = await binary(http().get(`/api/customers/${customerId}/image`).set(read()));
    expect(image.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(image.body as Buffer, original)).toBe(0);
    const thumb = await binary(
      http().get(`/api/customers/${customerId}/image/thumbnail`).set(read()),
    );
    expect(thumb.status).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const metadata = await sharp(thumb.body as Buffer).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 256, height: 192 });
    expect((thumb.body as Buffer).length).toBeLessThan(original.length);

    // Replaced: the old picture's blobs go.
    const before = await blobs().list();
    track(
      await http()
        .put(`/api/customers/${customerId}/image`)
        .set(operator)
        .attach('file', await picture(300, 300), 'nuevo.png')
        .expect(200),
    );
    const after = await blobs().list();
    // The old picture and its thumbnail went, the new ones came.
    expect(before.filter((hash) => !after.includes(hash))).toHaveLength(2);
    expect(after.filter((hash) => !before.includes(hash))).toHaveLength(2);
    await writesNothing(
      () =>
        http()
          .put(`/api/customers/${customerId}/image`)
          .set(operator)
          .attach('file', pdf(), 'cv.pdf'),
      415,
    );
  });

  it("erases the customer's blobs (attachments, image, thumbnail) with its personal data, keeping bytes another customer also has", async () => {
    const erasedId = await customer('Lucía Olvidable');
    const otherId = await customer('Otro Cliente SL');
    const shared = pdf();
    const own = pdf();
    await attach(erasedId, shared, 'Contrato de Lucía Olvidable.pdf', {
      description: 'DNI de Lucía',
    });
    await attach(erasedId, own, 'Nómina de Lucía.pdf');
    await attach(erasedId, Buffer.from(eml()), 'correo.eml');
    await attach(otherId, shared, 'contrato.pdf');
    track(
      await http()
        .put(`/api/customers/${erasedId}/image`)
        .set(operator)
        .attach('file', await picture(500, 500), 'lucia.png')
        .expect(200),
    );
    const database = testApp.app.get<SqlDatabase>(SQL_DATABASE);
    const raw = async () =>
      JSON.stringify(
        (
          await database.query('SELECT data FROM es_events WHERE stream_id = $1', [
            `customer-files-${erasedId}`,
          ])
        ).rows,
      );
    for (const secret of [
      'Lucía Olvidable.pdf',
      'DNI de Lucía',
      'Nómina',
      'Ana Pérez',
      'Baja del servicio',
    ])
      expect(await raw()).not.toContain(secret);
    const listed = await http()
      .get(`/api/customers/${erasedId}/attachments`)
      .set(read())
      .expect(200);
    const hashes: string[] = listed.body.items.map((item: { sha256: string }) => item.sha256);
    const sharedHash = listed.body.items.find(
      (item: { fileName: string }) => item.fileName === 'Contrato de Lucía Olvidable.pdf',
    ).sha256 as string;
    const image = (await http().get(`/api/customers/${erasedId}`).set(read())).body.image;
    expect(image).not.toBeNull();

    // On PostgreSQL another writer's transaction, begun before the erasure and still open, hides
    // it from readers of the whole log: the run must wait for it rather than find nothing.
    const olderTransaction = database.kind === 'postgres' ? openTransaction(database) : null;
    await olderTransaction?.begun;
    track(
      await http().post(`/api/customers/${erasedId}/erase-personal-data`).set(operator).expect(200),
    );
    const erasure = testApp.app.get(CustomerFilesErasure);
    const running = erasure.runOnce();
    setTimeout(() => olderTransaction?.end(), 300);
    const deleted = await running;
    await olderTransaction?.ended;
    expect(deleted).toBe(hashes.length - 1 + 2);
    const left = await blobs().list();
    for (const hash of hashes.filter((hash) => hash !== sharedHash))
      expect(left).not.toContain(hash);
    expect(left).toContain(sharedHash);
    const otherList = await http()
      .get(`/api/customers/${otherId}/attachments`)
      .set(read())
      .expect(200);
    await binary(http().get(`/api/attachments/${otherList.body.items[0].id}`).set(read())).expect(
      200,
    );

    // Again: nothing more to do (idempotent); the tab is empty, the image gone.
    expect(await erasure.runOnce()).toBe(0);
    const after = await http()
      .get(`/api/customers/${erasedId}/attachments`)
      .set(read())
      .expect(200);
    expect(after.body.total).toBe(0);
    await http().get(`/api/customers/${erasedId}/image`).set(read()).expect(404);
    await writesNothing(() => attach(erasedId, pdf(), 'nuevo.pdf'), 422);
  });
});
