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
import { EVENT_STORE, EventStore } from '@app/event-store';
import { AuditEndpoint } from '../auth/access.decorator';
import { AsOfQueryDto } from './audit-events.query.dto';
import {
  AggregateStateAsOf,
  aggregateStateAsOf,
  AuditedAggregate,
  InvalidAsOfError,
} from '@app/application';

const asOfSummary = (what: string) =>
  `The ${what} folded from the log as of an ISO-8601 instant or a version (default: now)`;

/** Time travel: any customer, contract, subscription or invoice as it stood at any point. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AggregateStateController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('customers/:id/state')
  @AuditEndpoint()
  @ApiOperation({ summary: asOfSummary('customer') })
  customer(@Param('id', ParseUUIDPipe) id: string, @Query() query: AsOfQueryDto) {
    return this.stateOf('customer', id, query.asOf);
  }

  @Get('contracts/:id/state')
  @AuditEndpoint()
  @ApiOperation({ summary: asOfSummary('contract signature') })
  contract(@Param('id', ParseUUIDPipe) id: string, @Query() query: AsOfQueryDto) {
    return this.stateOf('contract', id, query.asOf);
  }

  @Get('subscriptions/:id/state')
  @AuditEndpoint()
  @ApiOperation({ summary: asOfSummary('subscription') })
  subscription(@Param('id', ParseUUIDPipe) id: string, @Query() query: AsOfQueryDto) {
    return this.stateOf('subscription', id, query.asOf);
  }

  @Get('invoices/:id/state')
  @AuditEndpoint()
  @ApiOperation({ summary: asOfSummary('invoice or credit note') })
  invoice(@Param('id', ParseUUIDPipe) id: string, @Query() query: AsOfQueryDto) {
    return this.stateOf('invoice', id, query.asOf);
  }

  private async stateOf(
    kind: AuditedAggregate,
    id: string,
    asOf: string | undefined,
  ): Promise<AggregateStateAsOf> {
    let found: AggregateStateAsOf | null;
    try {
      found = await aggregateStateAsOf(this.store, kind, id, asOf);
    } catch (error) {
      if (!(error instanceof InvalidAsOfError)) throw error;
      throw new BadRequestException({
        message: error.message,
        details: [{ field: 'asOf', problems: ['ISO-8601 instant or non-negative integer'] }],
      });
    }
    if (found === null) throw new NotFoundException(`No ${kind} ${id}`);
    return found;
  }
}
