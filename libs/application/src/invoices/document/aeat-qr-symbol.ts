/** PDF points in a millimetre: a point is 1/72 inch, an inch 25.4 mm. */
export const POINTS_PER_MM = 72 / 25.4;

/** Rule 22: the AEAT QR is printed between 30 and 40 mm wide; 35 mm, the middle. */
export const AEAT_QR_SIZE_MM = 35;

/** QR readers want four modules of white around the symbol ("quiet zone"). */
export const QR_QUIET_ZONE_MODULES = 4;

/** The modules of a QR symbol: `size` × `size`, `isDark(row, column)`. */
export interface QrSymbol {
  size: number;
  isDark: (row: number, column: number) => boolean;
}

/** The symbol of the AEAT QR for `url`, at error correction level M as rule 22 asks. */
export function aeatQrSymbol(url: string): QrSymbol {
  // Loaded with the first printed invoice, not at start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { create: createQrCode } = require('qrcode') as typeof import('qrcode');
  const code = createQrCode(url, { errorCorrectionLevel: 'M' });
  const { size, data } = code.modules;
  return {
    size,
    isDark: (row, column) => data[row * size + column] === 1,
  };
}

/**
 * The dark runs of each row, `[column, length]`: drawn as one rectangle per run instead of one
 * per module, so adjacent modules leave no hairline gaps between them when rasterised.
 */
export function darkRuns(symbol: QrSymbol, row: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let column = 0; column <= symbol.size; column++) {
    const dark = column < symbol.size && symbol.isDark(row, column);
    if (dark && start < 0) start = column;
    if (!dark && start >= 0) {
      runs.push([start, column - start]);
      start = -1;
    }
  }
  return runs;
}
