import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { isEventFailure } from './apply-error';

/**
 * Applies one event (a batch of one) inside the caller's transaction, under a savepoint: when the event itself
 * fails (`isEventFailure`) what it wrote is rolled back alone and its error returned, so the
 * rest of the transaction goes on; any other failure (the database's) is thrown.
 */
export async function applyIsolated(
  projection: Projection,
  event: RecordedEvent,
  manager: EntityManager,
): Promise<{ failed: unknown } | undefined> {
  await manager.query('SAVEPOINT projection_event');
  try {
    await projection.applyBatch([event], manager);
  } catch (error) {
    if (!isEventFailure(error)) throw error;
    await manager.query('ROLLBACK TO SAVEPOINT projection_event');
    return { failed: error };
  }
  await manager.query('RELEASE SAVEPOINT projection_event');
  return undefined;
}
