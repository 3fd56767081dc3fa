import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Pool, PoolClient, PoolConfig } from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { SqlDatabase, SqlExecutor, SqlLease, SqlResult } from './sql-database';

export interface PostgresDatabaseOptions {
  connectionString: string;
  /** Schema to use as `search_path` (created if missing); default: the server's default. */
  schema?: string;
  poolSize?: number;
}

/** PostgreSQL through a `pg` pool. */
export class PostgresDatabase implements SqlDatabase {
  readonly kind = 'postgres' as const;
  readonly description: string;

  private constructor(
    private readonly pool: Pool,
    readonly options: PostgresDatabaseOptions,
  ) {
    const url = new URL(options.connectionString);
    this.description = `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}${
      options.schema ? ` (schema ${options.schema})` : ''
    }`;
  }

  static async open(options: PostgresDatabaseOptions): Promise<PostgresDatabase> {
    const config: PoolConfig = {
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
    };
    if (options.schema) {
      const bootstrap = new Pool({ connectionString: options.connectionString, max: 1 });
      try {
        await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(options.schema)}`);
      } finally {
        await bootstrap.end();
      }
      config.options = `-c search_path=${options.schema}`;
    }
    const pool = new Pool(config);
    // An idle client's error (e.g. the server restarted) must not crash the process.
    pool.on('error', () => undefined);
    await pool.query('SELECT 1');
    return new PostgresDatabase(pool, options);
  }

  async query<Row>(text: string, params?: unknown[]): Promise<SqlResult<Row>> {
    const result = await this.pool.query(text, params as unknown[]);
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(executorOf(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async lease(): Promise<SqlLease> {
    const client = await this.pool.connect();
    return {
      ...executorOf(client),
      copyFrom: (target, chunks) =>
        pipeline(Readable.from(chunks), client.query(copyFromStdin(`COPY ${target} FROM STDIN`))),
      release: () => client.release(),
    };
  }

  /** A dedicated connection, outside the pool's rotation (LISTEN needs one). */
  async dedicatedClient(): Promise<PoolClient> {
    return this.pool.connect();
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function executorOf(client: PoolClient): SqlExecutor {
  return {
    async query<Row>(text: string, params?: unknown[]): Promise<SqlResult<Row>> {
      const result = await client.query(text, params as unknown[]);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
  };
}

export function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`Invalid SQL identifier: ${name}`);
  return `"${name}"`;
}
