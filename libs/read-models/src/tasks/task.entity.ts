import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PostalAddress, TaskStatus, TaskType } from '@app/domain';

/** One task (rule 24) as its events leave it: the calendars and the customer's tab read it. */
@Entity({ name: 'tasks' })
export class TaskRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'text' }) type!: TaskType;
  @Column({ type: 'text' }) colour!: string;
  @Column({ type: 'text' }) title!: string;
  /** The operators' local day (Europe/Madrid), `YYYY-MM-DD`, as given. */
  @Column({ type: 'text' }) date!: string;
  /** The operators' local wall-clock time, `HH:MM`, as given. */
  @Column({ type: 'text' }) time!: string;
  @Column({ type: 'integer', name: 'duration_minutes', nullable: true })
  durationMinutes!: number | null;
  @Column({ type: 'text' }) assignee!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text' }) status!: TaskStatus;
  /** The status's place in seed 004's order (in progress 0, open 1, not attended 2, completed 3). */
  @Column({ type: 'integer', name: 'status_rank' }) statusRank!: number;
  @Column({ type: 'text', name: 'customer_name' }) customerName!: string;
  @Column({ type: 'jsonb', name: 'customer_address' }) customerAddress!: PostalAddress;
  @Column({ type: 'text', name: 'copied_from', nullable: true }) copiedFrom!: string | null;
  /** Events of its stream applied: the version commands answer and If-Match takes. */
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text', name: 'created_at' }) createdAt!: string;
  @Column({ type: 'text', name: 'updated_at' }) updatedAt!: string;
}
