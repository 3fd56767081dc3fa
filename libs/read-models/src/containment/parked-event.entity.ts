import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An event a projection could not apply, parked with its error; the projection's checkpoint
 * moved past it. `blockedBy` is set when the event itself was not tried: an earlier event of
 * its stream is parked (that one's position), so the stream waits for it.
 */
@Entity({ name: 'projection_parked_events' })
export class ParkedEventRow {
  @PrimaryColumn({ type: 'text' })
  projection!: string;

  @PrimaryColumn({ type: 'bigint' })
  position!: string;

  @Column({ type: 'uuid', name: 'event_id' })
  eventId!: string;

  @Column({ type: 'text', name: 'stream_id' })
  streamId!: string;

  @Column({ type: 'bigint' })
  revision!: string;

  @Column({ type: 'text', name: 'event_type' })
  eventType!: string;

  /** The SQLSTATE (`22021`), the error's name (`RangeError`), or `STREAM_BLOCKED`. */
  @Column({ type: 'text', name: 'error_code' })
  errorCode!: string;

  @Column({ type: 'text', name: 'error_message' })
  errorMessage!: string;

  @Column({ type: 'bigint', name: 'blocked_by', nullable: true })
  blockedBy!: string | null;

  /** Times applying it was tried: 1 when parked, one more per `replay-parked` that failed. */
  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'timestamptz', name: 'parked_at' })
  parkedAt!: Date;

  @Column({ type: 'timestamptz', name: 'last_attempt_at' })
  lastAttemptAt!: Date;
}
