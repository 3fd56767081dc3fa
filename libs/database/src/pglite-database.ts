import { PGlite, types } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { DataDirectoryLock } from './data-directory-lock';
import { Mutex } from './mutex';
import { SqlDatabase, SqlExecutor, SqlLease, SqlResult } from './sql-database';

export interface PgliteDatabaseOptions {
  /** A directory for the data (created if missing), or undefined for an in-memory database. */
  dataDir?: string;
  /**
   * The lock file that keeps a second process off `dataDir` (default: `<dataDir>.lock`).
   * Two processes on one PGlite directory hand out the same log positions and lose writes.
   */
  lockFile?: string;
}

/**
 * PGlite's buffer pool. PostgreSQL zeroes all of its shared memory when it starts, and in
 * PGlite that is one call of WebAssembly `memset` that runs unoptimized: with initdb's 128 MB
 * it was a fifth of every start's CPU (the API's, each CLI call's, each test's in-memory
 * database). 32 MB keeps three quarters of that off the start; the PGlite bench at 1,000
 * customers showed no difference beyond its noise (docs/build.md).
 */
const SHARED_BUFFERS = '32MB';

/**
 * The embedded PGlite database. PGlite is ONE database session: two transactions in flight
 * at once would share it, and one's ROLLBACK would discard the other's work. So every use of
 * the session — a single query, a transaction, a TypeORM lease — holds one FIFO mutex.
 */
export class PgliteDatabase implements SqlDatabase {
  readonly kind = 'pglite' as const;
  readonly description: string;
  private readonly session = new Mutex();

  private constructor(
    private readonly db: PGlite,
    options: PgliteDatabaseOptions,
    private readonly lock: DataDirectoryLock | undefined,
  ) {
    this.description = options.dataDir ? `PGlite (${options.dataDir})` : 'PGlite (in memory)';
  }

  static async open(options: PgliteDatabaseOptions = {}): Promise<PgliteDatabase> {
    let lock: DataDirectoryLock | undefined;
    if (options.dataDir) {
      mkdirSync(options.dataDir, { recursive: true });
      // Before PGlite touches the files: a second process must not even read them.
      lock = DataDirectoryLock.acquire(options.lockFile ?? `${options.dataDir}.lock`);
    }
    try {
      const db = await PGlite.create({
        dataDir: options.dataDir,
        startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
        // Same conventions as `pg`: 64-bit integers and numerics come back as strings.
        parsers: {
          [types.INT8]: (value: string) => value,
          [types.NUMERIC]: (value: string) => value,
        },
      });
      return new PgliteDatabase(db, options, lock);
    } catch (error) {
      lock?.release();
      throw error;
    }
  }

  query<Row>(text: string, params?: unknown[]): Promise<SqlResult<Row>> {
    return this.session.runExclusive(() => run<Row>(this.db, text, params));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.session.runExclusive(async () => {
      const tx: SqlExecutor = { query: (text, params) => run(this.db, text, params) };
      await this.db.exec('BEGIN');
      try {
        const result = await work(tx);
        await this.db.exec('COMMIT');
        return result;
      } catch (error) {
        await this.db.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async lease(): Promise<SqlLease> {
    const release = await this.session.acquire();
    return {
      query: (text, params) => run(this.db, text, params),
      // PGlite reads COPY's input from the query's blob, under the name /dev/blob.
      copyFrom: async (target, chunks) => {
        await this.db.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([...chunks]) });
      },
      release,
    };
  }

  async close(): Promise<void> {
    await this.session.runExclusive(async () => {
      if (!this.db.closed) await this.db.close();
    });
    this.lock?.release();
  }
}

async function run<Row>(db: PGlite, text: string, params?: unknown[]): Promise<SqlResult<Row>> {
  if (params && params.length > 0) {
    const result = await db.query<Row>(text, params);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  }
  // Without parameters the simple protocol allows several statements (migrations use that).
  const results = await db.exec(text);
  const last = results[results.length - 1];
  const rows = (last?.rows ?? []) as Row[];
  return { rows, rowCount: last?.affectedRows ?? rows.length };
}
