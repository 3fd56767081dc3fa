import { EventEmitter } from 'node:events';
import { SqlDatabase, SqlLease } from './sql-database';

type ConnectCallback = (
  error: Error | null,
  connection: LeasedConnection | null,
  release: (error?: unknown) => void,
) => void;

/** What TypeORM's postgres driver reads from a `pg` query result. */
interface PgLikeResult {
  rows: unknown[];
  rowCount: number;
  command: string;
}

class LeasedConnection extends EventEmitter {
  constructor(private readonly lease: SqlLease) {
    super();
  }

  async query(text: string, params?: unknown[]): Promise<PgLikeResult> {
    const result = await this.lease.query(text, params);
    return { rows: result.rows, rowCount: result.rowCount, command: commandOf(text) };
  }
}

function commandOf(sql: string): string {
  const match = /^\s*(\w+)/.exec(sql);
  return match ? match[1].toUpperCase() : '';
}

/**
 * A `pg`-compatible module for TypeORM's `driver` option that runs every TypeORM connection on
 * a lease of our `SqlDatabase`. On PGlite a lease is exclusive, so TypeORM's transactions and
 * the event store's appends are serialized on the one embedded session (see ARCHITECTURE.md,
 * "PGlite is one database session"); on PostgreSQL a lease is a pooled connection.
 */
export function typeormDriverFor(database: SqlDatabase): unknown {
  class Pool extends EventEmitter {
    connect(callback: ConnectCallback): void {
      database.lease().then(
        (lease) => callback(null, new LeasedConnection(lease), () => lease.release()),
        (error: Error) => callback(error, null, () => undefined),
      );
    }

    async query(text: string, params?: unknown[]): Promise<PgLikeResult> {
      const result = await database.query(text, params);
      return { rows: result.rows, rowCount: result.rowCount, command: commandOf(text) };
    }

    /** The database is owned and closed by whoever opened it, not by TypeORM. */
    end(callback?: (error: Error | null) => void): void {
      callback?.(null);
    }
  }
  return { Pool, defaults: {} };
}
