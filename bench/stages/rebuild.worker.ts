import { openDatabase } from '@app/database';
import { PostgresEventStore } from '@app/event-store';
import { openReadModels } from '@app/read-models';
import { serviceEventStore } from '../support/bench-storage';
import { rebuildProjections } from './rebuild-projections';

/**
 * A rebuild in a process of its own, so its peak memory is the rebuild's alone: prints one
 * JSON line with the figures and the process's peak resident set (`maxRSS`).
 */
async function main(): Promise<void> {
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 4 });
  const store = await serviceEventStore(db, await PostgresEventStore.create(db));
  const readModels = await openReadModels(db);
  const mode = process.env.BENCH_REBUILD_MODE === 'per-event' ? 'per-event' : 'batched';
  const figures = await rebuildProjections(db, store, readModels, mode);
  await readModels.destroy();
  await store.close();
  await db.close();
  const peakRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  process.stdout.write(`${JSON.stringify({ ...figures, peakRssMb })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
