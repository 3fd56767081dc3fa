import { eurosOf } from './money';

describe('eurosOf', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [-5, '-0.05'],
    [123456, '1234.56'],
    [-100, '-1.00'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
    [10n ** 20n + 1n, '1000000000000000000.01'],
  ])('writes %p cents as %p', (cents, euros) => {
    expect(eurosOf(cents)).toBe(euros);
  });

  it('refuses a fraction of a cent', () => {
    expect(() => eurosOf(1.5)).toThrow(RangeError);
  });
});
