import { aeatQrSymbol, darkRuns, QrSymbol } from './aeat-qr-symbol';

const url =
  'https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR' +
  '?nif=B12345674&numserie=FA-000001&fecha=01-12-2026&importe=1497.48';

/**
 * The error correction level as the symbol itself records it (ISO/IEC 18004 format
 * information): its first two bits, XOR-masked with `10`, beside the top-left finder at row 8,
 * columns 0 and 1 (and again beside the bottom-left finder). L `01`, M `00`, Q `11`, H `10`.
 */
function errorCorrectionLevelOf(symbol: QrSymbol): string {
  const bit = (dark: boolean) => (dark ? 1 : 0);
  const top = [bit(symbol.isDark(8, 0)) ^ 1, bit(symbol.isDark(8, 1))];
  const bottom = [
    bit(symbol.isDark(symbol.size - 1, 8)) ^ 1,
    bit(symbol.isDark(symbol.size - 2, 8)),
  ];
  expect(bottom).toEqual(top);
  return { '01': 'L', '00': 'M', '11': 'Q', '10': 'H' }[top.join('')]!;
}

describe('the AEAT QR symbol', () => {
  const symbol = aeatQrSymbol(url);

  it('is at error correction level M (rule 22)', () => {
    expect(errorCorrectionLevelOf(symbol)).toBe('M');
  });

  it('is a square of 21 + 4k modules with the three finder patterns', () => {
    expect((symbol.size - 21) % 4).toBe(0);
    const finderRow = [true, true, true, true, true, true, true];
    const row = (r: number, from: number) => finderRow.map((_, c) => symbol.isDark(r, from + c));
    expect(row(0, 0)).toEqual(finderRow);
    expect(row(0, symbol.size - 7)).toEqual(finderRow);
    expect(row(symbol.size - 1, 0)).toEqual(finderRow);
  });

  it('draws each row as the runs of its dark modules', () => {
    for (let r = 0; r < symbol.size; r++) {
      const fromRuns = new Array<boolean>(symbol.size).fill(false);
      for (const [start, length] of darkRuns(symbol, r))
        for (let c = start; c < start + length; c++) fromRuns[c] = true;
      const modules = fromRuns.map((_, c) => symbol.isDark(r, c));
      expect(fromRuns).toEqual(modules);
    }
    expect(darkRuns(symbol, 0)[0]).toEqual([0, 7]);
  });
});
