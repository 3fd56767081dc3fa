import { BadRequestException, Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEndpoint } from '../../auth/access.decorator';
import { BulkUpdateCustomers, CommandContext } from '@app/application';
import { Context } from '../../infrastructure/commands/command-context';
import { ReadsProjections } from '../../infrastructure/queries/min-position.interceptor';
import { BulkUpdateDto } from './bulk-update.request.dto';
import { BulkUpdateDryRunDto, BulkUpdateResultDto } from './bulk-update.response.dto';

@ApiTags('customers')
@ApiBearerAuth()
@ApiExtraModels(BulkUpdateDryRunDto, BulkUpdateResultDto)
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
      'Up to 200 customers: all or nothing, within the request (200). More: a background job (202) that reports each refusal and goes on; GET /bulk-operations/:id shows its progress. `dryRun: true` writes nothing.',
  })
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(BulkUpdateResultDto) },
        { $ref: getSchemaPath(BulkUpdateDryRunDto) },
      ],
    },
  })
  @ApiAcceptedResponse({ type: BulkUpdateResultDto, description: 'Running as a background job' })
  async update(
    @Body() body: BulkUpdateDto,
    @Context() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BulkUpdateResultDto | BulkUpdateDryRunDto> {
    if ((body.customerIds === undefined) === (body.filter === undefined))
      throw new BadRequestException({
        message: 'Send either customerIds or filter, not both',
        details: [{ field: 'customerIds', problems: ['send customerIds or filter, not both'] }],
      });
    const targets = body.customerIds ? { customerIds: body.customerIds } : { filter: body.filter! };
    const answer = await this.bus.execute(
      new BulkUpdateCustomers(targets, body.changes, context, body.dryRun === true),
    );
    if (!answer.dryRun && answer.status === 'running') res.status(202);
    return answer;
  }
}
