import fc from 'fast-check';
import { prorateCents } from '../values/money';
import { addDays, daysBetween } from './billing.calendar';
import { billingPeriod, daysInCycle } from './billing.cycles';
import { prorate } from './billing.proration';
import { billingCycle, monthlyPrice } from './testing/billing.arbitraries';

const march = billingPeriod('2026-03', 1); // 31 days
const runs = { numRuns: Number(process.env.BILLING_RUNS ?? 500) };

/** Cuts a cycle at random days into adjacent pieces `[from, to)` covering all of it. */
const cutCycle = billingCycle.chain((cycle) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: daysInCycle(cycle) - 1 }), { maxLength: 12 })
    .map((offsets) => {
      const cuts = [0, ...offsets.sort((a, b) => a - b), daysInCycle(cycle)];
      const pieces = cuts.slice(1).map((end, index) => ({
        from: addDays(cycle.start, cuts[index]),
        to: addDays(cycle.start, end),
      }));
      return { cycle, pieces };
    }),
);

describe('Daily proration', () => {
  it('charges price × days / days in cycle, rounded half away from zero', () => {
    expect(prorate(3100, '2026-03-01', '2026-03-11', march)).toBe(1000);
    expect(prorate(3000, '2026-03-01', '2026-03-11', march)).toBe(968); // 967.74
    expect(prorate(3000, '2026-03-01', '2026-04-01', march)).toBe(3000);
    const twoDays = { start: '2026-03-01', end: '2026-03-03' };
    expect(prorate(101, '2026-03-01', '2026-03-02', twoDays)).toBe(51); // 50.5 → 51
  });

  it('gives the second half what is left, so the halves add up to the price', () => {
    const twoDays = { start: '2026-03-01', end: '2026-03-03' };
    expect(prorate(101, '2026-03-02', '2026-03-03', twoDays)).toBe(50);
  });

  it('charges nothing outside the cycle and clamps ranges to it', () => {
    expect(prorate(3000, '2026-02-01', '2026-03-01', march)).toBe(0);
    expect(prorate(3000, '2026-03-20', '2026-03-10', march)).toBe(0);
    expect(prorate(3100, '2026-02-01', '2026-03-11', march)).toBe(1000);
    expect(prorate(3000, '2026-01-01', '2026-12-31', march)).toBe(3000);
  });

  it('refuses fractional prices and empty cycles', () => {
    expect(() => prorate(30.5, '2026-03-01', '2026-03-11', march)).toThrow(RangeError);
    const empty = { start: '2026-03-01', end: '2026-03-01' };
    expect(() => prorate(3000, '2026-03-01', '2026-03-11', empty)).toThrow(RangeError);
  });

  it('charges a full cycle its full price exactly', () => {
    fc.assert(
      fc.property(monthlyPrice, billingCycle, (price, cycle) => {
        return prorate(price, cycle.start, cycle.end, cycle) === price;
      }),
      runs,
    );
  });

  it('splits a cycle into adjacent pieces that sum EXACTLY to the full price', () => {
    fc.assert(
      fc.property(monthlyPrice, cutCycle, (price, { cycle, pieces }) => {
        const charged = pieces.map((piece) => prorate(price, piece.from, piece.to, cycle));
        return charged.reduce((total, cents) => total + cents, 0) === price;
      }),
      runs,
    );
  });

  it('rounds every piece to the cent just below or just above its exact share', () => {
    fc.assert(
      fc.property(monthlyPrice, cutCycle, (price, { cycle, pieces }) => {
        const days = daysInCycle(cycle);
        return pieces.every((piece) => {
          const exactTimesDays = price * daysBetween(piece.from, piece.to);
          const chargedTimesDays = prorate(price, piece.from, piece.to, cycle) * days;
          return Math.abs(chargedTimesDays - exactTimesDays) < days;
        });
      }),
      runs,
    );
  });

  it('is the textbook price × days / daysInCycle for a range from the cycle start', () => {
    fc.assert(
      fc.property(monthlyPrice, cutCycle, (price, { cycle, pieces }) => {
        const days = daysBetween(cycle.start, pieces[0].to);
        return (
          prorate(price, cycle.start, pieces[0].to, cycle) ===
          prorateCents(price, days, daysInCycle(cycle))
        );
      }),
      runs,
    );
  });

  it('(why the running total) rounding each piece alone can miss by up to ⌊pieces / 2⌋ cents', () => {
    fc.assert(
      fc.property(monthlyPrice, cutCycle, (price, { cycle, pieces }) => {
        const eachRounded = pieces.map((piece) =>
          prorateCents(price, daysBetween(piece.from, piece.to), daysInCycle(cycle)),
        );
        const miss = Math.abs(eachRounded.reduce((total, cents) => total + cents, 0) - price);
        return miss <= Math.floor(pieces.length / 2);
      }),
      runs,
    );
    // 3 days at 100 cents: 33 + 33 + 33 = 99 if each day is rounded alone; 33 + 34 + 33 here.
    const threeDays = { start: '2026-03-01', end: '2026-03-04' };
    const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'];
    const charged = [0, 1, 2].map((i) => prorate(100, days[i], days[i + 1], threeDays));
    expect(charged).toEqual([33, 34, 33]);
  });
});
