import { ApiProperty } from '@nestjs/swagger';
import {
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  TICKET_STATES,
  TicketCategory,
  TicketPriority,
  TicketStatus,
} from '@app/domain';
import { CommandOutcome } from '@app/application';
import type { TicketComment, TicketListItem, TicketView } from '@app/read-models';
import { nullableText } from '../http/openapi-types';

/** A comment added to a ticket (`id` is the ticket's). */
export class TicketCommentedResponse extends CommandOutcome {
  @ApiProperty({ example: '4e6a8c0e-2a4c-4e6a-8c0e-2a4c6e8a0c2e' })
  commentId!: string;
}

export class TicketCommentResponse implements TicketComment {
  @ApiProperty({ example: '4e6a8c0e-2a4c-4e6a-8c0e-2a4c6e8a0c2e' }) commentId!: string;
  @ApiProperty({ example: 'marta' }) author!: string;
  @ApiProperty({ example: 'Replaced the router.' }) text!: string;
  @ApiProperty({ example: '2026-03-02T10:00:00.000Z' }) commentedAt!: string;
}

/** A ticket as the lists show it (no description or comments). */
export class TicketListItemResponse implements TicketListItem {
  @ApiProperty({ example: '6f1c2a55-0d7e-4c1b-9a53-1d2e3f405162' }) id!: string;
  @ApiProperty({ example: '7d2f9c1e-4b3a-4f6e-9a8b-1c2d3e4f5a6b' }) customerId!: string;
  @ApiProperty({ ...nullableText, example: null }) contractId!: string | null;
  @ApiProperty({ enum: TICKET_STATES, example: 'in_progress' }) state!: TicketStatus;
  @ApiProperty({ example: 'No connection since Monday' }) subject!: string;
  @ApiProperty({ enum: TICKET_CATEGORIES, example: 'technical' }) category!: TicketCategory;
  @ApiProperty({ enum: TICKET_PRIORITIES, example: 'high' }) priority!: TicketPriority;
  @ApiProperty({ ...nullableText, example: 'marta' }) assignee!: string | null;
  @ApiProperty({ example: 2 }) commentCount!: number;
  @ApiProperty({ example: 3, description: 'For If-Match' }) version!: number;
  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' }) openedAt!: string;
  @ApiProperty({ example: '2026-03-02T10:00:00.000Z' }) updatedAt!: string;
}

/** One ticket with its description and comments, oldest comment first. */
export class TicketResponse extends TicketListItemResponse implements TicketView {
  @ApiProperty({ example: 'The router shows a red light.' }) description!: string;
  @ApiProperty({ type: [TicketCommentResponse] }) comments!: TicketCommentResponse[];
}

export class TicketPageResponse {
  @ApiProperty({ type: [TicketListItemResponse] }) items!: TicketListItemResponse[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
}
