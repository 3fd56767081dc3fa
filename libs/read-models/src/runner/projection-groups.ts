import type { RecordedEvent } from '@app/event-store';
import { DataSource, EntityManager } from 'typeorm';
import { checkpointStore } from '../checkpoints/checkpoint-store';
import { isEventFailure } from '../containment/apply-error';
import { applyIsolated } from '../containment/apply-isolated';
import { blockedEvent, failedEvent, ParkedEvent, parkedEvents } from '../containment/parked-events';
import { Projection } from '../projection';

/**
 * A runner's projections dealt into groups, each group's share of a batch applied with its
 * checkpoints in one transaction of its own, and the checkpoints each group committed. The
 * live runner and the rebuild runner both apply batches through it, so both skip what a
 * projection already holds and both park what a projection cannot apply.
 *
 * Containment: an event a projection cannot apply (`isEventFailure`: bad data, a bug in the
 * projection) does not stop it. The group's share is applied again event by event, each under
 * a savepoint; the failing event is rolled back alone and parked with its error in
 * `projection_parked_events`, in the same transaction as the rest of the batch and the
 * checkpoint, which moves past it. From then on that projection parks every later event of
 * the same stream untried (`STREAM_BLOCKED`), so none of its rows is built from part of a
 * stream's history; other streams and other projections (which apply the event as usual) go
 * on. A failure of the database itself (a lost connection) parks nothing: the transaction
 * rolls back whole and the error is thrown, for the runner to retry.
 */
export class ProjectionGroups {
  readonly groups: readonly (readonly Projection[])[];
  private checkpoints = new Map<string, bigint>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly projections: readonly Projection[],
    transactions: number,
    private readonly onParked?: (parked: readonly ParkedEvent[]) => void,
  ) {
    this.groups = dealInto(projections, transactions);
  }

  get names(): string[] {
    return this.projections.map((projection) => projection.name);
  }

  /** The lowest checkpoint among the projections. */
  get position(): bigint {
    let lowest: bigint | undefined;
    for (const position of this.checkpoints.values()) {
      if (lowest === undefined || position < lowest) lowest = position;
    }
    return lowest ?? 0n;
  }

  async loadCheckpoints(): Promise<void> {
    this.checkpoints = await checkpointStore.load(this.dataSource.manager, this.names);
  }

  /**
   * The batch applied by every group side by side. A group that committed keeps its
   * checkpoints even when another group failed (the first failure is thrown): the retry starts
   * from the lowest checkpoint and skips what each projection already holds.
   */
  async applyToAll(batch: readonly RecordedEvent[]): Promise<void> {
    const last = batch[batch.length - 1].position;
    const applied = await Promise.allSettled(
      this.groups.map((group) => this.applyToGroup(group, batch, last)),
    );
    const failed = applied.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /**
   * One group's share of a batch (ending at `last`) and its checkpoints, in one transaction:
   * all at once, or, when an event fails, again event by event, parking those that fail. Once
   * committed, the group's checkpoints are known here.
   */
  async applyToGroup(
    group: readonly Projection[],
    batch: readonly RecordedEvent[],
    last: bigint,
  ): Promise<void> {
    const behind = group.filter(
      (projection) => last > (this.checkpoints.get(projection.name) ?? 0n),
    );
    if (behind.length === 0) return;
    let parked: ParkedEvent[];
    try {
      parked = await this.dataSource.transaction((manager) =>
        this.applyShares(manager, behind, batch, last, 'together'),
      );
    } catch (error) {
      if (!isEventFailure(error)) throw error;
      parked = await this.dataSource.transaction((manager) =>
        this.applyShares(manager, behind, batch, last, 'one by one'),
      );
    }
    this.markApplied(behind, last);
    if (parked.length > 0) this.onParked?.(parked);
  }

  /** The projections hold everything up to `last` (their transaction committed). */
  private markApplied(projections: readonly Projection[], last: bigint): void {
    for (const projection of projections) {
      const checkpoint = this.checkpoints.get(projection.name) ?? 0n;
      if (last > checkpoint) this.checkpoints.set(projection.name, last);
    }
  }

  /**
   * Each projection's events of the batch past its checkpoint, those of its blocked streams
   * parked; then the parked events and the checkpoints written. Answers what it parked.
   */
  private async applyShares(
    manager: EntityManager,
    projections: readonly Projection[],
    batch: readonly RecordedEvent[],
    last: bigint,
    mode: 'together' | 'one by one',
  ): Promise<ParkedEvent[]> {
    const names = projections.map((projection) => projection.name);
    await parkedEvents.lockShared(manager);
    const blocked = await parkedEvents.blockedStreams(manager, names);
    const parked: ParkedEvent[] = [];
    for (const projection of projections) {
      const checkpoint = this.checkpoints.get(projection.name) ?? 0n;
      const streams = blocked.get(projection.name) ?? new Map<string, bigint>();
      const handled = batch.filter(
        (event) => event.position > checkpoint && projection.handles.includes(event.type),
      );
      if (mode === 'together') {
        const open = handled.filter((event) => {
          const blockedBy = streams.get(event.stream);
          if (blockedBy !== undefined) parked.push(blockedEvent(projection.name, event, blockedBy));
          return blockedBy === undefined;
        });
        if (open.length > 0) await projection.applyBatch(open, manager);
        continue;
      }
      for (const event of handled) {
        const blockedBy = streams.get(event.stream);
        if (blockedBy !== undefined) {
          parked.push(blockedEvent(projection.name, event, blockedBy));
          continue;
        }
        const outcome = await applyIsolated(projection, event, manager);
        if (outcome === undefined) continue;
        parked.push(failedEvent(projection.name, event, outcome.failed));
        streams.set(event.stream, event.position);
      }
    }
    await parkedEvents.park(manager, parked);
    await checkpointStore.save(manager, names, last);
    return parked;
  }
}

/** `projections` dealt round-robin into `count` non-empty groups. */
function dealInto(projections: readonly Projection[], count: number): Projection[][] {
  const size = Math.max(1, Math.min(count, projections.length));
  const groups: Projection[][] = Array.from({ length: size }, () => []);
  projections.forEach((projection, index) => groups[index % size].push(projection));
  return groups;
}
