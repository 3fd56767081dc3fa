import fc from 'fast-check';
import { containsDate, daysBetween } from './billing.calendar';
import {
  billingPeriod,
  chargedPeriod,
  cycleAfter,
  cycleAsRange,
  cycleBefore,
  cycleContaining,
  daysInCycle,
  nextCycles,
} from './billing.cycles';
import { billingCycle, billingDay, plainDate } from './testing/billing.arbitraries';

describe('Billing cycles (R11)', () => {
  it('starts the cycle of period P on day d of P and ends it on day d of the next month', () => {
    expect(billingPeriod('2026-03', 15)).toEqual({
      period: '2026-03',
      billingDay: 15,
      start: '2026-03-15',
      end: '2026-04-15',
    });
    expect(billingPeriod('2026-12', 1)).toMatchObject({ start: '2026-12-01', end: '2027-01-01' });
    expect(daysInCycle(billingPeriod('2028-02', 1))).toBe(29);
    expect(daysInCycle(billingPeriod('2026-01', 28))).toBe(31);
  });

  it('refuses a billing day outside 1–28 and a malformed period', () => {
    expect(() => billingPeriod('2026-03', 29)).toThrow(RangeError);
    expect(() => billingPeriod('2026-03', 0)).toThrow(RangeError);
    expect(() => billingPeriod('2026-03', 1.5)).toThrow(RangeError);
    expect(() => billingPeriod('2026-13', 1)).toThrow(RangeError);
    expect(() => billingPeriod('2026-3', 1)).toThrow(RangeError);
  });

  it('finds the cycle a day belongs to', () => {
    expect(cycleContaining('2026-03-14', 15).period).toBe('2026-02');
    expect(cycleContaining('2026-03-15', 15).period).toBe('2026-03');
    expect(cycleContaining('2026-01-03', 10).period).toBe('2025-12');
  });

  it('lists the next cycles starting on or after a date', () => {
    expect(nextCycles('2026-03-15', 15, 3).map((cycle) => cycle.period)).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
    ]);
    expect(nextCycles('2026-03-16', 15, 2).map((cycle) => cycle.start)).toEqual([
      '2026-04-15',
      '2026-05-15',
    ]);
    expect(nextCycles('2026-11-20', 1, 2).map((cycle) => cycle.period)).toEqual([
      '2026-12',
      '2027-01',
    ]);
    expect(nextCycles('2026-03-16', 15, 0)).toEqual([]);
    expect(() => nextCycles('2026-03-16', 15, -1)).toThrow(RangeError);
  });

  it('charges the cycle itself in advance and the one before in arrears', () => {
    const april = billingPeriod('2026-04', 5);
    expect(chargedPeriod(april, 'advance')).toEqual({ start: '2026-04-05', end: '2026-05-05' });
    expect(chargedPeriod(april, 'arrears')).toEqual({ start: '2026-03-05', end: '2026-04-05' });
    const afterBillingDayChange = { start: '2026-03-05', end: '2026-04-20' };
    expect(chargedPeriod(billingPeriod('2026-04', 20), 'arrears', afterBillingDayChange)).toEqual(
      afterBillingDayChange,
    );
  });

  it('chains cycles with no gap and no overlap, each 28 to 31 days long', () => {
    fc.assert(
      fc.property(plainDate, billingDay, fc.integer({ min: 1, max: 24 }), (from, day, count) => {
        const cycles = nextCycles(from, day, count);
        expect(cycles).toHaveLength(count);
        expect(cycles[0].start >= from).toBe(true);
        expect(daysBetween(from, cycles[0].start)).toBeLessThan(31);
        cycles.forEach((cycle, index) => {
          expect(Number(cycle.start.slice(8))).toBe(day);
          expect(daysInCycle(cycle)).toBeGreaterThanOrEqual(28);
          expect(daysInCycle(cycle)).toBeLessThanOrEqual(31);
          if (index > 0) expect(cycle.start).toBe(cycles[index - 1].end);
        });
      }),
    );
  });

  it('puts every day in exactly one cycle, and steps back and forth consistently', () => {
    fc.assert(
      fc.property(plainDate, billingDay, (date, day) => {
        const cycle = cycleContaining(date, day);
        expect(containsDate(cycleAsRange(cycle), date)).toBe(true);
        expect(cycleBefore(cycle).end).toBe(cycle.start);
        expect(cycleAfter(cycle).start).toBe(cycle.end);
        expect(cycleBefore(cycleAfter(cycle))).toEqual(cycle);
      }),
    );
    fc.assert(
      fc.property(billingCycle, (cycle) => {
        expect(chargedPeriod(cycle, 'arrears')).toEqual({
          start: cycleBefore(cycle).start,
          end: cycle.start,
        });
      }),
    );
  });
});
