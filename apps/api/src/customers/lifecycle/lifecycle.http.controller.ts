import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CommandBus } from '@nestjs/cqrs';
import { CommandEndpoint } from '../../auth/access.decorator';
import { CommandContext } from '@app/application';
import { Context } from '../../infrastructure/commands/command-context';
import {
  CommandOutcome,
  DeactivateCustomerCommand,
  DeleteCustomerCommand,
  ReactivateCustomerCommand,
} from '@app/application';
import { nullableText } from '../../http/openapi-types';

export class DeactivateDto {
  @ApiPropertyOptional({ ...nullableText, example: 'Moved abroad' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

/** Deactivate, reactivate and delete (rule R6: refused with every blocking reason). */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerLifecycleController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/deactivate')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({
    summary:
      'Deactivate a customer (what to do with one that cannot be deleted); 422 CUSTOMER.BILLABLE_SUBSCRIPTIONS listing those still billed',
  })
  @ApiOkResponse({ type: CommandOutcome })
  deactivate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DeactivateDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new DeactivateCustomerCommand(id, body?.reason ?? null, context));
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({ summary: 'Reactivate a deactivated customer' })
  @ApiOkResponse({ type: CommandOutcome })
  reactivate(
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new ReactivateCustomerCommand(id, {}, context));
  }

  @Delete(':id')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({ summary: 'Delete a customer; 422 listing every blocking reason of rule R6' })
  @ApiOkResponse({ type: CommandOutcome })
  delete(
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new DeleteCustomerCommand(id, context));
  }
}
