import {
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
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
import { customerInteractions, findCustomerFile } from '@app/read-models';
import { DataSource } from 'typeorm';
import { CommandEndpoint, QueryEndpoint } from '../../auth/access.decorator';
import { CommandContext } from '@app/application';
import { Context } from '../../infrastructure/commands/command-context';
import { CommandOutcome, READ_MODELS, RecordInteractionCommand } from '@app/application';
import { PagingDto } from '../queries/customer-list.query.dto';

export class RecordInteractionDto {
  @ApiProperty({ enum: INTERACTION_KINDS, example: 'call' })
  @IsIn([...INTERACTION_KINDS])
  kind!: InteractionKind;

  @ApiPropertyOptional({
    enum: INTERACTION_DIRECTIONS,
    example: 'inbound',
    description: 'Who started it; without it a note is internal and any other kind inbound',
  })
  @IsOptional()
  @IsIn([...INTERACTION_DIRECTIONS])
  direction?: InteractionDirection;

  @ApiProperty({ example: 'Asked for the invoice of March' })
  @IsString()
  @MaxLength(10_000)
  text!: string;
}

/** An interaction recorded on the customer file (`id`). */
export class InteractionRecordedDto extends CommandOutcome {
  @ApiProperty({ example: '4e6a8c0e-2a4c-4e6a-8c0e-2a4c6e8a0c2e' })
  interactionId!: string;
}

/** `GET /customers/:id/interactions`: the list's paging, and one kind if given. */
export class InteractionListQueryDto extends PagingDto {
  @ApiPropertyOptional({ enum: INTERACTION_KINDS, example: 'call' })
  @IsOptional()
  @IsIn([...INTERACTION_KINDS])
  kind?: InteractionKind;
}

/** "Interacciones": calls, e-mails, visits, incidents and notes on the customer file. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class RecordInteractionController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  @Post(':id/interactions')
  @CommandEndpoint()
  @ApiOperation({ summary: 'Record an interaction; answers its id as interactionId' })
  @ApiCreatedResponse({ type: InteractionRecordedDto })
  async record(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordInteractionDto,
    @Context() context: CommandContext,
  ): Promise<InteractionRecordedDto> {
    const interactionId = uuid();
    const outcome = await this.bus.execute(
      new RecordInteractionCommand(id, { ...body, interactionId }, context),
    );
    return { ...outcome, interactionId };
  }

  @Get(':id/interactions')
  @QueryEndpoint()
  @ApiHeader({
    name: 'X-Min-Position',
    required: false,
    description: 'Wait (up to 5 s, else 503) until the read models reached this log position',
  })
  @ApiOperation({ summary: 'The interactions tab: newest first, paged, one kind if given' })
  async list(@Param('id', ParseUUIDPipe) id: string, @Query() query: InteractionListQueryDto) {
    if (!(await findCustomerFile(this.readModels, id))) {
      throw new NotFoundException(`No customer ${id}`);
    }
    return customerInteractions(this.readModels, id, query);
  }
}
