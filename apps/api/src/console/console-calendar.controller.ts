import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  Query,
  Req,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '@app/application';
import { dateInZone } from '@app/domain';
import { tasksOfDay, tasksOfMonth } from '@app/read-models';
import { QueryEndpoint } from '../auth/access.decorator';
import { Public } from '../http/public.decorator';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsoleRequest, frameOf } from './console-request';
import { ConsoleSessionGuard } from './console-session.guard';
import { ConsoleViews } from './console-views';
import { calendarChoiceOf, dayAway, monthAway, monthWeeks, tasksByHour } from './task-calendar';

const LOCALES = { es: 'es-ES', en: 'en-GB' } as const;

/**
 * The tasks calendar across customers (rule 24), as the API's `GET /tasks?day=` and
 * `?month=` read it: a day's tasks by hour, or a month as weeks of days. Every role reads it.
 */
@ApiExcludeController()
@Public()
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleExceptionFilter)
@Controller('console/tasks')
export class ConsoleCalendarController {
  constructor(
    private readonly views: ConsoleViews,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  @Get()
  @QueryEndpoint()
  async calendar(@Req() request: ConsoleRequest, @Query() query: Record<string, unknown>) {
    const frame = frameOf(request);
    const t = this.views.messages(frame.lang).operations;
    const today = dateInZone(new Date().toISOString());
    const choice = calendarChoiceOf(query, today);
    if ('refused' in choice) throw new BadRequestException(t[choice.refused]);
    const locale = LOCALES[frame.lang];
    if (choice.view === 'day') {
      const { day } = choice;
      const heading = new Intl.DateTimeFormat(locale, {
        dateStyle: 'full',
        timeZone: 'UTC',
      }).format(new Date(`${day}T00:00:00Z`));
      const previous = dayAway(day, -1);
      const next = dayAway(day, 1);
      const tasks = await tasksOfDay(this.readModels, day);
      return this.views.page('@tasks-day', frame, `${t.tasksCalendar} · ${day}`, {
        view: 'day',
        day,
        month: day.slice(0, 7),
        heading,
        previous: previous && { href: `?view=day&day=${previous}`, label: t.previousDay },
        next: next && { href: `?view=day&day=${next}`, label: t.nextDay },
        hours: tasksByHour(tasks),
      });
    }
    const { month } = choice;
    const heading = new Intl.DateTimeFormat(locale, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${month}-01T00:00:00Z`));
    const previous = monthAway(month, -1);
    const next = monthAway(month, 1);
    const calendar = await tasksOfMonth(this.readModels, month);
    return this.views.page('@tasks-month', frame, `${t.tasksCalendar} · ${month}`, {
      view: 'month',
      month,
      day: today.startsWith(month) ? today : `${month}-01`,
      today,
      heading,
      previous: previous && { href: `?view=month&month=${previous}`, label: t.previousMonth },
      next: next && { href: `?view=month&month=${next}`, label: t.nextMonth },
      weeks: monthWeeks(calendar.days),
    });
  }
}
