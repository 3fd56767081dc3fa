import { formatDate, formatMoney, formatPeriod, formatRate } from './document-formats';

describe('money on the document', () => {
  it.each([
    [0, '0,00 €', '€0.00'],
    [5, '0,05 €', '€0.05'],
    [99999, '999,99 €', '€999.99'],
    [123456, '1.234,56 €', '€1,234.56'],
    [123456789, '1.234.567,89 €', '€1,234,567.89'],
    [-39032, '-390,32 €', '-€390.32'],
    [-100000000, '-1.000.000,00 €', '-€1,000,000.00'],
  ])('%i cents: %s in Spanish, %s in English', (cents, es, en) => {
    expect(formatMoney(cents, 'es')).toBe(es);
    expect(formatMoney(cents, 'en')).toBe(en);
  });

  it('refuses fractional cents', () => {
    expect(() => formatMoney(1.5, 'es')).toThrow(RangeError);
  });
});

describe('dates, periods and rates on the document', () => {
  it('writes dates DD/MM/YYYY in Spanish and day, month name, year in English', () => {
    expect(formatDate('2026-12-01', 'es')).toBe('01/12/2026');
    expect(formatDate('2026-12-01', 'en')).toBe('1 Dec 2026');
    expect(formatDate('2027-01-31', 'en')).toBe('31 Jan 2027');
  });

  it('prints a half-open period with its last day', () => {
    const december = { from: '2026-12-01', to: '2027-01-01' };
    expect(formatPeriod(december, 'es')).toBe('01/12/2026 – 31/12/2026');
    expect(formatPeriod(december, 'en')).toBe('1 Dec 2026 – 31 Dec 2026');
    expect(formatPeriod({ from: '2026-12-05', to: '2026-12-05' }, 'es')).toBe(
      '05/12/2026 – 05/12/2026',
    );
  });

  it('writes VAT rates with the language decimal separator', () => {
    expect(formatRate(21, 'es')).toBe('21 %');
    expect(formatRate(10.5, 'es')).toBe('10,5 %');
    expect(formatRate(0, 'en')).toBe('0%');
    expect(formatRate(5.25, 'en')).toBe('5.25%');
  });
});
