import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describeImage, makeThumbnail, MAX_IMAGE_PIXELS, sha256Of } from './thumbnails';

describe("the customer image's checks and thumbnail", () => {
  let work = '';
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'thumbnails-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  const file = async (name: string, bytes: Buffer) => {
    const path = join(work, name);
    await writeFile(path, bytes);
    return path;
  };

  it('makes a WebP 256 px wide, in proportion, turned upright from EXIF orientation', async () => {
    // 600 × 300 stored, EXIF orientation 6 (rotate 90°): shown as 300 × 600.
    const stored = await sharp({
      create: { width: 600, height: 300, channels: 3, background: '#08f' },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const source = await file('turned.jpg', stored);
    const thumbnail = await makeThumbnail(source, join(work, 'turned.webp'));
    expect(thumbnail).toMatchObject({ contentType: 'image/webp', width: 256, height: 512 });
    expect(thumbnail.sha256).toBe(await sha256Of(join(work, 'turned.webp')));
  });

  it('refuses what is not a PNG, JPEG, GIF or WebP (an SVG, a PDF) and a decompression bomb', async () => {
    const svg = await file(
      'logo.svg',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
    );
    await expect(describeImage(svg, 10, 'a'.repeat(64))).rejects.toThrow('not accepted');
    const pdf = await file('doc.pdf', Buffer.from('%PDF-1.7\n%%EOF\n'));
    await expect(describeImage(pdf, 10, 'a'.repeat(64))).rejects.toThrow('not a picture');
    const side = Math.ceil(Math.sqrt(MAX_IMAGE_PIXELS)) + 1;
    const bomb = await sharp({
      create: { width: side, height: side, channels: 3, background: '#000' },
      limitInputPixels: false,
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    const path = await file('bomb.png', bomb);
    await expect(describeImage(path, bomb.length, 'a'.repeat(64))).rejects.toThrow('pixels');
  });
});
