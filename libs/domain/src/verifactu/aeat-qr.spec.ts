import { aeatQrUrl, AeatQrInvoice } from './aeat-qr';

const invoice: AeatQrInvoice = {
  issuerNif: '89890001K',
  numSerie: '12345678/G33',
  issueDate: '2024-01-01',
  importeTotalCents: 24140,
};

describe('the AEAT QR URL (rule 22)', () => {
  it('points to the production host with nif, numserie, fecha DD-MM-YYYY and importe', () => {
    expect(aeatQrUrl(invoice, { environment: 'production' })).toBe(
      'https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR' +
        '?nif=89890001K&numserie=12345678%2FG33&fecha=01-01-2024&importe=241.40',
    );
  });

  it('points to the AEAT pre-production host in the test environment', () => {
    expect(aeatQrUrl(invoice, { environment: 'test' })).toBe(
      'https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR' +
        '?nif=89890001K&numserie=12345678%2FG33&fecha=01-01-2024&importe=241.40',
    );
  });

  it('writes the day and month with two digits each', () => {
    const url = aeatQrUrl({ ...invoice, issueDate: '2026-12-31' }, { environment: 'test' });
    expect(new URL(url).searchParams.get('fecha')).toBe('31-12-2026');
  });

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [100, '1.00'],
    [123456789, '1234567.89'],
    [-12100, '-121.00'],
    [-7, '-0.07'],
  ])('writes %i cents as importe=%s', (cents, importe) => {
    const url = aeatQrUrl({ ...invoice, importeTotalCents: cents }, { environment: 'test' });
    expect(url.endsWith(`&importe=${importe}`)).toBe(true);
  });

  it('percent-encodes a series with a slash, spaces, accents and an ampersand', () => {
    const url = aeatQrUrl(
      { ...invoice, issuerNif: 'B12345674', numSerie: 'AÑO 2026/Rectificación & 1' },
      { environment: 'production' },
    );
    expect(url).toBe(
      'https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR' +
        '?nif=B12345674&numserie=A%C3%91O%202026%2FRectificaci%C3%B3n%20%26%201' +
        '&fecha=01-01-2024&importe=241.40',
    );
    const parameters = new URL(url).searchParams;
    expect([...parameters.keys()]).toEqual(['nif', 'numserie', 'fecha', 'importe']);
    expect(parameters.get('numserie')).toBe('AÑO 2026/Rectificación & 1');
  });

  it('trims the values as the record fingerprint does', () => {
    const url = aeatQrUrl(
      { ...invoice, issuerNif: ' 89890001K ', numSerie: ' FA-000001 ' },
      { environment: 'test' },
    );
    expect(new URL(url).searchParams.get('nif')).toBe('89890001K');
    expect(new URL(url).searchParams.get('numserie')).toBe('FA-000001');
  });

  it('refuses an empty NIF or series, a date that is not YYYY-MM-DD and fractional cents', () => {
    const test = { environment: 'test' } as const;
    expect(() => aeatQrUrl({ ...invoice, issuerNif: ' ' }, test)).toThrow(/issuerNif/);
    expect(() => aeatQrUrl({ ...invoice, numSerie: '' }, test)).toThrow(/numSerie/);
    expect(() => aeatQrUrl({ ...invoice, issueDate: '01-01-2024' }, test)).toThrow(/issueDate/);
    expect(() => aeatQrUrl({ ...invoice, issueDate: '2024-02-30' }, test)).toThrow(/issueDate/);
    expect(() => aeatQrUrl({ ...invoice, importeTotalCents: 1.5 }, test)).toThrow(
      /importeTotalCents/,
    );
  });
});
