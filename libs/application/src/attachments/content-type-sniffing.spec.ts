import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { looksLikeEmail, sniffContentType } from './content-type-sniffing';

describe('the type of an attachment, judged by its bytes', () => {
  let work = '';
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'sniffing-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  const typeOf = async (bytes: Buffer | string, name: string) => {
    const path = join(work, randomBytes(6).toString('hex'));
    await writeFile(path, bytes);
    return sniffContentType(path, name);
  };

  it('knows binary formats by their magic numbers, whatever the name', async () => {
    expect(await typeOf(Buffer.from('%PDF-1.7\n%%EOF\n'), 'foto.png')).toBe('application/pdf');
    const png = await sharp({
      create: { width: 2, height: 2, channels: 3, background: '#fff' },
    })
      .png()
      .toBuffer();
    expect(await typeOf(png, 'contrato.pdf')).toBe('image/png');
    expect(await typeOf(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'x')).toBe('image/gif');
  });

  it('refuses executables, plain zips and random bytes, whatever the name', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), randomBytes(1000)]);
    expect(await typeOf(exe, 'contrato.pdf')).toBeNull();
    expect(
      await typeOf(Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(500)]), 'a.docx'),
    ).toBeNull();
    expect(await typeOf(randomBytes(4096), 'contrato.pdf')).toBeNull();
    expect(await typeOf(Buffer.alloc(0), 'empty.txt')).toBeNull();
  });

  it('takes text (UTF-8 or Latin-1) as plain text, CSV when so named', async () => {
    expect(await typeOf('Nota: llamar el lunes\r\n', 'nota.txt')).toBe('text/plain');
    expect(await typeOf(Buffer.from('nombre;año\nPeña;2024\n', 'latin1'), 'export.CSV')).toBe(
      'text/csv',
    );
  });

  it('takes text opening with RFC 822 headers as an e-mail', async () => {
    const mail =
      'Received: from x\r\n  by y\r\nFrom: ana@example.com\r\nSubject: Hola\r\n\r\nCuerpo';
    expect(await typeOf(mail, 'correo.txt')).toBe('message/rfc822');
    expect(looksLikeEmail('Nombre: Ana\nCiudad: Madrid\n\ntexto')).toBe(false);
    expect(looksLikeEmail('From: ana@example.com\nno header here\n\n')).toBe(false);
    expect(looksLikeEmail('From: ana@example.com\nSubject: hola')).toBe(false);
  });
});
