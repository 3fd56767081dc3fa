/**
 * SQL texts that run as named prepared statements on PostgreSQL: parsed and planned once per
 * connection, then only bound and executed. For hot statements whose planning costs more
 * than their execution (the customer file's one statement: about 1 ms to plan, 0.6 ms to
 * run). PGlite runs them as any other text. Register a fixed text once, at module load or on
 * first use; the text is the key, so callers pass it through TypeORM or `SqlExecutor.query`
 * unchanged.
 *
 * A prepared statement's result columns are fixed when it is prepared: PostgreSQL refuses to
 * run it once a migration changes them ("cached plan must not change result type"), so name
 * the columns rather than `SELECT *`; should that happen anyway, the query runs unprepared.
 */
const nameOfText = new Map<string, string>();
const textOfName = new Map<string, string>();

export function preparedStatement(name: string, text: string): string {
  const registered = textOfName.get(name);
  if (registered !== undefined && registered !== text)
    throw new Error(`Prepared statement ${name} is already registered with another text`);
  nameOfText.set(text, name);
  textOfName.set(name, text);
  return text;
}

export function preparedStatementName(text: string): string | undefined {
  return nameOfText.get(text);
}

/** PostgreSQL's refusal to run a prepared statement whose result columns changed. */
export function isStalePreparedStatement(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === '0A000' &&
    typeof message === 'string' &&
    message.includes('cached plan must not change result type')
  );
}
