import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  CancelEffectCommand,
  CommandContext,
  CommandOutcome,
  ReduceEffectCommand,
} from '@app/application';
import { MAX_AMOUNT_CENTS } from '@app/domain';
import { CommandEndpoint } from '../../auth/access.decorator';
import { Context } from '../../infrastructure/commands/command-context';

export class ReduceEffectDto {
  @ApiProperty({ example: 2000, description: 'What the effect asks the bank for from now on' })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_CENTS)
  amountCents!: number;

  @ApiProperty({ example: 'Agreed to pay the rest at the office' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  reason!: string;
}

export class CancelEffectDto {
  @ApiProperty({ example: 'Paid in cash at the office' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  reason!: string;
}

/** The effect's answer: the invoice's new version, and which effect it was. */
export class EffectOutcome extends CommandOutcome {
  @ApiProperty({ description: 'The effect changed' })
  effectId!: string;
}

/**
 * Rule 17 by hand: an operator lowers or cancels a direct-debit effect that has not gone to
 * the bank yet (one in a remittance is refused with R17). Payments and credit notes already
 * do this on their own.
 */
@ApiTags('invoices')
@ApiBearerAuth()
@Controller('invoices')
export class EffectAdjustmentsController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/direct-debit-effects/:effectId/reduce')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({ summary: 'Lower what a pending effect not yet remitted asks for (rule 17)' })
  @ApiOkResponse({ type: EffectOutcome })
  async reduce(
    @Param('id', ParseUUIDPipe) invoiceId: string,
    @Param('effectId', ParseUUIDPipe) effectId: string,
    @Body() body: ReduceEffectDto,
    @Context() context: CommandContext,
  ): Promise<EffectOutcome> {
    const outcome = await this.bus.execute(
      new ReduceEffectCommand(invoiceId, { effectId, ...body }, context),
    );
    return { ...outcome, effectId };
  }

  @Post(':id/direct-debit-effects/:effectId/cancel')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({ summary: 'Cancel a pending effect not yet remitted (rule 17)' })
  @ApiOkResponse({ type: EffectOutcome })
  async cancel(
    @Param('id', ParseUUIDPipe) invoiceId: string,
    @Param('effectId', ParseUUIDPipe) effectId: string,
    @Body() body: CancelEffectDto,
    @Context() context: CommandContext,
  ): Promise<EffectOutcome> {
    const outcome = await this.bus.execute(
      new CancelEffectCommand(invoiceId, { effectId, ...body }, context),
    );
    return { ...outcome, effectId };
  }
}
