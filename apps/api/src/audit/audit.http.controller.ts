import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { customerDecider, customerStream } from '@app/domain';
import { EVENT_STORE, EventStore, ReadStreamOptions } from '@app/event-store';
import { AuditEndpoint } from '../auth/access.decorator';
import { foldState } from '../infrastructure/commands/load-state';
import { AsOfQueryDto, AuditEventsQueryDto } from './audit-events.query.dto';
import { auditedEvent } from './audited-event';

/** As of a version (a whole number of events) or an instant. */
export function parseAsOf(asOf: string | undefined): ReadStreamOptions {
  if (asOf === undefined || asOf === '') return {};
  if (/^\d{1,15}$/.test(asOf)) {
    const version = Number(asOf);
    return version === 0 ? { toRevision: -1n } : { toRevision: BigInt(version - 1) };
  }
  const instant = new Date(asOf);
  if (!/^\d{4}-\d{2}-\d{2}/.test(asOf) || Number.isNaN(instant.getTime())) {
    throw new BadRequestException({
      message: 'asOf must be an ISO-8601 instant or a version number',
      details: [{ field: 'asOf', problems: ['ISO-8601 instant or non-negative integer'] }],
    });
  }
  return { until: instant };
}

/** The auditor's tools: the raw log with all metadata, and aggregates as of any moment. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('audit/events')
  @AuditEndpoint()
  @ApiOperation({ summary: 'Raw events with metadata: one stream, or the log after a position' })
  async events(@Query() query: AuditEventsQueryDto) {
    const limit = query.limit ?? 100;
    const fromPosition = query.fromPosition ? BigInt(query.fromPosition) : undefined;
    const events = query.stream
      ? (await this.store.readStream(query.stream))
          .filter((e) => fromPosition === undefined || e.position > fromPosition)
          .filter((e) => !query.type || query.type.includes(e.type))
          .slice(0, limit)
      : await this.store.readAll({ fromPosition, limit, eventTypes: query.type });
    const last = events[events.length - 1];
    return {
      items: events.map(auditedEvent),
      nextFromPosition: events.length === limit && last ? Number(last.position) : null,
    };
  }

  @Get('customers/:id/state')
  @AuditEndpoint()
  @ApiOperation({
    summary: 'The customer aggregate folded from the log as of an instant or version',
  })
  async customerState(@Param('id', ParseUUIDPipe) id: string, @Query() query: AsOfQueryDto) {
    const range = parseAsOf(query.asOf);
    if ((await this.store.streamRevision(customerStream(id))) === undefined) {
      throw new NotFoundException(`No customer ${id}`);
    }
    const events =
      range.toRevision === -1n ? [] : await this.store.readStream(customerStream(id), range);
    const state = foldState(events, customerDecider);
    const last = events[events.length - 1];
    return {
      id,
      asOf: query.asOf ?? null,
      version: events.length,
      position: last ? Number(last.position) : null,
      occurredAt: last?.metadata.occurredAt ?? null,
      state,
    };
  }
}
