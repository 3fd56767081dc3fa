import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BulkOperationQuery,
  BulkOperationView,
  BulkRevertResult,
  CommandContext,
  RevertBulkOperation,
} from '@app/application';
import { CommandEndpoint, QueryEndpoint } from '../../auth/access.decorator';
import { Context } from '../../infrastructure/commands/command-context';
import { PagingDto } from '../queries/customer-list.query.dto';
import { BulkOperationViewDto, BulkRevertResultDto } from './bulk-operation.response.dto';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('bulk-operations')
export class BulkOperationsController {
  constructor(
    private readonly bus: CommandBus,
    private readonly operations: BulkOperationQuery,
  ) {}

  @Get(':id')
  @QueryEndpoint()
  @ApiOperation({
    summary:
      'Rule R14: a bulk operation, its progress (done / total) and what it changed on each customer',
  })
  @ApiOkResponse({ type: BulkOperationViewDto })
  find(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() paging: PagingDto,
  ): Promise<BulkOperationView> {
    return this.operations.find(id, paging.page ?? 1, paging.pageSize ?? 100);
  }

  @Post(':id/revert')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({
    summary:
      "Rule 27: restores each field's previous value on the customers not changed since; reports the others as conflicts",
  })
  @ApiOkResponse({ type: BulkRevertResultDto })
  revert(
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<BulkRevertResult> {
    return this.bus.execute(new RevertBulkOperation(id, context));
  }
}
