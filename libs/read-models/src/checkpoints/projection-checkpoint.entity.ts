import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far in the log each projection has applied, written in the same transaction as its rows. */
@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpoint {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  /** Log position of the last event applied (0 before any). */
  @Column({ type: 'bigint' })
  position!: string;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
