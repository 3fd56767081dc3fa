import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ParkedEventListing, parkedEvents } from '@app/read-models';
import { DataSource } from 'typeorm';
import { AuditEndpoint } from '../auth/access.decorator';
import { READ_MODELS } from '@app/application';
import { ProjectionFailuresQueryDto } from './projection-failures.query.dto';

/**
 * The events projections parked (could not apply): which projection, which event, and why.
 * `npm run -s cli -- replay-parked` retries them after a fix.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class ProjectionFailuresController {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  @Get('audit/projection-failures')
  @AuditEndpoint()
  @ApiOperation({
    summary: 'Events a projection could not apply, parked with their error, oldest first',
  })
  async failures(@Query() query: ProjectionFailuresQueryDto) {
    const manager = this.readModels.manager;
    const counts = await parkedEvents.countByProjection(manager);
    const parked = await parkedEvents.list(manager, {
      projection: query.projection,
      limit: query.limit ?? 100,
    });
    return { parkedByProjection: Object.fromEntries(counts), items: parked.map(failureView) };
  }
}

function failureView(parked: ParkedEventListing) {
  return {
    projection: parked.projection,
    position: Number(parked.position),
    eventId: parked.eventId,
    stream: parked.streamId,
    revision: Number(parked.revision),
    type: parked.eventType,
    errorCode: parked.errorCode,
    error: parked.errorMessage,
    blockedBy: parked.blockedBy === null ? null : Number(parked.blockedBy),
    attempts: parked.attempts,
    parkedAt: parked.parkedAt.toISOString(),
    lastAttemptAt: parked.lastAttemptAt.toISOString(),
  };
}
