import { openDatabase, PostgresDatabase, quoteIdentifier, SqlDatabase } from '@app/database';
import { personalDataPolicy } from '@app/domain';
import { eventUpcasters } from '@app/domain/upcasters';
import {
  CryptoShreddingEventStore,
  PostgresEventStore,
  SqlPersonalDataKeys,
  UpcasterRegistry,
} from '@app/event-store';
import { openReadModels } from '@app/read-models';
import { DataSource } from 'typeorm';

export type BenchDatabaseKind = 'pg' | 'pglite';

/** The server the PostgreSQL runs use; the bench creates (and drops first) its own database. */
export const BENCH_SERVER_URL =
  process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_DATABASE = process.env.BENCH_DATABASE ?? 'billing_bench';

/** A database of the bench's server, by name. */
export const databaseUrlOf = (name: string): string => {
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

export const benchDatabaseUrl = (): string => databaseUrlOf(BENCH_DATABASE);

export interface BenchStorage {
  kind: BenchDatabaseKind;
  db: SqlDatabase;
  /** The store as the service composes it: customers' personal data sealed, upcasters run. */
  store: CryptoShreddingEventStore;
  /** The PostgreSQL log under it, whose append SQL the workload loader uses in bulk. */
  log: PostgresEventStore;
  readModels: DataSource;
  /** Set on PostgreSQL: where another process (the API, a rebuild) finds the same data. */
  databaseUrl: string | undefined;
  close(): Promise<void>;
}

/**
 * An empty log and read models: a fresh `billing_bench` database, or a PGlite in memory; with
 * `reuse`, the PostgreSQL database as an earlier run left it.
 */
export async function openBenchStorage(
  kind: BenchDatabaseKind,
  reuse = false,
): Promise<BenchStorage> {
  if (reuse && kind !== 'pg') throw new Error('--reuse-database needs --db pg');
  const databaseUrl =
    kind !== 'pg' ? undefined : reuse ? benchDatabaseUrl() : await recreateDatabase(BENCH_DATABASE);
  const db = await openDatabase({ databaseUrl, poolSize: 40 });
  const log = await PostgresEventStore.create(db, { pollIntervalMs: 20 });
  const store = await serviceEventStore(db, log);
  const readModels = await openReadModels(db);
  return {
    kind,
    db,
    store,
    log,
    readModels,
    databaseUrl,
    async close() {
      await readModels.destroy();
      await store.close();
      await db.close();
    },
  };
}

/**
 * `log` wrapped as `createEventStore` wraps it for the API and the CLI: crypto-shredding of
 * customers' personal data (keys in the same database) and the domain's upcasters.
 */
export async function serviceEventStore(
  db: SqlDatabase,
  log: PostgresEventStore,
): Promise<CryptoShreddingEventStore> {
  return new CryptoShreddingEventStore(
    log,
    await SqlPersonalDataKeys.create(db),
    personalDataPolicy,
    UpcasterRegistry.of(eventUpcasters),
  );
}

/** Drops the named database of the bench's server if it exists and creates it empty. */
export async function recreateDatabase(name: string): Promise<string> {
  await onServer(async (server) => {
    await server.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    await server.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  });
  return databaseUrlOf(name);
}

export function dropDatabase(name: string): Promise<void> {
  return onServer((server) =>
    server.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  );
}

async function onServer(work: (server: PostgresDatabase) => Promise<unknown>): Promise<void> {
  const server = await PostgresDatabase.open({ connectionString: BENCH_SERVER_URL });
  try {
    await work(server);
  } finally {
    await server.close();
  }
}
