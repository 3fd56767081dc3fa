import { SqlDatabase } from '@app/database';
import { customerDecider, customerStream } from '@app/domain';
import { EventStore } from '@app/event-store';
import { decideAndAppend } from '@app/application';
import { round, runConcurrently, timed } from '../support/measure';
import { recordInteraction } from './interaction-command';

export interface AppendFigures {
  writers: number;
  commands: number;
  eventsPerSecond: number;
  /** The same number of single-row INSERTs into a bare table, with as many writers. */
  baselineInsertsPerSecond: number;
  ratio: number;
}

/**
 * Single-event commands (RecordInteraction on existing customers) through the handlers' one
 * path, `decideAndAppend`: read the stream, fold, decide, append with the expected revision.
 * Each command goes to the next customer, so writers rarely race (a lost race is retried).
 */
export async function appendStage(
  db: SqlDatabase,
  store: EventStore,
  customerIds: readonly string[],
  writerCounts: readonly number[],
  commands: number,
): Promise<AppendFigures[]> {
  await db.query(
    'CREATE TABLE IF NOT EXISTS bench_bare_appends (id bigserial PRIMARY KEY, payload jsonb NOT NULL)',
  );
  const figures: AppendFigures[] = [];
  for (const writers of writerCounts) {
    const record = (index: number) => {
      const customerId = customerIds[index % customerIds.length];
      const { command, context } = recordInteraction(customerId, `bench-${writers}-${index}`);
      return decideAndAppend(store, {
        aggregateId: customerId,
        stream: customerStream(customerId),
        decider: customerDecider,
        command,
        context,
      });
    };
    const appended = await timed(() => runConcurrently(commands, writers, record));
    const inserted = await timed(() =>
      runConcurrently(commands, writers, (index) =>
        db.query('INSERT INTO bench_bare_appends (payload) VALUES ($1)', [
          JSON.stringify({ type: 'InteractionRecorded', index, text: 'Bench' }),
        ]),
      ),
    );
    const eventsPerSecond = commands / appended.seconds;
    const baselineInsertsPerSecond = commands / inserted.seconds;
    figures.push({
      writers,
      commands,
      eventsPerSecond: round(eventsPerSecond, 0),
      baselineInsertsPerSecond: round(baselineInsertsPerSecond, 0),
      ratio: round(eventsPerSecond / baselineInsertsPerSecond, 3),
    });
  }
  await db.query('DROP TABLE bench_bare_appends');
  return figures;
}
