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
 * stream stays parked behind it, untried. Events are read again from the log, so they come
 * through today's upcasters. Safe beside a running runner: each stream's parked events are
 * listed again under the lock runners park behind (`parkedEvents.lockAlone`).
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
    for (const stream of streamsOf(parked)) {
      // Read before the transaction: on PGlite the log and the read models share one session,
      // and a read inside the transaction would wait for it to end.
      const events = await store.readStream(stream.name, { fromRevision: stream.fromRevision });
      const done = await dataSource.transaction(async (manager) => {
        await parkedEvents.lockAlone(manager);
        const now = await parkedEvents.list(manager, {
          projection: projection.name,
          stream: stream.name,
          limit: Number.MAX_SAFE_INTEGER,
        });
        return replayStream(manager, projection, parkedAmong(events, now));
      });
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

/**
 * The stream's parked events as read from the log, in order, up to the first the read did
 * not hold (parked since): that one and those after it wait for the next replay.
 */
function parkedAmong(
  read: readonly RecordedEvent[],
  parked: readonly ParkedEventListing[],
): RecordedEvent[] {
  const byId = new Map(read.map((event) => [event.id, event]));
  const events: RecordedEvent[] = [];
  for (const row of parked) {
    const event = byId.get(row.eventId);
    if (event === undefined) break;
    events.push(event);
  }
  return events;
}

/** The streams with parked events, in the order of their first, from its revision on. */
function streamsOf(
  parked: readonly ParkedEventListing[],
): { name: string; fromRevision: bigint }[] {
  const streams = new Map<string, bigint>();
  for (const row of parked)
    if (!streams.has(row.streamId)) streams.set(row.streamId, BigInt(row.revision));
  return [...streams].map(([name, fromRevision]) => ({ name, fromRevision }));
}
