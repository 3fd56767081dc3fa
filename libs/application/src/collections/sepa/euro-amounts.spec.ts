import fc from 'fast-check';
import { centsToEuroText, sumOfCents } from './euro-amounts';

describe('centsToEuroText', () => {
  it.each<[number | bigint, string]>([
    [1, '0.01'],
    [10, '0.10'],
    [99, '0.99'],
    [100, '1.00'],
    [1234, '12.34'],
    [10_000_000_000, '100000000.00'],
    [12_345_678_901_234_567n, '123456789012345.67'],
  ])('%s cents → %s', (cents, text) => {
    expect(centsToEuroText(cents)).toBe(text);
  });

  it('refuses a negative amount', () => {
    expect(() => centsToEuroText(-1)).toThrow(RangeError);
  });

  it('reads back as the same number of cents, for any safe whole number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        const text = centsToEuroText(cents);
        expect(text).toMatch(/^\d+\.\d{2}$/);
        expect(BigInt(text.replace('.', ''))).toBe(BigInt(cents));
      }),
    );
  });
});

describe('sumOfCents', () => {
  it('stays exact beyond Number.MAX_SAFE_INTEGER', () => {
    const maxima = Array.from({ length: 1_000_000 }, () => 10_000_000_000);
    expect(sumOfCents(maxima)).toBe(10_000_000_000_000_000n);
    expect(centsToEuroText(sumOfCents(maxima))).toBe('100000000000000.00');
  });
});
