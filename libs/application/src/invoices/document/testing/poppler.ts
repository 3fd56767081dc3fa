import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * The PDF as a reader sees it, through Debian's poppler-utils: `pdftotext` for its text,
 * `pdftoppm` for its pixels, `pdfinfo` for its metadata. A machine without them fails the
 * specs that need them, saying what to install (never skips them: .ci/run installs them).
 */

/** Runs a poppler-utils tool; a missing tool is an error that names the package. */
export function runPoppler(tool: string, args: readonly string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(
        `${tool} is not installed: these specs read the rendered PDF with poppler-utils ` +
          `(Debian/Ubuntu: apt-get install poppler-utils); .ci/run installs it.`,
      );
    throw error;
  }
}

function withPdfFile<T>(pdf: Buffer, use: (path: string, directory: string) => T): T {
  const directory = mkdtempSync(join(tmpdir(), 'invoice-pdf-'));
  try {
    const path = join(directory, 'document.pdf');
    writeFileSync(path, pdf);
    return use(path, directory);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** `pdftotext -layout`: the text of every page, laid out as printed. */
export const pdfText = (pdf: Buffer): string =>
  withPdfFile(pdf, (path) => runPoppler('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-']));

/** `pdfinfo -isodates`: `Pages`, `CreationDate`, `Title`…, as a map. */
export const pdfInfo = (pdf: Buffer): Map<string, string> =>
  withPdfFile(pdf, (path) => {
    const info = new Map<string, string>();
    for (const line of runPoppler('pdfinfo', ['-isodates', path]).split('\n')) {
      const match = /^([^:]+):\s*(.*)$/.exec(line);
      if (match !== null) info.set(match[1].trim(), match[2].trim());
    }
    return info;
  });

export interface Raster {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row after row: what jsQR reads. */
  rgba: Uint8ClampedArray;
}

/**
 * `pdftoppm -r <dpi>` of the first page, a binary PPM (P6) turned into RGBA; only its top
 * `heightInches` when given (`-H`: the rest of the page left out).
 */
export const firstPageRaster = (pdf: Buffer, dpi: number, heightInches?: number): Raster =>
  withPdfFile(pdf, (path, directory) => {
    const prefix = join(directory, 'page');
    const crop =
      heightInches === undefined ? [] : ['-y', '0', '-H', String(Math.round(heightInches * dpi))];
    runPoppler('pdftoppm', [
      '-r',
      String(dpi),
      '-f',
      '1',
      '-l',
      '1',
      ...crop,
      '-singlefile',
      path,
      prefix,
    ]);
    return rgbaOfPpm(readFileSync(`${prefix}.ppm`));
  });

/** A binary PPM: `P6`, width, height, max value (255), one whitespace, then RGB bytes. */
export function rgbaOfPpm(ppm: Buffer): Raster {
  const header = /^P6\s+(?:#[^\n]*\s+)*(\d+)\s+(?:#[^\n]*\s+)*(\d+)\s+(?:#[^\n]*\s+)*(\d+)\s/.exec(
    ppm.subarray(0, 200).toString('latin1'),
  );
  if (header === null || header[3] !== '255') throw new Error('Not an 8-bit binary PPM (P6) image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const rgb = ppm.subarray(header[0].length);
  if (rgb.length < width * height * 3) throw new Error('The PPM image is cut short');
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel++) {
    rgba[pixel * 4] = rgb[pixel * 3];
    rgba[pixel * 4 + 1] = rgb[pixel * 3 + 1];
    rgba[pixel * 4 + 2] = rgb[pixel * 3 + 2];
    rgba[pixel * 4 + 3] = 255;
  }
  return { width, height, rgba };
}
