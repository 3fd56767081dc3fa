import fc from 'fast-check';
import { BillingLine, UntaxedLine, assertVatRate, totalsOf, withVat } from './billing.lines';
import { vatRate } from './testing/billing.arbitraries';

const untaxed = (amountCents: number): UntaxedLine => ({
  subscriptionId: 's-1',
  kind: 'tariff',
  description: 'Fibra 600 Mb',
  period: { from: '2026-03-01', to: '2026-04-01' },
  days: 31,
  daysInPeriod: 31,
  amountCents,
});

describe('VAT per line (R11)', () => {
  it('adds 21 % to each line, rounded half away from zero on that line', () => {
    expect(withVat(untaxed(2450), 21)).toMatchObject({ vatCents: 515, totalCents: 2965 }); // 514.5
    expect(withVat(untaxed(-2450), 21)).toMatchObject({ vatCents: -515, totalCents: -2965 });
    expect(withVat(untaxed(1), 21)).toMatchObject({ vatCents: 0, totalCents: 1 }); // 0.21
    expect(withVat(untaxed(3), 21)).toMatchObject({ vatCents: 1, totalCents: 4 }); // 0.63
    expect(withVat(untaxed(1000), 10.5)).toMatchObject({ vatRatePercent: 10.5, vatCents: 105 });
  });

  it('sums the lines for the totals instead of taxing the grand net (which would round once)', () => {
    const lines = [withVat(untaxed(50), 21), withVat(untaxed(50), 21)]; // 10.5 → 11, twice
    expect(totalsOf(lines)).toEqual({ netCents: 100, vatCents: 22, totalCents: 122 });
  });

  it('refuses VAT rates outside 0–100 or with more than two decimals', () => {
    expect(() => assertVatRate(-1)).toThrow(RangeError);
    expect(() => assertVatRate(101)).toThrow(RangeError);
    expect(() => assertVatRate(21.005)).toThrow(RangeError);
    expect(() => withVat(untaxed(10.5), 21)).toThrow(RangeError);
  });

  it('makes every line total its net plus its VAT, the VAT within half a cent of exact', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), vatRate, (net, rate) => {
        const line: BillingLine = withVat(untaxed(net), rate);
        const exact = (net * Math.round(rate * 100)) / 10_000;
        const halfWayAwayFromZero =
          Math.abs(exact - Math.trunc(exact)) === 0.5
            ? line.vatCents === Math.trunc(exact) + Math.sign(exact)
            : true;
        return (
          line.totalCents === line.amountCents + line.vatCents &&
          Math.abs(line.vatCents - exact) <= 0.5 &&
          Number.isInteger(line.vatCents) &&
          halfWayAwayFromZero
        );
      }),
      { numRuns: 1000 },
    );
  });
});
