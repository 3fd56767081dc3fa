import type { EventStore, RecordedEvent } from '@app/event-store';
import { DataSource, EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { applyIsolated } from './apply-isolated';
import { failedEvent, ParkedEventListing, parkedEvents } from './parked-events';

/** What `replayParked` did for one projection. */
export interface ReplayParkedOutcome {
  projection: string;
  /** Parked events that now applied, and were removed. */
  applied: number;
  /** Parked events that failed again: kept, with their new error. */
  failed: number;
  /** Parked events left untried: an earlier event of their stream failed again. */
  stillBlocked: number;
}

/**
 * Tries the projections' parked events again (after a fix: an upcaster, a projection change,
 * an erasure that turned the bad value into its erased form), each stream's in log order and
 * in a transaction of its own: an event that applies now is removed from the parked ones; the
 * first that fails again keeps its new error and counts one more attempt, and the rest of its
 * stream stays parked behind it, untried. Events are read again from the log, so they come through today's upcasters.
 */
export async function replayParked(
  store: EventStore,
  dataSource: DataSource,
  projections: readonly Projection[],
): Promise<ReplayParkedOutcome[]> {
  const outcomes: ReplayParkedOutcome[] = [];
  for (const projection of projections) {
    const outcome = { projection: projection.name, applied: 0, failed: 0, stillBlocked: 0 };
    const parked = await parkedEvents.list(dataSource.manager, {
      projection: projection.name,
      limit: Number.MAX_SAFE_INTEGER,
    });
    for (const stream of byStream(parked)) {
      // Read before the transaction: on PGlite the log and the read models share one session,
      // and a read inside the transaction would wait for it to end.
      const events = await eventsOf(store, stream);
      const done = await dataSource.transaction((manager) =>
        replayStream(manager, projection, events),
      );
      outcome.applied += done.applied;
      outcome.failed += done.failed;
      outcome.stillBlocked += done.stillBlocked;
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

async function replayStream(
  manager: EntityManager,
  projection: Projection,
  events: readonly RecordedEvent[],
): Promise<Omit<ReplayParkedOutcome, 'projection'>> {
  let applied = 0;
  for (const [index, event] of events.entries()) {
    const outcome = await applyIsolated(projection, event, manager);
    if (outcome !== undefined) {
      // The rest of the stream stays parked behind it, untried.
      await parkedEvents.recordFailure(
        manager,
        failedEvent(projection.name, event, outcome.failed),
      );
      return { applied, failed: 1, stillBlocked: events.length - index - 1 };
    }
    await parkedEvents.remove(manager, projection.name, event.position);
    applied++;
  }
  return { applied, failed: 0, stillBlocked: 0 };
}

/** The parked events as the log holds them today (upcast), in their stream's order. */
async function eventsOf(
  store: EventStore,
  parked: readonly ParkedEventListing[],
): Promise<RecordedEvent[]> {
  const stream = parked[0].streamId;
  const revisions = parked.map((row) => BigInt(row.revision));
  const read = await store.readStream(stream, {
    fromRevision: revisions[0],
    toRevision: revisions[revisions.length - 1],
  });
  const wanted = new Set(parked.map((row) => row.eventId));
  const events = read.filter((event) => wanted.has(event.id));
  if (events.length !== parked.length)
    throw new Error(`The log no longer holds every parked event of ${stream}`);
  return events;
}

/** The parked events grouped by stream, each group in log order. */
function byStream(parked: readonly ParkedEventListing[]): ParkedEventListing[][] {
  const streams = new Map<string, ParkedEventListing[]>();
  for (const row of parked) {
    const group = streams.get(row.streamId) ?? [];
    group.push(row);
    streams.set(row.streamId, group);
  }
  return [...streams.values()];
}
