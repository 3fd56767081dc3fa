import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';

/**
 * The database failing under a batch (a connection lost): retried, never parked. An event the
 * projection itself cannot apply is parked instead (projection-runner.containment.spec.ts).
 */
export const connectionLost = () =>
  Object.assign(new Error('connection lost mid-batch'), { code: '08006' });

/**
 * Counts events per stream: a projection whose every double or lost update shows. Throws
 * `failWith()` (by default a lost connection) at the event whose `n` is `failOn`.
 */
export class CountingProjection implements Projection {
  readonly handles = ['Counted'];
  readonly tables: string[];
  failOn: number | undefined;
  failWith: () => unknown = connectionLost;

  constructor(
    readonly name = 'counting',
    private readonly table = 'test_counts',
  ) {
    this.tables = [table];
  }

  async applyBatch(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    for (const event of events) {
      if ((event.data as { n: number }).n === this.failOn) throw this.failWith();
      await manager.query(
        `INSERT INTO ${this.table} (stream, count, last_n) VALUES ($1, 1, $2)
         ON CONFLICT (stream) DO UPDATE SET count = ${this.table}.count + 1, last_n = $2`,
        [event.stream, (event.data as { n: number }).n],
      );
    }
  }
}
