import { BadRequestException, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandEndpoint } from '../../auth/access.decorator';
import { BulkUpdateCustomers, CommandContext } from '@app/application';
import { Context } from '../../infrastructure/commands/command-context';
import { ReadsProjections } from '../../infrastructure/queries/min-position.interceptor';
import { BulkUpdateDto } from './bulk-update.request.dto';
import { BulkUpdateResultDto } from './bulk-update.response.dto';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class BulkUpdateController {
  constructor(private readonly bus: CommandBus) {}

  @Post('bulk-update')
  @HttpCode(200)
  @CommandEndpoint()
  @ReadsProjections()
  @ApiOperation({
    summary:
      'Rule R14: the same changes on the customers chosen or found by the list filters, one event per customer',
    description:
      'Up to 200 customers: all or nothing, within the request (`completed`). More: a background job (`running`) that reports each refusal and goes on; GET /bulk-operations/:id shows its progress. `dryRun: true` writes nothing.',
  })
  @ApiBody({
    type: BulkUpdateDto,
    examples: {
      chosen: {
        summary: 'Customers chosen by id',
        value: {
          customerIds: ['6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b'],
          changes: { zone: 'North', billingDay: 10 },
        },
      },
      search: {
        summary: 'Every customer a search finds, as a dry run first',
        value: {
          filter: { zone: 'south', billingEnabled: true },
          changes: { seller: 'Lucía' },
          dryRun: true,
        },
      },
    },
  })
  @ApiOkResponse({ type: BulkUpdateResultDto })
  update(
    @Body() body: BulkUpdateDto,
    @Context() context: CommandContext,
  ): Promise<BulkUpdateResultDto> {
    if ((body.customerIds === undefined) === (body.filter === undefined))
      throw new BadRequestException({
        message: 'Send either customerIds or filter, not both',
        details: [{ field: 'customerIds', problems: ['send customerIds or filter, not both'] }],
      });
    const targets = body.customerIds ? { customerIds: body.customerIds } : { filter: body.filter! };
    return this.bus.execute(
      new BulkUpdateCustomers(targets, body.changes, context, body.dryRun === true),
    );
  }
}
