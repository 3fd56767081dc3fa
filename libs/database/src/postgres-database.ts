import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Pool, PoolClient, PoolConfig, QueryResult } from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { ListenOptions, PostgresListener } from './postgres-listener';
import { isStalePreparedStatement, preparedStatementName } from './prepared-statements';
import { quoteIdentifier } from './quote-identifier';
import { SqlDatabase, SqlExecutor, SqlLease, SqlResult } from './sql-database';

export interface PostgresDatabaseOptions {
  connectionString: string;
  /** Schema to use as `search_path` (created if missing); default: the server's default. */
  schema?: string;
  poolSize?: number;
  /**
   * Run the texts registered by `preparedStatement` as named prepared statements (default
   * true); `false` behind a pooler that cannot keep them from one transaction to the next.
   */
  preparedStatements?: boolean;
}

/** PostgreSQL through a `pg` pool. */
export class PostgresDatabase implements SqlDatabase {
  readonly kind = 'postgres' as const;
  readonly description: string;
  private readonly prepared: boolean;

  private constructor(
    private readonly pool: Pool,
    readonly options: PostgresDatabaseOptions,
    private readonly config: PoolConfig,
  ) {
    const url = new URL(options.connectionString);
    this.prepared = options.preparedStatements ?? true;
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
      const bootstrap = withErrorListeners(
        new Pool({ connectionString: options.connectionString, max: 1 }),
      );
      try {
        await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(options.schema)}`);
      } finally {
        await bootstrap.end();
      }
      config.options = `-c search_path=${options.schema}`;
    }
    const pool = withErrorListeners(new Pool(config));
    await pool.query('SELECT 1');
    return new PostgresDatabase(pool, options, config);
  }

  query<Row>(text: string, params?: unknown[]): Promise<SqlResult<Row>> {
    return runOn(this.pool, text, params, this.prepared);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(executorOf(client, this.prepared));
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
      ...executorOf(client, this.prepared),
      copyFrom: (target, chunks) =>
        pipeline(Readable.from(chunks), client.query(copyFromStdin(`COPY ${target} FROM STDIN`))),
      release: () => client.release(),
    };
  }

  /**
   * `LISTEN channel` on a connection of its own that reconnects with backoff when the server
   * goes away (see PostgresListener); `close()` it to stop.
   */
  listen(channel: string, options: ListenOptions): Promise<PostgresListener> {
    return PostgresListener.start(
      { connectionString: this.config.connectionString, options: this.config.options },
      channel,
      options,
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function executorOf(client: PoolClient, prepared: boolean): SqlExecutor {
  return { query: (text, params) => runOn(client, text, params, prepared) };
}

/** The query, as the named prepared statement its text is registered as, if it is one. */
async function runOn<Row>(
  on: Pool | PoolClient,
  text: string,
  params: unknown[] | undefined,
  prepared: boolean,
): Promise<SqlResult<Row>> {
  const name = prepared ? preparedStatementName(text) : undefined;
  let result: QueryResult;
  if (name === undefined) {
    result = await on.query(text, params);
  } else {
    try {
      result = await on.query({ name, text, values: params });
    } catch (error) {
      if (!isStalePreparedStatement(error)) throw error;
      result = await on.query(text, params);
    }
  }
  return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
}

/**
 * A connection the server ends (restart, failover, `pg_terminate_backend`) emits 'error': on
 * the pool for an idle client, on the client itself for one that is checked out. Unheard, that
 * is an uncaught exception that ends the process. Heard here, the error reaches whoever uses
 * the connection next (its query fails, is answered 503) and the pool discards the connection
 * when it is released, opening a new one for the next caller.
 */
function withErrorListeners(pool: Pool): Pool {
  pool.on('error', ignoreConnectionError);
  pool.on('connect', (client) => client.on('error', ignoreConnectionError));
  return pool;
}

function ignoreConnectionError(): void {
  // Reported by the failing query of whoever uses the connection; see withErrorListeners.
}
