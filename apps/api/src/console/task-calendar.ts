import { isCalendarDay, isYearMonth } from '@app/application';
import { addDays } from '@app/domain';
import type { TaskCalendarDay, TaskView } from '@app/read-models';

/** What the calendar shows: one day, or one month. */
export type CalendarChoice = { view: 'day'; day: string } | { view: 'month'; month: string };

/** Why a calendar query was refused: the message key of the 400 page. */
export type CalendarRefusal = 'badDay' | 'badMonth' | 'badView';

/**
 * `?view=day&day=YYYY-MM-DD` or `?view=month&month=YYYY-MM`; without `view`, the one its value
 * names; without a value, the one holding `today`. A value that is no real day or month (or
 * is given twice) is refused rather than guessed.
 */
export function calendarChoiceOf(
  query: Record<string, unknown>,
  today: string,
): CalendarChoice | { refused: CalendarRefusal } {
  const view = query.view ?? (query.day !== undefined ? 'day' : 'month');
  if (view === 'day') {
    const day = query.day ?? today;
    return isCalendarDay(day) ? { view, day } : { refused: 'badDay' };
  }
  if (view === 'month') {
    const month = query.month ?? today.slice(0, 7);
    return isYearMonth(month) ? { view, month } : { refused: 'badMonth' };
  }
  return { refused: 'badView' };
}

/** The day `days` away, or `null` outside the years the calendar takes. */
export function dayAway(day: string, days: number): string | null {
  const other = addDays(day, days);
  return isCalendarDay(other) ? other : null;
}

/** The month `months` away, or `null` outside the years the calendar takes. */
export function monthAway(month: string, months: number): string | null {
  const [year, number] = month.split('-').map(Number);
  const total = year * 12 + (number - 1) + months;
  const other = `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
  return isYearMonth(other) ? other : null;
}

/** Monday 0 … Sunday 6. */
const weekdayOf = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/** The month as weeks from Monday to Sunday, `null` for the days of the months around it. */
export function monthWeeks(days: readonly TaskCalendarDay[]): (TaskCalendarDay | null)[][] {
  if (days.length === 0) return [];
  const cells: (TaskCalendarDay | null)[] = [
    ...Array.from({ length: weekdayOf(days[0].date) }, () => null),
    ...days,
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

/** The day's tasks by hour (`HH`), each hour's by time. */
export function tasksByHour(tasks: readonly TaskView[]): { hour: string; tasks: TaskView[] }[] {
  const hours = new Map<string, TaskView[]>();
  for (const task of [...tasks].sort((a, b) => a.time.localeCompare(b.time))) {
    const hour = task.time.slice(0, 2);
    hours.set(hour, [...(hours.get(hour) ?? []), task]);
  }
  return [...hours.entries()].map(([hour, listed]) => ({ hour, tasks: listed }));
}
