import { EventStore } from '@app/event-store';
import {
  allReadModelProjections,
  indexesTheLogReads,
  parkedEvents,
  Projection,
  withSecondaryIndexesDeferred,
} from '@app/read-models';
import { DataSource } from 'typeorm';
import { CliOutput } from '../cli-output';
import { ReplayProgress } from '../replay/progress-bar';
import { logHead, replayProjections } from '../replay/replay-projections';

export class UnknownProjectionError extends Error {
  constructor(name: string, known: readonly string[]) {
    super(`Unknown projection "${name}". Projections: ${known.join(', ')}`);
  }
}

/** The named projection, or every one when no name is given; refuses an unknown name. */
export function selectProjections(name?: string): Projection[] {
  const all = allReadModelProjections();
  if (name === undefined) return all;
  const found = all.filter((projection) => projection.name === name);
  if (found.length === 0)
    throw new UnknownProjectionError(
      name,
      all.map((projection) => projection.name),
    );
  return found;
}

/**
 * The projections a command is given (`rebuild`, `replay-parked`): an unknown name is told on
 * `output` with the known ones (exit status 1) and gives `undefined`.
 */
export function projectionsNamedOrFail(
  name: string | undefined,
  output: CliOutput,
): Projection[] | undefined {
  try {
    return selectProjections(name);
  } catch (error) {
    if (!(error instanceof UnknownProjectionError)) throw error;
    output.fail(error.message);
    return undefined;
  }
}

export interface RebuildOutcome {
  projections: string[];
  tables: string[];
  position: bigint;
  /** Events the rebuild parked (could not apply), by projection: only those with any. */
  parked: Map<string, number>;
}

/**
 * Empties the projections' tables, checkpoints and parked events in one transaction (what
 * still fails is parked again), then replays the log
 * into them up to its last committed event; once the log reaches `deferIndexesFrom`, their
 * secondary indexes dropped meanwhile and built again at the end
 * (`withSecondaryIndexesDeferred`). Stop the projection runner (the API's or
 * `npm run projections`) first, or it keeps applying on top of the rebuild.
 */
export async function rebuildReadModels(
  store: EventStore,
  dataSource: DataSource,
  projections: readonly Projection[],
  callbacks: {
    /** Defer the secondary indexes once the log reaches this position. */
    deferIndexesFrom?: number;
    onStart?(target: bigint): void;
    onProgress?(progress: ReplayProgress): void;
  } = {},
): Promise<RebuildOutcome> {
  const tables = projections.flatMap((projection) => projection.tables);
  const names = projections.map((projection) => projection.name);
  await dataSource.transaction(async (manager) => {
    await manager.query(`TRUNCATE ${tables.map((table) => `"${table}"`).join(', ')}`);
    await manager.query('DELETE FROM projection_checkpoints WHERE name = ANY($1::text[])', [names]);
    await parkedEvents.clear(manager, names);
  });
  const target = await logHead(store);
  callbacks.onStart?.(target);
  const position = await withSecondaryIndexesDeferred(
    dataSource,
    tables,
    () =>
      replayProjections(store, dataSource, projections, {
        upTo: target,
        onProgress: callbacks.onProgress,
      }),
    {
      logHead: target,
      from: callbacks.deferIndexesFrom,
      keep: () => indexesTheLogReads(store, projections),
    },
  );
  const parked = await parkedEvents.countByProjection(dataSource.manager);
  for (const name of parked.keys()) if (!names.includes(name)) parked.delete(name);
  return { projections: names, tables, position, parked };
}
