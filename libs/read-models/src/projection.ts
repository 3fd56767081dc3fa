import type { RecordedEvent } from '@app/event-store';
import type { EntityManager } from 'typeorm';

/**
 * One read model kept from the log. `apply` runs inside the runner's transaction, on its
 * EntityManager, together with the projection's checkpoint: a batch and its checkpoint
 * commit or roll back as one, so no update is lost or applied twice.
 */
export interface Projection {
  /** Stable name: the checkpoint's key, and what `rebuild <name>` takes. */
  readonly name: string;
  /** Event types it reads; others only move its checkpoint. */
  readonly handles: readonly string[];
  /** Tables it owns, emptied by a rebuild. */
  readonly tables: readonly string[];
  apply(event: RecordedEvent, manager: EntityManager): Promise<void>;
  /**
   * Optional: the events of one batch this projection handles, past its checkpoint, in log
   * order, applied with as few statements as it can (a rebuild's speed). Must leave the read
   * model exactly as `apply` on each event in turn would.
   */
  applyBatch?(events: readonly RecordedEvent[], manager: EntityManager): Promise<void>;
  /**
   * Optional: the secondary indexes (by name) that applying an event of a type reads, by event
   * type. A rebuild that defers secondary indexes keeps these when the log holds such an event:
   * without them, each one would scan its table.
   */
  readonly indexesReadOn?: Readonly<Record<string, readonly string[]>>;
}
