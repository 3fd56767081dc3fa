import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { AuditEndpoint } from '../auth/access.decorator';
import { AuditEventsQueryDto } from './audit-events.query.dto';
import { auditedEvent } from '@app/application';

/** The auditor's view of the raw log, with all metadata. */
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
}
