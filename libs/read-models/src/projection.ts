import type { RecordedEvent } from '@app/event-store';
import type { EntityManager } from 'typeorm';
import type { RebuildDescriptor } from './rebuild/rebuild-descriptor';

/**
 * One read model kept from the log. `applyBatch` runs inside the runner's transaction, on its
 * EntityManager, together with the projection's checkpoint: a batch and its checkpoint commit
 * or roll back as one, so no update is lost or applied twice.
 */
export interface Projection {
  /** Stable name: the checkpoint's key, and what `rebuild <name>` takes. */
  readonly name: string;
  /** Event types it reads; others only move its checkpoint. */
  readonly handles: readonly string[];
  /** Tables it owns, emptied by a rebuild. */
  readonly tables: readonly string[];
  /**
   * The events of one batch this projection handles, past its checkpoint, in log order (never
   * none), applied with as few statements as it can. One event is a batch too: containment
   * applies a failing batch again event by event, each as a batch of one under a savepoint, and
   * the read model must end the same either way. Idempotent: an event applied before (a batch
   * replayed after a crash) changes nothing.
   */
  applyBatch(events: readonly RecordedEvent[], manager: EntityManager): Promise<void>;
  /** Optional: what only a rebuild from empty tables needs to know (`rebuild/`). */
  readonly rebuild?: RebuildDescriptor;
}
