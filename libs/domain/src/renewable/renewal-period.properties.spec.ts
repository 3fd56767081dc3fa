import fc from 'fast-check';
import {
  addMonthsClamped,
  daysInMonth,
  nextRenewalOn,
  periodBoundary,
  periodMonths,
  RenewalPeriod,
} from './renewal-period';

const date = fc
  .record({
    year: fc.integer({ min: 1900, max: 2400 }),
    month: fc.integer({ min: 0, max: 11 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => {
    const clamped = Math.min(day, daysInMonth(year, month));
    return `${year}-${String(month + 1).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
  });

const period: fc.Arbitrary<RenewalPeriod> = fc.oneof(
  fc.record({ every: fc.integer({ min: 1, max: 120 }), unit: fc.constant('month' as const) }),
  fc.record({ every: fc.integer({ min: 1, max: 10 }), unit: fc.constant('year' as const) }),
);

const parts = (value: string) => value.split('-').map(Number) as [number, number, number];
const isRealDay = (value: string) => {
  const [y, m, d] = parts(value);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m - 1)
  );
};

describe('renewal date arithmetic (properties)', () => {
  it('adds calendar months, the day kept or clamped to the end of a shorter month', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 1200 }), (start, months) => {
        const result = addMonthsClamped(start, months);
        const [y0, m0, d0] = parts(start);
        const [y1, m1, d1] = parts(result);
        expect(isRealDay(result)).toBe(true);
        expect(y1 * 12 + m1 - (y0 * 12 + m0)).toBe(months);
        expect(d1).toBe(Math.min(d0, daysInMonth(y1, m1 - 1)));
      }),
    );
  });

  it('clamps month ends: 31 Jan + 1 month is 28 Feb, or 29 in a leap year', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2100-01-31', 1)).toBe('2100-02-28');
    expect(addMonthsClamped('2000-01-31', 1)).toBe('2000-02-29');
    expect(addMonthsClamped('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonthsClamped('2026-03-31', 1)).toBe('2026-04-30');
  });

  it('counts every boundary from the purchase date: a clamp never drifts into the next ones', () => {
    fc.assert(
      fc.property(date, period, fc.integer({ min: 0, max: 50 }), (purchasedOn, p, n) => {
        const boundary = periodBoundary(purchasedOn, p, n);
        const months = periodMonths(p) as number;
        expect(boundary).toBe(addMonthsClamped(purchasedOn, n * months));
        const [, , day] = parts(purchasedOn);
        const [by, bm, bd] = parts(boundary);
        expect(bd).toBe(Math.min(day, daysInMonth(by, bm - 1)));
      }),
    );
    expect(
      [1, 2, 3, 4].map((n) => periodBoundary('2026-01-31', { every: 1, unit: 'month' }, n)),
    ).toEqual(['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
  });

  it('puts the next renewal strictly after the last one renewed, exactly one period on', () => {
    fc.assert(
      fc.property(date, period, fc.integer({ min: 0, max: 50 }), (purchasedOn, p, renewedSoFar) => {
        const last = periodBoundary(purchasedOn, p, renewedSoFar);
        const next = nextRenewalOn(purchasedOn, p, renewedSoFar);
        expect(next > last).toBe(true);
        const [ly, lm] = parts(last);
        const [ny, nm] = parts(next);
        expect(ny * 12 + nm - (ly * 12 + lm)).toBe(periodMonths(p));
      }),
    );
  });

  it('takes periods of 1–120 months or 1–10 years, and nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (every) => {
        const months = periodMonths({ every, unit: 'month' });
        const years = periodMonths({ every, unit: 'year' });
        expect(months).toBe(every >= 1 && every <= 120 ? every : null);
        expect(years).toBe(every >= 1 && every <= 10 ? every * 12 : null);
      }),
    );
    expect(periodMonths({ every: 1, unit: 'week' })).toBeNull();
    expect(periodMonths({ every: Number.MAX_SAFE_INTEGER, unit: 'year' })).toBeNull();
  });
});
