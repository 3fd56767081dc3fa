import {
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  Req,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { aggregateStateAsOf, READ_MODELS } from '@app/application';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { customerHistory, findCustomerFile } from '@app/read-models';
import { AuditEndpoint } from '../auth/access.decorator';
import { Public } from '../http/public.decorator';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsoleRequest, frameOf } from './console-request';
import { ConsoleSessionGuard } from './console-session.guard';
import { ConsoleViews } from './console-views';
import { diffStates } from './state-diff';

/** The events a timeline lists at most (the newest); older ones are in the API's audit log. */
export const TIMELINE_EVENTS = 200;

/**
 * The auditor's timeline: the customer's events with who, through which key and in which
 * correlation, the fields each changed, and the state as of any version beside the current
 * one, the fields that differ highlighted. Auditors and admins, as the API's time travel.
 */
@ApiExcludeController()
@Public()
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleExceptionFilter)
@Controller('console/customers')
export class ConsoleTimelineController {
  constructor(
    private readonly views: ConsoleViews,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  @Get(':id/timeline')
  @AuditEndpoint()
  async timeline(
    @Req() request: ConsoleRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('version') requested: unknown,
  ) {
    const file = await findCustomerFile(this.readModels, id);
    const current = await aggregateStateAsOf(this.store, 'customer', id, undefined);
    if (!file || !current || current.version === 0)
      throw new NotFoundException(`No customer ${id}`);
    const asked = Number(requested);
    const version = Number.isInteger(asked) && asked >= 1 && asked <= current.version ? asked : 1;
    const then = await aggregateStateAsOf(this.store, 'customer', id, String(version));
    const history = await customerHistory(this.readModels, id, { pageSize: TIMELINE_EVENTS });
    const frame = frameOf(request);
    const t = this.views.messages(frame.lang);
    return this.views.page('@timeline', frame, `${t.timeline} · ${file.displayName}`, {
      id,
      displayName: file.displayName,
      current,
      version,
      diff: diffStates(then?.state, current.state),
      events: [...history.items].reverse(),
    });
  }
}
