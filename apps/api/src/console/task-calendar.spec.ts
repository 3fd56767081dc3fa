import type { TaskCalendarDay, TaskView } from '@app/read-models';
import { calendarChoiceOf, dayAway, monthAway, monthWeeks, tasksByHour } from './task-calendar';

const TODAY = '2026-03-02';

const dayOf = (date: string): TaskCalendarDay => ({
  date,
  count: 0,
  byStatus: { in_progress: 0, open: 0, not_attended: 0, completed: 0 },
  entries: [],
});

describe('the tasks calendar', () => {
  describe('choosing the view', () => {
    it('opens on the month holding today, or the view its value names', () => {
      expect(calendarChoiceOf({}, TODAY)).toEqual({ view: 'month', month: '2026-03' });
      expect(calendarChoiceOf({ view: 'day' }, TODAY)).toEqual({ view: 'day', day: TODAY });
      expect(calendarChoiceOf({ day: '2026-02-28' }, TODAY)).toEqual({
        view: 'day',
        day: '2026-02-28',
      });
      expect(calendarChoiceOf({ month: '2026-12' }, TODAY)).toEqual({
        view: 'month',
        month: '2026-12',
      });
    });

    it('refuses days and months that do not exist, junk and repeated values', () => {
      expect(calendarChoiceOf({ day: '2026-02-30' }, TODAY)).toEqual({ refused: 'badDay' });
      expect(calendarChoiceOf({ day: ['2026-03-01', '2026-03-02'] }, TODAY)).toEqual({
        refused: 'badDay',
      });
      expect(calendarChoiceOf({ month: '2026-13' }, TODAY)).toEqual({ refused: 'badMonth' });
      expect(calendarChoiceOf({ view: 'month', month: '' }, TODAY)).toEqual({
        refused: 'badMonth',
      });
      expect(calendarChoiceOf({ view: 'week' }, TODAY)).toEqual({ refused: 'badView' });
    });
  });

  it('steps a day or a month, and not past the years the calendar takes', () => {
    expect(dayAway('2026-03-01', -1)).toBe('2026-02-28');
    expect(dayAway('2999-12-31', 1)).toBeNull();
    expect(monthAway('2026-01', -1)).toBe('2025-12');
    expect(monthAway('2026-12', 1)).toBe('2027-01');
    expect(monthAway('1900-01', -1)).toBeNull();
  });

  it('lays a month out in weeks from Monday to Sunday', () => {
    // March 2026 begins on a Sunday and ends on a Tuesday.
    const days = Array.from({ length: 31 }, (_, i) =>
      dayOf(`2026-03-${String(i + 1).padStart(2, '0')}`),
    );
    const weeks = monthWeeks(days);
    expect(weeks).toHaveLength(6);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks[0].slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(weeks[0][6]?.date).toBe('2026-03-01');
    expect(weeks[5].map((cell) => cell?.date ?? null)).toEqual([
      '2026-03-30',
      '2026-03-31',
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('groups a day’s tasks by hour, each hour’s by time', () => {
    const task = (id: string, time: string) => ({ id, time }) as TaskView;
    expect(
      tasksByHour([task('c', '10:15'), task('a', '09:30'), task('b', '10:00')]).map((h) => ({
        hour: h.hour,
        ids: h.tasks.map((t) => t.id),
      })),
    ).toEqual([
      { hour: '09', ids: ['a'] },
      { hour: '10', ids: ['b', 'c'] },
    ]);
  });
});
