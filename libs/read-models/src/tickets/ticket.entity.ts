import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TicketCategory, TicketPriority, TicketStatus } from '@app/domain';

/** One comment on a ticket, as the ticket's row keeps it (oldest first). */
export interface TicketComment {
  commentId: string;
  author: string;
  text: string;
  commentedAt: string;
}

/** One ticket (rule 23) as its events leave it: the customer's tab, the queue and the detail. */
@Entity({ name: 'tickets' })
export class TicketRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'text', name: 'contract_id', nullable: true }) contractId!: string | null;
  @Column({ type: 'text' }) state!: TicketStatus;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text' }) category!: TicketCategory;
  @Column({ type: 'text' }) priority!: TicketPriority;
  @Column({ type: 'text', nullable: true }) assignee!: string | null;
  @Column({ type: 'jsonb' }) comments!: TicketComment[];
  @Column({ type: 'integer', name: 'comment_count' }) commentCount!: number;
  /** Events of its stream applied: the version commands answer and If-Match takes. */
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text', name: 'opened_at' }) openedAt!: string;
  @Column({ type: 'text', name: 'updated_at' }) updatedAt!: string;
}
