/** A row-returning query result, the shape shared by `pg` and PGlite. */
export interface SqlResult<Row> {
  rows: Row[];
  rowCount: number;
}

/** Anything that runs SQL: a pool, or one transaction's connection. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<Row>>;
}

export type SqlDatabaseKind = 'postgres' | 'pglite';

/**
 * One PostgreSQL-compatible database: a `pg` pool or the embedded PGlite session.
 * `transaction` runs `work` on one connection between BEGIN and COMMIT (ROLLBACK on throw).
 * Inside `work`, use only the executor it is given: on PGlite the database is one session,
 * and every transaction holds it exclusively until it ends.
 */
export interface SqlDatabase extends SqlExecutor {
  readonly kind: SqlDatabaseKind;
  /** Human-readable description, without credentials, e.g. for logs and test titles. */
  readonly description: string;
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Lease one connection exclusively (for drivers such as TypeORM's that manage transactions). */
  lease(): Promise<SqlLease>;
  close(): Promise<void>;
}

export interface SqlLease extends SqlExecutor {
  /**
   * `COPY target FROM STDIN` in PostgreSQL's text format: `target` is a table and its column
   * list, quoted (`"t" ("a", "b")`); `chunks` are whole lines, written in order. Much cheaper
   * for the server than an INSERT of the same rows. Fails, writing nothing, where a row does.
   */
  copyFrom(target: string, chunks: readonly string[]): Promise<void>;
  release(): void;
}
