import fc from 'fast-check';
import {
  assertInvoiceSeries,
  formatInvoiceNumber,
  invoiceSeriesProblem,
  nextInvoiceNumber,
  numberingProblems,
  parseInvoiceNumber,
  rectifyingSeries,
} from './billing.invoice-numbering';

describe('Invoice numbering (R8)', () => {
  it('takes the number after the last one, zero-padded after the series', () => {
    expect(nextInvoiceNumber('F2026', 122)).toEqual({
      series: 'F2026',
      number: 123,
      formatted: 'F2026-000123',
    });
    expect(nextInvoiceNumber('F2026', 0).formatted).toBe('F2026-000001');
    expect(formatInvoiceNumber('F2026', 1_234_567)).toBe('F2026-1234567');
  });

  it('numbers credit notes in their own rectifying series', () => {
    expect(rectifyingSeries('F2026')).toBe('RF2026');
    expect(nextInvoiceNumber(rectifyingSeries('F2026'), 4).formatted).toBe('RF2026-000005');
  });

  it('refuses a broken last number and a series that could not be read back', () => {
    expect(() => nextInvoiceNumber('F2026', -1)).toThrow(expect.objectContaining({ code: 'R8' }));
    expect(() => nextInvoiceNumber('F2026', 1.5)).toThrow(expect.objectContaining({ code: 'R8' }));
    expect(() => formatInvoiceNumber('F2026', 0)).toThrow(expect.objectContaining({ code: 'R8' }));
    for (const series of ['', 'F-2026', ' F', 'F 26'])
      expect(() => nextInvoiceNumber(series, 1)).toThrow(
        expect.objectContaining({ code: 'BILLING.INVALID_SERIES' }),
      );
  });

  it('reads a formatted number back, and nothing else', () => {
    expect(parseInvoiceNumber('F2026-000123')).toEqual({
      series: 'F2026',
      number: 123,
      formatted: 'F2026-000123',
    });
    expect(parseInvoiceNumber('F2026-123')).toBeNull();
    expect(parseInvoiceNumber('F2026-000000')).toBeNull();
    expect(parseInvoiceNumber('F2026')).toBeNull();
  });

  it('finds gaps and duplicates in a series', () => {
    expect(numberingProblems([1, 2, 3])).toEqual({ missing: [], duplicates: [] });
    expect(numberingProblems([3, 1, 3, 5])).toEqual({ missing: [2, 4], duplicates: [3] });
    expect(numberingProblems([])).toEqual({ missing: [], duplicates: [] });
  });

  it('numbers one invoice after another with no gap and no duplicate, and reads each back', () => {
    const series = fc.stringMatching(/^[A-Z][A-Z0-9]{0,7}$/);
    fc.assert(
      fc.property(series, fc.integer({ min: 0, max: 2_000_000 }), fc.nat(60), (s, start, n) => {
        const issued = [];
        let last = start;
        for (let i = 0; i < n; i++) {
          const next = nextInvoiceNumber(s, last);
          issued.push(next);
          last = next.number;
        }
        expect(issued.map((number) => parseInvoiceNumber(number.formatted))).toEqual(issued);
        const offsets = issued.map((number) => number.number - start);
        expect(numberingProblems(offsets)).toEqual({ missing: [], duplicates: [] });
        expect(new Set(issued.map((number) => number.formatted)).size).toBe(n);
      }),
    );
  });

  describe('the invoice series rule, the one used where a series is set (issue 16, item 3)', () => {
    it.each(['F2026', 'QE585', 'A/2026', 'F_1', 'X'.repeat(20)])('accepts %p', (series) => {
      expect(invoiceSeriesProblem(series)).toBeNull();
      expect(assertInvoiceSeries(series)).toBe(series);
    });

    it.each(['../ S;--', '', ' F', 'F 26', 'F-2026', '/F', 'Ñ1', 'X'.repeat(21)])(
      'refuses %p as BILLING.INVALID_SERIES naming the field',
      (series) => {
        expect(invoiceSeriesProblem(series)).toMatchObject({
          code: 'BILLING.INVALID_SERIES',
          field: 'invoiceSeries',
        });
        expect(() => assertInvoiceSeries(series)).toThrow(
          expect.objectContaining({ code: 'BILLING.INVALID_SERIES' }),
        );
      },
    );

    it.each(['RQE585', 'rqe585', 'R', 'RF2026'])(
      'refuses %p under R8: it could be the rectifying series of another one',
      (series) => {
        expect(invoiceSeriesProblem(series)).toMatchObject({ code: 'R8', field: 'invoiceSeries' });
      },
    );

    it('never lets an accepted invoice series be the rectifying series of another', () => {
      const anySeries = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_/]{0,20}$/);
      fc.assert(
        fc.property(anySeries, anySeries, (invoice, other) => {
          fc.pre(invoiceSeriesProblem(invoice) === null && invoiceSeriesProblem(other) === null);
          expect(rectifyingSeries(other).toUpperCase()).not.toBe(invoice.toUpperCase());
          expect(invoiceSeriesProblem(rectifyingSeries(other))).not.toBeNull();
        }),
      );
    });
  });
});
