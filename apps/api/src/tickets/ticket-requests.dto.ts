import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  MAX_TICKET_ASSIGNEE_LENGTH,
  MAX_TICKET_SUBJECT_LENGTH,
  MAX_TICKET_TEXT_LENGTH,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  TICKET_STATES,
  TicketCategory,
  TicketPriority,
  TicketStatus,
} from '@app/domain';
import { TICKET_TAB_FILTERS, TicketTabFilter } from '@app/read-models';
import { nullableText } from '../http/openapi-types';
import { PagingDto } from '../customers/queries/customer-list.query.dto';

/** Rule 23: a ticket for the customer in the path. */
export class OpenTicketDto {
  @ApiProperty({ example: 'No connection since Monday', maxLength: MAX_TICKET_SUBJECT_LENGTH })
  @IsString()
  @MaxLength(MAX_TICKET_SUBJECT_LENGTH)
  subject!: string;

  @ApiProperty({
    example: 'The router shows a red light; restarting it did not help.',
    maxLength: MAX_TICKET_TEXT_LENGTH,
  })
  @IsString()
  @MaxLength(MAX_TICKET_TEXT_LENGTH)
  description!: string;

  @ApiProperty({ enum: TICKET_CATEGORIES, example: 'technical' })
  @IsIn([...TICKET_CATEGORIES])
  category!: TicketCategory;

  @ApiProperty({ enum: TICKET_PRIORITIES, example: 'high' })
  @IsIn([...TICKET_PRIORITIES])
  priority!: TicketPriority;

  @ApiPropertyOptional({
    ...nullableText,
    format: 'uuid',
    example: '3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
    description: "One of the customer's contracts the ticket is about",
  })
  @IsOptional()
  @IsUUID()
  contractId?: string | null;

  @ApiPropertyOptional({
    ...nullableText,
    example: 'marta',
    description: 'The operator who takes it; none: unassigned',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TICKET_ASSIGNEE_LENGTH)
  assignee?: string | null;
}

export class AssignTicketDto {
  @ApiProperty({ example: 'marta', description: 'The operator (name or id) who takes it' })
  @IsString()
  @MaxLength(MAX_TICKET_ASSIGNEE_LENGTH)
  assignee!: string;
}

/** The author is the caller (`X-Actor`, or the API key), never given in the body. */
export class CommentOnTicketDto {
  @ApiProperty({ example: 'Replaced the router; waiting for the customer to confirm.' })
  @IsString()
  @MaxLength(MAX_TICKET_TEXT_LENGTH)
  text!: string;
}

/** `GET /customers/:id/tickets`: `open` is every ticket not closed, `closed` the closed ones. */
export class CustomerTicketsQueryDto extends PagingDto {
  @ApiPropertyOptional({
    enum: TICKET_TAB_FILTERS,
    example: 'open',
    description: 'open: open, in progress or resolved (not closed yet); closed: closed',
  })
  @IsOptional()
  @IsIn([...TICKET_TAB_FILTERS])
  state?: TicketTabFilter;
}

/** `GET /tickets`: the queue, filtered. */
export class TicketQueueQueryDto extends PagingDto {
  @ApiPropertyOptional({ enum: TICKET_STATES, example: 'open' })
  @IsOptional()
  @IsIn([...TICKET_STATES])
  state?: TicketStatus;

  @ApiPropertyOptional({ example: 'marta' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TICKET_ASSIGNEE_LENGTH)
  assignee?: string;

  @ApiPropertyOptional({ enum: TICKET_CATEGORIES, example: 'technical' })
  @IsOptional()
  @IsIn([...TICKET_CATEGORIES])
  category?: TicketCategory;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, example: 'urgent' })
  @IsOptional()
  @IsIn([...TICKET_PRIORITIES])
  priority?: TicketPriority;
}
