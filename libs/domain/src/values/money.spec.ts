import fc from 'fast-check';
import {
  describeCents,
  divideRoundingHalfAwayFromZero,
  percentOfCents,
  prorateCents,
  sumCents,
} from './money';

const amount = fc.integer({ min: -10_000_000_00, max: 10_000_000_00 });
const percent = fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => basisPoints / 100);

describe('Money in integer cents', () => {
  it('rounds half away from zero', () => {
    expect(divideRoundingHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(divideRoundingHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(divideRoundingHalfAwayFromZero(7n, 3n)).toBe(2n);
    expect(() => divideRoundingHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });

  it('computes 21 % VAT to the cent', () => {
    expect(percentOfCents(1000, 21)).toBe(210);
    expect(percentOfCents(2450, 21)).toBe(515); // 514.5 → 515
    expect(percentOfCents(-2450, 21)).toBe(-515);
    expect(percentOfCents(1, 10.5)).toBe(0);
  });

  it('never drifts from exact rational rounding', () => {
    fc.assert(
      fc.property(amount, percent, (cents, rate) => {
        const exact = (cents * Math.round(rate * 100)) / 10_000;
        const result = percentOfCents(cents, rate);
        return Math.abs(result - exact) <= 0.5 && Number.isInteger(result);
      }),
    );
  });

  it('rounds in plain numbers exactly as in BigInt, up to and past the largest safe products', () => {
    const inBigInt = (cents: number, basisPoints: number) =>
      Number(divideRoundingHalfAwayFromZero(BigInt(cents) * BigInt(basisPoints), 10_000n));
    const anyCents = fc.oneof(
      amount,
      fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      // Around the largest product computed without BigInt (basis points up to 10,000).
      fc.integer({ min: 450_359_962_737, max: 450_359_962_737_049 }),
    );
    fc.assert(
      fc.property(anyCents, fc.integer({ min: 0, max: 10_000 }), (cents, basisPoints) => {
        expect(percentOfCents(cents, basisPoints / 100)).toBe(inBigInt(cents, basisPoints));
        expect(percentOfCents(-cents, basisPoints / 100)).toBe(inBigInt(-cents, basisPoints));
      }),
      { numRuns: 2000 },
    );
    // Half a cent exactly, at the edge: 4,503,599,627,365 × 1 bp = 450,359,962.7365 → …963.
    expect(percentOfCents(4_503_599_627_365, 0.01)).toBe(450_359_963);
    expect(percentOfCents(-4_503_599_627_365, 0.01)).toBe(-450_359_963);
  });

  it('is symmetric for negative amounts (credit notes mirror invoices)', () => {
    fc.assert(
      fc.property(amount, percent, (cents, rate) => {
        return percentOfCents(-cents, rate) === -percentOfCents(cents, rate) || cents === 0;
      }),
    );
  });

  it('refuses percentages with more than two decimals and non-integer amounts', () => {
    expect(() => percentOfCents(100, 21.005)).toThrow(RangeError);
    expect(() => percentOfCents(10.5, 21)).toThrow(RangeError);
  });

  it('prorates a whole period to the full amount and a share within half a cent', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 28, max: 31 }), (cents, days) => {
        return prorateCents(cents, days, days) === cents && prorateCents(cents, 0, days) === 0;
      }),
    );
    expect(prorateCents(3000, 15, 30)).toBe(1500);
    expect(prorateCents(1000, 1, 3)).toBe(333);
    expect(() => prorateCents(1000, 1, 0)).toThrow(RangeError);
  });

  it('sums and describes amounts', () => {
    expect(sumCents([100, -30, 5])).toBe(75);
    expect(() => sumCents([0.1])).toThrow(RangeError);
    expect(describeCents(123456)).toBe('1234.56 EUR');
    expect(describeCents(-5)).toBe('-0.05 EUR');
  });
});
