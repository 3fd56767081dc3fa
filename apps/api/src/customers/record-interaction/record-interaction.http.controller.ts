import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { v4 as uuid } from 'uuid';
import {
  INTERACTION_DIRECTIONS,
  INTERACTION_KINDS,
  InteractionDirection,
  InteractionKind,
} from '@app/domain';
import { CommandBus } from '@nestjs/cqrs';
import { CommandEndpoint } from '../../auth/access.decorator';
import { CommandContext } from '@app/application';
import { Context } from '../../infrastructure/commands/command-context';
import { CommandOutcome, RecordInteractionCommand } from '@app/application';

export class RecordInteractionDto {
  @ApiProperty({ enum: INTERACTION_KINDS, example: 'call' })
  @IsIn(INTERACTION_KINDS as unknown as string[])
  kind!: InteractionKind;

  @ApiPropertyOptional({
    enum: INTERACTION_DIRECTIONS,
    example: 'inbound',
    description: 'Who started it; without it a note is internal and any other kind inbound',
  })
  @IsOptional()
  @IsIn(INTERACTION_DIRECTIONS as unknown as string[])
  direction?: InteractionDirection;

  @ApiProperty({ example: 'Asked for the invoice of March' })
  @IsString()
  @MaxLength(10_000)
  text!: string;
}

/** "Interacciones": calls, e-mails, visits, incidents and notes on the customer file. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class RecordInteractionController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/interactions')
  @CommandEndpoint()
  @ApiOperation({ summary: 'Record an interaction; answers its id as interactionId' })
  async record(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordInteractionDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome & { interactionId: string }> {
    const interactionId = uuid();
    const outcome = await this.bus.execute(
      new RecordInteractionCommand(id, { ...body, interactionId }, context),
    );
    return { ...outcome, interactionId };
  }
}
