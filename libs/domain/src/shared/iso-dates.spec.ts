import { calendarDateOf, isCalendarDate, isIsoDateOrDateTime } from './iso-dates';

describe('ISO-8601 dates', () => {
  it.each(['2025-03-01', '2024-02-29', '2025-12-31'])('takes %s as a calendar date', (date) => {
    expect(isCalendarDate(date)).toBe(true);
    expect(isIsoDateOrDateTime(date)).toBe(true);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-3-1', '01/03/2025', '', 20250301])(
    'refuses %p as a calendar date',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );

  it.each([
    '2025-03-01T10:30:00.000Z',
    '2025-03-01T10:30Z',
    '2025-03-01T23:59:59+01:00',
    '2025-03-01T00:00:00-05:30',
  ])('takes %s as a date-time', (value) => {
    expect(isIsoDateOrDateTime(value)).toBe(true);
  });

  it.each([
    '2025-03-01T10:30:00',
    '2025-03-01T24:00:00Z',
    '2025-02-30T10:00:00Z',
    '2025-03-01 10:30:00Z',
    'now',
    null,
  ])('refuses %p as a date-time (an instant needs its offset)', (value) => {
    expect(isIsoDateOrDateTime(value)).toBe(false);
  });

  it('reads the calendar date as written, in the offset given', () => {
    expect(calendarDateOf('2025-03-01T23:30:00+01:00')).toBe('2025-03-01');
    expect(calendarDateOf('2025-03-01')).toBe('2025-03-01');
  });
});
