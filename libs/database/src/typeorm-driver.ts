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

  /** Not part of `pg`'s client: what `leasedCopyFrom` finds behind a TypeORM query runner. */
  copyFrom(target: string, chunks: readonly string[]): Promise<void> {
    return this.lease.copyFrom(target, chunks);
  }
}

function commandOf(sql: string): string {
  const match = /^\s*(\w+)/.exec(sql);
  return match ? match[1].toUpperCase() : '';
}

/**
 * The `copyFrom` of the connection behind a TypeORM query runner (`await runner.connect()`),
 * when the runner is on a lease of ours; undefined for any other connection.
 */
export function leasedCopyFrom(connection: unknown): SqlLease['copyFrom'] | undefined {
  if (!(connection instanceof LeasedConnection)) return undefined;
  return (target, chunks) => connection.copyFrom(target, chunks);
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
