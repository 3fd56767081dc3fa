import { quoteIdentifier, SqlDatabase } from '@app/database';
import { EventStore } from '@app/event-store';
import {
  allReadModelProjections,
  checkpointStore,
  deferSecondaryIndexes,
  indexesTheLogReads,
  openReadModels,
  Projection,
} from '@app/read-models';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReplayProgress } from '../replay/progress-bar';
import { logHead, replayProjections } from '../replay/replay-projections';
import { searchPathDatabase } from './search-path-database';
import { RowDifference, tableDifferences } from './table-differences';

export interface VerifyOutcome {
  /** The log position both sides were compared at. */
  position: bigint;
  tables: string[];
  differences: RowDifference[];
}

export interface VerifyCallbacks {
  onRebuildStart?(target: bigint): void;
  onProgress?(progress: ReplayProgress): void;
}

/** How often a live runner may move the read models on before verify gives up comparing. */
const MAX_ATTEMPTS = 3;

/**
 * Proof that the read models match the log: brings the live read models up to the log's last
 * committed event, rebuilds every projection into a scratch schema (migrated from zero) up to
 * the very position the live ones reached, and compares every table row by row. If a runner
 * moved the live read models on during the comparison, the rebuild follows and compares again.
 * The scratch schema is dropped afterwards, whatever happens.
 */
export async function verifyReadModels(
  store: EventStore,
  database: SqlDatabase,
  live: DataSource,
  callbacks: VerifyCallbacks = {},
): Promise<VerifyOutcome> {
  const projections = allReadModelProjections();
  const names = projections.map((projection) => projection.name);
  const tables = projections.flatMap((projection) => projection.tables);
  await replayProjections(store, live, projections, { upTo: await logHead(store) });
  const [{ schema: liveSchema }] = await live.query('SELECT current_schema() AS schema');
  const scratchSchema = `verify_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await database.query(`CREATE SCHEMA ${quoteIdentifier(scratchSchema)}`);
  let scratch: DataSource | undefined;
  try {
    scratch = await openReadModels(searchPathDatabase(database, scratchSchema));
    // A throwaway copy compared by primary key: its secondary indexes would only slow it down,
    // but for those the projections read on events the log holds (an erasure's lookup).
    const keep = await indexesTheLogReads(store, projections);
    await scratch.transaction((manager) => deferSecondaryIndexes(manager, tables, keep));
    let position = await checkpointStore.reached(live.manager, names);
    callbacks.onRebuildStart?.(position);
    for (let attempt = 1; ; attempt++) {
      await rebuildUpTo(store, scratch, projections, position, callbacks);
      const differences = await compare(live, tables, liveSchema, scratchSchema);
      const after = await checkpointStore.reached(live.manager, names);
      if (after === position || attempt === MAX_ATTEMPTS) {
        if (after !== position)
          throw new Error(
            `The live read models kept moving (position ${position} → ${after}): run verify when the log is quiet`,
          );
        return { position, tables, differences };
      }
      position = after;
    }
  } finally {
    await scratch?.destroy();
    await database.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(scratchSchema)} CASCADE`);
  }
}

function rebuildUpTo(
  store: EventStore,
  scratch: DataSource,
  projections: readonly Projection[],
  position: bigint,
  callbacks: VerifyCallbacks,
): Promise<bigint> {
  return replayProjections(store, scratch, projections, {
    upTo: position,
    onProgress: callbacks.onProgress,
  });
}

async function compare(
  live: DataSource,
  tables: readonly string[],
  liveSchema: string,
  scratchSchema: string,
): Promise<RowDifference[]> {
  const differences: RowDifference[] = [];
  for (const table of tables) {
    differences.push(
      ...(await tableDifferences(live.manager, table, {
        live: liveSchema,
        rebuilt: scratchSchema,
      })),
    );
  }
  return differences;
}
