import { isCalendarDay, isInstant, isYearMonth } from './calendar-values';

describe('strict ISO dates', () => {
  it.each(['2026-02-28', '2028-02-29', '2000-02-29', '1900-01-01', '2999-12-31', '2026-04-30'])(
    'takes the calendar day %s',
    (day) => expect(isCalendarDay(day)).toBe(true),
  );

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '0000-01-01',
    '1899-12-31',
    '3000-01-01',
    '2026-1-01',
    '2026-01-01T00:00:00Z',
    '',
  ])('refuses the calendar day %j', (day) => expect(isCalendarDay(day)).toBe(false));

  it('refuses what is no string', () => {
    for (const value of [20260101, null, undefined, {}, ['2026-01-01']]) {
      expect(isCalendarDay(value)).toBe(false);
      expect(isYearMonth(value)).toBe(false);
      expect(isInstant(value)).toBe(false);
    }
  });

  it.each(['2026-01', '2026-12', '1900-01', '2999-12'])('takes the month %s', (month) =>
    expect(isYearMonth(month)).toBe(true),
  );

  it.each(['0000-01', '2026-13', '2026-00', '1899-12', '3000-01', '2026-1', '2026-01-01'])(
    'refuses the month %j',
    (month) => expect(isYearMonth(month)).toBe(false),
  );

  it.each([
    '2026-03-01',
    '2026-03-01T10:00',
    '2026-03-01T10:00:00Z',
    '2026-03-01T10:00:00.123Z',
    '2026-03-01T23:59:59.999999999+05:30',
    '2028-02-29T00:00:00-01:00',
  ])('takes the instant %s', (instant) => expect(isInstant(instant)).toBe(true));

  it.each([
    '2026-02-30T00:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T10:60:00Z',
    '2026-03-01T10:00:60Z',
    '2026-03-01T10:00:00+24:00',
    '0000-01-01T00:00:00Z',
    '2026-03-01 10:00:00Z',
    '2026-W05',
    '20260301',
    'yesterday',
  ])('refuses the instant %j', (instant) => expect(isInstant(instant)).toBe(false));
});
