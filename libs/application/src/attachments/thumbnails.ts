import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { StoredImage } from '@app/domain';
import { UnsupportedFileError } from './uploaded-file';

/** The thumbnail's width in pixels (the customer file's Details section shows it). */
export const THUMBNAIL_WIDTH = 256;

/**
 * The most pixels a customer image may have (about 8000 × 5000): decoding one takes 4 bytes a
 * pixel, so a small file declaring a huge canvas (a decompression bomb) is refused unread.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** sharp (libvips), loaded by the first picture, not at start-up. */
const loadSharp = async () => (await import('sharp')).default;

/** What the picture at `path` is (by its bytes, as sharp decodes it); refused if not a picture. */
export async function describeImage(
  path: string,
  size: number,
  sha256: string,
): Promise<StoredImage> {
  const sharp = await loadSharp();
  const metadata = await sharp(path)
    .metadata()
    .catch(() => {
      throw new UnsupportedFileError('The file is not a picture (PNG, JPEG, GIF or WebP).');
    });
  const contentType = IMAGE_TYPES[metadata.format ?? ''];
  if (contentType === undefined || !metadata.width || !metadata.height)
    throw new UnsupportedFileError(
      `A ${metadata.format ?? 'file of unknown type'} is not accepted as the customer's image: send a PNG, JPEG, GIF or WebP.`,
    );
  if (metadata.width * metadata.height > MAX_IMAGE_PIXELS)
    throw new UnsupportedFileError(
      `The picture is ${metadata.width} × ${metadata.height} pixels: at most ${MAX_IMAGE_PIXELS} pixels are accepted.`,
    );
  return { sha256, contentType, size, width: metadata.width, height: metadata.height };
}

/**
 * The thumbnail: `THUMBNAIL_WIDTH` pixels wide (never enlarged), turned upright from the EXIF
 * orientation, WebP, written to `target`.
 */
export async function makeThumbnail(source: string, target: string): Promise<StoredImage> {
  const sharp = await loadSharp();
  const info = await sharp(source, { limitInputPixels: MAX_IMAGE_PIXELS })
    .rotate()
    .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
    .webp({ quality: 80 })
    .toFile(target)
    .catch(() => {
      throw new UnsupportedFileError('The picture could not be read to make its thumbnail.');
    });
  return {
    sha256: await sha256Of(target),
    contentType: 'image/webp',
    size: info.size,
    width: info.width,
    height: info.height,
  };
}
