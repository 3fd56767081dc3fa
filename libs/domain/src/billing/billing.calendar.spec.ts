import fc from 'fast-check';
import {
  addDays,
  addMonths,
  dateInZone,
  daysBetween,
  fromEpochDay,
  daysIn,
  isPlainDate,
  overlap,
  PlainDate,
  startOfDayInZone,
} from './billing.calendar';
import { plainDate } from './testing/billing.arbitraries';

describe('Plain dates', () => {
  it('accepts real calendar days only', () => {
    expect(isPlainDate('2028-02-29')).toBe(true);
    expect(isPlainDate('2026-02-29')).toBe(false);
    expect(isPlainDate('2026-4-01')).toBe(false);
    expect(isPlainDate('2026-04-01T00:00:00Z')).toBe(false);
    expect(() => daysBetween('2026-13-01', '2026-01-01')).toThrow(RangeError);
  });

  it('counts days across month ends and leap days', () => {
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-02-01', '2026-03-01')).toBe(28);
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2026-04-01', '2026-03-01')).toBe(-31);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('adds months keeping the day, and refuses a day the month does not have', () => {
    expect(addMonths('2026-01-28', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(() => addMonths('2026-01-31', 1)).toThrow(RangeError);
  });

  it('adds months as the calendar does, leap days and year ends included', () => {
    // The calendar's answer, from a Date: what addMonths computed before it counted itself.
    const byDate = (date: string, months: number): string | 'no such day' => {
      const [year, month, day] = date.split('-').map(Number);
      const shifted = new Date(Date.UTC(year, month - 1 + months, day));
      return shifted.getUTCDate() === day ? shifted.toISOString().slice(0, 10) : 'no such day';
    };
    const anyDate = fc.oneof(
      plainDate,
      fc.integer({ min: -300_000, max: 2_900_000 }).map((day) => fromEpochDay(day)),
    );
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -1_200, max: 1_200 }), (date, months) => {
        const expected = byDate(date, months);
        if (expected === 'no such day') expect(() => addMonths(date, months)).toThrow(RangeError);
        else expect(addMonths(date, months)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
    expect(addMonths('2027-02-28', 12)).toBe('2028-02-28');
    expect(addMonths('2028-01-29', 1)).toBe('2028-02-29');
    expect(() => addMonths('2100-01-29', 1)).toThrow(RangeError);
    expect(addMonths('2000-01-29', 1)).toBe('2000-02-29');
    expect(addMonths('2026-12-05', 1)).toBe('2027-01-05');
  });

  it('works with half-open ranges', () => {
    expect(daysIn({ from: '2026-03-01', to: '2026-03-01' })).toBe(0);
    expect(daysIn({ from: '2026-03-10', to: '2026-03-01' })).toBe(0);
    const march = { from: '2026-03-01', to: '2026-04-01' };
    expect(overlap(march, { from: '2026-03-20', to: '2026-05-01' })).toEqual({
      from: '2026-03-20',
      to: '2026-04-01',
    });
    expect(overlap(march, { from: '2026-04-01', to: '2026-05-01' })).toBeNull();
  });

  it('moves by days and back to the same date', () => {
    fc.assert(
      fc.property(plainDate, fc.integer({ min: -800, max: 800 }), (date, days) => {
        const moved = addDays(date, days);
        return isPlainDate(moved) && daysBetween(date, moved) === days;
      }),
    );
  });
});

describe('dateInZone', () => {
  it('turns an instant into the Madrid calendar date, winter (UTC+1) and summer (UTC+2)', () => {
    expect(dateInZone('2026-01-31T22:59:59Z')).toBe('2026-01-31');
    expect(dateInZone('2026-01-31T23:00:00Z')).toBe('2026-02-01');
    expect(dateInZone('2026-03-31T21:59:59Z')).toBe('2026-03-31');
    expect(dateInZone('2026-03-31T22:00:00Z')).toBe('2026-04-01');
  });

  it('follows the DST changes and other zones and offsets', () => {
    expect(dateInZone('2026-03-28T23:30:00Z')).toBe('2026-03-29');
    expect(dateInZone('2026-10-24T22:30:00Z')).toBe('2026-10-25');
    expect(dateInZone('2026-10-24T21:30:00Z')).toBe('2026-10-24');
    expect(dateInZone('2026-04-01T02:00:00Z', 'America/New_York')).toBe('2026-03-31');
    expect(dateInZone('2026-04-01T00:30:00+02:00')).toBe('2026-04-01');
    expect(dateInZone('2026-04-01T00:30:00+02:00', 'UTC')).toBe('2026-03-31');
  });

  it('refuses what is not an instant or a zone', () => {
    expect(() => dateInZone('yesterday')).toThrow(RangeError);
    expect(() => dateInZone('2026-04-01T00:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('startOfDayInZone', () => {
  it.each([
    ['2026-07-01', 'Europe/Madrid', '2026-06-30T22:00:00.000Z'],
    ['2026-01-01', 'Europe/Madrid', '2025-12-31T23:00:00.000Z'],
    ['2026-03-29', 'Europe/Madrid', '2026-03-28T23:00:00.000Z'],
    ['2026-10-25', 'Europe/Madrid', '2026-10-24T22:00:00.000Z'],
    ['2026-01-01', 'Atlantic/Canary', '2026-01-01T00:00:00.000Z'],
    ['2026-01-01', 'Asia/Kolkata', '2025-12-31T18:30:00.000Z'],
    ['2026-01-01', 'America/Los_Angeles', '2026-01-01T08:00:00.000Z'],
  ])('%s starts in %s at %s', (day, zone, instant) => {
    expect(startOfDayInZone(day as PlainDate, zone)).toBe(instant);
    expect(dateInZone(instant, zone)).toBe(day);
    expect(dateInZone(new Date(Date.parse(instant) - 1).toISOString(), zone)).not.toBe(day);
  });

  it('refuses a day that does not exist', () => {
    expect(() => startOfDayInZone('2026-02-30' as PlainDate)).toThrow(RangeError);
  });
});
